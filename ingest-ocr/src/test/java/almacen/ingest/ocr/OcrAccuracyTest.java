package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End-to-end accuracy on 12 generated phone photos (fixed seed): real Tesseract, real zxing. Writes
 * the figures to docs/ocr.md and asserts floors a little under what was measured.
 */
@Tag("slow")
class OcrAccuracyTest {

    static final long SEED = 20251015L;
    static final int QR_FLOOR = 5;
    private static final TesseractOcrEngine ENGINE = new TesseractOcrEngine("", "spa");

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void shouldReadMostFieldsAndLinesWhenInvoicesArePhonePhotos() throws Exception {
        // given 12 photos: types A/B/C, 3 layouts, 4 fonts, 150–300 dpi, half with the AFIP QR
        InvoiceImageGenerator gen = new InvoiceImageGenerator(SEED);
        OcrInvoiceReader reader = new OcrInvoiceReader(ENGINE, new ZxingQrDecoder(), OcrSettings.defaults());
        InvoiceType[] types = {InvoiceType.A, InvoiceType.B, InvoiceType.C};
        int[] dpis = {150, 200, 250, 300};
        Map<String, int[]> fields = new LinkedHashMap<>();
        for (String f : List.of("type", "pointOfSale", "number", "issueDate", "supplierCuit", "buyerCuit", "cae", "netTotal", "total")) {
            fields.put(f, new int[2]);
        }
        int lines = 0;
        int linesExact = 0;
        int linesNumbersExact = 0;
        int qrExpected = 0;
        int qrFound = 0;
        int ocrOnlyTotals = 0;
        int ocrOnly = 0;
        long totalMs = 0;
        List<String> rows = new ArrayList<>();
        // when
        for (int k = 0; k < 12; k++) {
            InvoiceType type = types[k % 3];
            int layout = (k / 3) % 3;
            int dpi = dpis[k % 4];
            boolean qr = k % 2 == 0;
            String font = InvoiceImageGenerator.FONTS[k % InvoiceImageGenerator.FONTS.length];
            InvoiceImageGenerator.Sample s = gen.photo(type, layout, font, dpi, qr);
            long t0 = System.nanoTime();
            ReadInvoice r = reader.read(s.bytes(), "central");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            totalMs += ms;
            InvoiceImageGenerator.Truth t = s.truth();
            count(fields, "type", t.type(), r.type());
            count(fields, "pointOfSale", t.pointOfSale(), r.pointOfSale());
            count(fields, "number", t.number(), r.number());
            count(fields, "issueDate", t.issueDate(), r.issueDate());
            count(fields, "supplierCuit", t.supplierCuit(), r.supplierCuit());
            count(fields, "buyerCuit", t.buyerCuit(), r.buyerCuit());
            count(fields, "cae", t.cae(), r.cae());
            countMoney(fields, "netTotal", t.netTotal(), r.netTotal());
            countMoney(fields, "total", t.total(), r.total());
            if (qr) {
                qrExpected++;
                qrFound += r.qrPresent() ? 1 : 0;
            } else {
                ocrOnly++;
                ocrOnlyTotals += r.total() != null && r.total().compareTo(t.total()) == 0 ? 1 : 0;
            }
            int exact = 0;
            int numbers = 0;
            for (ReadLine truth : t.lines()) {
                lines++;
                if (r.lines().stream().anyMatch(l -> sameNumbers(truth, l) && Objects.equals(truth.supplierCode(), l.supplierCode())
                        && truth.description().equals(l.description()))) {
                    exact++;
                }
                if (r.lines().stream().anyMatch(l -> sameNumbers(truth, l))) {
                    numbers++;
                }
            }
            linesExact += exact;
            linesNumbersExact += numbers;
            rows.add(String.format(Locale.ROOT, "| %d | %s | %d | %s | %d | %s | %.1f° | %d/%d | %d/%d | %s | %.2f | %.1f |", k + 1, type,
                    layout, font, dpi, qr ? (r.qrPresent() ? "sí" : "no leído") : "—", s.degradation().rotationDeg(), exact,
                    t.lines().size(), numbers, t.lines().size(), r.total() != null && r.total().compareTo(t.total()) == 0 ? "ok" : "MAL",
                    r.confidence(), ms / 1000.0));
        }
        // then
        double lineAccuracy = (double) linesExact / lines;
        double lineNumbersAccuracy = (double) linesNumbersExact / lines;
        double secondsPerPage = totalMs / 12 / 1000.0;
        writeReport(fields, rows, lines, linesExact, linesNumbersExact, qrFound, qrExpected, ocrOnlyTotals, ocrOnly, secondsPerPage);
        assertThat(lineNumbersAccuracy).as("lines with qty, price and total exact").isGreaterThanOrEqualTo(0.70); // measured 49/65 = 75.4 %: below the 90 % goal, see docs/ocr.md
        assertThat(lineAccuracy).as("lines exact incl. code and description").isGreaterThanOrEqualTo(0.55); // measured 40/65 = 61.5 %
        assertThat(fields.get("total")[0]).as("totals exact").isGreaterThanOrEqualTo(10); // measured 11/12
        assertThat(fields.get("supplierCuit")[0]).as("issuer CUIT exact").isGreaterThanOrEqualTo(11); // measured 12/12
        assertThat(qrFound).as("AFIP QR decoded").isGreaterThanOrEqualTo(QR_FLOOR);
        assertThat(secondsPerPage).as("seconds per page").isLessThan(8.0);
    }

    private static boolean sameNumbers(ReadLine a, ReadLine b) {
        return b.qty() != null && b.unitPrice() != null && b.lineTotal() != null && a.qty().compareTo(b.qty()) == 0
                && a.unitPrice().compareTo(b.unitPrice()) == 0 && a.lineTotal().compareTo(b.lineTotal()) == 0;
    }

    private static void count(Map<String, int[]> fields, String name, Object expected, Object actual) {
        int[] c = fields.get(name);
        c[1]++;
        c[0] += Objects.equals(expected, actual) ? 1 : 0;
    }

    private static void countMoney(Map<String, int[]> fields, String name, BigDecimal expected, BigDecimal actual) {
        int[] c = fields.get(name);
        c[1]++;
        c[0] += actual != null && expected.compareTo(actual) == 0 ? 1 : 0;
    }

    private static void writeReport(Map<String, int[]> fields, List<String> rows, int lines, int linesExact, int numbersExact,
                                    int qrFound, int qrExpected, int ocrOnlyTotals, int ocrOnly, double secondsPerPage) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# OCR de facturas — precisión medida\n\n");
        md.append("Generado por `OcrAccuracyTest` (ingest-ocr, `@Tag(\"slow\")`, failsafe) sobre 12 fotos sintéticas de teléfono\n");
        md.append("(semilla ").append(SEED).append("): facturas A/B/C, 3 diseños de columnas, 4 fuentes, 150–300 dpi, rotación 1–4°,\n");
        md.append("desenfoque, ruido, luz despareja, JPEG calidad 60; la mitad con QR de AFIP. Tesseract 5.3 `spa` (LSTM),\n");
        md.append("normalización de fondo + enderezado con Leptonica, `OMP_THREAD_LIMIT=1`. Se regenera en cada `verify`.\n\n");
        md.append(String.format(Locale.ROOT, "- Renglones exactos (código, descripción, cantidad, precio, importe): **%d/%d = %.1f %%**%n",
                linesExact, lines, 100.0 * linesExact / lines));
        md.append(String.format(Locale.ROOT, "- Renglones con cantidad, precio e importe exactos: **%d/%d = %.1f %%**%n",
                numbersExact, lines, 100.0 * numbersExact / lines));
        md.append(String.format(Locale.ROOT, "- QR de AFIP leído: %d/%d%n", qrFound, qrExpected));
        md.append(String.format(Locale.ROOT, "- Total exacto sin QR (sólo OCR): %d/%d%n", ocrOnlyTotals, ocrOnly));
        md.append(String.format(Locale.ROOT, "- Segundos por página (lectura completa: decodificar, QR, OCR, análisis; 2 núcleos): **%.2f s**%n%n", secondsPerPage));
        md.append("| campo | exactos |\n|---|---|\n");
        fields.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v[0]).append("/").append(v[1]).append(" |\n"));
        md.append("\n| # | tipo | diseño | fuente | dpi | QR | rotación | renglones exactos | números exactos | total | confianza | s |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append("""

                ## Decisiones

                - El QR de AFIP (RG 4892/2020) es la verdad para tipo, punto de venta, número, fecha, CUIT del emisor, CAE y
                  total; si el texto impreso difiere, gana el QR y queda un aviso en `issues`.
                - Imagen → gris → escala a ~300 dpi (los teléfonos declaran 72 dpi: se estima por el ancho de un A4) →
                  `pixBackgroundNormSimple` → `pixDeskew`; no se binariza (lo hace Tesseract).
                - Cada corrección de OCR (O→0, l→1, S→5, coma decimal perdida `1.23456`, `5009`→`500g`, `AL!`→`ALI`,
                  cantidad perdida recalculada como importe ÷ precio) queda registrada en `issues`; nada se corrige en silencio.
                - Límite de tiempo real: monitor de Tesseract (`TessMonitorSetDeadlineMSecs`) → 504 `OCR_TIMEOUT`.
                - Meta no alcanzada: ≥ 90 % de renglones exactos. Los errores vienen de filas enteras que Tesseract
                  (PSM automático) parte o funde con la de al lado en el diseño 0 (8 columnas, 7,5 pt) y de descripciones
                  con una letra cambiada; los números se salvan más (cantidad × precio = importe los valida).
                  Próximos pasos: PSM 6 sólo para la zona de la tabla, recorte por filas usando las líneas de la grilla,
                  y reintento a 2× de los renglones que no cierran.
                - Un QR de ~3 cm en una foto a 150 dpi (≈3 px por módulo, con desenfoque y JPEG 60) no siempre se decodifica;
                  entonces se usan los valores del OCR. `AfipQrTest` además muestra que el mismo QR denso (~70 módulos)
                  rotado 3–4° a 200–300 dpi con desenfoque y JPEG 60 a veces no se lee (1 a 3 de 3 según la semilla).
                """);
        Path docs = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs");
        if (!Files.isDirectory(docs)) {
            docs = Path.of("..", "docs");
        }
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("ocr.md"), md.toString());
    }
}
