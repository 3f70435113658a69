package almacen.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.Invoice;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.LearnedFix;
import almacen.events.SourceKind;
import almacen.events.Supplier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceViewTest {

  private static final LocalDate REVIEWED = LocalDate.parse("2026-12-03");
  private static final String FROM = "30712345671-B-00004-00000101";

  @Test
  void shouldShowTheLearnedFixOnItsLineAndNameWhenTheReadingWasFixedByLearning() {
    // given an invoice whose second line and name were fixed by what a review taught
    Invoice invoice =
        invoice()
            .setLines(List.of(line("Aceite Natura 900ml"), line("Galletitas Blancaflor 300g")))
            .setLearnedFixes(
                List.of(
                    new LearnedFix(null, "==2 DISTRIBUIDORA SUR", FROM, REVIEWED),
                    new LearnedFix(1, "Galletitas Blancatflor 300g", FROM, REVIEWED)))
            .build();

    // when
    InvoiceView view = InvoiceView.of(invoice, ZoneId.of("America/Argentina/Buenos_Aires"));

    // then
    assertThat(view.supplier().learned())
        .isEqualTo(new InvoiceView.Learned("==2 DISTRIBUIDORA SUR", FROM, REVIEWED));
    assertThat(view.lines().get(0).learned()).isNull();
    assertThat(view.lines().get(1).learned())
        .isEqualTo(new InvoiceView.Learned("Galletitas Blancatflor 300g", FROM, REVIEWED));
  }

  @Test
  void shouldShowTheReadersNotesWhenItCorrectedTheReadingOnItsOwn() {
    // given a CONFIRMED invoice whose reader fixed a price's lost decimal comma, and one from
    // before v5, without notes
    String note =
        "Renglón 1: '10000' sin coma decimal leído como 100,00 (cantidad × precio = importe).";
    Invoice noted = invoice().setNotes(List.of(note)).build();
    Invoice older = invoice().build();

    // when
    ZoneId zone = ZoneId.of("America/Argentina/Buenos_Aires");
    InvoiceView view = InvoiceView.of(noted, zone);

    // then
    assertThat(view.notes()).containsExactly(note);
    assertThat(view.issues()).isEmpty();
    assertThat(InvoiceView.of(older, zone).notes()).isEmpty();
  }

  private static Invoice.Builder invoice() {
    return Invoice.newBuilder()
        .setInvoiceId("30712345671-B-00004-00000103")
        .setSupplier(new Supplier("30-71234567-1", "Distribuidora Sur SA"))
        .setType(InvoiceType.B)
        .setPointOfSale(4)
        .setNumber(103)
        .setIssueDate(LocalDate.parse("2026-12-01"))
        .setBranch("central")
        .setPricesIncludeIva(true)
        .setLines(List.of(line("Aceite Natura 900ml")))
        .setNetTotal(new BigDecimal("100.00"))
        .setIvaTotal(new BigDecimal("0.00"))
        .setOtherTaxes(new BigDecimal("0.00"))
        .setTotal(new BigDecimal("100.00"))
        .setStatus(InvoiceStatus.CONFIRMED)
        .setConfidence(0.9)
        .setSource(new InvoiceSource(SourceKind.PHOTO, "ab", false))
        .setReceivedAt(Instant.parse("2026-12-10T15:00:00Z"));
  }

  private static InvoiceLine line(String description) {
    return InvoiceLine.newBuilder()
        .setSku("ALM000010")
        .setDescription(description)
        .setQty(new BigDecimal("1.000"))
        .setUnitCost(new BigDecimal("100.0000"))
        .setIvaRatePct(new BigDecimal("21.00"))
        .setLineTotal(new BigDecimal("100.00"))
        .setDiscountPct(new BigDecimal("0.00"))
        .build();
  }
}
