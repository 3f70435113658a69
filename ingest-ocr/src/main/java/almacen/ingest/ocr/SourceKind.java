package almacen.ingest.ocr;

/** Where a read invoice came from: a photo or scan (JPEG/PNG) or a PDF. */
public enum SourceKind {
  PHOTO,
  PDF
}
