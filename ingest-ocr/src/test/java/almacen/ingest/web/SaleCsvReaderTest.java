package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.Sale;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.web.SaleController.Rejected;
import almacen.support.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SaleCsvReaderTest {

  private final SaleCsvReader reader =
      new SaleCsvReader(
          new SaleRequestMapper(
              new ProductCatalog(),
              Clock.fixed(Instant.parse("2025-10-20T15:00:00Z"), ZoneOffset.UTC)));

  @Test
  void shouldGroupLinesOfOneSaleWhenTheyShareTheSaleId() {
    // given two lines of sale A around one of sale B, after a header
    String csv =
        """
        saleId,branch,soldAt,sku,qty,unitPrice
        A,central,2025-10-20T10:00:00-03:00,ALM000001,2,100.00
        B,central,2025-10-20T10:05:00-03:00,ALM000002,1,50.00
        A,central,2025-10-20T10:00:00-03:00,VER000001,1.250,2999.99
        """;
    // when
    SaleCsvReader.Result result = reader.read(csv, "caja1", BatchRejections.english());
    // then
    assertThat(result.rejected()).isEmpty();
    assertThat(result.valid()).extracting(Sale::getSaleId).containsExactly("A", "B");
    assertThat(result.valid().get(0).getLines()).hasSize(2);
    assertThat(result.valid()).extracting(Sale::getUser).containsExactly("caja1", "caja1");
  }

  @Test
  void shouldRejectEveryLineOfASaleNamingTheBadOneWhenOneLineIsBad() {
    // given sale A whose second line has a quantity that is not a number, and a short line
    String csv =
        """
        A,central,2025-10-20T10:00:00-03:00,ALM000001,2,100.00
        A,central,2025-10-20T10:00:00-03:00,ALM000002,zero,100.00
        B,central
        """;
    // when
    SaleCsvReader.Result result = reader.read(csv, "caja1", BatchRejections.english());
    // then
    assertThat(result.valid()).isEmpty();
    assertThat(result.rejected())
        .containsExactly(
            new Rejected(1, "sale A rejected because of line 2", "SALE_REJECTED"),
            new Rejected(2, "qty 'zero' is not a number", "INVALID_FIELD"),
            new Rejected(
                3,
                "expected 6 columns saleId,branch,soldAt,sku,qty,unitPrice, found 2",
                "BAD_COLUMNS"));
  }

  @Test
  void shouldRejectEveryLineOfAnotherBranchsSaleAndKeepTheRestWhenUserIsBranchBound() {
    // given caja2, bound to norte, sends a CSV with a central sale between two norte ones
    SignedIn.as("caja2", Role.CASHIER, "norte");
    String csv =
        """
        A,norte,2025-10-20T10:00:00-03:00,ALM000001,1,100.00
        B,central,2025-10-20T10:05:00-03:00,ALM000001,1,100.00
        B,central,2025-10-20T10:05:00-03:00,ALM000002,1,100.00
        C,norte,2025-10-20T10:10:00-03:00,ALM000001,1,100.00
        """;
    try {
      // when
      SaleCsvReader.Result result = reader.read(csv, "caja2", BatchRejections.english());
      // then
      assertThat(result.valid()).extracting(Sale::getSaleId).containsExactly("A", "C");
      assertThat(result.rejected())
          .containsExactly(
              new Rejected(
                  2,
                  "Your user may only write for branch norte; this request is for branch central",
                  "FORBIDDEN_BRANCH"),
              new Rejected(
                  3,
                  "Your user may only write for branch norte; this request is for branch central",
                  "FORBIDDEN_BRANCH"));
    } finally {
      SignedIn.out();
    }
  }
}
