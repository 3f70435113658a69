package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.events.Sale;
import almacen.events.Unit;
import almacen.support.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

class SaleControllerTest {

  private static final String SALE =
      """
      {"saleId":"S-1","branch":"central","soldAt":"2025-10-20T10:15:00-03:00",
       "lines":[{"sku":"ALM000001","qty":2,"unitPrice":1500.50},{"sku":"VER000001","qty":0.755,"unitPrice":2999}]}""";

  private final WebFixture web =
      new WebFixture()
          .withProduct("ALM000001", "Yerba", null, Unit.UNIT, "21")
          .withProduct("VER000001", "Tomate", null, Unit.KG, "10.5");

  @Test
  void shouldPublishSaleAndAnswer202WhenValid() throws Exception {
    // given / when
    web.mvc
        .perform(post("/api/sales").contentType(MediaType.APPLICATION_JSON).content(SALE))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.saleId").value("S-1"))
        .andExpect(jsonPath("$.status").value("ACCEPTED"));
    Sale sale = (Sale) web.publisher.events().get(0).value();
    assertThat(sale.getSoldAt()).isEqualTo(Instant.parse("2025-10-20T13:15:00Z"));
    assertThat(sale.getLines().get(1).getQty()).isEqualTo(new BigDecimal("0.755"));
    assertThat(sale.getLines().get(0).getUnitPrice()).isEqualTo(new BigDecimal("1500.50"));
    assertThat(web.publisher.events().get(0).timestamp())
        .isEqualTo(Instant.parse("2025-10-20T13:15:00Z"));
  }

  @Test
  void shouldAnswer202AgainButPublishOnceWhenSameSaleIdRepeats() throws Exception {
    // given
    web.mvc
        .perform(post("/api/sales").contentType(MediaType.APPLICATION_JSON).content(SALE))
        .andExpect(status().isAccepted());

    // when
    web.mvc
        .perform(post("/api/sales").contentType(MediaType.APPLICATION_JSON).content(SALE))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("ACCEPTED"));
    assertThat(web.publisher.events()).hasSize(1);
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenBrokerIsDown() throws Exception {
    // given
    web.publisher.brokerDown(true);

    // when
    web.mvc
        .perform(post("/api/sales").contentType(MediaType.APPLICATION_JSON).content(SALE))
        // then
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.error").value("BROKER_UNAVAILABLE"));
  }

  static Stream<Arguments> invalidSales() {
    return Stream.of(
        Arguments.of(SALE.replace("\"saleId\":\"S-1\",", ""), "MISSING_FIELD", "saleId"),
        Arguments.of(SALE.replace("S-1", "S".repeat(65)), "INVALID_ID", "saleId"),
        Arguments.of(SALE.replace("\"central\"", "\"Central\""), "INVALID_BRANCH", "branch"),
        Arguments.of(
            SALE.replace("2025-10-20T10:15:00-03:00", "2025-10-20T10:15:00"),
            "INVALID_INSTANT",
            "soldAt"),
        Arguments.of(
            SALE.replace("\"sku\":\"ALM000001\"", "\"sku\":\"alm1\""),
            "INVALID_SKU",
            "lines[0].sku"),
        Arguments.of(SALE.replace("\"qty\":2,", "\"qty\":0,"), "INVALID_QTY", "lines[0].qty"),
        Arguments.of(SALE.replace("\"qty\":2,", "\"qty\":1.5,"), "INVALID_QTY", "lines[0].qty"),
        Arguments.of(SALE.replace("0.755", "0.7555"), "INVALID_QTY", "lines[1].qty"),
        Arguments.of(SALE.replace("1500.50", "1500.505"), "INVALID_MONEY", "lines[0].unitPrice"),
        Arguments.of(SALE.replace("1500.50", "-1"), "INVALID_MONEY", "lines[0].unitPrice"),
        Arguments.of(SALE.replace("1500.50", "\"abc\""), "INVALID_FIELD", "lines[0].unitPrice"),
        Arguments.of(
            """
            {"saleId":"S-1","soldAt":"2025-10-20T10:15:00-03:00","lines":[]}""",
            "MISSING_FIELD",
            "lines"));
  }

  @ParameterizedTest(name = "{2} → {1}")
  @MethodSource("invalidSales")
  void shouldAnswer400NamingFieldWhenSaleIsInvalid(String body, String error, String field)
      throws Exception {
    // given / when
    web.mvc
        .perform(post("/api/sales").contentType(MediaType.APPLICATION_JSON).content(body))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(error))
        .andExpect(jsonPath("$.field").value(field));
    assertThat(web.publisher.events()).isEmpty();
  }

  @Test
  void shouldDefaultBranchToCentralWhenAbsent() throws Exception {
    // given / when
    web.mvc
        .perform(
            post("/api/sales")
                .contentType(MediaType.APPLICATION_JSON)
                .content(SALE.replace("\"branch\":\"central\",", "")))
        .andExpect(status().isAccepted());

    // then
    assertThat(((Sale) web.publisher.events().get(0).value()).getBranch()).isEqualTo("central");
  }

  @Test
  void shouldAcceptValidAndRejectInvalidElementsWhenBatchIsJsonArray() throws Exception {
    // given
    String batch =
        "["
            + SALE
            + ","
            + SALE.replace("S-1", "S-2").replace("ALM000001", "bad sku")
            + ","
            + SALE.replace("S-1", "S-3")
            + "]";

    // when
    web.mvc
        .perform(post("/api/sales/batch").contentType(MediaType.APPLICATION_JSON).content(batch))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.accepted").value(2))
        .andExpect(jsonPath("$.rejected.length()").value(1))
        .andExpect(jsonPath("$.rejected[0].line").value(2))
        .andExpect(
            jsonPath("$.rejected[0].error")
                .value(org.hamcrest.Matchers.containsString("[1].lines[0].sku")));
    assertThat(web.publisher.calls()).hasSize(1);
    assertThat(web.publisher.calls().get(0))
        .extracting(OutgoingKey::of)
        .containsExactly("S-1", "S-3");
  }

  @Test
  void shouldGroupLinesBySaleIdAndReportBadLinesOneBasedWhenBatchIsCsv() throws Exception {
    // given: line 1 header, sale A on lines 2 and 4, sale B on line 3 has a bad qty, line 5 has 3
    // columns,
    // line 6 blank, sale C on line 7
    String csv =
        """
        saleId,branch,soldAt,sku,qty,unitPrice
        A,central,2025-10-20T10:00:00-03:00,ALM000001,2,100.00
        B,central,2025-10-20T10:05:00-03:00,ALM000001,zero,100.00
        A,central,2025-10-20T10:00:00-03:00,VER000001,1.250,2999.99
        C,central,2025-10-20T10:06:00-03:00

        C,sucursal-2,2025-10-20T10:07:00-03:00,ALM000001,1,50
        """;

    // when
    web.mvc
        .perform(post("/api/sales/batch").contentType("text/csv").content(csv))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.accepted").value(2))
        .andExpect(jsonPath("$.rejected.length()").value(2))
        .andExpect(jsonPath("$.rejected[0].line").value(3))
        .andExpect(jsonPath("$.rejected[0].error").value("qty 'zero' is not a number"))
        .andExpect(jsonPath("$.rejected[1].line").value(5))
        .andExpect(
            jsonPath("$.rejected[1].error")
                .value("expected 6 columns saleId,branch,soldAt,sku,qty,unitPrice, found 3"));
    Sale a = (Sale) web.publisher.events().get(0).value();
    assertThat(a.getSaleId()).isEqualTo("A");
    assertThat(a.getLines()).hasSize(2);
    assertThat(((Sale) web.publisher.events().get(1).value()).getBranch()).isEqualTo("sucursal-2");
  }

  @Test
  void shouldRejectWholeSaleWhenOneOfItsCsvLinesIsBad() throws Exception {
    // given
    String csv =
        """
        A,central,2025-10-20T10:00:00-03:00,ALM000001,2,100.00
        A,central,2025-10-20T10:00:00-03:00,ALM000001,2,100.001
        """;

    // when
    web.mvc
        .perform(post("/api/sales/batch").contentType("text/csv").content(csv))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.accepted").value(0))
        .andExpect(jsonPath("$.rejected[0].line").value(1))
        .andExpect(jsonPath("$.rejected[0].error").value("sale A rejected because of line 2"))
        .andExpect(jsonPath("$.rejected[1].line").value(2))
        .andExpect(
            jsonPath("$.rejected[1].error")
                .value("unitPrice may have at most 2 decimals (centavos)"));
    assertThat(web.publisher.events()).isEmpty();
  }

  @Test
  void shouldRefuseTheWholeBatchNamingTheLineWhenAQuoteIsNeverClosed() throws Exception {
    // given: line 2 opens a quote that the body never closes
    String csv =
        """
        A,central,2025-10-20T10:00:00-03:00,ALM000001,2,100.00
        "B,central,2025-10-20T10:05:00-03:00,ALM000001,1,100.00
        """;

    // when
    web.mvc
        .perform(post("/api/sales/batch").contentType("text/csv").content(csv))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("INVALID_CSV"))
        .andExpect(jsonPath("$.field").value("line 2"));
    assertThat(web.publisher.events()).isEmpty();
  }

  /** Key of a published record. */
  @AfterEach
  void signOut() {
    SignedIn.out();
  }

  @Test
  void shouldRecordTheSignedInCashierAndIgnoreAUserInTheBodyWhenSaleIsPosted() throws Exception {
    // given caja1 is signed in and the body names someone else
    SignedIn.as("caja1", Role.CASHIER, null);
    String spoofed = SALE.replace("\"saleId\":\"S-1\",", "\"saleId\":\"S-1\",\"user\":\"jefe\",");

    // when
    web.mvc
        .perform(post("/api/sales").contentType(MediaType.APPLICATION_JSON).content(spoofed))
        // then
        .andExpect(status().isAccepted());
    assertThat(((Sale) web.publisher.events().get(0).value()).getUser()).isEqualTo("caja1");
  }

  @Test
  void shouldRejectOnlyTheOtherBranchsSaleInSpanishWhenABranchBoundCashierSendsAJsonBatch()
      throws Exception {
    // given caja2, bound to norte, sends a norte sale, a central one and another norte one
    SignedIn.as("caja2", Role.CASHIER, "norte");
    String norte = SALE.replace("\"central\"", "\"norte\"");
    String batch =
        "[" + norte + "," + SALE.replace("S-1", "S-2") + "," + norte.replace("S-1", "S-3") + "]";

    // when
    web.mvc
        .perform(
            post("/api/sales/batch")
                .header("Accept-Language", "es-AR")
                .contentType(MediaType.APPLICATION_JSON)
                .content(batch))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.accepted").value(2))
        .andExpect(jsonPath("$.rejected.length()").value(1))
        .andExpect(jsonPath("$.rejected[0].line").value(2))
        .andExpect(jsonPath("$.rejected[0].code").value("FORBIDDEN_BRANCH"))
        .andExpect(
            jsonPath("$.rejected[0].error").value("Tu usuario solo puede operar en su sucursal."));
    assertThat(web.publisher.events())
        .extracting(e -> ((Sale) e.value()).getSaleId(), e -> ((Sale) e.value()).getUser())
        .containsExactly(tuple("S-1", "caja2"), tuple("S-3", "caja2"));
  }

  @Test
  void shouldRejectTheOtherBranchsCsvSaleWhenABranchBoundCashierSendsACsvBatch() throws Exception {
    // given caja2, bound to norte, sends sale A for norte and sale B for central
    SignedIn.as("caja2", Role.CASHIER, "norte");
    String csv =
        """
        A,norte,2025-10-20T10:00:00-03:00,ALM000001,2,100.00
        B,central,2025-10-20T10:05:00-03:00,ALM000001,1,100.00
        """;

    // when
    web.mvc
        .perform(
            post("/api/sales/batch")
                .header("Accept-Language", "es-AR")
                .contentType("text/csv")
                .content(csv))
        // then: not a 403 for the whole file, not a 500: line 2 is refused, A goes
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.accepted").value(1))
        .andExpect(jsonPath("$.rejected.length()").value(1))
        .andExpect(jsonPath("$.rejected[0].line").value(2))
        .andExpect(jsonPath("$.rejected[0].code").value("FORBIDDEN_BRANCH"))
        .andExpect(
            jsonPath("$.rejected[0].error").value("Tu usuario solo puede operar en su sucursal."));
    assertThat(web.publisher.events())
        .extracting(e -> ((Sale) e.value()).getSaleId(), e -> ((Sale) e.value()).getUser())
        .containsExactly(tuple("A", "caja2"));
  }

  private static final class OutgoingKey {
    static String of(almacen.ingest.publish.OutgoingEvent<?> e) {
      return e.key();
    }
  }
}
