package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import almacen.events.Sale;
import almacen.events.Unit;
import almacen.support.security.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A cashier bound to norte sends any mix of norte and other branches' sales, as JSON or CSV: every
 * sale is either accepted or rejected (never a 4xx/5xx for the whole batch), exactly the other
 * branches' sales are rejected as FORBIDDEN_BRANCH, and nothing published is for another branch or
 * by anyone but the cashier.
 */
class BranchBoundBatchPropertyTest {

  private static final AtomicLong IDS = new AtomicLong();
  private final WebFixture web =
      new WebFixture().withProduct("ALM000001", "Yerba", null, Unit.UNIT, "21");

  @Provide
  Arbitrary<List<String>> branches() {
    return Arbitraries.of("norte", "central", "sur").list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 60)
  void shouldRejectExactlyTheOtherBranchesSalesAndPublishOnlyNorteWhenBatchMixesBranches(
      @ForAll("branches") List<String> branches, @ForAll boolean csv) throws Exception {
    // given caja2, bound to norte, and one sale per branch drawn
    long batch = IDS.incrementAndGet();
    List<String> ids =
        IntStream.range(0, branches.size()).mapToObj(i -> "P" + batch + "-" + i).toList();
    int publishedBefore = web.publisher.events().size();
    SignedIn.as("caja2", Role.CASHIER, "norte");
    MockHttpServletResponse response;
    try {
      // when
      response =
          web.mvc
              .perform(
                  post("/api/sales/batch")
                      .contentType(
                          csv ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON)
                      .content(csv ? csv(ids, branches) : json(ids, branches)))
              .andReturn()
              .getResponse();
    } finally {
      SignedIn.out();
    }

    // then
    assertThat(response.getStatus()).isEqualTo(202);
    String body = response.getContentAsString();
    int accepted = JsonPath.read(body, "$.accepted");
    List<Integer> rejectedLines = JsonPath.read(body, "$.rejected[*].line");
    List<String> codes = JsonPath.read(body, "$.rejected[*].code");
    List<Integer> foreign =
        IntStream.range(0, branches.size())
            .filter(i -> !branches.get(i).equals("norte"))
            .mapToObj(i -> i + 1)
            .toList();
    assertThat(accepted + rejectedLines.size()).isEqualTo(branches.size());
    assertThat(rejectedLines).isEqualTo(foreign);
    assertThat(codes).allMatch("FORBIDDEN_BRANCH"::equals);
    List<Sale> published = new ArrayList<>();
    web.publisher.events().stream()
        .skip(publishedBefore)
        .forEach(e -> published.add((Sale) e.value()));
    assertThat(published).hasSize(accepted);
    assertThat(published).allMatch(s -> s.getBranch().equals("norte"));
    assertThat(published).allMatch(s -> "caja2".equals(s.getUser()));
  }

  private static String json(List<String> ids, List<String> branches) {
    List<String> sales = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      sales.add(
          """
          {"saleId":"%s","branch":"%s","soldAt":"2025-10-20T10:15:00-03:00",
           "lines":[{"sku":"ALM000001","qty":1,"unitPrice":100.00}]}"""
              .formatted(ids.get(i), branches.get(i)));
    }
    return "[" + String.join(",", sales) + "]";
  }

  /** One line per sale, so a sale's CSV line is its position. */
  private static String csv(List<String> ids, List<String> branches) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      out.append(ids.get(i))
          .append(',')
          .append(branches.get(i))
          .append(",2025-10-20T10:15:00-03:00,ALM000001,1,100.00\n");
    }
    return out.toString();
  }
}
