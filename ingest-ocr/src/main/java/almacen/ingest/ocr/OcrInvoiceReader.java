package almacen.ingest.ocr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    return read(bytes, branch, deadline, PhotoTransform.NONE);
  }

  /** Reads one file, a photo turned and cropped by {@code transform} first. */
  public ReadInvoice read(
      byte[] bytes, String branch, ReadDeadline deadline, PhotoTransform transform)
      throws InvoiceReadException {
    Timer.Sample sample = Timer.start();
    try {
      ImageSniffer.Sniffed sniffed = ImageSniffer.sniff(bytes);
      ReadInvoice read = readSniffed(bytes, sniffed, branch, deadline, transform);
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

  /**
   * Reads the photos of one invoice's pages, in order (lines continue from page to page, totals on
   * the last), within {@code deadline}; each photo is sniffed and limited like a single upload.
   */
  @Override
  public ReadInvoice readPages(List<byte[]> pages, String branch, ReadDeadline deadline)
      throws InvoiceReadException {
    return readPhotos(pages, branch, deadline, PhotoTransform.NONE);
  }

  /** As {@link #readPages(List, String, ReadDeadline)}, every photo turned and cropped first. */
  @Override
  public ReadInvoice readPages(
      List<byte[]> pages, String branch, ReadDeadline deadline, PhotoTransform transform)
      throws InvoiceReadException {
    return readPhotos(pages, branch, deadline, transform);
  }

  public ReadInvoice readPhotos(List<byte[]> photos, String branch, ReadDeadline deadline)
      throws InvoiceReadException {
    return readPhotos(photos, branch, deadline, PhotoTransform.NONE);
  }

  private ReadInvoice readPhotos(
      List<byte[]> photos, String branch, ReadDeadline deadline, PhotoTransform transform)
      throws InvoiceReadException {
    if (photos.size() == 1) {
      return read(photos.get(0), branch, deadline, transform);
    }
    if (photos.isEmpty() || photos.size() > PdfLimits.MAX_PAGES) {
      throw new InvoiceReadException(
          413,
          "TOO_MANY_PAGES",
          "Una factura tiene como máximo " + PdfLimits.MAX_PAGES + " páginas (fotos).");
    }
    Timer.Sample sample = Timer.start();
    try {
      List<ImageSniffer.Sniffed> sniffed = new ArrayList<>();
      for (byte[] b : photos) {
        ImageSniffer.Sniffed s = ImageSniffer.sniff(b);
        if (s.kind() == ImageSniffer.Kind.PDF) {
          throw new InvoiceReadException(
              415,
              "UNSUPPORTED_MEDIA_TYPE",
              "Varias páginas se suben como fotos JPEG/PNG o como un solo PDF, no mezcladas.");
        }
        sniffed.add(s);
      }
      List<String> issues = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      List<List<PositionedLines.Line>> positioned = new ArrayList<>();
      AfipQr qr = null;
      double confidence = 0;
      Map<String, Integer> wordConfidence = new HashMap<>();
      for (int k = 0; k < photos.size(); k++) {
        deadline.check("decodificar la foto " + (k + 1));
        PaperFrame.Found page = photoPage(photos.get(k), sniffed.get(k), transform, deadline);
        if (qr == null) {
          qr = qr(page.page(), issues, deadline);
        }
        deadline.check("leer la foto " + (k + 1) + " con OCR");
        OcrEngine.OcrText ocr =
            engine.recognize(
                page.page(), PhotoDpi.of(page), deadline, InvoiceTextParser.ROW_REVIEW);
        texts.add(ocr.text());
        positioned.add(PositionedLines.of(ocr.words(), k));
        confidence += ocr.meanConfidence() / photos.size();
        ItemDoubts.add(wordConfidence, ocr.wordConfidence());
      }
      ReadInvoice read =
          parseAndMerge(
              new Reading(joinPages(texts), null, positioned, wordConfidence),
              qr,
              issues,
              confidence,
              SourceKind.PHOTO,
              photos,
              branch);
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
      byte[] bytes,
      ImageSniffer.Sniffed sniffed,
      String branch,
      ReadDeadline deadline,
      PhotoTransform transform)
      throws InvoiceReadException {
    List<String> issues = new ArrayList<>();
    if (sniffed.kind() != ImageSniffer.Kind.PDF) {
      deadline.check("decodificar la imagen");
      PaperFrame.Found page = photoPage(bytes, sniffed, transform, deadline);
      AfipQr qr = qr(page.page(), issues, deadline);
      deadline.check("leer la foto con OCR");
      OcrEngine.OcrText ocr =
          engine.recognize(page.page(), PhotoDpi.of(page), deadline, InvoiceTextParser.ROW_REVIEW);
      return parseAndMerge(
          new Reading(
              joinPages(List.of(ocr.text())),
              null,
              List.of(PositionedLines.of(ocr.words(), 0)),
              ocr.wordConfidence()),
          qr,
          issues,
          ocr.meanConfidence(),
          SourceKind.PHOTO,
          List.of(bytes),
          branch);
    }
    if (!transform.isNone()) {
      throw InvoiceReadException.notAPhoto(transform.rotate() != 0 ? "rotate" : "crop");
    }
    PdfPages.Content pdf = PdfPages.read(bytes, OCR_DPI, QR_DPI, deadline);
    AfipQr qr = null;
    for (BufferedImage image : pdf.qrImages()) {
      if (qr == null) {
        qr = qr(image, issues, deadline);
      }
    }
    if (pdf.allText()) {
      PositionedTable.Joined text = pdf.positioned();
      return parseAndMerge(
          new Reading(text.text(), text.table(), null, Map.of()),
          qr,
          issues,
          1.0,
          SourceKind.PDF,
          List.of(bytes),
          branch);
    }
    List<String> texts = new ArrayList<>();
    List<List<PositionedLines.Line>> positioned = new ArrayList<>();
    double confidence = 0;
    Map<String, Integer> wordConfidence = new HashMap<>();
    int scanned = 0;
    for (int p = 0; p < pdf.pages().size(); p++) {
      PdfPages.Page page = pdf.pages().get(p);
      if (page.hasText()) {
        texts.add(String.join("\n", page.texts()));
        positioned.add(page.lines());
        confidence += 1.0;
      } else {
        deadline.check("leer la página " + (p + 1) + " del PDF escaneado con OCR");
        OcrEngine.OcrText ocr =
            engine.recognize(page.scan(), pdf.dpi(), deadline, InvoiceTextParser.ROW_REVIEW);
        texts.add(ocr.text());
        positioned.add(PositionedLines.of(ocr.words(), p));
        confidence += ocr.meanConfidence();
        ItemDoubts.add(wordConfidence, ocr.wordConfidence());
        scanned++;
      }
    }
    if (scanned < pdf.pages().size()) {
      // a scan is read like a photo; only a PDF mixing text and scanned pages is worth a look
      issues.add(scanned + " página(s) del PDF sin capa de texto: leídas por OCR.");
    }
    return parseAndMerge(
        new Reading(joinPages(texts), null, positioned, wordConfidence),
        qr,
        issues,
        confidence / pdf.pages().size(),
        SourceKind.PDF,
        List.of(bytes),
        branch);
  }

  /**
   * The sheet cut out of a photo's background ({@link PaperFrame}), after the person's turn and
   * crop.
   */
  private static PaperFrame.Found photoPage(
      byte[] bytes, ImageSniffer.Sniffed sniffed, PhotoTransform transform, ReadDeadline deadline)
      throws InvoiceReadException {
    if (!transform.isNone()) {
      deadline.check("girar y recortar la foto");
    }
    // the crop is read alone at full resolution, before any subsampling of a large photo
    return PaperFrame.isolate(ImageDecoder.decode(bytes, sniffed, transform));
  }

  /** The AFIP QR on a page, if any; a QR that is not AFIP's is said so. */
  private AfipQr qr(BufferedImage page, List<String> issues, ReadDeadline deadline)
      throws InvoiceReadException {
    deadline.check("buscar el QR de AFIP");
    Optional<String> qrText = qrDecoder.decode(page);
    if (qrText.isEmpty()) {
      return null;
    }
    Optional<AfipQr> qr = AfipQrParser.parse(qrText.get());
    if (qr.isEmpty()) {
      issues.add("Hay un código QR pero no es el QR de AFIP de una factura.");
    }
    return qr.orElse(null);
  }

  private static String joinPages(List<String> texts) {
    return PageJoin.text(texts.stream().map(PageJoin::lines).toList());
  }

  /**
   * What was read, to parse: the text (line by line), a text PDF's table by position, and for OCR
   * the pages' recognised words rebuilt into lines (null or empty pages when the engine gave none),
   * and the engine's confidence in each word (empty for a text layer).
   */
  private record Reading(
      String text,
      PositionedTable positioned,
      List<List<PositionedLines.Line>> ocrPages,
      Map<String, Integer> wordConfidence) {}

  private ReadInvoice parseAndMerge(
      Reading reading,
      AfipQr qr,
      List<String> issues,
      double ocrConfidence,
      SourceKind kind,
      List<byte[]> files,
      String branch)
      throws InvoiceReadException {
    InvoiceTextParser.Parsed parsed = InvoiceTextParser.parse(reading.text(), reading.positioned());
    if (qr == null
        && parsed.total() == null
        && parsed.lines().isEmpty()
        && parsed.supplierCuit() == null
        && parsed.type() == null) {
      throw InvoiceReadException.noInvoice(
          "No se encontró ninguna factura en el archivo (sin QR de AFIP, CUIT, renglones ni total).");
    }
    String sha = sha256(files);
    ItemDoubts doubts =
        reading.ocrPages() == null
            ? ItemDoubts.NONE
            : ItemDoubts.ofOcr(reading.wordConfidence(), reading.text());
    ReadInvoice byLines = merge(parsed, qr, issues, ocrConfidence, doubts, kind, sha, branch);
    if (reading.ocrPages() == null || reading.ocrPages().stream().anyMatch(List::isEmpty)) {
      return byLines;
    }
    PositionedTable.Joined joined = PositionedTable.join(reading.ocrPages(), true);
    InvoiceTextParser.Parsed byPosition = InvoiceTextParser.parse(joined.text(), joined.table());
    return better(byLines, merge(byPosition, qr, issues, ocrConfidence, doubts, kind, sha, branch));
  }

  /**
   * Of two readings of the same OCR, the one the cross-checks trust more: more checks passed and
   * lines closing (its confidence: the OCR's own share is the same for both), then fewer issues; on
   * a tie, the text read line by line ({@code byLines}). Never decided by anything but the invoice
   * itself.
   */
  static ReadInvoice better(ReadInvoice byLines, ReadInvoice byPosition) {
    int c = Double.compare(byPosition.confidence(), byLines.confidence());
    if (c == 0) {
      c = Integer.compare(byLines.issues().size(), byPosition.issues().size());
    }
    return c > 0 ? byPosition : byLines;
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
    return merge(p, qr, preIssues, ocrConfidence, ItemDoubts.NONE, kind, sha256, branch);
  }

  /**
   * As {@link #merge(InvoiceTextParser.Parsed, AfipQr, List, double, SourceKind, String, String)},
   * and each doubtful item ({@link ItemDoubts}) is an issue.
   */
  static ReadInvoice merge(
      InvoiceTextParser.Parsed p,
      AfipQr qr,
      List<String> preIssues,
      double ocrConfidence,
      ItemDoubts doubts,
      SourceKind kind,
      String sha256,
      String branch) {
    List<String> issues = new ArrayList<>(preIssues);
    issues.addAll(p.issues());
    doubts.check(p.lines(), issues::add);
    List<String> corrections = new ArrayList<>(p.corrections());
    if (p.totalFix() != null) {
      if (totalProven(p, qr)) {
        corrections.add(p.totalFix());
      } else {
        issues.add(p.totalFix());
      }
    }
    QrMerge.Identity id = QrMerge.merge(p, qr, issues);
    List<ReadLine> lines = p.lines();
    InvoiceCrossChecks.Result checks =
        InvoiceCrossChecks.check(
            id.type(), lines, p.netTotal(), p.ivaByRate(), p.otherTaxes(), id.total(), issues::add);
    List<String> notes = List.of();
    if (checks.passed() == InvoiceCrossChecks.CHECKS) {
      notes = corrections;
    } else {
      // a sum that does not close may come from one of these fixes: a person looks at them too
      issues.addAll(corrections);
    }
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
        id.kind(),
        notes);
  }

  /**
   * Whether the total OCR misread and the parser fixed ("287,940,32" → 287.940,32) is proven by
   * what it was not read from: it is the AFIP QR's total, or exactly the printed net plus IVA plus
   * other taxes. Then the fix leaves nothing for a person to check.
   */
  static boolean totalProven(InvoiceTextParser.Parsed p, AfipQr qr) {
    if (p.total() == null) {
      return false;
    }
    if (qr != null && qr.importe() != null && qr.importe().compareTo(p.total()) == 0) {
      return true;
    }
    return InvoiceCrossChecks.addsUpExactly(
        p.type(), p.netTotal(), p.ivaByRate(), p.otherTaxes(), p.total());
  }

  /** The hash of the upload; of several photos, of their bytes one after the other. */
  static String sha256(List<byte[]> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.forEach(digest::update);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JRE", e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JRE", e);
    }
  }
}
