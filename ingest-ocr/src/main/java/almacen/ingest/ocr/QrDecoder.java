package almacen.ingest.ocr;

import java.awt.image.BufferedImage;
import java.util.Optional;

/** Finds and decodes a QR code on a page image; returns its text. */
public interface QrDecoder {

  Optional<String> decode(BufferedImage page);
}
