package almacen.query;

import almacen.domain.Decimals;
import almacen.events.InflationMonth;
import almacen.events.Invoice;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.MovementType;
import almacen.events.Price;
import almacen.events.PriceReason;
import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.SourceKind;
import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import almacen.events.Supplier;
import almacen.events.TaxRegime;
import almacen.events.Unit;
import almacen.query.read.Views.StockView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events as the other services publish them, with the schema scales. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2026-03-10T15:00:00Z");

  private Fixtures() {}

  static BigDecimal qty(String v) {
    return Decimals.qty(new BigDecimal(v));
  }

  static BigDecimal money(String v) {
    return Decimals.money(new BigDecimal(v));
  }

  static Product inactive(Product p) {
    return Product.newBuilder(p).setActive(false).build();
  }

  /** A stock row as another instance would send it: on hand and status changed. */
  static StockView withOnHand(StockView v, String onHand, String status) {
    return new StockView(
        v.sku(),
        v.name(),
        v.category(),
        v.branch(),
        v.unit(),
        qty(onHand),
        v.minStock(),
        v.maxStock(),
        status,
        v.avgCost(),
        v.stockValue(),
        v.dailySales28d(),
        v.daysOfCover(),
        v.reorderQty(),
        v.listPrice(),
        v.updatedAt());
  }

  static Product product(
      String sku, String name, String category, String ean, String minStock, String maxStock) {
    return Product.newBuilder()
        .setSku(sku)
        .setName(name)
        .setCategory(category)
        .setEan(ean)
        .setUnit(Unit.UNIT)
        .setMinStock(qty(minStock))
        .setMaxStock(maxStock == null ? null : qty(maxStock))
        .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
        .setMarkupPct(Decimals.rate(new BigDecimal("35")))
        .setActive(true)
        .setUpdatedAt(T0)
        .build();
  }

  static StockLevel level(
      String branch, String sku, String onHand, String avgCost, StockStatus status) {
    BigDecimal on = qty(onHand);
    BigDecimal avg = Decimals.unitCost(new BigDecimal(avgCost));
    return StockLevel.newBuilder()
        .setBranch(branch)
        .setSku(sku)
        .setOnHand(on)
        .setAvgCost(avg)
        .setStockValue(Decimals.money(on.max(BigDecimal.ZERO).multiply(avg)))
        .setStatus(status)
        .setMinStock(qty("5"))
        .setMaxStock(null)
        .setCatalogued(true)
        .setDailySales28d(qty("1.5"))
        .setDaysOfCover(new BigDecimal("6.7"))
        .setReorderQty(qty("10"))
        .setMovements(3)
        .setStatusSince(T0)
        .setUpdatedAt(T0)
        .build();
  }

  static StockMovement movement(String branch, String sku, long sequence) {
    return StockMovement.newBuilder()
        .setMovementId(branch + "|" + sku + "#" + sequence)
        .setBranch(branch)
        .setSku(sku)
        .setType(MovementType.SALE)
        .setDelta(qty("-1"))
        .setBefore(qty(String.valueOf(sequence)))
        .setAfter(qty(String.valueOf(sequence - 1)))
        .setUnitCost(null)
        .setSourceRef("S" + sequence + "#1")
        .setOccurredAt(T0.plusSeconds(sequence))
        .setSequence(sequence)
        .build();
  }

  static StockAlert alert(String branch, String sku, StockStatus status, StockStatus previous) {
    return StockAlert.newBuilder()
        .setBranch(branch)
        .setSku(sku)
        .setStatus(status)
        .setPreviousStatus(previous)
        .setOnHand(qty("2"))
        .setMinStock(qty("5"))
        .setSince(T0)
        .build();
  }

  static Price price(String sku, String listPrice, Instant effectiveAt, PriceReason reason) {
    return Price.newBuilder()
        .setSku(sku)
        .setListPrice(money(listPrice))
        .setUnitCost(Decimals.unitCost(new BigDecimal("100")))
        .setCostBasis(Decimals.unitCost(new BigDecimal("100")))
        .setCostDate(LocalDate.parse("2026-03-01"))
        .setCostInvoiceId("30712345671-A-00003-00012345")
        .setInflationFactor(Decimals.factor(new BigDecimal("1.025")))
        .setHorizonDate(LocalDate.parse("2026-03-31"))
        .setMarkupPct(Decimals.rate(new BigDecimal("35")))
        .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
        .setTaxRegime(TaxRegime.RI)
        .setRoundingStep(money("10"))
        .setEffectiveAt(effectiveAt)
        .setReason(reason)
        .setPreviousListPrice(null)
        .build();
  }

  static Sale sale(String saleId, String branch, Instant soldAt, String qty, String unitPrice) {
    return Sale.newBuilder()
        .setSaleId(saleId)
        .setBranch(branch)
        .setSoldAt(soldAt)
        .setLines(List.of(new SaleLine("ALM000001", qty(qty), money(unitPrice))))
        .setReceivedAt(soldAt)
        .build();
  }

  static Invoice invoice(String invoiceId, String branch, InvoiceStatus status) {
    return Invoice.newBuilder()
        .setInvoiceId(invoiceId)
        .setSupplier(new Supplier("30-71234567-1", "Distribuidora Sur"))
        .setType(InvoiceType.A)
        .setPointOfSale(3)
        .setNumber(12345)
        .setIssueDate(LocalDate.parse("2026-03-09"))
        .setCae(null)
        .setBranch(branch)
        .setPricesIncludeIva(false)
        .setLines(
            List.of(
                InvoiceLine.newBuilder()
                    .setSku("ALM000001")
                    .setSupplierCode("A1")
                    .setDescription("Azucar 1kg")
                    .setQty(qty("12"))
                    .setUnitCost(Decimals.unitCost(new BigDecimal("850")))
                    .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
                    .setLineTotal(money("10200"))
                    .build()))
        .setNetTotal(money("10200"))
        .setIvaTotal(money("2142"))
        .setOtherTaxes(money("0"))
        .setTotal(money("12342"))
        .setStatus(status)
        .setIssues(List.of())
        .setConfidence(0.93)
        .setDuplicate(false)
        .setSource(new InvoiceSource(SourceKind.MANUAL, null, false))
        .setReceivedAt(T0)
        .build();
  }

  /** A sale with several lines, each {@code sku, qty, unitPrice}. */
  static Sale sale(String saleId, String branch, Instant soldAt, String[]... lines) {
    List<SaleLine> out = new java.util.ArrayList<>();
    for (String[] l : lines) {
      out.add(new SaleLine(l[0], qty(l[1]), money(l[2])));
    }
    return Sale.newBuilder()
        .setSaleId(saleId)
        .setBranch(branch)
        .setSoldAt(soldAt)
        .setLines(out)
        .setReceivedAt(soldAt)
        .build();
  }

  static String[] line(String sku, String qty, String unitPrice) {
    return new String[] {sku, qty, unitPrice};
  }

  /** A ledger entry of {@code type} moving {@code delta} at {@code unitCost}. */
  static StockMovement movement(
      String branch,
      String sku,
      long sequence,
      MovementType type,
      String delta,
      String unitCost,
      Instant occurredAt) {
    return StockMovement.newBuilder()
        .setMovementId(branch + "|" + sku + "#" + sequence)
        .setBranch(branch)
        .setSku(sku)
        .setType(type)
        .setDelta(qty(delta))
        .setBefore(qty("100"))
        .setAfter(qty(new BigDecimal("100").add(new BigDecimal(delta)).toPlainString()))
        .setUnitCost(unitCost == null ? null : Decimals.unitCost(new BigDecimal(unitCost)))
        .setSourceRef("REF" + sequence + "#1")
        .setOccurredAt(occurredAt)
        .setSequence(sequence)
        .build();
  }

  /**
   * An invoice of one supplier with lines {@code sku, qty, unitCost} (net, type A), totals from the
   * lines + 21 %.
   */
  static Invoice supplierInvoice(
      String invoiceId,
      String cuit,
      String supplierName,
      String issueDate,
      String branch,
      InvoiceStatus status,
      String[]... lines) {
    List<InvoiceLine> out = new java.util.ArrayList<>();
    BigDecimal net = BigDecimal.ZERO;
    for (String[] l : lines) {
      BigDecimal lineTotal =
          money(new BigDecimal(l[1]).multiply(new BigDecimal(l[2])).toPlainString());
      net = net.add(lineTotal);
      out.add(
          InvoiceLine.newBuilder()
              .setSku(l[0])
              .setSupplierCode(null)
              .setDescription("Artículo " + l[0])
              .setQty(qty(l[1]))
              .setUnitCost(Decimals.unitCost(new BigDecimal(l[2])))
              .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
              .setLineTotal(lineTotal)
              .build());
    }
    BigDecimal iva = Decimals.money(net.multiply(new BigDecimal("0.21")));
    return Invoice.newBuilder()
        .setInvoiceId(invoiceId)
        .setSupplier(new Supplier(cuit, supplierName))
        .setType(InvoiceType.A)
        .setPointOfSale(3)
        .setNumber(1)
        .setIssueDate(LocalDate.parse(issueDate))
        .setCae(null)
        .setBranch(branch)
        .setPricesIncludeIva(false)
        .setLines(out)
        .setNetTotal(Decimals.money(net))
        .setIvaTotal(iva)
        .setOtherTaxes(money("0"))
        .setTotal(Decimals.money(net.add(iva)))
        .setStatus(status)
        .setIssues(List.of())
        .setConfidence(1.0)
        .setDuplicate(false)
        .setSource(new InvoiceSource(SourceKind.MANUAL, null, false))
        .setReceivedAt(T0)
        .build();
  }

  static InflationMonth inflation(String month, String ratePct) {
    return InflationMonth.newBuilder()
        .setMonth(month)
        .setRatePct(Decimals.rate(new BigDecimal(ratePct)))
        .setSource("INDEC")
        .setUpdatedAt(T0)
        .build();
  }
}
