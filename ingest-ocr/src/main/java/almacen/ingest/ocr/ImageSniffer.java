package almacen.ingest.ocr;

/**
 * Identifies an upload by its magic bytes only (never by file name or Content-Type) and enforces
 * the size limits before anything is decoded. Pixel dimensions come from the header alone (PNG
 * IHDR, JPEG SOFn), so a "pixel bomb" is refused without allocating its raster.
 *
 * <p>Order of checks (as the contract states): 413 over {@link #MAX_BYTES}, 415 not JPEG/PNG/PDF,
 * 413 over {@link #MAX_PIXELS}, 422 truncated or corrupt header.
 */
public final class ImageSniffer {

  public static final long MAX_BYTES = 15L * 1024 * 1024;
  public static final long MAX_PIXELS = 40_000_000L;

  public enum Kind {
    JPEG,
    PNG,
    PDF
  }

  /**
   * What the header says: the kind of file and, for an image, its declared size in pixels.
   *
   * @param exifOrientation EXIF orientation tag of a JPEG (1 = upright, 3 = 180°, 6 = 90° CW, 8 =
   *     90° CCW), 1 otherwise
   */
  public record Sniffed(Kind kind, int width, int height, int exifOrientation) {}

  private ImageSniffer() {}

  public static Sniffed sniff(byte[] bytes) throws InvoiceReadException {
    if (bytes == null || bytes.length == 0) {
      throw InvoiceReadException.unsupported(
          "El archivo está vacío: se espera una imagen JPEG o PNG o un PDF.");
    }
    if (bytes.length > MAX_BYTES) {
      throw InvoiceReadException.tooLarge(
          "El archivo pesa " + (bytes.length / (1024 * 1024)) + " MB; el máximo es 15 MB.");
    }
    Kind kind = kindOf(bytes);
    return switch (kind) {
      case PDF -> new Sniffed(Kind.PDF, 0, 0, 1);
      case PNG -> checkPixels(png(bytes));
      case JPEG -> checkPixels(jpeg(bytes));
    };
  }

  static Kind kindOf(byte[] b) throws InvoiceReadException {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return Kind.JPEG;
    }
    if (b.length >= 4 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return Kind.PNG;
    }
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return Kind.PDF;
    }
    throw InvoiceReadException.unsupported(
        "El archivo no es una imagen JPEG o PNG ni un PDF (se reconoce por su contenido, no por su nombre).");
  }

  private static Sniffed checkPixels(Sniffed s) throws InvoiceReadException {
    if (s.width() <= 0 || s.height() <= 0) {
      throw InvoiceReadException.unreadable(
          "La imagen declara dimensiones inválidas (" + s.width() + "×" + s.height() + ").");
    }
    long pixels = (long) s.width() * s.height();
    if (pixels > MAX_PIXELS) {
      throw InvoiceReadException.tooLarge(
          "La imagen mide "
              + s.width()
              + "×"
              + s.height()
              + " = "
              + (pixels / 1_000_000)
              + " megapíxeles; el máximo es 40 megapíxeles.");
    }
    return s;
  }

  private static Sniffed png(byte[] b) throws InvoiceReadException {
    // 8-byte signature, then the first chunk must be IHDR: length(4) "IHDR" width(4) height(4)
    if (b.length < 33) {
      throw InvoiceReadException.unreadable(
          "La imagen PNG está truncada (faltan los datos de cabecera).");
    }
    if (b[4] != 0x0D
        || b[5] != 0x0A
        || b[6] != 0x1A
        || b[7] != 0x0A
        || b[12] != 'I'
        || b[13] != 'H'
        || b[14] != 'D'
        || b[15] != 'R') {
      throw InvoiceReadException.unreadable("La imagen PNG está dañada (cabecera IHDR inválida).");
    }
    long w = u32(b, 16);
    long h = u32(b, 20);
    if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
      throw InvoiceReadException.tooLarge(
          "La imagen declara " + w + "×" + h + " píxeles; el máximo es 40 megapíxeles.");
    }
    return new Sniffed(Kind.PNG, (int) w, (int) h, 1);
  }

  private static Sniffed jpeg(byte[] b) throws InvoiceReadException {
    Sniffed s = jpegHeader(b);
    if (s == null) {
      throw InvoiceReadException.unreadable(
          "La imagen JPEG está truncada (termina antes de declarar sus dimensiones).");
    }
    return s;
  }

  /**
   * Width and height from a JPEG's SOF marker (a JPEG embedded in a PDF, say).
   *
   * @return {width, height}, or null when {@code b} ends before the SOF
   * @throws InvoiceReadException 422 when the markers are malformed
   */
  static int[] jpegFrameSize(byte[] b) throws InvoiceReadException {
    if (b.length < 3 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      throw InvoiceReadException.unreadable("Una imagen JPEG no empieza como un JPEG.");
    }
    Sniffed s = jpegHeader(b);
    return s == null ? null : new int[] {s.width(), s.height()};
  }

  /** Walks the markers after SOI up to the first SOF; null when the bytes end first. */
  private static Sniffed jpegHeader(byte[] b) throws InvoiceReadException {
    int orientation = 1;
    int i = 2;
    while (i < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        throw InvoiceReadException.unreadable(
            "La imagen JPEG está dañada (marcador inválido en el byte " + i + ").");
      }
      while (i < b.length && (b[i] & 0xFF) == 0xFF) {
        i++; // fill bytes
      }
      if (i >= b.length) {
        break;
      }
      int marker = b[i++] & 0xFF;
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // standalone markers
      }
      if (marker == 0xD9 || marker == 0xDA) {
        throw InvoiceReadException.unreadable(
            "La imagen JPEG está dañada (no declara sus dimensiones).");
      }
      if (i + 2 > b.length) {
        break;
      }
      int len = u16(b, i);
      if (len < 2) {
        throw InvoiceReadException.unreadable(
            "La imagen JPEG está dañada (segmento de longitud " + len + ").");
      }
      boolean sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        if (i + 7 > b.length) {
          break;
        }
        int h = u16(b, i + 3);
        int w = u16(b, i + 5);
        if (h == 0) {
          throw InvoiceReadException.unreadable(
              "La imagen JPEG no declara su alto (DNL no soportado).");
        }
        return new Sniffed(Kind.JPEG, w, h, orientation);
      }
      if (marker == 0xE1 && i + len <= b.length) {
        orientation = exifOrientation(b, i + 2, len - 2, orientation);
      }
      i += len;
    }
    return null;
  }

  /** Reads tag 0x0112 of IFD0 in an APP1 "Exif" segment; any malformation leaves the default. */
  static int exifOrientation(byte[] b, int start, int length, int fallback) {
    int end = start + length;
    if (length < 14
        || b[start] != 'E'
        || b[start + 1] != 'x'
        || b[start + 2] != 'i'
        || b[start + 3] != 'f') {
      return fallback;
    }
    int tiff = start + 6;
    boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
    boolean big = b[tiff] == 'M' && b[tiff + 1] == 'M';
    if (!little && !big) {
      return fallback;
    }
    long ifd = little ? le32(b, tiff + 4) : u32(b, tiff + 4);
    int p = (int) Math.min(Integer.MAX_VALUE, tiff + ifd);
    if (ifd < 8 || p + 2 > end) {
      return fallback;
    }
    int count = little ? le16(b, p) : u16(b, p);
    for (int k = 0; k < count; k++) {
      int e = p + 2 + k * 12;
      if (e + 12 > end) {
        return fallback;
      }
      int tag = little ? le16(b, e) : u16(b, e);
      if (tag == 0x0112) {
        int v = little ? le16(b, e + 8) : u16(b, e + 8);
        return v >= 1 && v <= 8 ? v : fallback;
      }
    }
    return fallback;
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static int le16(byte[] b, int i) {
    return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
  }

  private static long u32(byte[] b, int i) {
    return ((long) (b[i] & 0xFF) << 24)
        | ((b[i + 1] & 0xFF) << 16)
        | ((b[i + 2] & 0xFF) << 8)
        | (b[i + 3] & 0xFF);
  }

  private static long le32(byte[] b, int i) {
    return (b[i] & 0xFF)
        | ((b[i + 1] & 0xFF) << 8)
        | ((b[i + 2] & 0xFF) << 16)
        | ((long) (b[i + 3] & 0xFF) << 24);
  }
}
