package almacen.ingest.invoice;

import static almacen.ingest.invoice.LearningFixtures.CUIT;
import static almacen.ingest.invoice.LearningFixtures.confirmed;
import static almacen.ingest.invoice.LearningFixtures.corrected;
import static almacen.ingest.invoice.LearningFixtures.line;
import static almacen.ingest.invoice.LearningFixtures.needsReview;
import static almacen.ingest.invoice.LearningFixtures.read;
import static almacen.ingest.invoice.LearningFixtures.withSku;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Learning never touches a line whose read text no review of the supplier corrected. */
class SupplierLearningPropertyTest {

  private static final List<String> SKUS = List.of("ALM000010", "ALM000011", "ALM000012");

  /** Texts as OCR reads them: letters of both cases, digits, specks, runs of spaces. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abcdlILO01589 g!|.,-").ofMinLength(1).ofMaxLength(14);
  }

  @Provide
  Arbitrary<List<String>> textLists() {
    return texts().list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 200)
  void shouldLeaveALineUnchangedWhenItsReadTextWasNeverCorrected(
      @ForAll("textLists") List<String> reviewedReads,
      @ForAll("textLists") List<String> reviewedTexts,
      @ForAll("textLists") List<String> nextReads) {
    // given a review of this supplier that corrected some texts into others
    InvoiceLedger ledger = new InvoiceLedger();
    InvoiceService service = LearningFixtures.service(ledger);
    List<InvoiceDraft.Line> readLines = new ArrayList<>();
    List<InvoiceDraft.Line> confirmedLines = new ArrayList<>();
    for (int i = 0; i < reviewedReads.size(); i++) {
      InvoiceDraft.Line l = line(null, reviewedReads.get(i), String.valueOf(i + 1), "100.00");
      readLines.add(l);
      String text = reviewedTexts.get(i % reviewedTexts.size());
      confirmedLines.add(withSku(l, SKUS.get(i % SKUS.size()), text.isBlank() ? "x" : text));
    }
    InvoiceDraft first = read(CUIT, "Proveedor SA", 1, readLines);
    ledger.apply(needsReview(service, first, List.of()));
    ledger.apply(confirmed(corrected(first, "Proveedor SA", confirmedLines), false));
    Set<String> corrected =
        reviewedReads.stream().map(SupplierLearning::key).collect(Collectors.toSet());

    // when the next invoice is read
    List<InvoiceDraft.Line> next = new ArrayList<>();
    for (int i = 0; i < nextReads.size(); i++) {
      next.add(line(i % 2 == 0 ? null : "C-" + i, nextReads.get(i), "2", "50.00"));
    }
    InvoiceDraft draft = read(CUIT, "Proveedor SA", 2, next);
    LearnedReading learned = LearnedReading.apply(ledger.learning(), draft, List.of());

    // then every line whose text was not corrected before is exactly as read
    for (int i = 0; i < next.size(); i++) {
      if (!corrected.contains(SupplierLearning.key(nextReads.get(i)))) {
        assertThat(learned.draft().lines().get(i)).isEqualTo(next.get(i));
        assertThat(learned.lineFixes()).doesNotContainKey(i);
      }
    }
  }
}
