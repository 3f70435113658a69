package almacen.query;

import java.util.Locale;

/** What changed in a read model; the SSE event name is the lower-case name. */
public enum ChangeKind {
  STOCK,
  PRICE,
  ALERT,
  INVOICE;

  public String eventName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
