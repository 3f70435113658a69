package almacen.ingest.ocr;

import almacen.ingest.invoice.Cuit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

  private static final BigDecimal ONE_PESO = BigDecimal.ONE;

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
    int dpi = (int) Math.round(shortSide / 8.27);
    return Math.max(70, Math.min(600, dpi));
  }

  static int dpiOfA4Width(int paperWidthPx) {
    int dpi = (int) Math.round(paperWidthPx / PaperFrame.A4_WIDTH_INCHES);
    return Math.max(70, Math.min(600, dpi));
  }

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
    InvoiceType type = p.type();
    Integer pos = p.pointOfSale();
    Long number = p.number();
    java.time.LocalDate date = p.issueDate();
    String cuit = p.supplierCuit();
    String buyer = p.buyerCuit();
    String cae = p.cae();
    BigDecimal total = p.total();
    int checks = 0;
    int passed = 0;
    if (qr != null) {
      InvoiceType qrType = InvoiceType.ofAfipCode(qr.tipoCmp()).orElse(null);
      type = prefer("tipo", type, qrType, issues);
      pos = prefer("punto de venta", pos, qr.ptoVta(), issues);
      number = prefer("número", number, qr.nroCmp(), issues);
      date = prefer("fecha", date, qr.fecha(), issues);
      String qrCuit =
          Cuit.parse(String.format("%011d", qr.cuit())).map(Cuit::formatted).orElse(null);
      if (qrCuit == null) {
        issues.add("El QR trae un CUIT inválido (" + qr.cuit() + ").");
      } else {
        if (buyer == null && cuit != null && !cuit.equals(qrCuit)) {
          buyer = cuit;
        }
        if (qrCuit.equals(buyer)) {
          buyer = cuit;
        }
        cuit = prefer("CUIT", cuit, qrCuit, issues);
      }
      if ("E".equalsIgnoreCase(qr.tipoCodAut())
          && qr.codAut() != null
          && qr.codAut().length() == 14) {
        cae = prefer("CAE", cae, qr.codAut(), issues);
      }
      if (!"PES".equalsIgnoreCase(qr.moneda())) {
        issues.add(
            "Factura en moneda "
                + qr.moneda()
                + " (cotización "
                + qr.ctz()
                + "): revisar importes.");
      }
      total = prefer("total", total, qr.importe(), issues);
    }
    // consistency checks drive the confidence
    List<ReadLine> lines = p.lines();
    BigDecimal linesSum =
        lines.stream()
            .map(ReadLine::lineTotal)
            .filter(java.util.Objects::nonNull)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.HALF_UP);
    Map<BigDecimal, BigDecimal> iva = new TreeMap<>(p.ivaByRate());
    BigDecimal ivaTotal =
        iva.values().stream()
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.HALF_UP);
    BigDecimal net = p.netTotal();
    if (type != null && type.pricesIncludeIva()) {
      if (ivaTotal.signum() != 0) {
        issues.add("Factura " + type + " con IVA discriminado: se ignora (precios finales).");
      }
      iva.clear();
      ivaTotal = BigDecimal.ZERO.setScale(2);
      if (net == null && !lines.isEmpty()) {
        net = linesSum;
      }
    }
    BigDecimal other = p.otherTaxes();
    checks++;
    if (!lines.isEmpty() && net != null && linesSum.subtract(net).abs().compareTo(ONE_PESO) <= 0) {
      passed++;
    } else if (!lines.isEmpty() && net != null) {
      issues.add(
          "La suma de los renglones ("
              + Numbers.format(linesSum)
              + ") no coincide con el neto ("
              + Numbers.format(net)
              + "); puede faltar un renglón.");
    }
    checks++;
    if (net != null
        && total != null
        && net.add(ivaTotal).add(other).subtract(total).abs().compareTo(ONE_PESO) <= 0) {
      passed++;
    } else if (net != null && total != null) {
      issues.add(
          "Neto + IVA + otros tributos ("
              + Numbers.format(net.add(ivaTotal).add(other))
              + ") no coincide con el total ("
              + Numbers.format(total)
              + ").");
    }
    checks += 6;
    passed +=
        (type != null ? 1 : 0)
            + (pos != null ? 1 : 0)
            + (number != null ? 1 : 0)
            + (date != null ? 1 : 0)
            + (cuit != null ? 1 : 0)
            + (total != null ? 1 : 0);
    checks++;
    passed += lines.isEmpty() ? 0 : (int) Math.round((double) p.consistentLines() / lines.size());
    double structure = (double) passed / checks;
    double lineShare = lines.isEmpty() ? 0 : (double) p.consistentLines() / lines.size();
    double confidence = 0.35 * ocrConfidence + 0.45 * structure + 0.2 * lineShare;
    if (qr != null && p.total() != null && p.total().compareTo(qr.importe()) == 0) {
      confidence = Math.min(1.0, confidence + 0.05);
    }
    confidence = Math.max(0, Math.min(1, Math.round(confidence * 1000) / 1000.0));
    return new ReadInvoice(
        type,
        pos,
        number,
        date,
        cuit,
        p.supplierName(),
        buyer,
        cae,
        p.caeDueDate(),
        lines,
        net,
        iva,
        ivaTotal,
        other,
        total,
        qr != null,
        qr,
        confidence,
        issues,
        kind,
        sha256,
        branch);
  }

  private static <T> T prefer(String field, T ocr, T qr, List<String> issues) {
    if (qr == null) {
      return ocr;
    }
    if (ocr != null && !equal(ocr, qr)) {
      issues.add(
          "El "
              + field
              + " impreso ("
              + ocr
              + ") no coincide con el QR de AFIP ("
              + qr
              + "); se usa el QR.");
    }
    return qr;
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.longValue() == y.longValue();
    }
    return a.equals(b);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JRE", e);
    }
  }
}
