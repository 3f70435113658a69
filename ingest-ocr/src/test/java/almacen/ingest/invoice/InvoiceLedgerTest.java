package almacen.ingest.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.Invoice;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.SourceKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceLedgerTest {

  @ParameterizedTest(name = "{0} then {1} → {2}")
  @CsvSource({
    "NEEDS_REVIEW, NEEDS_REVIEW, NEEDS_REVIEW",
    "NEEDS_REVIEW, CONFIRMED, CONFIRMED",
    "NEEDS_REVIEW, REJECTED, REJECTED",
    "CONFIRMED, NEEDS_REVIEW, CONFIRMED",
    "CONFIRMED, REJECTED, CONFIRMED",
    "CONFIRMED, CONFIRMED, CONFIRMED",
    "REJECTED, NEEDS_REVIEW, REJECTED",
    "REJECTED, REJECTED, REJECTED",
    "REJECTED, CONFIRMED, CONFIRMED"
  })
  void shouldKeepAFinalStatusWhenALaterRecordOfTheSameInvoiceArrives(
      InvoiceStatus first, InvoiceStatus then, InvoiceStatus expected) {
    // given
    InvoiceLedger ledger = new InvoiceLedger();
    ledger.apply(invoice(first));

    // when
    ledger.apply(invoice(then));

    // then
    assertThat(ledger.byId("30712345671-A-00003-00012345").orElseThrow().getStatus())
        .isEqualTo(expected);
    assertThat(ledger.bySha256("ab12")).isPresent();
  }

  private static Invoice invoice(InvoiceStatus status) {
    InvoiceDraft draft =
        new InvoiceDraft(
            "30-71234567-1",
            "Distribuidora Sur SA",
            InvoiceType.A,
            3,
            12345L,
            LocalDate.parse("2025-10-15"),
            null,
            "central",
            false,
            List.of(
                new InvoiceDraft.Line(
                    "ALM000001",
                    "YM-1",
                    "Yerba mate 1 kg",
                    new BigDecimal("12"),
                    new BigDecimal("850.00"),
                    new BigDecimal("21"),
                    new BigDecimal("10200.00"))),
            new BigDecimal("10200.00"),
            new BigDecimal("2142.00"),
            BigDecimal.ZERO,
            new BigDecimal("12342.00"),
            new InvoiceDraft.Source(SourceKind.PHOTO, "ab12", true),
            0.9,
            null);
    Invoice event =
        new ValidationResult(
                "30712345671-A-00003-00012345",
                draft,
                false,
                new BigDecimal("10200.00"),
                new BigDecimal("2142.00"),
                List.of())
            .toEvent(Instant.parse("2025-10-20T15:00:00Z"));
    return Invoice.newBuilder(event).setStatus(status).build();
  }
}
