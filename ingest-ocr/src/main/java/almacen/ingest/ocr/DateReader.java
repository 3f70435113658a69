package almacen.ingest.ocr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issue date and the CAE's due date, told apart by the label printed before each date ("Fecha
 * de Emisión", "Fecha de Vto. de CAE"); dates of activity start or of a billed period are skipped.
 * An unlabelled date is taken as the issue date only when no labelled one exists, and said so.
 */
final class DateReader {

  /** Issue date and CAE due date (either null). */
  record Dates(LocalDate issue, LocalDate caeDue) {}

  /**
   * How far before a date its label is looked for: "Fecha de Vto. de CAE:" and a few spaces fit,
   * and the previous field on the same line ("Comp. Nro: 00012345") mostly does not.
   */
  static final int LABEL_REACH = 40;

  private static final Pattern DATE =
      Pattern.compile(
          "\\b("
              + HeaderReader.D
              + "{1,2})\\s*/\\s*("
              + HeaderReader.D
              + "{1,2})\\s*/\\s*("
              + HeaderReader.D
              + "{4})\\b");

  private final PrintedLines text;
  private final ParseIssues issues;

  /** The first unlabelled date {@link #scan} saw, or null. */
  private LocalDate fallback;

  DateReader(PrintedLines text, ParseIssues issues) {
    this.text = text;
    this.issues = issues;
  }

  /**
   * The issue date printed after its label ("Fecha de Emisión:", "Fecha:") in {@code text}, or null
   * when there is none (an unlabelled date does not count).
   */
  static LocalDate labelledIssueDate(PrintedLines text) {
    return new DateReader(text, new ParseIssues()).scan().issue();
  }

  Dates read() {
    Dates found = scan();
    LocalDate issue = found.issue();
    if (issue == null && fallback != null) {
      issue = fallback;
      issues.add("Fecha de emisión sin rótulo: se tomó " + fallback + ".");
    }
    if (issue == null) {
      issues.add("No se encontró la fecha de emisión.");
    }
    return new Dates(issue, found.caeDue());
  }

  /** The labelled issue date and the CAE's due date; an unlabelled date is kept in fallback. */
  private Dates scan() {
    LocalDate issue = null;
    LocalDate caeDue = null;
    LocalDate unlabelled = null;
    for (int i = 0; i < text.size(); i++) {
      String n = text.norm(i);
      Matcher m = DATE.matcher(n);
      while (m.find()) {
        LocalDate d = date(m);
        if (d == null) {
          continue;
        }
        String before = n.substring(Math.max(0, m.start() - LABEL_REACH), m.start());
        if (before.contains("cae") && (before.contains("vto") || before.contains("venc"))) {
          caeDue = caeDue == null ? d : caeDue;
        } else if (!isOtherDate(before)) {
          if (before.contains("emision") || before.matches(".*fecha\\s*:?\\s*$")) {
            issue = issue == null ? d : issue;
          } else if (unlabelled == null) {
            unlabelled = d;
          }
        }
      }
    }
    this.fallback = unlabelled;
    return new Dates(issue, caeDue);
  }

  /** Activity start, a billed period, a payment due date: never the issue date. */
  private static boolean isOtherDate(String label) {
    return label.contains("inicio")
        || label.contains("actividad")
        || label.contains("periodo")
        || label.contains("desde")
        || label.contains("hasta")
        || label.contains("vto")
        || label.contains("venc");
  }

  private LocalDate date(Matcher m) {
    String d = Numbers.digitsOnly(m.group(1));
    String mo = Numbers.digitsOnly(m.group(2));
    String y = Numbers.digitsOnly(m.group(3));
    if (d == null || mo == null || y == null || !(d + mo + y).matches("\\d+")) {
      return null;
    }
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
      issues.noteFix(
          m.group(1) + "/" + m.group(2) + "/" + m.group(3), d + "/" + mo + "/" + y, "fecha");
      return date;
    } catch (DateTimeException e) {
      issues.add("Fecha imposible '" + m.group() + "' ignorada.");
      return null;
    }
  }
}
