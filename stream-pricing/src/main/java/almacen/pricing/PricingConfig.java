package almacen.pricing;

import almacen.events.TaxRegime;
import almacen.pricing.domain.PricingRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code almacen.pricing.*}: the shop's pricing policy and the daily re-price schedule.
 *
 * @param taxRegime RI (default) or MONOTRIBUTO
 * @param horizonDays H: prices cover inflation up to today + H days (default 15)
 * @param roundingStep list prices are rounded up to a multiple of this (default 10.00)
 * @param defaultMarkupPct markup when neither product nor category has one (default 35)
 * @param categoryMarkups markup % by category; in YAML write keys with accents as {@code
 *     "[Lácteos]": 25} so Spring keeps them verbatim
 * @param dailyCheckInterval how often the wall-clock punctuator looks for a new Buenos Aires day;
 *     the DAILY re-price runs at the first check after midnight (default 1m)
 */
@ConfigurationProperties("almacen.pricing")
public record PricingConfig(
    @DefaultValue("RI") TaxRegime taxRegime,
    @DefaultValue("15") int horizonDays,
    @DefaultValue("10.00") BigDecimal roundingStep,
    @DefaultValue("35") BigDecimal defaultMarkupPct,
    Map<String, BigDecimal> categoryMarkups,
    @DefaultValue("1m") Duration dailyCheckInterval) {

  public PricingConfig {
    categoryMarkups = categoryMarkups == null ? Map.of() : Map.copyOf(categoryMarkups);
    if (dailyCheckInterval == null
        || dailyCheckInterval.isNegative()
        || dailyCheckInterval.isZero()) {
      throw new IllegalArgumentException("almacen.pricing.daily-check-interval must be > 0");
    }
    new PricingRules(
        taxRegime, horizonDays, roundingStep, defaultMarkupPct, categoryMarkups); // validates
  }

  public PricingRules rules() {
    return new PricingRules(
        taxRegime, horizonDays, roundingStep, defaultMarkupPct, categoryMarkups);
  }
}
