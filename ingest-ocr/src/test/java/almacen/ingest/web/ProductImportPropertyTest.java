package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import almacen.domain.Barcodes;
import almacen.domain.Decimals;
import almacen.events.Product;
import almacen.events.Unit;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Any import, as CSV or JSON, over a catalogue that already holds some of its skus and codes: every
 * row is either accepted or rejected, and exactly the rows that the PUTs of the accepted rows one
 * after the other would take (valid fields, a sku not already in the file, an EAN and a PLU nobody
 * else holds at that point) are published, in file order, in one call.
 */
class ProductImportPropertyTest {

  private static final List<String> SKUS = List.of("C1", "C2", "C3", "N1", "N2", "N3", "N4");
  private static final List<String> EANS = List.of(ean(1), ean(2), ean(3), ean(4));
  private static final List<String> PLUS = List.of("10001", "10002", "10003");

  /** One generated row; ean and plu are indexes into the pools, -1 for none. */
  record Line(String sku, boolean valid, int ean, int plu) {

    String eanCode() {
      return ean < 0 ? null : EANS.get(ean);
    }

    String pluCode() {
      return plu < 0 ? null : PLUS.get(plu);
    }
  }

  @Provide
  Arbitrary<List<Line>> lines() {
    Arbitrary<Line> line =
        Combinators.combine(
                Arbitraries.of(SKUS),
                Arbitraries.integers().between(0, 5).map(n -> n > 0),
                Arbitraries.integers().between(-1, EANS.size() - 1),
                Arbitraries.integers().between(-1, PLUS.size() - 1))
            .as(Line::new);
    return line.list().ofMaxSize(30);
  }

  @Property(tries = 200)
  void shouldPublishExactlyTheRowsSequentialPutsWouldTakeWhenAnyImportIsSent(
      @ForAll("lines") List<Line> lines, @ForAll boolean csv) throws Exception {
    // given a catalogue where C1..C3 hold EAN 1..3 and PLU 1..3
    WebFixture web = new WebFixture();
    Map<String, String> eanOwner = new HashMap<>();
    Map<String, String> pluOwner = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      String sku = SKUS.get(i);
      web.catalog.apply(sku, product(sku, EANS.get(i), PLUS.get(i)));
      eanOwner.put(EANS.get(i), sku);
      pluOwner.put(PLUS.get(i), sku);
    }
    List<String> expectedPublished = new ArrayList<>();
    List<Integer> expectedRejected = new ArrayList<>();
    // a CSV row's line counts the header (line 1); a JSON item's is its 1-based position
    model(lines, csv ? 2 : 1, eanOwner, pluOwner, expectedPublished, expectedRejected);

    // when
    MockHttpServletResponse response =
        web.mvc
            .perform(
                post("/api/products/import")
                    .contentType(
                        csv ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON)
                    .content((csv ? csv(lines) : json(lines)).getBytes(StandardCharsets.UTF_8)))
            .andReturn()
            .getResponse();

    // then
    assertThat(response.getStatus()).isEqualTo(200);
    String body = response.getContentAsString();
    int accepted = JsonPath.read(body, "$.accepted");
    List<Integer> rejectedLines = JsonPath.read(body, "$.rejected[*].line");
    assertThat(accepted + rejectedLines.size()).isEqualTo(lines.size());
    assertThat(rejectedLines).isEqualTo(expectedRejected);
    assertThat(web.publisher.events()).extracting(e -> e.key()).isEqualTo(expectedPublished);
    assertThat(web.publisher.calls()).hasSize(expectedPublished.isEmpty() ? 0 : 1);
    for (String sku : expectedPublished) {
      assertThat(web.catalog.get(sku)).isPresent();
    }
  }

  /** The PUTs of the rows one after the other, a sku taken at most once. */
  private static void model(
      List<Line> lines,
      int firstLine,
      Map<String, String> eanOwner,
      Map<String, String> pluOwner,
      List<String> published,
      List<Integer> rejected) {
    Map<String, Line> current = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      current.put(SKUS.get(i), new Line(SKUS.get(i), true, i, i));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      boolean taken =
          taken(eanOwner, line.eanCode(), line.sku())
              || taken(pluOwner, line.pluCode(), line.sku());
      if (!line.valid() || seen.contains(line.sku()) || taken) {
        rejected.add(firstLine + i);
        continue;
      }
      seen.add(line.sku());
      Line before = current.get(line.sku());
      if (before != null) {
        eanOwner.remove(before.eanCode(), line.sku());
        pluOwner.remove(before.pluCode(), line.sku());
      }
      if (line.eanCode() != null) {
        eanOwner.put(line.eanCode(), line.sku());
      }
      if (line.pluCode() != null) {
        pluOwner.put(line.pluCode(), line.sku());
      }
      current.put(line.sku(), line);
      published.add(line.sku());
    }
  }

  private static boolean taken(Map<String, String> owners, String code, String sku) {
    return code != null && owners.containsKey(code) && !owners.get(code).equals(sku);
  }

  /** A header, then one row per line; an invalid row has a negative minStock. */
  private static String csv(List<Line> lines) {
    StringBuilder out = new StringBuilder("sku,name,category,unit,minStock,ivaRatePct,ean,plu\n");
    for (Line line : lines) {
      out.append(line.sku())
          .append(",Producto ")
          .append(line.sku())
          .append(",Almacén,UNIT,")
          .append(line.valid() ? "5" : "-1")
          .append(",21,")
          .append(line.eanCode() == null ? "" : line.eanCode())
          .append(',')
          .append(line.pluCode() == null ? "" : line.pluCode())
          .append('\n');
    }
    return out.toString();
  }

  /** An invalid item has an IVA rate that does not exist. */
  private static String json(List<Line> lines) {
    List<String> items = new ArrayList<>();
    for (Line line : lines) {
      items.add(
          """
          {"sku":"%s","name":"Producto %s","category":"Almacén","unit":"UNIT","minStock":5,\
          "ivaRatePct":%s,"ean":%s,"plu":%s}"""
              .formatted(
                  line.sku(),
                  line.sku(),
                  line.valid() ? "21" : "19",
                  quoted(line.eanCode()),
                  quoted(line.pluCode())));
    }
    return "{\"items\":[" + String.join(",", items) + "]}";
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }

  private static Product product(String sku, String ean, String plu) {
    return Product.newBuilder()
        .setSku(sku)
        .setName("Producto " + sku)
        .setCategory("Almacén")
        .setEan(ean)
        .setPlu(plu)
        .setUnit(Unit.UNIT)
        .setMinStock(Decimals.qty(BigDecimal.ONE))
        .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
        .setActive(true)
        .setUpdatedAt(WebFixture.CLOCK.instant())
        .build();
  }

  private static String ean(int n) {
    String payload = "779%09d".formatted(n);
    return payload + Barcodes.checkDigit(payload);
  }
}
