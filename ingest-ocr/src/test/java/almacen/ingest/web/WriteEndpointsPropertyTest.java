package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import almacen.domain.Bounds;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.Unit;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every write endpoint, fed random and extreme values in every numeric slot: never a 5xx, an answer
 * within 1 s, a short error that does not echo the value, and nothing published on refusal.
 */
class WriteEndpointsPropertyTest {

  private static final AtomicLong IDS = new AtomicLong();
  private final WebFixture web =
      new WebFixture()
          .withProduct("ALM000001", "Yerba", null, Unit.UNIT, "21")
          .withProduct("VER000001", "Tomate", null, Unit.KG, "10.5");

  /**
   * One endpoint: a method, a path, a content type and a body template whose {@code #N} slots take
   * numbers.
   */
  record Endpoint(
      String method, String path, MediaType type, String template, List<String> normal) {}

  record Request(Endpoint endpoint, List<String> values) {

    String body(long id) {
      String body = endpoint.template().replace("#ID", "P" + id);
      for (int i = values.size() - 1; i >= 0; i--) {
        body = body.replace("#" + i, values.get(i));
      }
      return body;
    }
  }

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "POST",
              "/api/sales",
              MediaType.APPLICATION_JSON,
              """
          {"saleId":"#ID","branch":"central","soldAt":"2025-10-20T10:15:00-03:00",
           "lines":[{"sku":"ALM000001","qty":#0,"unitPrice":#1},{"sku":"VER000001","qty":#2,"unitPrice":#3}]}""",
              List.of("2", "1500.50", "0.755", "2999")),
          new Endpoint(
              "POST",
              "/api/sales/batch",
              MediaType.APPLICATION_JSON,
              """
          [{"saleId":"#ID-a","branch":"central","soldAt":"2025-10-20T10:15:00-03:00",
            "lines":[{"sku":"ALM000001","qty":#0,"unitPrice":#1}]},
           {"saleId":"#ID-b","branch":"central","soldAt":"2025-10-20T10:15:00-03:00",
            "lines":[{"sku":"VER000001","qty":#2,"unitPrice":#3}]}]""",
              List.of("2", "1500.50", "0.755", "2999")),
          new Endpoint(
              "POST",
              "/api/sales/batch",
              MediaType.parseMediaType("text/csv"),
              """
          saleId,branch,soldAt,sku,qty,unitPrice
          #ID,central,2025-10-20T10:15:00-03:00,ALM000001,#0,#1
          #ID,central,2025-10-20T10:15:00-03:00,VER000001,#2,#3
          """,
              List.of("2", "1500.50", "0.755", "2999")),
          new Endpoint(
              "POST",
              "/api/stock/adjustments",
              MediaType.APPLICATION_JSON,
              """
          {"adjustmentId":"#ID","branch":"central","sku":"VER000001","delta":#0,"reason":"SHRINKAGE"}""",
              List.of("-1.25")),
          new Endpoint(
              "POST",
              "/api/stock/adjustments",
              MediaType.APPLICATION_JSON,
              """
          {"adjustmentId":"#ID","branch":"central","sku":"ALM000001","countedQty":#0,"reason":"COUNT"}""",
              List.of("12")),
          new Endpoint(
              "POST",
              "/api/stock/transfers",
              MediaType.APPLICATION_JSON,
              """
          {"transferId":"#ID","fromBranch":"central","toBranch":"norte","sku":"ALM000001","qty":#0}""",
              List.of("6")),
          new Endpoint(
              "PUT",
              "/api/products/NEW000001",
              MediaType.APPLICATION_JSON,
              """
          {"name":"Arroz","category":"Almacén","unit":"UNIT","minStock":#0,"maxStock":#1,"ivaRatePct":#2,
           "markupPct":#3,"active":true}""",
              List.of("5", "50", "21", "35")),
          new Endpoint(
              "POST",
              "/api/inflation",
              MediaType.APPLICATION_JSON,
              """
          {"month":"2025-09","ratePct":#0,"source":"INDEC"}""",
              List.of("2.1")),
          new Endpoint(
              "POST",
              "/api/inflation",
              MediaType.parseMediaType("text/csv"),
              """
          month,ratePct,source
          2025-09,#0,INDEC
          """,
              List.of("2.1")),
          new Endpoint(
              "POST",
              "/api/invoices",
              MediaType.APPLICATION_JSON,
              """
          {"supplier":{"cuit":"30-71234567-1","name":"Distribuidora Sur SA"},
           "type":"A","pointOfSale":3,"number":#ID9,"issueDate":"2025-10-15","branch":"central",
           "lines":[{"sku":"ALM000001","supplierCode":"YM-1","description":"Yerba","qty":#0,
                     "unitCost":#1,"ivaRatePct":#2,"lineTotal":#3}],
           "netTotal":#4,"ivaTotal":#5,"otherTaxes":0,"total":#6}""",
              List.of("12", "850.00", "21", "10200.00", "10200.00", "2142.00", "12342.00")));

  @Property(tries = 400)
  void shouldNeverAnswer5xxNorPublishOnRefusalWhenNumbersAreRandomOrExtreme(
      @ForAll("requests") Request request) throws Exception {
    // given
    long id = IDS.incrementAndGet();
    String body = request.body(id).replace("#ID9", String.valueOf(id));
    int publishedBefore = web.publisher.events().size();

    // when
    long start = System.nanoTime();
    MockHttpServletResponse response =
        web.mvc
            .perform(
                builder(request.endpoint()).contentType(request.endpoint().type()).content(body))
            .andReturn()
            .getResponse();
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then
    assertThat(response.getStatus()).as("status for %s", body).isLessThan(500);
    assertThat(millis).as("answer time for %s", body).isLessThan(1000);
    if (response.getStatus() >= 400) {
      assertThat(response.getContentAsString())
          .as("error body")
          .hasSizeLessThan(2_000)
          .contains("\"error\"");
      assertThat(web.publisher.events())
          .as("published on refusal of %s", body)
          .hasSize(publishedBefore);
    } else {
      web.publisher.events().stream()
          .skip(publishedBefore)
          .filter(e -> e.value() instanceof Sale)
          .flatMap(e -> ((Sale) e.value()).getLines().stream())
          .forEach(WriteEndpointsPropertyTest::assertWithinBounds);
    }
  }

  @Provide
  Arbitrary<Request> requests() {
    return Arbitraries.of(ENDPOINTS)
        .flatMap(
            endpoint -> {
              List<Arbitrary<String>> slots =
                  endpoint.normal().stream()
                      .map(
                          normal ->
                              Arbitraries.frequencyOf(
                                  net.jqwik.api.Tuple.of(2, Arbitraries.just(normal)),
                                  net.jqwik.api.Tuple.of(3, hostileNumbers())))
                      .toList();
              return Combinators.combine(slots).as(values -> new Request(endpoint, values));
            });
  }

  /** Numbers (and things in their place) that have broken number handling before. */
  static Arbitrary<String> hostileNumbers() {
    Arbitrary<String> extreme =
        Arbitraries.of(
            "1e30",
            "1e1000000",
            "-1e1000000",
            "1e-1000000",
            "1E+999999999",
            "1000000.001",
            "1000000",
            "1000001",
            "-1000001",
            "1000000000000.00",
            "1000000000000.01",
            "0.001",
            "0.0001",
            "-0",
            "0",
            "-1",
            "1.5e3",
            "9".repeat(900),
            "0." + "0".repeat(900) + "1",
            "\"12\"",
            "\"abc\"",
            "true",
            "null",
            "[]",
            "{}",
            "\"\"",
            "NaN",
            "Infinity",
            "-Infinity",
            "2.5",
            "10.5",
            "27",
            "1000",
            "1000.01",
            "-50",
            "-50.01");
    Arbitrary<String> decimals =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("-1e13"), new BigDecimal("1e13"))
            .ofScale(4)
            .map(BigDecimal::toPlainString);
    Arbitrary<String> exponents =
        Combinators.combine(
                Arbitraries.integers().between(-9, 9), Arbitraries.integers().between(-400, 400))
            .as((m, e) -> m + "e" + e);
    return Arbitraries.oneOf(extreme, decimals, exponents);
  }

  private static MockHttpServletRequestBuilder builder(Endpoint endpoint) {
    return endpoint.method().equals("PUT") ? put(endpoint.path()) : post(endpoint.path());
  }

  private static void assertWithinBounds(SaleLine line) {
    assertThat(Bounds.qty(line.getQty())).isEmpty();
    assertThat(Bounds.money(line.getUnitPrice())).isEmpty();
  }
}
