package almacen.ingest.ocr;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Reads {@link EvalSet} samples with a real reader and scores each against its truth: lines exact
 * (code, description, quantity, price, total, and the rate where the layout prints one), header
 * fields exact, whether the read would confirm on its own (the reader raised no issue) and whether
 * such a confirmation would be wrong. Asserted by {@link OcrAccuracyTest}; written to docs/ocr.md
 * by {@link OcrReport}.
 */
record EvalAccuracy(List<Result> results) {

  static final List<String> HEADER_FIELDS =
      List.of(
          "type",
          "pointOfSale",
          "number",
          "issueDate",
          "supplierCuit",
          "supplierName",
          "buyerCuit",
          "cae",
          "netTotal",
          "total");

  /** One sample read: how many of its lines and header fields came out right, and in what time. */
  record Result(
      EvalSet.Sample sample, ReadInvoice read, long millis, int linesExact, int headerExact) {

    int lines() {
      return sample.truth().lines().size();
    }

    boolean allLines() {
      return linesExact == lines() && read.lines().size() == lines();
    }

    boolean headerAll() {
      return headerExact == HEADER_FIELDS.size();
    }

    /** Nothing for a person to look at: the reader raised no issue. */
    boolean autoConfirmed() {
      return read.issues().isEmpty();
    }

    boolean wrongConfirm() {
      return autoConfirmed() && !(allLines() && headerAll());
    }
  }

  static EvalAccuracy measure(OcrInvoiceReader reader, List<EvalSet.Sample> samples)
      throws InvoiceReadException {
    List<Result> out = new ArrayList<>();
    for (EvalSet.Sample s : samples) {
      long t0 = System.nanoTime();
      // the same 60 s for one file as for several photos: on a shared machine a two-page scan can
      // take longer than the service's 30 s without anything being wrong with the reading
      ReadDeadline deadline = ReadDeadline.startingNow(Duration.ofSeconds(60));
      ReadInvoice r =
          s.files().size() == 1
              ? reader.read(s.files().get(0), "central", deadline)
              : reader.readPhotos(s.files(), "central", deadline);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      out.add(new Result(s, r, ms, exactLines(s.truth(), r.lines()), headerExact(s.truth(), r)));
    }
    return new EvalAccuracy(out);
  }

  static int exactLines(InvoiceImageGenerator.Truth truth, List<ReadLine> read) {
    List<ReadLine> left = new ArrayList<>(read);
    int exact = 0;
    for (ReadLine t : truth.lines()) {
      for (int k = 0; k < left.size(); k++) {
        if (same(t, left.get(k))) {
          left.remove(k);
          exact++;
          break;
        }
      }
    }
    return exact;
  }

  private static boolean same(ReadLine t, ReadLine r) {
    return sameNumbers(t, r)
        && Objects.equals(t.supplierCode(), r.supplierCode())
        && t.description().equals(r.description())
        && (t.ivaRatePct() == null
            || (r.ivaRatePct() != null && t.ivaRatePct().compareTo(r.ivaRatePct()) == 0));
  }

  /** Quantity, price and total read exactly (none missing). */
  static boolean sameNumbers(ReadLine truth, ReadLine read) {
    return read.qty() != null
        && read.unitPrice() != null
        && read.lineTotal() != null
        && truth.qty().compareTo(read.qty()) == 0
        && truth.unitPrice().compareTo(read.unitPrice()) == 0
        && truth.lineTotal().compareTo(read.lineTotal()) == 0;
  }

  static int headerExact(InvoiceImageGenerator.Truth t, ReadInvoice r) {
    int n = 0;
    for (String f : HEADER_FIELDS) {
      n += same(f, t, r) ? 1 : 0;
    }
    return n;
  }

  static boolean same(String field, InvoiceImageGenerator.Truth t, ReadInvoice r) {
    return switch (field) {
      case "type" -> Objects.equals(t.type(), r.type());
      case "pointOfSale" -> Objects.equals(t.pointOfSale(), r.pointOfSale());
      case "number" -> Objects.equals(t.number(), r.number());
      case "issueDate" -> Objects.equals(t.issueDate(), r.issueDate());
      case "supplierCuit" -> Objects.equals(t.supplierCuit(), r.supplierCuit());
      case "supplierName" -> Objects.equals(t.supplierName(), r.supplierName());
      case "buyerCuit" -> Objects.equals(t.buyerCuit(), r.buyerCuit());
      case "cae" -> Objects.equals(t.cae(), r.cae());
      case "netTotal" -> money(t.netTotal(), r.netTotal());
      case "total" -> money(t.total(), r.total());
      default -> throw new IllegalArgumentException("No such field: " + field);
    };
  }

  private static boolean money(BigDecimal expected, BigDecimal actual) {
    return actual != null && expected.compareTo(actual) == 0;
  }

  /** Totals over the results that pass {@code which}. */
  Totals totals(Predicate<Result> which) {
    List<Result> rs = results.stream().filter(which).toList();
    return new Totals(
        rs.size(),
        rs.stream().mapToInt(Result::lines).sum(),
        rs.stream().mapToInt(Result::linesExact).sum(),
        (int) rs.stream().filter(Result::headerAll).count(),
        (int) rs.stream().filter(Result::autoConfirmed).count(),
        (int) rs.stream().filter(Result::wrongConfirm).count(),
        rs.stream().mapToLong(Result::millis).sum());
  }

  /** Counts over a group of samples. */
  record Totals(
      int invoices,
      int lines,
      int linesExact,
      int headersExact,
      int confirmed,
      int wrong,
      long millis) {

    double lineShare() {
      return lines == 0 ? 0 : 100.0 * linesExact / lines;
    }
  }
}
