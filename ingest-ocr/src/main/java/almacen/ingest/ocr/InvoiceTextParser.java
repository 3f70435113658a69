package almacen.ingest.ocr;

import almacen.events.InvoiceKind;
import almacen.ingest.ocr.LineTableReader.LineTable;
import almacen.ingest.ocr.TotalsReader.PrintedTotals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of an Argentine factura (A/B/C/M) from OCR or PDF text (es-AR). Every correction
 * of an OCR confusion is recorded in {@link Parsed#issues()}; nothing is fixed silently.
 *
 * <p>A façade over the layers: {@link TableLayout} finds where the item table and the totals are;
 * {@link HeaderReader} reads type, point of sale, number, dates, CUITs ({@link CuitReader}), CAE
 * and the supplier's name; {@link LineTableReader} the item rows ({@link RowNumbers}, {@link
 * ItemText}); {@link TotalsReader} the totals box; and {@link InvoiceCrossChecks} what one part
 * says about another.
 */
public final class InvoiceTextParser {

  /**
   * Everything the text says, before the QR (if any) is merged in.
   *
   * @param consistentLines how many of {@code lines} close (quantity × price = total)
   * @param kind invoice, credit or debit note as the header says
   * @param totalFix how OCR's reading of the total was fixed, as an issue not yet in {@code issues}
   *     (the AFIP QR or the sums may prove it, {@link OcrInvoiceReader#merge}); null when the total
   *     was read as printed
   * @param corrections fixes with one possible reading ({@link ParseIssues#correction}): notes when
   *     every sum of the invoice closes, issues otherwise
   */
  public record Parsed(
      InvoiceType type,
      Integer afipCode,
      Integer pointOfSale,
      Long number,
      LocalDate issueDate,
      String supplierCuit,
      String supplierName,
      String buyerCuit,
      String cae,
      LocalDate caeDueDate,
      List<ReadLine> lines,
      int consistentLines,
      BigDecimal netTotal,
      Map<BigDecimal, BigDecimal> ivaByRate,
      BigDecimal otherTaxes,
      BigDecimal total,
      List<String> issues,
      InvoiceKind kind,
      String totalFix,
      List<String> corrections) {

    public Parsed {
      issues = List.copyOf(issues);
      corrections = List.copyOf(corrections);
    }
  }

  /** The second OCR look at item rows that do not close ({@link RowReview}). */
  public static final OcrEngine.LineReview ROW_REVIEW = RowReview.INSTANCE;

  private InvoiceTextParser() {}

  /** Whether the text prints the M's «operación sujeta a retención». */
  private static boolean printsRetentionLegend(PrintedLines lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.norm(i).contains("sujeta a retenc")) {
        return true;
      }
    }
    return false;
  }

  public static Parsed parse(String text) {
    return parse(text, null);
  }

  /**
   * @param positioned the text's lines with where their words are printed (a PDF's text layer), or
   *     null: its item table is then read by column position instead of by token shape
   */
  static Parsed parse(String text, PositionedTable positioned) {
    PrintedLines lines = new PrintedLines(text == null ? "" : text);
    ParseIssues issues = new ParseIssues();
    TableLayout layout = TableLayout.of(lines);
    InvoiceHeader header = new HeaderReader(lines, issues, layout.totalsStart()).read();
    LineTable table =
        positioned != null && positioned.readable(layout)
            ? positioned.read(layout, issues)
            : new LineTableReader(lines, issues, layout).read();
    PrintedTotals totals = new TotalsReader(lines, issues).read(layout.totalsStart());
    InvoiceType type =
        InvoiceCrossChecks.typeFromIva(
            header.type(), totals.ivaByRate(), printsRetentionLegend(lines), issues);
    long noRate = table.lines().stream().filter(l -> l.ivaRatePct() == null).count();
    if (type != null
        && !type.pricesIncludeIva()
        && layout.columns().names(ColumnOrder.Column.RATE)
        && noRate > 0) {
      // a rate column read as nothing: the row was cut wrong, not an exempt line
      issues.add(
          "La tabla tiene columna de alícuota de IVA pero "
              + noRate
              + " renglón(es) sin alícuota legible; revisar.");
    }
    return new Parsed(
        type,
        header.afipCode(),
        header.pointOfSale(),
        header.number(),
        header.issueDate(),
        header.supplierCuit(),
        header.supplierName(),
        header.buyerCuit(),
        header.cae(),
        header.caeDueDate(),
        table.lines(),
        table.consistentLines(),
        totals.netTotal(),
        totals.ivaByRate(),
        totals.otherTaxes(),
        totals.total(),
        issues.list(),
        header.kind(),
        totals.totalFix(),
        issues.corrections());
  }
}
