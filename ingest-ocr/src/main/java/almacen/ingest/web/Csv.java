package almacen.ingest.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Minimal CSV for the batch endpoints: comma separated, cells trimmed, optional double quotes
 * around a cell (a doubled quote inside is one quote), blank lines skipped, an optional header line
 * recognised by its first cell. Line numbers are 1-based physical lines of the body.
 */
final class Csv {

  record Row(int line, List<String> cells) {
  }

  private Csv() {
  }

  static List<Row> parse(String body, String headerFirstCell) {
    List<Row> rows = new ArrayList<>();
    if (body == null) {
      return rows;
    }
    String[] lines = body.split("\r\n|\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String text = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      if (text.isBlank()) {
        continue;
      }
      List<String> cells = cells(text);
      if (i == 0 && cells.get(0).toLowerCase(Locale.ROOT).equals(headerFirstCell.toLowerCase(Locale.ROOT))) {
        continue;
      }
      rows.add(new Row(i + 1, cells));
    }
    return rows;
  }

  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }
}
