package almacen.pricing.domain;

/** Where the markup of a price came from, in order of precedence. */
public enum MarkupSource {
  PRODUCT,
  CATEGORY,
  DEFAULT
}
