package almacen.ingest.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Refuses a PDF before anything in it is rendered or decoded: more than {@link #MAX_PAGES} pages, a
 * page whose rendering at the OCR resolution would pass {@link ImageSniffer#MAX_PIXELS}, or an
 * embedded image (XObject, soft mask, inline image, in forms, patterns, Type 3 glyphs and
 * annotation appearances) that declares more. Sizes come from dictionaries and JPEG headers only; a
 * 1.5 MB file declaring a 20000×20000 JPEG is refused in milliseconds instead of exhausting the
 * heap in the renderer.
 */
final class PdfLimits {

  static final int MAX_PAGES = 10;

  /**
   * Dictionaries and streams visited per document: a crafted resource graph cannot keep the walk
   * busy.
   */
  static final int MAX_VISITS = 20_000;

  /** A JPEG header (markers up to its SOF) longer than this is not an invoice scan. */
  private static final int JPEG_HEADER_BYTES = 256 * 1024;

  /** Drawing operators of all pages, forms and glyphs together, decompressed. */
  static final long MAX_CONTENT_BYTES = 32L * 1024 * 1024;

  private final Set<COSBase> visited = Collections.newSetFromMap(new IdentityHashMap<>());
  private long contentBudget = MAX_CONTENT_BYTES;
  private int pageNumber;

  private PdfLimits() {}

  /**
   * @param renderDpi the resolution pages are rendered at for OCR (the largest one used)
   */
  static void check(PDDocument doc, int renderDpi) throws InvoiceReadException {
    int pages = countPages(doc);
    PdfLimits limits = new PdfLimits();
    for (int i = 0; i < pages; i++) {
      limits.pageNumber = i + 1;
      PDPage page = doc.getPage(i);
      checkRenderSize(page, renderDpi, i + 1);
      limits.page(page);
    }
  }

  /** Counts the real page tree, not its /Count entry (which a crafted file can set to anything). */
  static int countPages(PDDocument doc) throws InvoiceReadException {
    int pages = 0;
    for (PDPage ignored : doc.getPages()) {
      if (++pages > MAX_PAGES) {
        throw new InvoiceReadException(
            413,
            "TOO_MANY_PAGES",
            "El PDF tiene más de "
                + MAX_PAGES
                + " páginas (declara "
                + doc.getNumberOfPages()
                + "); una factura tiene como máximo "
                + MAX_PAGES
                + ". Subí sólo las páginas de la factura.");
      }
    }
    return pages;
  }

  /** The raster PDFBox would allocate for this page at {@code dpi} (crop box, like PDFRenderer). */
  static long renderPixels(PDPage page, int dpi) {
    PDRectangle box = page.getCropBox();
    double scale = dpi / 72.0;
    double w = Math.max(Math.floor(Math.abs(box.getWidth()) * scale), 1);
    double h = Math.max(Math.floor(Math.abs(box.getHeight()) * scale), 1);
    double pixels = w * h;
    return pixels >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) pixels;
  }

  static void checkRenderSize(PDPage page, int dpi, int number) throws InvoiceReadException {
    long pixels = renderPixels(page, dpi);
    if (pixels > ImageSniffer.MAX_PIXELS) {
      PDRectangle box = page.getCropBox();
      throw new InvoiceReadException(
          413,
          "PAGE_TOO_LARGE",
          String.format(
              java.util.Locale.ROOT,
              "La página %d mide %.0f × %.0f cm: a %d dpi serían %d megapíxeles; el máximo es %d megapíxeles.",
              number,
              Math.abs(box.getWidth()) / 72 * 2.54,
              Math.abs(box.getHeight()) / 72 * 2.54,
              dpi,
              pixels / 1_000_000,
              ImageSniffer.MAX_PIXELS / 1_000_000));
    }
  }

  private void page(PDPage page) throws InvoiceReadException {
    COSDictionary pageDict = page.getCOSObject();
    resources(page.getResources() == null ? null : page.getResources().getCOSObject());
    COSBase contents = pageDict.getDictionaryObject(COSName.CONTENTS);
    if (contents instanceof COSStream stream) {
      contentOnce(stream);
    } else if (contents instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.getObject(i) instanceof COSStream stream) {
          contentOnce(stream);
        }
      }
    }
    if (pageDict.getDictionaryObject(COSName.ANNOTS) instanceof COSArray annots) {
      for (int i = 0; i < annots.size(); i++) {
        if (annots.getObject(i) instanceof COSDictionary annot
            && annot.getDictionaryObject(COSName.AP) instanceof COSDictionary ap) {
          appearance(ap.getDictionaryObject(COSName.N));
        }
      }
    }
  }

  private void appearance(COSBase normal) throws InvoiceReadException {
    if (normal instanceof COSStream form) {
      form(form);
    } else if (normal instanceof COSDictionary states) {
      for (COSName state : states.keySet()) {
        if (states.getDictionaryObject(state) instanceof COSStream form) {
          form(form);
        }
      }
    }
  }

  private boolean firstVisit(COSBase object) throws InvoiceReadException {
    if (object == null || !visited.add(object)) {
      return false;
    }
    if (visited.size() > MAX_VISITS) {
      throw new InvoiceReadException(
          413,
          "PDF_TOO_COMPLEX",
          "El PDF tiene más de "
              + MAX_VISITS
              + " recursos (imágenes, formularios, fuentes); no parece una factura.");
    }
    return true;
  }

  private void resources(COSDictionary resources) throws InvoiceReadException {
    if (!firstVisit(resources)) {
      return;
    }
    for (COSBase x : values(resources.getCOSDictionary(COSName.XOBJECT))) {
      if (x instanceof COSStream stream) {
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
          image(stream, false);
        } else if (COSName.FORM.equals(stream.getCOSName(COSName.SUBTYPE))) {
          form(stream);
        }
      }
    }
    for (COSBase pattern : values(resources.getCOSDictionary(COSName.PATTERN))) {
      if (pattern instanceof COSStream tiling) {
        form(tiling);
      }
    }
    for (COSBase font : values(resources.getCOSDictionary(COSName.FONT))) {
      if (font instanceof COSDictionary dict
          && COSName.TYPE3.equals(dict.getCOSName(COSName.SUBTYPE))) {
        resources(dict.getCOSDictionary(COSName.RESOURCES));
        for (COSBase glyph : values(dict.getCOSDictionary(COSName.CHAR_PROCS))) {
          if (glyph instanceof COSStream stream) {
            contentOnce(stream);
          }
        }
      }
    }
    for (COSBase state : values(resources.getCOSDictionary(COSName.EXT_G_STATE))) {
      if (state instanceof COSDictionary gs
          && gs.getDictionaryObject(COSName.SMASK) instanceof COSDictionary mask
          && mask.getDictionaryObject(COSName.G) instanceof COSStream group) {
        form(group);
      }
    }
  }

  /** A form XObject, tiling pattern or appearance: its own resources and its inline images. */
  private void form(COSStream form) throws InvoiceReadException {
    if (!firstVisit(form)) {
      return;
    }
    resources(form.getCOSDictionary(COSName.RESOURCES));
    inlineImages(form);
  }

  private void image(COSDictionary image, boolean inline) throws InvoiceReadException {
    if (!inline && !firstVisit(image)) {
      return;
    }
    int w = image.getInt(COSName.WIDTH, image.getInt(COSName.W, -1));
    int h = image.getInt(COSName.HEIGHT, image.getInt(COSName.H, -1));
    checkPixels(w, h, inline ? "Una imagen incrustada en el texto" : "Una imagen");
    if (image instanceof COSStream stream) {
      jpegHeader(stream);
      for (COSName mask : List.of(COSName.SMASK, COSName.MASK)) {
        if (image.getDictionaryObject(mask) instanceof COSStream maskImage) {
          image(maskImage, false);
        }
      }
    }
  }

  private void checkPixels(long w, long h, String what) throws InvoiceReadException {
    if (w * h > ImageSniffer.MAX_PIXELS) {
      throw new InvoiceReadException(
          413,
          "IMAGE_TOO_LARGE",
          what
              + " de la página "
              + pageNumber
              + " mide "
              + w
              + "×"
              + h
              + " = "
              + (w * h / 1_000_000)
              + " megapíxeles; el máximo es "
              + ImageSniffer.MAX_PIXELS / 1_000_000
              + " megapíxeles.");
    }
  }

  /**
   * The JPEG decoder allocates what the JPEG's own header says, whatever the dictionary declares,
   * so a DCT image's SOF is read too. Filters before DCTDecode would have to be decoded whole
   * first: refused.
   */
  private void jpegHeader(COSStream stream) throws InvoiceReadException {
    List<COSName> filters = filters(stream);
    int dct = filters.indexOf(COSName.DCT_DECODE);
    if (dct < 0) {
      return;
    }
    if (dct > 0) {
      throw InvoiceReadException.unreadable(
          "El PDF tiene una imagen JPEG con filtros encadenados antes del JPEG "
              + "(página "
              + pageNumber
              + "); no se admite.");
    }
    byte[] header;
    try (InputStream raw = stream.createRawInputStream()) {
      header = raw.readNBytes(JPEG_HEADER_BYTES);
    } catch (IOException e) {
      throw InvoiceReadException.unreadable(
          "Una imagen de la página " + pageNumber + " del PDF está dañada.", e);
    }
    jpegDimensions(header);
  }

  private void jpegDimensions(byte[] jpeg) throws InvoiceReadException {
    int[] size = ImageSniffer.jpegFrameSize(jpeg);
    if (size == null) {
      throw InvoiceReadException.unreadable(
          "Una imagen JPEG de la página "
              + pageNumber
              + " del PDF no declara sus dimensiones en su cabecera.");
    }
    checkPixels(size[0], size[1], "Una imagen JPEG");
  }

  private static List<COSName> filters(COSDictionary image) {
    COSBase filter = image.getDictionaryObject(COSName.FILTER, COSName.F);
    if (filter instanceof COSName name) {
      return List.of(expand(name));
    }
    if (filter instanceof COSArray array) {
      List<COSName> names = new java.util.ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        if (array.getObject(i) instanceof COSName name) {
          names.add(expand(name));
        }
      }
      return names;
    }
    return List.of();
  }

  /** Inline images may abbreviate their filter names. */
  private static COSName expand(COSName name) {
    return "DCT".equals(name.getName()) ? COSName.DCT_DECODE : name;
  }

  /** Page contents and Type 3 glyphs: parsed once each for inline images. */
  private void contentOnce(COSStream content) throws InvoiceReadException {
    if (firstVisit(content)) {
      inlineImages(content);
    }
  }

  private void inlineImages(COSStream content) throws InvoiceReadException {
    byte[] decoded = decodedContent(content);
    PDFStreamParser parser = new PDFStreamParser(decoded); // over a byte array: nothing to close
    try {
      for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
        if (token instanceof Operator op
            && "BI".equals(op.getName())
            && op.getImageParameters() != null) {
          COSDictionary params = op.getImageParameters();
          image(params, true);
          if (filters(params).indexOf(COSName.DCT_DECODE) == 0 && op.getImageData() != null) {
            jpegDimensions(op.getImageData());
          }
        }
      }
    } catch (IOException e) {
      throw InvoiceReadException.unreadable(
          "El contenido de la página " + pageNumber + " del PDF está dañado.", e);
    }
  }

  /**
   * Decodes a content stream with a cap, so a compressed "bomb" of drawing operators is refused,
   * not parsed.
   */
  private byte[] decodedContent(COSStream content) throws InvoiceReadException {
    byte[] decoded;
    try (InputStream in = content.createInputStream()) {
      decoded = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, contentBudget + 1));
    } catch (IOException e) {
      throw InvoiceReadException.unreadable(
          "El contenido de la página " + pageNumber + " del PDF está dañado.", e);
    }
    contentBudget -= decoded.length;
    if (contentBudget < 0) {
      throw new InvoiceReadException(
          413,
          "PDF_TOO_COMPLEX",
          "El contenido del PDF descomprimido pasa los "
              + MAX_CONTENT_BYTES / (1024 * 1024)
              + " MB; no parece una factura.");
    }
    return decoded;
  }

  private static List<COSBase> values(COSDictionary dict) {
    if (dict == null) {
      return List.of();
    }
    List<COSBase> values = new java.util.ArrayList<>();
    for (COSName key : dict.keySet()) {
      values.add(dict.getDictionaryObject(key));
    }
    return values;
  }
}
