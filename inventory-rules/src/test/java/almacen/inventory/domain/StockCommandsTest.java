package almacen.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.events.AdjustmentReason;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.SourceKind;
import almacen.events.StockAdjustment;
import almacen.events.StockTransfer;
import almacen.events.Supplier;
import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StockCommandsTest {

  private static final Instant T0 = Instant.parse("2025-10-15T13:00:00Z");
  private final StockCommands ri = new StockCommands(TaxRegime.RI, DemandSettings.BUENOS_AIRES);

  private static InvoiceLine line(String sku, String qty, String cost) {
    return new InvoiceLine(
        sku,
        null,
        "item",
        new BigDecimal(qty).setScale(3),
        new BigDecimal(cost).setScale(4),
        new BigDecimal("21.00"),
        new BigDecimal("0.00"),
        new BigDecimal("0.00"));
  }

  /** A printed line with a bonificación: its total is the discounted one. */
  private static InvoiceLine discounted(String sku, String qty, String cost, String discount) {
    BigDecimal q = new BigDecimal(qty).setScale(3);
    BigDecimal u = new BigDecimal(cost).setScale(4);
    BigDecimal d = new BigDecimal(discount).setScale(2);
    return new InvoiceLine(
        sku,
        null,
        "item",
        q,
        u,
        new BigDecimal("21.00"),
        almacen.domain.CostBasis.lineTotal(q, u, d),
        d);
  }

  private static Invoice note(InvoiceKind kind, InvoiceLine... lines) {
    return Invoice.newBuilder(invoice(InvoiceStatus.CONFIRMED, InvoiceType.A, false, lines))
        .setInvoiceId("30712345671-NC-A-00003-00000001")
        .setKind(kind)
        .build();
  }

  private static Invoice invoice(
      InvoiceStatus status, InvoiceType type, boolean includesIva, InvoiceLine... lines) {
    BigDecimal zero = new BigDecimal("0.00");
    return Invoice.newBuilder()
        .setInvoiceId("INV1")
        .setSupplier(new Supplier("30-71234567-1", "Sur"))
        .setType(type)
        .setPointOfSale(3)
        .setNumber(1)
        .setIssueDate(LocalDate.of(2025, 10, 15))
        .setBranch("central")
        .setPricesIncludeIva(includesIva)
        .setLines(List.of(lines))
        .setNetTotal(zero)
        .setIvaTotal(zero)
        .setOtherTaxes(zero)
        .setTotal(zero)
        .setStatus(status)
        .setConfidence(1.0)
        .setSource(new InvoiceSource(SourceKind.MANUAL, null, false))
        .setReceivedAt(T0)
        .setUser("compras")
        .build();
  }

  @Test
  void shouldSkipNullSkuLinesAndNumberEveryLineWhenInvoiceConfirmed() {
    // given a confirmed invoice whose second line is freight (no sku)
    Invoice invoice =
        invoice(
            InvoiceStatus.CONFIRMED,
            InvoiceType.A,
            false,
            line("A1", "12", "850"),
            line(null, "1", "500"),
            line("B2", "2.5", "1200"));
    // when
    List<StockCommand> commands = ri.fromInvoice(invoice);
    // then
    assertThat(commands).extracting(StockCommand::sourceRef).containsExactly("INV1#1", "INV1#3");
    assertThat(commands).extracting(StockCommand::user).containsExactly("compras", "compras");
    assertThat(commands)
        .extracting(StockCommand::unitCost)
        .containsExactly(new BigDecimal("850.0000"), new BigDecimal("1200.0000"));
    // business instant: 00:00 Buenos Aires of the issue date
    assertThat(commands.get(0).occurredAt()).isEqualTo(Instant.parse("2025-10-15T03:00:00Z"));
  }

  @Test
  void shouldMoveNothingWhenInvoiceNeedsReview() {
    // given
    Invoice invoice =
        invoice(InvoiceStatus.NEEDS_REVIEW, InvoiceType.A, false, line("A1", "12", "850"));
    // when / then
    assertThat(StockCommands.movesStock(invoice)).isFalse();
    assertThat(ri.fromInvoice(invoice)).isEmpty();
  }

  @Test
  void shouldReturnGoodsLineByLineWhenACreditNoteIsConfirmed() {
    // given a confirmed credit note: two goods lines and one without a sku (a price adjustment)
    Invoice note =
        note(
            InvoiceKind.CREDIT_NOTE,
            line("A1", "2", "850"),
            line(null, "1", "300"),
            line("B2", "0.5", "1200"));
    // when
    List<StockCommand> commands = ri.fromInvoice(note);
    // then each goods line leaves the branch, numbered as on the note, without a cost, by its user
    assertThat(commands)
        .containsExactly(
            new StockCommand(
                CommandType.PURCHASE_RETURN,
                "central",
                "A1",
                new BigDecimal("2.000"),
                null,
                "30712345671-NC-A-00003-00000001#1",
                Instant.parse("2025-10-15T03:00:00Z"),
                null,
                "compras"),
            new StockCommand(
                CommandType.PURCHASE_RETURN,
                "central",
                "B2",
                new BigDecimal("0.500"),
                null,
                "30712345671-NC-A-00003-00000001#3",
                Instant.parse("2025-10-15T03:00:00Z"),
                null,
                "compras"));
  }

  @Test
  void shouldMoveNothingWhenADebitNoteIsConfirmed() {
    // given
    Invoice note = note(InvoiceKind.DEBIT_NOTE, line("A1", "2", "850"));
    // when / then
    assertThat(StockCommands.movesStock(note)).isTrue();
    assertThat(ri.fromInvoice(note)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: 12 × 850 less {1} % -> basis {2}")
  @CsvSource({
    "RI, 10, 765.0000", // 9180 / 12
    "RI, 0, 850.0000",
    "MONOTRIBUTO, 10, 925.6500", // 765 × 1.21: the IVA it cannot reclaim
    "RI, 12.5, 743.7500" // 8925 / 12
  })
  void shouldCostTheUnitNetOfItsBonificacionWhenTheLineHasOne(
      TaxRegime regime, String discount, String expected) {
    // given a Factura A line of 12 at 850 with a bonificación
    Invoice invoice =
        invoice(
            InvoiceStatus.CONFIRMED, InvoiceType.A, false, discounted("A1", "12", "850", discount));
    // when
    List<StockCommand> commands =
        new StockCommands(regime, DemandSettings.BUENOS_AIRES).fromInvoice(invoice);
    // then
    assertThat(commands).extracting(StockCommand::type).containsExactly(CommandType.PURCHASE);
    assertThat(commands.get(0).unitCost()).isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest(name = "{0} invoice {1}, includes IVA {2} -> basis {3}")
  @CsvSource({
    "RI, A, false, 100.0000",
    "RI, B, true, 100.0000",
    "MONOTRIBUTO, A, false, 121.0000",
    "MONOTRIBUTO, C, true, 100.0000"
  })
  void shouldUseCostBasisWhenRegimeAndInvoiceTypeVary(
      TaxRegime regime, InvoiceType type, boolean includesIva, String expected) {
    // given
    Invoice invoice = invoice(InvoiceStatus.CONFIRMED, type, includesIva, line("A1", "1", "100"));
    // when
    List<StockCommand> commands =
        new StockCommands(regime, DemandSettings.BUENOS_AIRES).fromInvoice(invoice);
    // then
    assertThat(commands.get(0).unitCost()).isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest(name = "sale line sku ''{0}'' qty {1} -> {2}")
  @CsvSource({
    "A1, 0, S1#1: qty must be greater than 0",
    "A1, -1, S1#1: qty must be greater than 0",
    "' ', 1, S1#1: sku is blank"
  })
  void shouldRejectSaleWhenLineImpossible(String sku, String qty, String message) {
    // given
    Sale sale =
        new Sale(
            "S1",
            "central",
            T0,
            List.of(new SaleLine(sku, new BigDecimal(qty).setScale(3), new BigDecimal("1.00"))),
            T0,
            "caja1");
    // when / then
    assertThatThrownBy(() -> ri.fromSale(sale))
        .isInstanceOf(InvalidStockEventException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "delta {0}, counted {1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null, null, has neither delta nor countedQty",
        "1, 3, has both delta and countedQty",
        "0, null, adjustment delta must not be 0",
        "null, -1, counted qty must not be negative"
      })
  void shouldRejectAdjustmentWhenQuantitiesImpossible(
      String delta, String counted, String message) {
    // given
    StockAdjustment adjustment =
        new StockAdjustment(
            "ADJ1",
            "central",
            "A1",
            delta == null ? null : new BigDecimal(delta).setScale(3),
            counted == null ? null : new BigDecimal(counted).setScale(3),
            AdjustmentReason.OTHER,
            null,
            T0,
            "deposito");
    // when / then
    assertThatThrownBy(() -> ri.fromAdjustment(adjustment))
        .isInstanceOf(InvalidStockEventException.class)
        .hasMessageContaining(message);
  }

  @Test
  void shouldRejectTransferWhenSameBranch() {
    // given
    StockTransfer transfer =
        new StockTransfer(
            "TR1", "central", "central", "A1", new BigDecimal("1.000"), T0, "deposito");
    // when / then
    assertThatThrownBy(() -> ri.fromTransfer(transfer))
        .isInstanceOf(InvalidStockEventException.class)
        .hasMessage("TR1: transfer from and to the same branch central");
  }

  @Test
  void shouldMakeOneCommandPerLineWhenSaleValid() {
    // given a weighed line and a unit line
    Sale sale =
        new Sale(
            "S1",
            "central",
            T0,
            List.of(
                new SaleLine("QUESO", new BigDecimal("2.350"), new BigDecimal("100.00")),
                new SaleLine("A1", new BigDecimal("1.000"), new BigDecimal("100.00"))),
            T0,
            "caja1");
    // when
    List<StockCommand> commands = ri.fromSale(sale);
    // then
    assertThat(commands)
        .extracting(StockCommand::key)
        .containsExactly("central|QUESO", "central|A1");
    assertThat(commands).extracting(StockCommand::user).containsExactly("caja1", "caja1");
    assertThat(commands).extracting(StockCommand::sourceRef).containsExactly("S1#1", "S1#2");
    assertThat(commands.get(0).quantity()).isEqualTo(new BigDecimal("2.350"));
  }

  @Test
  void shouldCarryTheEventUserWhenAdjustmentOrTransferBecomesACommand() {
    // given a count by "deposito" and a transfer by "repositor"
    StockAdjustment count =
        new StockAdjustment(
            "ADJ1",
            "central",
            "A1",
            null,
            new BigDecimal("4.000"),
            AdjustmentReason.COUNT,
            null,
            T0,
            "deposito");
    StockTransfer transfer =
        new StockTransfer(
            "TR1", "central", "norte", "A1", new BigDecimal("1.000"), T0, "repositor");
    // when
    StockCommand fromCount = ri.fromAdjustment(count);
    StockCommand fromTransfer = ri.fromTransfer(transfer);
    // then
    assertThat(fromCount.user()).isEqualTo("deposito");
    assertThat(fromTransfer.user()).isEqualTo("repositor");
  }

  @Test
  void shouldLeaveUserNullWhenTheEventPredatesUsers() {
    // given a sale as a v1 record reads: no user
    Sale sale =
        Sale.newBuilder()
            .setSaleId("S1")
            .setBranch("central")
            .setSoldAt(T0)
            .setLines(List.of(new SaleLine("A1", new BigDecimal("1.000"), new BigDecimal("1.00"))))
            .setReceivedAt(T0)
            .build();
    // when
    List<StockCommand> commands = ri.fromSale(sale);
    // then
    assertThat(commands.get(0).user()).isNull();
  }
}
