package almacen.ingest.ocr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reading pipeline: sniff (limits before decoding) → decode / PDF text layer → for photos, the
 * sheet cut out of its background ({@link PaperFrame}, which also gives the real dpi) → AFIP QR
 * (ground truth for header and total) → Tesseract OCR, with a second look at rows whose numbers do
 * not close → es-AR parser → merge, cross-checks and confidence. One {@link ReadDeadline} covers
 * the whole read; it is checked between stages (PDF text, rendering, photo decoding, QR, each
 * Tesseract call), so a read cancelled at its deadline stops at the next stage. How many reads run
 * at once is decided at the web edge ({@code almacen.ingest.upload}), before the body is read.
 */
@Component
public class OcrInvoiceReader implements InvoiceReader {

  static final int OCR_DPI = 300;

  /** A PDF with a text layer is rendered only for its QR. */
  static final int QR_DPI = 200;

  /**
   * Bounds of a believable estimate of a photo's resolution: below 70 dpi an A4's text is a few
   * pixels high, above 600 it is finer than phones and office scanners deliver for a whole page.
   */
  static final int MIN_DPI = 70;

  static final int MAX_DPI = 600;

  private final OcrEngine engine;
  // registered when the reader is created at start, so they read zero until used
  private static final Timer DURATION =
      Timer.builder("almacen.ocr.duration")
          .description("Time to read one invoice: sniff, QR, OCR and parse")
          .publishPercentileHistogram()
          .register(Metrics.globalRegistry);
  private static final Counter TIMEOUTS =
      Counter.builder("almacen.ocr.timeouts")
          .description("Invoices whose reading ran over almacen.ocr.timeout")
          .register(Metrics.globalRegistry);
  private static final Counter QR_HIT =
      Counter.builder("almacen.ocr.qr")
          .tag("result", "hit")
          .description("Invoices read with or without an AFIP QR")
          .register(Metrics.globalRegistry);
  private static final Counter QR_MISS =
      Counter.builder("almacen.ocr.qr").tag("result", "miss").register(Metrics.globalRegistry);

  private final QrDecoder qrDecoder;
  private final OcrSettings settings;

  public OcrInvoiceReader(OcrEngine engine, QrDecoder qrDecoder, OcrSettings settings) {
    this.engine = engine;
    this.qrDecoder = qrDecoder;
    this.settings = settings;
  }

  /** Reads with a deadline of {@code almacen.ocr.timeout} from now. */
  public ReadInvoice read(byte[] bytes, String branch) throws InvoiceReadException {
    return read(bytes, branch, ReadDeadline.startingNow(settings.timeout()));
  }

  @Override
  public ReadInvoice read(byte[] bytes, String branch, ReadDeadline deadline)
      throws InvoiceReadException {
    Timer.Sample sample = Timer.start();
    try {
      ImageSniffer.Sniffed sniffed = ImageSniffer.sniff(bytes);
      ReadInvoice read = readSniffed(bytes, sniffed, branch, deadline);
      (read.qrPresent() ? QR_HIT : QR_MISS).increment();
      return read;
    } catch (InvoiceReadException e) {
      if (e.status() == 504) {
        TIMEOUTS.increment();
      }
      throw e;
    } finally {
      sample.stop(DURATION);
    }
  }

  private ReadInvoice readSniffed(
      byte[] bytes, ImageSniffer.Sniffed sniffed, String branch, ReadDeadline deadline)
      throws InvoiceReadException {
    List<String> issues = new ArrayList<>();
    SourceKind kind;
    String text;
    double ocrConfidence;
    BufferedImage page;
    int photoDpi = 0;
    if (sniffed.kind() == ImageSniffer.Kind.PDF) {
      kind = SourceKind.PDF;
      PdfPages.Content pdf = PdfPages.read(bytes, OCR_DPI, QR_DPI, deadline);
      page = pdf.page1();
      if (pdf.text() != null) {
        text = pdf.text();
        ocrConfidence = 1.0;
      } else {
        deadline.check("leer el PDF escaneado con OCR");
        OcrEngine.OcrText ocr =
            engine.recognize(page, pdf.dpi(), deadline, InvoiceTextParser.ROW_REVIEW);
        text = ocr.text();
        ocrConfidence = ocr.meanConfidence();
        issues.add("PDF sin capa de texto: leído por OCR.");
      }
    } else {
      kind = SourceKind.PHOTO;
      deadline.check("decodificar la imagen");
      BufferedImage decoded = ImageDecoder.decode(bytes, sniffed);
      deadline.check("recortar la hoja de la foto");
      PaperFrame.Found paper = PaperFrame.isolate(decoded);
      page = paper.page();
      photoDpi = paper.paperWidth() > 0 ? dpiOfA4Width(paper.paperWidth()) : estimateDpi(page);
      text = null;
      ocrConfidence = 0;
    }
    Optional<AfipQr> qr = Optional.empty();
    deadline.check("buscar el QR de AFIP");
    Optional<String> qrText = qrDecoder.decode(page);
    if (qrText.isPresent()) {
      qr = AfipQrParser.parse(qrText.get());
      if (qr.isEmpty()) {
        issues.add("Hay un código QR pero no es el QR de AFIP de una factura.");
      }
    }
    deadline.check(text == null ? "leer la foto con OCR" : "interpretar el texto");
    if (text == null) {
      OcrEngine.OcrText ocr =
          engine.recognize(page, photoDpi, deadline, InvoiceTextParser.ROW_REVIEW);
      text = ocr.text();
      ocrConfidence = ocr.meanConfidence();
    }
    deadline.check("interpretar el texto leído");
    InvoiceTextParser.Parsed parsed = InvoiceTextParser.parse(text);
    if (qr.isEmpty()
        && parsed.total() == null
        && parsed.lines().isEmpty()
        && parsed.supplierCuit() == null
        && parsed.type() == null) {
      throw InvoiceReadException.noInvoice(
          "No se encontró ninguna factura en el archivo (sin QR de AFIP, CUIT, renglones ni total).");
    }
    return merge(parsed, qr.orElse(null), issues, ocrConfidence, kind, sha256(bytes), branch);
  }

  /**
   * Photos carry no trustworthy dpi (phones write 72): assume the page is an A4 filling the frame.
   */
  static int estimateDpi(BufferedImage page) {
    int shortSide = Math.min(page.getWidth(), page.getHeight());
    return clampDpi((int) Math.round(shortSide / PaperFrame.A4_WIDTH_INCHES));
  }

  static int dpiOfA4Width(int paperWidthPx) {
    return clampDpi((int) Math.round(paperWidthPx / PaperFrame.A4_WIDTH_INCHES));
  }

  /** Outside {@link #MIN_DPI}..{@link #MAX_DPI} the sheet was measured wrong: take the bound. */
  private static int clampDpi(int dpi) {
    return Math.max(MIN_DPI, Math.min(MAX_DPI, dpi));
  }

  /**
   * The parsed text with the QR merged in ({@link QrMerge}), checked across parts ({@link
   * InvoiceCrossChecks}) and scored ({@link ReadConfidence}); issues in the order: before the
   * parse, the parse's, the QR's, the cross-checks'.
   */
  static ReadInvoice merge(
      InvoiceTextParser.Parsed p,
      AfipQr qr,
      List<String> preIssues,
      double ocrConfidence,
      SourceKind kind,
      String sha256,
      String branch) {
    List<String> issues = new ArrayList<>(preIssues);
    issues.addAll(p.issues());
    QrMerge.Identity id = QrMerge.merge(p, qr, issues);
    List<ReadLine> lines = p.lines();
    InvoiceCrossChecks.Result checks =
        InvoiceCrossChecks.check(
            id.type(), lines, p.netTotal(), p.ivaByRate(), p.otherTaxes(), id.total(), issues::add);
    boolean qrAgrees = qr != null && p.total() != null && p.total().compareTo(qr.importe()) == 0;
    double confidence =
        ReadConfidence.DEFAULT.score(
            ocrConfidence,
            checks.passed(),
            id.requiredFound(),
            p.consistentLines(),
            lines.size(),
            qrAgrees);
    return new ReadInvoice(
        id.type(),
        id.pointOfSale(),
        id.number(),
        id.issueDate(),
        id.supplierCuit(),
        p.supplierName(),
        id.buyerCuit(),
        id.cae(),
        p.caeDueDate(),
        lines,
        checks.netTotal(),
        checks.ivaByRate(),
        checks.ivaTotal(),
        p.otherTaxes(),
        id.total(),
        qr != null,
        qr,
        confidence,
        issues,
        kind,
        sha256,
        branch,
        id.kind());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JRE", e);
    }
  }
}
