package almacen.query.read;

import java.math.BigDecimal;

/** RFC 4180 rows: fields with a comma, quote or line break are quoted; null is empty. */
public final class Csv {

  private Csv() {
  }

  public static String row(Object... fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(fields[i]));
    }
    return sb.append('\n').toString();
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
