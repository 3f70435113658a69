package almacen.pricing;

import almacen.domain.Decimals;
import almacen.events.InflationMonth;
import almacen.events.Invoice;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.Product;
import almacen.events.SourceKind;
import almacen.events.Supplier;
import almacen.events.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Event fixtures for the pricing tests. */
final class TestEvents {

  static final Instant UPDATED = Instant.parse("2025-10-01T12:00:00Z");

  private TestEvents() {}

  static Product product(String sku, String category, String ivaRatePct, String markupPct) {
    return Product.newBuilder()
        .setSku(sku)
        .setName("Producto " + sku)
        .setCategory(category)
        .setEan(null)
        .setUnit(Unit.UNIT)
        .setMinStock(Decimals.qty(BigDecimal.ONE))
        .setMaxStock(null)
        .setIvaRatePct(Decimals.rate(new BigDecimal(ivaRatePct)))
        .setMarkupPct(markupPct == null ? null : Decimals.rate(new BigDecimal(markupPct)))
        .setActive(true)
        .setUpdatedAt(UPDATED)
        .build();
  }

  static InflationMonth month(String month, String ratePct) {
    return InflationMonth.newBuilder()
        .setMonth(month)
        .setRatePct(Decimals.rate(new BigDecimal(ratePct)))
        .setSource("INDEC")
        .setUpdatedAt(UPDATED)
        .build();
  }

  static InvoiceLine line(String sku, String unitCost, String ivaRatePct) {
    BigDecimal cost = Decimals.unitCost(new BigDecimal(unitCost));
    return InvoiceLine.newBuilder()
        .setSku(sku)
        .setSupplierCode(null)
        .setDescription("Item " + sku)
        .setQty(Decimals.qty(new BigDecimal("12")))
        .setUnitCost(cost)
        .setIvaRatePct(Decimals.rate(new BigDecimal(ivaRatePct)))
        .setLineTotal(Decimals.money(cost.multiply(new BigDecimal("12"))))
        .build();
  }

  /** A type A invoice (IVA discriminated). */
  static Invoice invoiceA(
      String invoiceId, LocalDate issueDate, InvoiceStatus status, InvoiceLine... lines) {
    return invoice(invoiceId, InvoiceType.A, false, issueDate, status, lines);
  }

  static Invoice invoice(
      String invoiceId,
      InvoiceType type,
      boolean pricesIncludeIva,
      LocalDate issueDate,
      InvoiceStatus status,
      InvoiceLine... lines) {
    BigDecimal net = BigDecimal.ZERO;
    for (InvoiceLine line : lines) {
      net = net.add(line.getLineTotal());
    }
    return Invoice.newBuilder()
        .setInvoiceId(invoiceId)
        .setSupplier(
            Supplier.newBuilder().setCuit("30-71234567-1").setName("Distribuidora Sur SA").build())
        .setType(type)
        .setPointOfSale(3)
        .setNumber(12345)
        .setIssueDate(issueDate)
        .setCae(null)
        .setBranch("central")
        .setPricesIncludeIva(pricesIncludeIva)
        .setLines(List.of(lines))
        .setNetTotal(Decimals.money(net))
        .setIvaTotal(Decimals.money(BigDecimal.ZERO))
        .setOtherTaxes(Decimals.money(BigDecimal.ZERO))
        .setTotal(Decimals.money(net))
        .setStatus(status)
        .setIssues(List.of())
        .setConfidence(1.0)
        .setDuplicate(false)
        .setSource(
            InvoiceSource.newBuilder()
                .setKind(SourceKind.MANUAL)
                .setSha256(null)
                .setQr(false)
                .build())
        .setReceivedAt(UPDATED)
        .build();
  }
}
