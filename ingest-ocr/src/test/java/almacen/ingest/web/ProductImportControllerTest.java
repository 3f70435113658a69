package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.events.Product;
import almacen.events.Unit;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class ProductImportControllerTest {

  private static final String HEADER =
      "sku,name,category,ean,unit,minStock,maxStock,ivaRatePct,markupPct,active,plu,scaleValue,"
          + "packSize,supplierCuit\n";

  private final WebFixture web = new WebFixture();

  @Test
  void shouldPublishEveryRowInOneCallAndIndexThemWhenTheCsvIsValid() throws Exception {
    // given a spreadsheet's CSV: BOM, CRLF, a blank line, columns in its own order, a quoted name
    String csv =
        "\uFEFFname,sku,unit,minStock,ivaRatePct,ean,plu,active,Category\r\n"
            + "\"Azúcar común, 1 kg\",ALM000001,UNIT,10,21,7790070410122,,true,Almacén\r\n"
            + "\r\n"
            + "Queso cremoso,FIAM-1,KG,2,10.5,,12345,no,Fiambres\r\n";

    // when
    importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.accepted").value(2))
        .andExpect(jsonPath("$.rejected.length()").value(0));
    assertThat(web.publisher.calls()).hasSize(1);
    assertThat(web.publisher.events())
        .extracting(e -> e.key(), e -> ((Product) e.value()).getName())
        .containsExactly(
            tuple("ALM000001", "Azúcar común, 1 kg"), tuple("FIAM-1", "Queso cremoso"));
    Product cheese = (Product) web.publisher.events().get(1).value();
    assertThat(cheese.getIvaRatePct()).isEqualTo(new BigDecimal("10.50"));
    assertThat(cheese.getActive()).isFalse();
    assertThat(cheese.getCategory()).isEqualTo("Fiambres");
    assertThat(web.catalog.skuByEan("7790070410122")).contains("ALM000001");
    assertThat(web.catalog.skuByPlu("12345")).contains("FIAM-1");
    assertThat(web.counter("almacen.ingest.events", "type", "Product")).isEqualTo(2.0);
  }

  /** The example of ingest-ocr/README.md, answer included. */
  @Test
  void shouldAnswerAsTheReadmeShowsWhenACatalogueHasTwoBadLines() throws Exception {
    // given
    String csv =
        """
        sku,name,category,ean,unit,minStock,ivaRatePct,markupPct,plu
        ALM000001,Yerba mate 1 kg,Almacén,7790070410122,UNIT,5,21,35,
        ALM000002,Azúcar común 1 kg,Almacén,7790070410122,UNIT,5,21,30,
        FIAM-1,Queso cremoso,Fiambres,,KG,2,21,40,12345
        FIAM-2,Jamón cocido,Fiambres,,KG,1,19,40,12346
        """;

    // when
    String body =
        importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    // then
    assertThat(body)
        .isEqualTo(
            "{\"accepted\":2,\"rejected\":["
                + "{\"line\":3,\"sku\":\"ALM000002\",\"error\":\"EAN 7790070410122 already belongs"
                + " to product ALM000001 (line 2 of this import)\",\"code\":\"EAN_IN_USE\","
                + "\"field\":\"ean\"},"
                + "{\"line\":5,\"sku\":\"FIAM-2\",\"error\":\"ivaRatePct is not an Argentine IVA"
                + " rate (0, 2.5, 5, 10.5, 21 or 27)\",\"code\":\"INVALID_IVA_RATE\","
                + "\"field\":\"ivaRatePct\"}]}");
  }

  @Test
  void shouldRejectTheSecondRowWithEanInUseWhenTwoRowsClaimOneEan() throws Exception {
    // given
    String csv =
        HEADER
            + "ALM000001,Yerba 1 kg,Almacén,7790070410122,UNIT,5,,21,,,,,,\n"
            + "ALM000002,Yerba 500 g,Almacén,7790070410122,UNIT,5,,21,,,,,,\n";

    // when
    importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.accepted").value(1))
        .andExpect(jsonPath("$.rejected.length()").value(1))
        .andExpect(jsonPath("$.rejected[0].line").value(3))
        .andExpect(jsonPath("$.rejected[0].sku").value("ALM000002"))
        .andExpect(jsonPath("$.rejected[0].code").value("EAN_IN_USE"))
        .andExpect(jsonPath("$.rejected[0].field").value("ean"))
        .andExpect(
            jsonPath("$.rejected[0].error")
                .value(
                    "EAN 7790070410122 already belongs to product ALM000001 (line 2 of this"
                        + " import)"));
    assertThat(web.publisher.events()).extracting(e -> e.key()).containsExactly("ALM000001");
  }

  @Test
  void shouldRejectCodesOfOtherProductsButTakeOnesFreedEarlierInTheFileWhenTheCatalogueHasThem()
      throws Exception {
    // given the catalogue: ALM000009 holds 7790070410122, ALM000008 holds 7790895000997
    web.withProduct("ALM000009", "Otra yerba", "7790070410122", Unit.UNIT, "21")
        .withProduct("ALM000008", "Fideos", "7790895000997", Unit.UNIT, "21");
    String csv =
        HEADER
            // ALM000008 moves off its EAN, which frees it for ALM000002 below
            + "ALM000008,Fideos,Almacén,,UNIT,5,,21,,,,,,\n"
            + "ALM000001,Yerba,Almacén,7790070410122,UNIT,5,,21,,,,,,\n"
            + "ALM000002,Tallarines,Almacén,7790895000997,UNIT,5,,21,,,,,,\n"
            // keeping its own EAN is no conflict
            + "ALM000009,Otra yerba,Almacén,7790070410122,UNIT,5,,21,,,,,,\n";

    // when
    importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.accepted").value(3))
        .andExpect(jsonPath("$.rejected[0].line").value(3))
        .andExpect(jsonPath("$.rejected[0].code").value("EAN_IN_USE"))
        .andExpect(
            jsonPath("$.rejected[0].error")
                .value("EAN 7790070410122 already belongs to product ALM000009"));
    assertThat(web.catalog.skuByEan("7790895000997")).contains("ALM000002");
    assertThat(web.catalog.skuByEan("7790070410122")).contains("ALM000009");
  }

  @Test
  void shouldRejectEveryBadRowWithItsOwnCodeWhenRowsAreInvalid() throws Exception {
    // given
    String csv =
        HEADER
            + "ALM000001,Yerba,Almacén,,UNIT,5,,21,,,,,,\n"
            + "ALM000001,Yerba otra vez,Almacén,,UNIT,5,,21,,,,,,\n"
            + "alm-3,Minúsculas,Almacén,,UNIT,5,,21,,,,,,\n"
            + "ALM000004,Sin IVA válido,Almacén,,UNIT,5,,19,,,,,,\n"
            + "ALM000005,Stock de texto,Almacén,,UNIT,diez,,21,,,,,,\n"
            + "ALM000006,Faltan columnas,Almacén\n"
            + ",Sin SKU,Almacén,,UNIT,5,,21,,,,,,\n"
            + "ALM000008,Activo raro,Almacén,,UNIT,5,,21,,quizás,,,,\n";

    // when
    importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.accepted").value(1))
        .andExpect(
            jsonPath("$.rejected[*].line")
                .value(org.hamcrest.Matchers.contains(3, 4, 5, 6, 7, 8, 9)))
        .andExpect(
            jsonPath("$.rejected[*].code")
                .value(
                    org.hamcrest.Matchers.contains(
                        "DUPLICATE_SKU",
                        "INVALID_SKU",
                        "INVALID_IVA_RATE",
                        "INVALID_FIELD",
                        "BAD_COLUMNS",
                        "MISSING_FIELD",
                        "INVALID_FIELD")))
        .andExpect(
            jsonPath("$.rejected[*].field")
                .value(
                    org.hamcrest.Matchers.contains(
                        "sku", "sku", "ivaRatePct", "minStock", null, "sku", "active")))
        .andExpect(
            jsonPath("$.rejected[0].error")
                .value("sku ALM000001 is already on line 2 of this import"))
        .andExpect(jsonPath("$.rejected[4].sku").value("ALM000006"))
        .andExpect(jsonPath("$.rejected[5].sku").doesNotExist());
    assertThat(web.publisher.events()).extracting(e -> e.key()).containsExactly("ALM000001");
  }

  @Test
  void shouldAnswerRejectionsInSpanishWhenTheClientPrefersSpanish() throws Exception {
    // given
    String csv =
        HEADER
            + "ALM000001,Yerba,Almacén,7790070410122,UNIT,5,,21,,,,,,\n"
            + "ALM000002,Yerba,Almacén,7790070410122,UNIT,5,,21,,,,,,\n"
            + "ALM000001,Yerba,Almacén,,UNIT,5,,21,,,,,,\n";

    // when
    web.mvc
        .perform(
            post("/api/products/import")
                .header("Accept-Language", "es-AR")
                .contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)))
        // then
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.rejected[0].error")
                .value("El código de barras ya pertenece a otro producto."))
        .andExpect(
            jsonPath("$.rejected[1].error")
                .value(
                    "Este SKU ya está en una línea anterior del archivo: cada producto va una sola"
                        + " vez."));
  }

  @Test
  void shouldReadWindows1252WhenTheBodyIsNotUtf8() throws Exception {
    // given a CSV saved by a spreadsheet in Spanish, not UTF-8, and no charset named
    String csv = "sku,name,category,unit,minStock,ivaRatePct\nALM000001,Azúcar,Almacén,UNIT,1,21\n";

    // when
    importCsv(csv.getBytes(Charset.forName("windows-1252")), "text/csv")
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.accepted").value(1));
    assertThat(((Product) web.publisher.events().get(0).value()).getName()).isEqualTo("Azúcar");
  }

  @Test
  void shouldAnswer400MissingHeaderAndPublishNothingWhenTheFirstLineIsData() throws Exception {
    // given
    String csv = "ALM000001,Yerba,Almacén,,UNIT,5,,21,,,,,,\n";

    // when
    importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("MISSING_HEADER"))
        .andExpect(jsonPath("$.field").value("line 1"));
    assertThat(web.publisher.calls()).isEmpty();
  }

  @Test
  void shouldAnswer400UnknownColumnInSpanishWhenTheHeaderNamesAColumnThatIsNoField()
      throws Exception {
    // given
    String csv = "\n\nsku,nombre\nALM000001,Yerba\n";

    // when
    web.mvc
        .perform(
            post("/api/products/import")
                .header("Accept-Language", "es-AR")
                .contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("UNKNOWN_COLUMN"))
        .andExpect(jsonPath("$.field").value("line 3"))
        .andExpect(
            jsonPath("$.message")
                .value(
                    org.hamcrest.Matchers.startsWith(
                        "Revisá el encabezado del CSV en la línea 3 del archivo: tiene una columna"
                            + " desconocida o repetida.")));
    assertThat(web.publisher.calls()).isEmpty();
  }

  @Test
  void shouldAnswer400MissingHeaderWhenTheBodyIsEmpty() throws Exception {
    // when
    importCsv(new byte[0], "text/csv")
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("MISSING_HEADER"));
  }

  @Test
  void shouldAnswer400TooManyWhenTheCsvHasMoreRowsThanABatchTakes() throws Exception {
    // given 10,001 rows
    StringBuilder csv = new StringBuilder("sku,name\n");
    for (int i = 0; i <= ProductImport.MAX_ROWS; i++) {
      csv.append("P").append(i).append(",x\n");
    }

    // when
    importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("TOO_MANY"))
        .andExpect(jsonPath("$.field").value("rows"));
    assertThat(web.publisher.calls()).isEmpty();
  }

  @Test
  void shouldImportJsonItemsAndNumberLinesByPositionWhenSentAsJson() throws Exception {
    // given
    String json =
        """
        {"items":[
          {"sku":"ALM000001","name":"Yerba","category":"Almacén","unit":"UNIT","minStock":5,
           "ivaRatePct":21,"ean":"7790070410122"},
          {"sku":"ALM000002","name":"Yerba","category":"Almacén","unit":"LITRE","minStock":5,
           "ivaRatePct":21}]}""";

    // when
    web.mvc
        .perform(post("/api/products/import").contentType(MediaType.APPLICATION_JSON).content(json))
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.accepted").value(1))
        .andExpect(jsonPath("$.rejected[0].line").value(2))
        .andExpect(jsonPath("$.rejected[0].sku").value("ALM000002"))
        .andExpect(jsonPath("$.rejected[0].code").value("INVALID_UNIT"))
        .andExpect(jsonPath("$.rejected[0].field").value("unit"));
    assertThat(web.catalog.get("ALM000001")).isPresent();
  }

  @Test
  void shouldAnswer400MissingFieldWhenJsonHasNoItems() throws Exception {
    // when
    web.mvc
        .perform(post("/api/products/import").contentType(MediaType.APPLICATION_JSON).content("{}"))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("MISSING_FIELD"))
        .andExpect(jsonPath("$.field").value("items"));
  }

  @Test
  void shouldAnswer503AndIndexNothingWhenTheBrokerIsDown() throws Exception {
    // given
    web.publisher.brokerDown(true);
    String csv = HEADER + "ALM000001,Yerba,Almacén,7790070410122,UNIT,5,,21,,,,,,\n";

    // when
    importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
        // then
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.error").value("BROKER_UNAVAILABLE"));
    assertThat(web.catalog.get("ALM000001")).isEmpty();
    assertThat(web.catalog.skuByEan("7790070410122")).isEmpty();
  }

  private ResultActions importCsv(byte[] body, String contentType) throws Exception {
    return web.mvc.perform(post("/api/products/import").contentType(contentType).content(body));
  }
}
