package almacen.inventory;

import static almacen.inventory.InventoryDriver.invoice;
import static almacen.inventory.InventoryDriver.invoiceLine;
import static almacen.inventory.InventoryDriver.note;
import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceStatus;
import almacen.events.MovementType;
import almacen.events.StockMovement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Credit notes return goods, debit notes move nothing, bonificaciones lower the unit cost. */
class PurchaseReturnTopologyTest {

  private static final LocalDate DAY = LocalDate.of(2025, 10, 14);
  private static final LocalDate NEXT_DAY = LocalDate.of(2025, 10, 15);
  private static final String NOTE = "30712345671-NC-A-00003-00000001";

  /** 00:00 Buenos Aires of 2025-10-15, the note's business instant. */
  private static final Instant NOTE_AT = Instant.parse("2025-10-15T03:00:00Z");

  private static StockMovement movement(
      String ref, String sku, String delta, String before, String after, String cost, long seq) {
    return StockMovement.newBuilder()
        .setMovementId(ref + ":PURCHASE_RETURN")
        .setBranch("central")
        .setSku(sku)
        .setType(MovementType.PURCHASE_RETURN)
        .setDelta(new BigDecimal(delta))
        .setBefore(new BigDecimal(before))
        .setAfter(new BigDecimal(after))
        .setUnitCost(new BigDecimal(cost))
        .setSourceRef(ref)
        .setOccurredAt(NOTE_AT)
        .setSequence(seq)
        .build();
  }

  private static void bought(InventoryDriver d) {
    d.send(
        invoice(
            "INV1",
            "central",
            DAY,
            InvoiceStatus.CONFIRMED,
            invoiceLine("A1", "10", "100"),
            invoiceLine("B2", "4", "50")));
    d.drainMovements();
    d.levels.readValuesToList();
  }

  private static InvoiceLine[] returned() {
    return new InvoiceLine[] {
      invoiceLine("A1", "2", "100"), invoiceLine(null, "1", "300"), invoiceLine("B2", "1", "50")
    };
  }

  @Test
  void shouldTakeReturnedGoodsOutLineByLineWhenACreditNoteIsConfirmed() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given 10 A1 at 100 and 4 B2 at 50 bought
      bought(d);
      // when a confirmed credit note returns 2 A1, a line without sku and 1 B2
      d.send(
          note(
              InvoiceKind.CREDIT_NOTE,
              NOTE,
              "central",
              NEXT_DAY,
              InvoiceStatus.CONFIRMED,
              returned()));
      // then each goods line leaves the branch at the average, numbered as on the note
      assertThat(d.drainMovements())
          .containsExactly(
              movement(NOTE + "#1", "A1", "-2.000", "10.000", "8.000", "100.0000", 2),
              movement(NOTE + "#3", "B2", "-1.000", "4.000", "3.000", "50.0000", 2));
      assertThat(d.level("central", "A1").getOnHand()).isEqualTo(new BigDecimal("8.000"));
      assertThat(d.level("central", "A1").getAvgCost()).isEqualTo(new BigDecimal("100.0000"));
      assertThat(d.level("central", "A1").getStockValue()).isEqualTo(new BigDecimal("800.00"));
      assertThat(d.dlq.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldReturnOnceWhenTheNoteIsConfirmedAfterReviewAndSentAgain() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given goods bought and a credit note waiting for review
      bought(d);
      d.send(
          note(
              InvoiceKind.CREDIT_NOTE,
              NOTE,
              "central",
              NEXT_DAY,
              InvoiceStatus.NEEDS_REVIEW,
              returned()));
      assertThat(d.drainMovements()).isEmpty();
      // when it is confirmed, then confirmed again (a retry, a second click)
      d.send(
          note(
              InvoiceKind.CREDIT_NOTE,
              NOTE,
              "central",
              NEXT_DAY,
              InvoiceStatus.CONFIRMED,
              returned()));
      d.send(
          note(
              InvoiceKind.CREDIT_NOTE,
              NOTE,
              "central",
              NEXT_DAY,
              InvoiceStatus.CONFIRMED,
              returned()));
      // then the goods go back once and the repeat is counted as a duplicate
      assertThat(d.drainMovements())
          .extracting(StockMovement::getMovementId)
          .containsExactly(NOTE + "#1:PURCHASE_RETURN", NOTE + "#3:PURCHASE_RETURN");
      assertThat(d.level("central", "A1").getOnHand()).isEqualTo(new BigDecimal("8.000"));
      assertThat(d.duplicates("invoice")).isEqualTo(1.0);
    }
  }

  @Test
  void shouldKeepTheInvoiceAndTheNoteWithTheSameNumberApartWhenBothAreConfirmed() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given invoice 30712345671-A-00003-00000001 confirmed
      d.send(
          invoice(
              "30712345671-A-00003-00000001",
              "central",
              DAY,
              InvoiceStatus.CONFIRMED,
              invoiceLine("A1", "10", "100")));
      // when the credit note with the same number comes
      d.send(
          note(
              InvoiceKind.CREDIT_NOTE,
              NOTE,
              "central",
              NEXT_DAY,
              InvoiceStatus.CONFIRMED,
              invoiceLine("A1", "3", "100")));
      // then both take effect, neither is a duplicate of the other
      assertThat(d.drainMovements())
          .extracting(StockMovement::getType, StockMovement::getDelta)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(MovementType.PURCHASE, new BigDecimal("10.000")),
              org.assertj.core.groups.Tuple.tuple(
                  MovementType.PURCHASE_RETURN, new BigDecimal("-3.000")));
      assertThat(d.duplicates("invoice")).isEqualTo(0.0);
    }
  }

  @Test
  void shouldMoveNothingWhenADebitNoteIsConfirmed() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given goods bought
      bought(d);
      // when a debit note (a price difference charged later) is confirmed
      d.send(
          note(
              InvoiceKind.DEBIT_NOTE,
              "30712345671-ND-A-00003-00000001",
              "central",
              NEXT_DAY,
              InvoiceStatus.CONFIRMED,
              invoiceLine("A1", "10", "5")));
      // then no stock moves, and nothing is dead-lettered
      assertThat(d.drainMovements()).isEmpty();
      assertThat(d.levels.isEmpty()).isTrue();
      assertThat(d.level("central", "A1").getOnHand()).isEqualTo(new BigDecimal("10.000"));
      assertThat(d.dlq.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldCostTheUnitNetOfTheBonificacionWhenAnInvoiceLineHasOne() {
    try (InventoryDriver d = new InventoryDriver()) {
      // given a Factura A line: 12 at 850 less 10 % = 9.180
      InvoiceLine line =
          InvoiceLine.newBuilder(invoiceLine("A1", "12", "850"))
              .setDiscountPct(new BigDecimal("10.00"))
              .setLineTotal(new BigDecimal("9180.00"))
              .build();
      // when it is confirmed
      d.send(invoice("INV1", "central", DAY, InvoiceStatus.CONFIRMED, line));
      // then the 12 units come in at 9.180 / 12 = 765
      StockMovement m = d.drainMovements().get(0);
      assertThat(m.getType()).isEqualTo(MovementType.PURCHASE);
      assertThat(m.getUnitCost()).isEqualTo(new BigDecimal("765.0000"));
      assertThat(d.level("central", "A1").getAvgCost()).isEqualTo(new BigDecimal("765.0000"));
    }
  }
}
