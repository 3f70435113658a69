package almacen.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.events.TaxRegime;
import almacen.pricing.domain.PricingRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class PricingConfigTest {

  static PricingConfig bindShippedYaml() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(environment.getPropertySources()::addLast);
    return Binder.get(environment).bind("almacen.pricing", PricingConfig.class).get();
  }

  @Test
  void shouldBindShippedDefaultsWhenApplicationYmlIsLoaded() throws IOException {
    // when
    PricingConfig config = bindShippedYaml();

    // then
    assertThat(config.taxRegime()).isEqualTo(TaxRegime.RI);
    assertThat(config.horizonDays()).isEqualTo(15);
    assertThat(config.roundingStep()).isEqualByComparingTo("10.00");
    assertThat(config.defaultMarkupPct()).isEqualByComparingTo("35");
    assertThat(config.dailyCheckInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.categoryMarkups())
        .containsOnlyKeys(
            "Almacén",
            "Bebidas",
            "Lácteos",
            "Limpieza",
            "Perfumería",
            "Fiambrería",
            "Panadería",
            "Congelados",
            "Golosinas",
            "Verdulería");
  }

  @Test
  void shouldFindCategoryMarkupWhenSpelledWithoutAccentsOrInCapitals() throws IOException {
    // given
    PricingRules rules = bindShippedYaml().rules();

    // then
    assertThat(rules.categoryMarkup("Lácteos")).isEqualByComparingTo("25");
    assertThat(rules.categoryMarkup("LACTEOS")).isEqualByComparingTo("25");
    assertThat(rules.categoryMarkup(" verduleria ")).isEqualByComparingTo("45");
    assertThat(rules.categoryMarkup("Ferretería")).isNull();
  }

  @Test
  void shouldRefuseConfigWhenRoundingStepIsNotPositive() {
    assertThatThrownBy(
            () ->
                new PricingConfig(
                    TaxRegime.RI, 15, BigDecimal.ZERO, null, Map.of(), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rounding-step");
  }

  @Test
  void shouldRefuseConfigWhenHorizonIsNegative() {
    assertThatThrownBy(
            () ->
                new PricingConfig(
                    TaxRegime.RI, -1, BigDecimal.TEN, null, Map.of(), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizon-days");
  }
}
