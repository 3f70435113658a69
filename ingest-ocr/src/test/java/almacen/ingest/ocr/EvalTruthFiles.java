package almacen.ingest.ocr;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes every {@link EvalSet} sample as it would be uploaded ({@code L3-scan-0.pdf}, {@code
 * L4-photo-1-p2.jpg}) with its truth ({@code L3-scan-0.truth.json}), so the set can be looked at or
 * fed to another reader.
 */
final class EvalTruthFiles {

  private EvalTruthFiles() {}

  static void write(List<EvalSet.Sample> samples, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (EvalSet.Sample s : samples) {
      String ext = s.capture() == EvalSet.Capture.PHOTO ? ".jpg" : ".pdf";
      for (int k = 0; k < s.files().size(); k++) {
        String suffix = s.files().size() > 1 ? "-p" + (k + 1) : "";
        Files.write(dir.resolve(s.id() + suffix + ext), s.files().get(k));
      }
      Files.writeString(dir.resolve(s.id() + ".truth.json"), json(s));
    }
  }

  static String json(EvalSet.Sample s) {
    InvoiceImageGenerator.Truth t = s.truth();
    String lines =
        t.lines().stream()
            .map(
                l ->
                    String.format(
                        Locale.ROOT,
                        "    {\"supplierCode\": %s, \"description\": %s, \"qty\": %s, \"unitPrice\": %s,"
                            + " \"ivaRatePct\": %s, \"lineTotal\": %s}",
                        str(l.supplierCode()),
                        str(l.description()),
                        num(l.qty()),
                        num(l.unitPrice()),
                        num(l.ivaRatePct()),
                        num(l.lineTotal())))
            .collect(Collectors.joining(",\n"));
    String iva =
        t.ivaByRate().entrySet().stream()
            .map(e -> "\"" + e.getKey().toPlainString() + "\": " + num(e.getValue()))
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        """
        {
          "sample": %s, "layout": %d, "heldOut": %s, "capture": %s, "pages": %d,
          "type": %s, "pointOfSale": %d, "number": %d, "issueDate": %s,
          "supplierCuit": %s, "supplierName": %s, "buyerCuit": %s, "cae": %s, "caeDueDate": %s,
          "qr": %s,
          "lines": [
        %s
          ],
          "netTotal": %s, "ivaByRate": {%s}, "otherTaxes": %s, "total": %s
        }
        """,
        str(s.id()),
        s.layout().id(),
        s.layout().heldOut(),
        str(s.capture().name()),
        s.pages(),
        str(t.type().name()),
        t.pointOfSale(),
        t.number(),
        str(t.issueDate().toString()),
        str(t.supplierCuit()),
        str(t.supplierName()),
        str(t.buyerCuit()),
        str(t.cae()),
        str(t.caeDueDate().toString()),
        t.qr(),
        lines,
        num(t.netTotal()),
        iva,
        num(t.otherTaxes()),
        num(t.total()));
  }

  private static String str(String s) {
    return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String num(BigDecimal v) {
    return v == null ? "null" : v.toPlainString();
  }
}
