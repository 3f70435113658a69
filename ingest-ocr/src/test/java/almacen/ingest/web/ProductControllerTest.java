package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.events.Product;
import almacen.events.ScaleValue;
import almacen.events.Unit;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

class ProductControllerTest {

  private static final String VALID =
      """
      {"name":"Yerba Mate Suave 1 kg","category":"Almacén","ean":"7790070410122","unit":"UNIT",
       "minStock":10,"maxStock":50,"ivaRatePct":21,"markupPct":35,"active":true}""";

  private static final String WEIGHED =
      """
      {"name":"Queso cremoso","category":"Fiambres","unit":"KG","minStock":2,"ivaRatePct":21,
       "plu":"12345","scaleValue":"PRICE","packSize":1,"supplierCuit":"30-71234567-1"}""";

  private final WebFixture web = new WebFixture();

  @Test
  void shouldPublishPluScaleValuePackSizeAndSupplierWhenGiven() throws Exception {
    // given / when
    web.mvc
        .perform(
            put("/api/products/FIAM-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(WEIGHED.replace("\"packSize\":1", "\"packSize\":12")))
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.plu").value("12345"))
        .andExpect(jsonPath("$.scaleValue").value("PRICE"))
        .andExpect(jsonPath("$.supplierCuit").value("30-71234567-1"));
    Product published = (Product) web.publisher.events().get(0).value();
    assertThat(published.getPlu()).isEqualTo("12345");
    assertThat(published.getScaleValue()).isEqualTo(ScaleValue.PRICE);
    assertThat(published.getPackSize()).isEqualTo(new BigDecimal("12.000"));
    assertThat(published.getSupplierCuit()).isEqualTo("30712345671");
    assertThat(web.catalog.skuByPlu("12345")).contains("FIAM-1");
  }

  @Test
  void shouldDefaultToWeightAndPackOfOneWhenOmitted() throws Exception {
    // given / when
    web.mvc
        .perform(
            put("/api/products/ALM000001").contentType(MediaType.APPLICATION_JSON).content(VALID))
        .andExpect(status().isOk());

    // then
    Product published = (Product) web.publisher.events().get(0).value();
    assertThat(published.getPlu()).isNull();
    assertThat(published.getScaleValue()).isEqualTo(ScaleValue.WEIGHT);
    assertThat(published.getPackSize()).isEqualTo(new BigDecimal("1.000"));
    assertThat(published.getSupplierCuit()).isNull();
  }

  @Test
  void shouldAnswer409AndPublishNothingWhenPluBelongsToAnotherProduct() throws Exception {
    // given
    web.mvc
        .perform(
            put("/api/products/FIAM-1").contentType(MediaType.APPLICATION_JSON).content(WEIGHED))
        .andExpect(status().isOk());

    // when
    web.mvc
        .perform(
            put("/api/products/FIAM-2").contentType(MediaType.APPLICATION_JSON).content(WEIGHED))
        // then
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("PLU_IN_USE"))
        .andExpect(jsonPath("$.field").value("plu"))
        .andExpect(jsonPath("$.message").value("PLU 12345 already belongs to product FIAM-1"));
    assertThat(web.publisher.events()).hasSize(1);
    assertThat(web.catalog.skuByPlu("12345")).contains("FIAM-1");
  }

  @Test
  void shouldPublishProductAndAnswer200WhenBodyIsValid() throws Exception {
    // given / when
    web.mvc
        .perform(
            put("/api/products/ALM000001").contentType(MediaType.APPLICATION_JSON).content(VALID))
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sku").value("ALM000001"))
        .andExpect(jsonPath("$.ivaRatePct").value(21.00))
        .andExpect(jsonPath("$.unit").value("UNIT"));
    assertThat(web.publisher.events()).hasSize(1);
    Product published = (Product) web.publisher.events().get(0).value();
    assertThat(web.publisher.events().get(0).topic().name()).isEqualTo("almacen.products");
    assertThat(published.getMinStock()).isEqualTo(new BigDecimal("10.000"));
    assertThat(published.getIvaRatePct()).isEqualTo(new BigDecimal("21.00"));
    assertThat(web.catalog.skuByEan("7790070410122")).contains("ALM000001");
    assertThat(web.counter("almacen.ingest.events", "type", "Product")).isEqualTo(1.0);
  }

  @Test
  void shouldAnswer409WhenEanBelongsToAnotherProduct() throws Exception {
    // given
    web.withProduct("ALM000009", "Otra yerba", "7790070410122", Unit.UNIT, "21");

    // when
    web.mvc
        .perform(
            put("/api/products/ALM000001").contentType(MediaType.APPLICATION_JSON).content(VALID))
        // then
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("EAN_IN_USE"))
        .andExpect(jsonPath("$.field").value("ean"));
    assertThat(web.publisher.events()).isEmpty();
  }

  @Test
  void shouldKeepEanWhenSameProductIsPutAgain() throws Exception {
    // given
    web.withProduct("ALM000001", "Yerba", "7790070410122", Unit.UNIT, "21");

    // when / then
    web.mvc
        .perform(
            put("/api/products/ALM000001").contentType(MediaType.APPLICATION_JSON).content(VALID))
        .andExpect(status().isOk());
  }

  static Stream<Arguments> invalidProducts() {
    return Stream.of(
        Arguments.of("alm-1", VALID, "INVALID_SKU", "sku"),
        Arguments.of(
            "ALM000001",
            VALID.replace("\"name\":\"Yerba Mate Suave 1 kg\",", ""),
            "MISSING_FIELD",
            "name"),
        Arguments.of(
            "ALM000001", VALID.replace("7790070410122", "7790070410120"), "BAD_CHECK_DIGIT", "ean"),
        Arguments.of(
            "ALM000001", VALID.replace("7790070410122", "779007041012"), "BAD_CHECK_DIGIT", "ean"),
        Arguments.of(
            "ALM000001", VALID.replace("7790070410122", "77900704"), "BAD_CHECK_DIGIT", "ean"),
        Arguments.of(
            "ALM000001", VALID.replace("7790070410122", "779007041"), "INVALID_EAN", "ean"),
        Arguments.of("ALM000001", WEIGHED.replace("12345", "1234"), "INVALID_PLU", "plu"),
        Arguments.of(
            "ALM000001", WEIGHED.replace("PRICE", "VOLUME"), "INVALID_VALUE", "scaleValue"),
        Arguments.of(
            "ALM000001",
            WEIGHED.replace("\"packSize\":1", "\"packSize\":0"),
            "INVALID_QTY",
            "packSize"),
        Arguments.of(
            "ALM000001",
            WEIGHED.replace("30-71234567-1", "30-71234567-2"),
            "INVALID_CUIT",
            "supplierCuit"),
        Arguments.of("ALM000001", VALID.replace("\"UNIT\"", "\"LITRE\""), "INVALID_UNIT", "unit"),
        Arguments.of(
            "ALM000001",
            VALID.replace("\"minStock\":10", "\"minStock\":-1"),
            "INVALID_QTY",
            "minStock"),
        Arguments.of(
            "ALM000001",
            VALID.replace("\"minStock\":10", "\"minStock\":1.0001"),
            "INVALID_QTY",
            "minStock"),
        Arguments.of(
            "ALM000001",
            VALID.replace("\"maxStock\":50", "\"maxStock\":5"),
            "INVALID_QTY",
            "maxStock"),
        Arguments.of(
            "ALM000001",
            VALID.replace("\"ivaRatePct\":21", "\"ivaRatePct\":19"),
            "INVALID_IVA_RATE",
            "ivaRatePct"),
        Arguments.of(
            "ALM000001",
            VALID.replace("\"markupPct\":35", "\"markupPct\":35.555"),
            "INVALID_RATE",
            "markupPct"),
        Arguments.of(
            "ALM000001",
            VALID.replace("\"minStock\":10", "\"minStock\":\"ten\""),
            "INVALID_FIELD",
            "minStock"));
  }

  @ParameterizedTest(name = "{3} → {2}")
  @MethodSource("invalidProducts")
  void shouldAnswer400NamingFieldWhenProductIsInvalid(
      String sku, String body, String error, String field) throws Exception {
    // given / when
    web.mvc
        .perform(put("/api/products/" + sku).contentType(MediaType.APPLICATION_JSON).content(body))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(error))
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.message").isNotEmpty());
    assertThat(web.publisher.events()).isEmpty();
  }
}
