package almacen.ingest.ocr;

import almacen.ingest.invoice.Cuit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the two phone photos of a Factura A that {@code scripts/lib/DashboardFlow.java} uses
 * against the whole local stack, committed in {@code scripts/lib/fixtures/}. Both are rendered and
 * degraded by {@link InvoiceImageGenerator} like the accuracy photos (layout 0, DejaVu Sans, 200
 * dpi, AFIP QR, blur, noise, uneven light, JPEG 60), with lines that are products of the demo
 * catalogue ({@code scripts/demo/products.csv}). Not a test.
 *
 * <ul>
 *   <li>{@code factura-stack.jpg} (Distribuidora del Plata, A 00007-00048213, rotated 2.2°):
 *       uploaded through the Facturas page (a preview); three lines carry the catalogue's exact
 *       product name, one the supplier's own wording (not identified: the reviewer types its sku).
 *   <li>{@code factura-stack-revision.jpg} (Mayorista El Sol, A 00003-00051877, rotated −1.6°):
 *       what a worker's phone sends straight to ingest-ocr; other supplier, other products. Its
 *       line 3 ("Vino Toro Tinto Tetra 1 lt", code ES-0917) is the supplier's wording for BEB000010
 *       "Vino Tinto Toro 1 l", unknown to a fresh stack, so ingest publishes the invoice as
 *       NEEDS_REVIEW and it waits in the review queue. On a rerun DashboardFlow paints a fresh
 *       number and code over this photo (it knows where this class drew them).
 * </ul>
 *
 * Regenerate (the truth and the drawing geometry are hard-coded in DashboardFlow too; keep them in
 * step):
 *
 * <pre>
 * ./mvnw -B -q -o -pl ingest-ocr test-compile
 * ./mvnw -B -q -o -pl ingest-ocr dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp "ingest-ocr/target/test-classes:ingest-ocr/target/classes:$(cat ingest-ocr/target/bench-classpath.txt)" \
 *   almacen.ingest.ocr.StackInvoicePhoto scripts/lib/fixtures
 * </pre>
 */
public final class StackInvoicePhoto {

  static final String BUYER_CUIT = "20-30111222-0";

  /** One photo: its file name, what it says, how it was taken. */
  record Photo(
      String file,
      long seed,
      InvoiceImageGenerator.Truth truth,
      InvoiceImageGenerator.Degradation degradation) {}

  static final List<Photo> PHOTOS =
      List.of(
          new Photo(
              "factura-stack.jpg",
              20251020L,
              truth(
                  "30-71458203-4",
                  "DISTRIBUIDORA DEL PLATA S.A.",
                  7,
                  48213L,
                  LocalDate.of(2025, 10, 20),
                  "75412300981234",
                  List.of(
                      line("DP-1021", "Detergente Magistral 500 ml", 6, "1320.50"), // LIM000002
                      line("DP-2207", "Fernet Branca 750 ml", 3, "9850.00"), // BEB000012
                      line(
                          "DP-4410",
                          "Alfajor Jorgito Negro",
                          24,
                          "410.00"), // GOL000001 (the supplier's wording)
                      line("DP-3315", "Alfajor Havanna Mixto", 12, "1275.00"))), // GOL000002
              new InvoiceImageGenerator.Degradation(2.2, 0.7f, 4, 0.3, 0.6f)),
          new Photo(
              "factura-stack-revision.jpg",
              20251024L,
              truth(
                  "30-71129384-8",
                  "MAYORISTA EL SOL S.R.L.",
                  3,
                  51877L,
                  LocalDate.of(2025, 10, 24),
                  "75437019823301",
                  List.of(
                      line("ES-1033", "Aceite de Oliva Nucete 500 ml", 6, "7850.00"), // ALM000014
                      line("ES-2210", "Vino Malbec Alamos 750 ml", 6, "8420.00"), // BEB000011
                      line(
                          "ES-0917",
                          "Vino Toro Tinto Tetra 1 lt",
                          12,
                          "2150.00"), // BEB000010 (the supplier's wording)
                      line("ES-3342", "Shampoo Sedal 340 ml", 8, "2960.00"))), // PER000001
              new InvoiceImageGenerator.Degradation(-1.6, 0.7f, 4, 0.3, 0.6f)));

  private StackInvoicePhoto() {}

  /** code, description, qty, net unit price (all at 21 % IVA). */
  private static ReadLine line(String code, String description, int qty, String price) {
    BigDecimal q = new BigDecimal(qty);
    BigDecimal p = new BigDecimal(price);
    return new ReadLine(
        code,
        description,
        q,
        p,
        new BigDecimal("21"),
        q.multiply(p).setScale(2, RoundingMode.HALF_UP));
  }

  private static InvoiceImageGenerator.Truth truth(
      String cuit,
      String name,
      int pointOfSale,
      long number,
      LocalDate date,
      String cae,
      List<ReadLine> lines) {
    if (!Cuit.isValid(cuit.replace("-", ""))) {
      throw new IllegalStateException("bad CUIT " + cuit);
    }
    BigDecimal net =
        lines.stream()
            .map(ReadLine::lineTotal)
            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    BigDecimal iva =
        net.multiply(new BigDecimal("21")).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    Map<BigDecimal, BigDecimal> ivaByRate = new TreeMap<>(Map.of(new BigDecimal("21"), iva));
    BigDecimal other = BigDecimal.ZERO.setScale(2);
    return new InvoiceImageGenerator.Truth(
        InvoiceType.A,
        pointOfSale,
        number,
        date,
        cuit,
        name,
        BUYER_CUIT,
        cae,
        date.plusDays(10),
        lines,
        net,
        ivaByRate,
        other,
        net.add(iva).add(other),
        true);
  }

  /** Writes every photo into the directory given (default: the current one). */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    Files.createDirectories(dir);
    for (Photo photo : PHOTOS) {
      InvoiceImageGenerator gen = new InvoiceImageGenerator(photo.seed());
      InvoiceImageGenerator.Truth t = photo.truth();
      InvoiceImageGenerator.Degradation d = photo.degradation();
      byte[] jpeg =
          InvoiceImageGenerator.jpeg(
              gen.degrade(gen.render(t, 0, "DejaVu Sans", 200), d), d.jpegQuality());
      Path out = dir.resolve(photo.file());
      Files.write(out, jpeg);
      System.out.printf(
          "%s: %d bytes; Factura %s %05d-%08d CUIT %s, net %s, total %s%n",
          out,
          jpeg.length,
          t.type(),
          t.pointOfSale(),
          t.number(),
          t.supplierCuit(),
          t.netTotal().toPlainString(),
          t.total().toPlainString());
    }
  }
}
