package almacen.ingest.ocr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the phone photo of a Factura A that {@code scripts/lib/DashboardFlow.java} uploads through the dashboard
 * against the whole local stack (committed as {@code scripts/lib/fixtures/factura-stack.jpg}). Rendered and
 * degraded by {@link InvoiceImageGenerator} like the accuracy photos (layout 2, 200 dpi, AFIP QR, 2.2° rotation,
 * blur, noise, uneven light, JPEG 60), but its lines are products of the demo catalogue
 * ({@code scripts/demo/products.csv}): three carry the product's EAN as the supplier code (identified by the EAN),
 * one carries the supplier's own code and wording (not identified: the reviewer types its sku). Not a test.
 * <p>
 * Regenerate (the truth is hard-coded in DashboardFlow too; keep them in step):
 * <pre>
 * ./mvnw -B -q -o -pl ingest-ocr test-compile
 * ./mvnw -B -q -o -pl ingest-ocr dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp "ingest-ocr/target/test-classes:ingest-ocr/target/classes:$(cat ingest-ocr/target/bench-classpath.txt)" \
 *   almacen.ingest.ocr.StackInvoicePhoto scripts/lib/fixtures/factura-stack.jpg
 * </pre>
 */
public final class StackInvoicePhoto {

    static final String SUPPLIER_CUIT = "30-71458203-4";
    static final String SUPPLIER_NAME = "DISTRIBUIDORA DEL PLATA S.A.";

    /** code, description, qty, net unit price (all at 21 % IVA). */
    static final List<ReadLine> LINES = List.of(
            line("DP-1021", "Detergente Magistral 500 ml", 6, "1320.50"),      // LIM000002
            line("DP-2207", "Fernet Branca 750 ml", 3, "9850.00"),             // BEB000012
            line("DP-4410", "Alfajor Jorgito Negro", 24, "410.00"),            // GOL000001 (the supplier's wording)
            line("DP-3315", "Alfajor Havanna Mixto", 12, "1275.00"));          // GOL000002

    private StackInvoicePhoto() {
    }

    private static ReadLine line(String code, String description, int qty, String price) {
        BigDecimal q = new BigDecimal(qty);
        BigDecimal p = new BigDecimal(price);
        return new ReadLine(code, description, q, p, new BigDecimal("21"), q.multiply(p).setScale(2, RoundingMode.HALF_UP));
    }

    static InvoiceImageGenerator.Truth truth() {
        if (!Cuit.isValid(SUPPLIER_CUIT.replace("-", ""))) {
            throw new IllegalStateException("bad CUIT " + SUPPLIER_CUIT);
        }
        BigDecimal net = LINES.stream().map(ReadLine::lineTotal).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal iva = net.multiply(new BigDecimal("21")).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        Map<BigDecimal, BigDecimal> ivaByRate = new TreeMap<>(Map.of(new BigDecimal("21"), iva));
        BigDecimal other = BigDecimal.ZERO.setScale(2);
        LocalDate date = LocalDate.of(2025, 10, 20);
        return new InvoiceImageGenerator.Truth(InvoiceType.A, 7, 48213L, date, SUPPLIER_CUIT, SUPPLIER_NAME,
                "20-30111222-0", "75412300981234", date.plusDays(10), LINES, net, ivaByRate, other, net.add(iva).add(other),
                true);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "factura-stack.jpg");
        InvoiceImageGenerator gen = new InvoiceImageGenerator(20251020L);
        InvoiceImageGenerator.Truth t = truth();
        InvoiceImageGenerator.Degradation d = new InvoiceImageGenerator.Degradation(2.2, 0.7f, 4, 0.3, 0.6f);
        byte[] jpeg = InvoiceImageGenerator.jpeg(gen.degrade(gen.render(t, 0, "DejaVu Sans", 200), d), d.jpegQuality());
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, jpeg);
        System.out.printf("%s: %d bytes; Factura %s %05d-%08d CUIT %s, net %s, total %s%n", out, jpeg.length, t.type(),
                t.pointOfSale(), t.number(), t.supplierCuit(), t.netTotal().toPlainString(), t.total().toPlainString());
    }
}
