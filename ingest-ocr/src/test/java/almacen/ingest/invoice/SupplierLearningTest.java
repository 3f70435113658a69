package almacen.ingest.invoice;

import static almacen.ingest.invoice.LearningFixtures.CUIT;
import static almacen.ingest.invoice.LearningFixtures.OTHER_CUIT;
import static almacen.ingest.invoice.LearningFixtures.confirmed;
import static almacen.ingest.invoice.LearningFixtures.corrected;
import static almacen.ingest.invoice.LearningFixtures.line;
import static almacen.ingest.invoice.LearningFixtures.needsReview;
import static almacen.ingest.invoice.LearningFixtures.notices;
import static almacen.ingest.invoice.LearningFixtures.read;
import static almacen.ingest.invoice.LearningFixtures.withSku;
import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.Invoice;
import almacen.events.InvoiceStatus;
import almacen.events.LearnedFix;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupplierLearningTest {

  private static final String MISREAD = "Galletitas Blancatflor 300g";
  private static final String RIGHT = "Galletitas Blancaflor 300g";
  private static final String BARE = "Pure de Tomate Arcor 520";
  private static final String BARE_FIXED = "Pure de Tomate Arcor 520g";
  private static final String OIL = "Aceite Natura 900ml";
  private static final String BARE_DOUBT =
      "Renglón 2: la medida '520' de la descripción no termina en una unidad conocida; revisar.";
  private static final String FIRST_ID = "30712345671-B-00004-00000101";

  private final InvoiceLedger ledger = new InvoiceLedger();
  private final InvoiceService service = LearningFixtures.service(ledger);

  /**
   * Invoice 101 of the supplier, read with «Blancatflor» (no doubt: the numbers closed), a bare
   * size flagged by the reader and the name with a speck; a person corrected all three on
   * 03/12/2026.
   */
  private void reviewFirstInvoice() {
    InvoiceDraft read =
        read(
            CUIT,
            "==2 DISTRIBUIDORA SUR",
            101,
            List.of(
                line(null, MISREAD, "12", "950.00"),
                line(null, BARE, "6", "1200.00"),
                line("AC-9", OIL, "3", "2500.00")));
    Invoice waiting = needsReview(service, read, notices(BARE_DOUBT));
    ledger.apply(waiting);
    ledger.apply(
        confirmed(
            corrected(
                read,
                "Distribuidora Sur SA",
                List.of(
                    withSku(read.lines().get(0), "ALM000010", RIGHT),
                    withSku(read.lines().get(1), "ALM000011", BARE_FIXED),
                    withSku(read.lines().get(2), "ALM000012", OIL))),
            false));
  }

  private ValidationResult readSecond(List<InvoiceDraft.Line> lines, List<String> notices) {
    return service.validateRead(read(CUIT, "==2 DISTRIBUIDORA SUR", 102, lines), notices);
  }

  @Test
  void shouldConfirmWithTheReviewedTextsWhenTheSameMisreadsComeAgain() {
    // given the first invoice of the supplier corrected in review
    reviewFirstInvoice();

    // when the next invoice of that supplier is read with the same misreads
    ValidationResult result =
        readSecond(
            List.of(
                line(null, MISREAD, "24", "980.00"),
                line(null, BARE, "6", "1250.00"),
                line("AC-9", OIL, "2", "2600.00")),
            notices(BARE_DOUBT));

    // then every line reads as confirmed, the reader's doubt about line 2 is settled, and it
    // confirms: its numbers add up
    assertThat(result.invoice().lines())
        .extracting(InvoiceDraft.Line::description, InvoiceDraft.Line::sku)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RIGHT, "ALM000010"),
            org.assertj.core.groups.Tuple.tuple(BARE_FIXED, "ALM000011"),
            org.assertj.core.groups.Tuple.tuple(OIL, "ALM000012"));
    assertThat(result.invoice().supplierName()).isEqualTo("Distribuidora Sur SA");
    assertThat(result.messages()).isEmpty();
    assertThat(result.status()).isEqualTo(InvoiceStatus.CONFIRMED);
    assertThat(result.learned(0))
        .isEqualTo(new LearnedFix(null, MISREAD, FIRST_ID, LocalDate.parse("2026-12-03")));
    assertThat(result.learned(1).getRead()).isEqualTo(BARE);
    assertThat(result.learned(2)).isNull();
    assertThat(result.learnedSupplierName().getRead()).isEqualTo("==2 DISTRIBUIDORA SUR");
    Invoice event = result.toEvent(LearningFixtures.REVIEWED_AT.plusSeconds(86_400));
    assertThat(event.getLearnedFixes())
        .extracting(LearnedFix::getLine, LearnedFix::getRead)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, "==2 DISTRIBUIDORA SUR"),
            org.assertj.core.groups.Tuple.tuple(0, MISREAD),
            org.assertj.core.groups.Tuple.tuple(1, BARE));
  }

  @Test
  void shouldKeepTheNumbersNoticesOpenWhenALearnedCorrectionSettlesTheText() {
    // given
    reviewFirstInvoice();
    String numbers =
        "Renglón 1: cantidad calculada como importe ÷ precio (cantidad × precio = importe).";

    // when the misread comes again with a quantity the reader had to compute
    ValidationResult result =
        readSecond(List.of(line(null, MISREAD, "24", "980.00")), notices(numbers));

    // then the text is fixed, but the invoice waits for a person
    assertThat(result.invoice().lines().get(0).description()).isEqualTo(RIGHT);
    assertThat(result.messages()).containsExactly(numbers);
    assertThat(result.status()).isEqualTo(InvoiceStatus.NEEDS_REVIEW);
  }

  @Test
  void shouldStayInReviewWhenTheTotalsDoNotAddUpWhateverWasLearned() {
    // given
    reviewFirstInvoice();
    InvoiceDraft read =
        read(CUIT, "Distribuidora Sur SA", 102, List.of(line(null, MISREAD, "2", "950.00")));
    InvoiceDraft wrongTotal =
        new InvoiceDraft(
            read.supplierCuit(),
            read.supplierName(),
            read.type(),
            read.pointOfSale(),
            read.number(),
            read.issueDate(),
            null,
            "central",
            null,
            read.lines(),
            new java.math.BigDecimal("1990.00"),
            java.math.BigDecimal.ZERO,
            java.math.BigDecimal.ZERO,
            new java.math.BigDecimal("1990.00"),
            read.source(),
            0.9,
            null);

    // when
    ValidationResult result = service.validateRead(wrongTotal, List.of());

    // then
    assertThat(result.invoice().lines().get(0).description()).isEqualTo(RIGHT);
    assertThat(result.status()).isEqualTo(InvoiceStatus.NEEDS_REVIEW);
    assertThat(result.issues()).extracting(Issue::code).contains(IssueCode.NET_TOTAL);
  }

  @Test
  void shouldLeaveAnotherSuppliersMisreadAloneWhenOnlyThisSupplierWasReviewed() {
    // given
    reviewFirstInvoice();

    // when another supplier's invoice carries the very same text
    ValidationResult result =
        service.validateRead(
            read(OTHER_CUIT, "Otro SA", 7, List.of(line(null, MISREAD, "1", "950.00"))), List.of());

    // then
    assertThat(result.invoice().lines().get(0).description()).isEqualTo(MISREAD);
    assertThat(result.learned(0)).isNull();
    assertThat(result.status()).isEqualTo(InvoiceStatus.NEEDS_REVIEW);
  }

  @Test
  void shouldNotCorrectATextWhenTwoReviewsCorrectedItDifferently() {
    // given the same misread corrected into two different products by two reviews
    reviewFirstInvoice();
    InvoiceDraft read =
        read(CUIT, "Distribuidora Sur SA", 103, List.of(line(null, MISREAD, "1", "990.00")));
    ledger.apply(needsReview(service, read, List.of()));
    ledger.apply(
        confirmed(
            corrected(
                read,
                "Distribuidora Sur SA",
                List.of(
                    withSku(read.lines().get(0), "ALM000013", "Galletitas Blancaflor rellenas"))),
            false));

    // when it is read a third time
    ValidationResult result = readSecond(List.of(line(null, MISREAD, "1", "990.00")), List.of());

    // then nothing is guessed
    assertThat(result.invoice().lines().get(0).description()).isEqualTo(MISREAD);
    assertThat(result.learned(0)).isNull();
  }

  @Test
  void shouldNotCorrectATextThatAPersonConfirmedAsAProductOfTheSupplier() {
    // given a later typed invoice where «Blancatflor» really is a product of this supplier
    reviewFirstInvoice();
    InvoiceDraft typed =
        read(CUIT, "Distribuidora Sur SA", 104, List.of(line(null, MISREAD, "1", "990.00")));
    ledger.apply(
        confirmed(
            corrected(
                typed,
                "Distribuidora Sur SA",
                List.of(withSku(typed.lines().get(0), "ALM000013", MISREAD))),
            true));

    // when
    ValidationResult result = readSecond(List.of(line(null, MISREAD, "1", "990.00")), List.of());

    // then the text stays, identified as the product confirmed for it
    assertThat(result.invoice().lines().get(0).description()).isEqualTo(MISREAD);
    assertThat(result.invoice().lines().get(0).sku()).isEqualTo("ALM000013");
    assertThat(result.learned(0)).isNull();
  }

  @Test
  void shouldNotCorrectALineWhoseCodeNamesAnotherProduct() {
    // given
    reviewFirstInvoice();
    InvoiceDraft read =
        read(
            CUIT,
            "Distribuidora Sur SA",
            105,
            List.of(line("GB-1", "Galletitas Blancaflor 300 g", "1", "950.00")));
    ledger.apply(needsReview(service, read, List.of()));
    ledger.apply(
        confirmed(
            corrected(
                read,
                "Distribuidora Sur SA",
                List.of(withSku(read.lines().get(0), "ALM000010", RIGHT))),
            false));

    // when the corrected text comes with another code
    ValidationResult result =
        readSecond(List.of(line("GR-2", "Galletitas Blancaflor 300 g", "1", "950.00")), List.of());

    // then
    assertThat(result.invoice().lines().get(0).description())
        .isEqualTo("Galletitas Blancaflor 300 g");
    assertThat(result.learned(0)).isNull();
  }

  @Test
  void shouldSettleAReaderDoubtWhenTheTextIsOneAPersonConfirmedForTheSupplier() {
    // given a person confirmed «Pure de Tomate Arcor 520» as printed (the supplier's own text)
    InvoiceDraft read =
        read(
            CUIT,
            "Distribuidora Sur SA",
            106,
            List.of(line(null, "x", "1", "10.00"), line(null, BARE, "6", "1200.00")));
    ledger.apply(needsReview(service, read, notices(BARE_DOUBT)));
    ledger.apply(
        confirmed(
            corrected(
                read,
                "Distribuidora Sur SA",
                List.of(
                    withSku(read.lines().get(0), "ALM000012", OIL),
                    withSku(read.lines().get(1), "ALM000011", BARE))),
            false));

    // when it is read again with the same doubt
    ValidationResult result =
        readSecond(
            List.of(line(null, OIL, "1", "2500.00"), line(null, BARE, "6", "1300.00")),
            notices(BARE_DOUBT));

    // then the text stays, the doubt is settled and said so on the line
    assertThat(result.invoice().lines().get(1).description()).isEqualTo(BARE);
    assertThat(result.invoice().lines().get(1).sku()).isEqualTo("ALM000011");
    assertThat(result.learned(1).getRead()).isEqualTo(BARE);
    assertThat(result.learned(0)).isNull();
    assertThat(result.status()).isEqualTo(InvoiceStatus.CONFIRMED);
  }

  @Test
  void shouldLearnNothingFromAnInvoiceTheReaderConfirmedOnItsOwn() {
    // given a read invoice confirmed without review (no NEEDS_REVIEW record before it)
    InvoiceDraft read =
        read(CUIT, "Distribuidora Sur SA", 107, List.of(line(null, MISREAD, "1", "950.00")));
    ledger.apply(
        confirmed(
            corrected(
                read,
                "Distribuidora Sur SA",
                List.of(withSku(read.lines().get(0), "ALM000013", MISREAD))),
            false));

    // then its text is no known description of the supplier
    assertThat(ledger.learning().known(CUIT, MISREAD)).isEmpty();
    assertThat(ledger.learning().skuForDescription(CUIT, MISREAD)).isEmpty();
  }

  @Test
  void shouldMatchAReadTextWhateverItsCaseAndSpacing() {
    // given
    reviewFirstInvoice();

    // then
    assertThat(ledger.learning().correction("30712345671", "  galletitas   BLANCATFLOR 300g "))
        .map(SupplierLearning.Correction::description)
        .contains(RIGHT);
    assertThat(ledger.learning().correction(CUIT, "Galletitas Blancatflor 300 g")).isEmpty();
  }

  @Test
  void shouldLearnByQuantityAndTotalWhenThePersonAddedALine() {
    // given a review that added a line the reader missed
    InvoiceDraft read =
        read(CUIT, "Distribuidora Sur SA", 108, List.of(line(null, MISREAD, "12", "950.00")));
    ledger.apply(needsReview(service, read, List.of()));
    ledger.apply(
        confirmed(
            corrected(
                read,
                "Distribuidora Sur SA",
                List.of(
                    withSku(line(null, OIL, "3", "2500.00"), "ALM000012", OIL),
                    withSku(read.lines().get(0), "ALM000010", RIGHT))),
            false));

    // then the misread line was paired with the confirmed line of the same quantity and total
    assertThat(ledger.learning().correction(CUIT, MISREAD))
        .map(SupplierLearning.Correction::sku)
        .contains("ALM000010");
  }

  @Test
  void shouldFillTheNameWhenNoneWasReadAndKeepAConfirmedOne() {
    // given
    reviewFirstInvoice();

    // then
    assertThat(ledger.learning().supplierName(CUIT, null))
        .map(SupplierLearning.Correction::description)
        .contains("Distribuidora Sur SA");
    assertThat(ledger.learning().supplierName(CUIT, "DISTRIBUIDORA SUR SA")).isEmpty();
    assertThat(ledger.learning().supplierName(CUIT, "Distribuidora del Sur")).isEmpty();
    assertThat(ledger.learning().supplierName(OTHER_CUIT, null)).isEmpty();
  }
}
