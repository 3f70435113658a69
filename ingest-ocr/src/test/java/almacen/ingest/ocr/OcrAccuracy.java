package almacen.ingest.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the generated phone photos with a real reader and counts what came out right against each
 * photo's truth. Asserted by {@link OcrAccuracyTest}; written to docs/ocr.md by {@link OcrReport}
 * ({@code scripts/ocr-report}).
 */
record OcrAccuracy(Map<String, Score> fields, List<Photo> photos) {

  /**
   * The header fields scored, compared as {@link EvalAccuracy#same(String,
   * InvoiceImageGenerator.Truth, ReadInvoice)} does.
   */
  static final List<String> FIELDS =
      List.of(
          "type",
          "pointOfSale",
          "number",
          "issueDate",
          "supplierCuit",
          "buyerCuit",
          "cae",
          "netTotal",
          "total");

  /** {@code exact} of {@code total} reads were right. */
  record Score(int exact, int total) {}

  /**
   * One photo: what it shows, what was read, how long it took and how many of its lines came out
   * right.
   */
  record Photo(
      InvoiceImageGenerator.Sample sample,
      ReadInvoice read,
      long millis,
      int linesExact,
      int numbersExact) {

    InvoiceImageGenerator.Truth truth() {
      return sample.truth();
    }

    boolean totalExact() {
      return read.total() != null && read.total().compareTo(truth().total()) == 0;
    }
  }

  static OcrAccuracy measure(OcrInvoiceReader reader, List<InvoiceImageGenerator.Sample> samples)
      throws InvoiceReadException {
    List<Photo> photos = new ArrayList<>();
    for (InvoiceImageGenerator.Sample s : samples) {
      long t0 = System.nanoTime();
      ReadInvoice r = reader.read(s.bytes(), "central");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      photos.add(
          new Photo(
              s,
              r,
              ms,
              PhotoSet.exactLines(s.truth(), r.lines()),
              PhotoSet.exactNumbers(s.truth(), r.lines())));
    }
    Map<String, Score> fields = new LinkedHashMap<>();
    FIELDS.forEach(f -> fields.put(f, score(photos, f)));
    return new OcrAccuracy(fields, photos);
  }

  int exact(String field) {
    return fields.get(field).exact();
  }

  int lines() {
    return photos.stream().mapToInt(p -> p.truth().lines().size()).sum();
  }

  int linesExact() {
    return photos.stream().mapToInt(Photo::linesExact).sum();
  }

  int numbersExact() {
    return photos.stream().mapToInt(Photo::numbersExact).sum();
  }

  int qrExpected() {
    return (int) photos.stream().filter(p -> p.truth().qr()).count();
  }

  int qrFound() {
    return (int) photos.stream().filter(p -> p.truth().qr() && p.read().qrPresent()).count();
  }

  /** Photos without the AFIP QR: only OCR could give their total. */
  int ocrOnly() {
    return photos.size() - qrExpected();
  }

  int ocrOnlyTotalsExact() {
    return (int) photos.stream().filter(p -> !p.truth().qr() && p.totalExact()).count();
  }

  double secondsPerPage() {
    return (double) photos.stream().mapToLong(Photo::millis).sum() / photos.size() / 1000.0;
  }

  private static Score score(List<Photo> photos, String field) {
    int exact =
        (int) photos.stream().filter(p -> EvalAccuracy.same(field, p.truth(), p.read())).count();
    return new Score(exact, photos.size());
  }
}
