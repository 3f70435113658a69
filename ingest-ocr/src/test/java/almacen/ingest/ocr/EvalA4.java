package almacen.ingest.ocr;

import static almacen.ingest.ocr.EvalSet.DATE;
import static almacen.ingest.ocr.EvalSet.money;
import static almacen.ingest.ocr.EvalSet.qty;
import static almacen.ingest.ocr.EvalSet.rate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The A4 layouts of {@link EvalSet}: letterheads, item tables and totals as they differ. */
final class EvalA4 {

  private static final double M = 0.5; // margin, inches
  private static final double W = 8.27;
  private static final double H = 11.69;

  /** Rows on a page of the wholesaler's invoice before it goes on to the next. */
  static final int ROWS_PER_PAGE = 16;

  /** A column: title, x (left edge, or right edge when {@code right}), the value of a line. */
  record Col(String title, double x, boolean right, Function<ReadLine, String> value) {}

  private EvalA4() {}

  static EvalDoc draw(int layout, InvoiceImageGenerator.Truth t) {
    EvalDoc d = new EvalDoc(W, H);
    boolean a = !t.type().pricesIncludeIva();
    switch (layout) {
      case 3 -> swappedHeader(d, t);
      case 6 -> datesFirstHeader(d, t);
      default -> afipHeader(d, t);
    }
    buyer(d, t);
    List<Col> cols = columns(layout, a);
    double size = layout == 4 ? 7 : (a && layout == 0 ? 7.5 : 8.5);
    double step = layout == 4 ? 0.2 : 0.3;
    double y = tableHeader(d, cols, 3.75, size);
    List<ReadLine> lines = t.lines();
    BigDecimal carried = BigDecimal.ZERO.setScale(2);
    int page = 1;
    int pages = layout == 4 ? (lines.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE : 1;
    for (int i = 0; i < lines.size(); i++) {
      if (layout == 4 && i > 0 && i % ROWS_PER_PAGE == 0) {
        // the foot of a page that goes on, and the top of the next
        d.rule(M, y - 0.1, W - M, y - 0.1);
        d.right("Transporte: $", 6.2, y + 0.12, 8, true);
        d.right(money(carried), 7.65, y + 0.12, 8, true);
        d.text("Página " + page + " de " + pages, 3.7, H - 0.5, 8, false);
        d.newPage();
        page++;
        continuationHeader(d, t, page, pages);
        y = tableHeader(d, cols, 1.9, size);
        d.right("De transporte: $", 6.2, y, 8, true);
        d.right(money(carried), 7.65, y, 8, true);
        y += step + 0.05;
      }
      ReadLine l = lines.get(i);
      for (Col c : cols) {
        String v = c.title().equals("Item") ? String.valueOf(i + 1) : c.value().apply(l);
        if (c.right()) {
          d.right(v, c.x(), y, size, false);
        } else {
          d.text(v, c.x(), y, size, false);
        }
      }
      carried = carried.add(l.lineTotal());
      y += step;
    }
    totals(d, t, Math.max(y + 0.4, layout == 4 ? y + 0.4 : 6.6), a);
    if (pages > 1) {
      d.text("Página " + page + " de " + pages, 3.7, H - 0.5, 8, false);
    }
    return d;
  }

  static List<Col> columns(int layout, boolean a) {
    Function<ReadLine, String> code = ReadLine::supplierCode;
    Function<ReadLine, String> desc = ReadLine::description;
    Function<ReadLine, String> q = l -> qty(l.qty());
    Function<ReadLine, String> price = l -> money(l.unitPrice());
    Function<ReadLine, String> total = l -> money(l.lineTotal());
    Function<ReadLine, String> unit = l -> l.qty().scale() > 0 ? "kg" : "unidades";
    Function<ReadLine, String> pct = l -> rate(EvalSet.rateOf(l)) + "%";
    return switch (layout) {
      case 0 ->
          a
              ? List.of(
                  new Col("Código", 0.6, false, code),
                  new Col("Producto / Servicio", 1.35, false, desc),
                  new Col("Cantidad", 3.75, true, q),
                  new Col("U. Medida", 4.05, false, unit),
                  new Col("Precio Unit.", 5.05, true, price),
                  new Col("Subtotal", 5.85, true, total),
                  new Col("Alícuota IVA", 6.45, true, pct),
                  new Col(
                      "Subtotal c/IVA",
                      7.65,
                      true,
                      l ->
                          money(
                              l.lineTotal()
                                  .multiply(BigDecimal.ONE.add(EvalSet.rateOf(l).movePointLeft(2)))
                                  .setScale(2, RoundingMode.HALF_UP))))
              : List.of(
                  new Col("Código", 0.6, false, code),
                  new Col("Producto / Servicio", 1.4, false, desc),
                  new Col("Cantidad", 4.3, true, q),
                  new Col("U. Medida", 4.6, false, unit),
                  new Col("Precio Unit.", 6.2, true, price),
                  new Col("Subtotal", 7.65, true, total));
      case 1 ->
          List.of(
              new Col("Cant.", 1.05, true, q),
              new Col("Código", 1.2, false, code),
              new Col("Descripción", 2.2, false, desc),
              new Col("P. Unitario", 6.3, true, price),
              new Col("Importe", 7.65, true, total));
      case 2 ->
          List.of(
              new Col("Descripción", 0.6, false, desc),
              new Col("Código", 3.7, false, code),
              new Col("Cantidad", 5.2, true, q),
              new Col("Precio", 6.4, true, price),
              new Col("Total", 7.65, true, total));
      case 3 ->
          List.of(
              new Col("EAN", 0.6, false, EvalSet::ean),
              new Col("Código", 1.75, false, code),
              new Col("Descripción", 2.55, false, desc),
              new Col("Cant.", 5.0, true, q),
              new Col("P. Unit.", 5.85, true, price),
              new Col("IVA %", 6.5, true, l -> rate(EvalSet.rateOf(l))),
              new Col("Importe", 7.65, true, total));
      case 4 ->
          List.of(
              new Col("Art.", 0.6, false, code),
              new Col("Descripción", 1.3, false, desc),
              new Col("U.M.", 3.75, false, l -> l.qty().scale() > 0 ? "KG" : "UN"),
              new Col("Cant.", 4.6, true, q),
              new Col("Precio Unit.", 5.6, true, price),
              new Col("Alíc.", 6.2, true, pct),
              new Col("Importe", 7.65, true, total));
      case 6 ->
          List.of(
              new Col("Descripción", 0.6, false, desc),
              new Col("Precio Unit.", 4.6, true, price),
              new Col("Cant.", 5.6, true, q),
              new Col("Importe", 7.65, true, total));
      default ->
          List.of(
              new Col("Item", 0.75, true, l -> ""),
              new Col("Cód. Prov.", 0.95, false, code),
              new Col("Cant.", 2.15, true, q),
              new Col("Unidad", 2.3, false, unit),
              new Col("Descripción", 3.05, false, desc),
              new Col("P. Unit.", 6.3, true, price),
              new Col("Importe", 7.65, true, total));
    };
  }

  /** The header row, shaded; returns where the first row goes. */
  private static double tableHeader(EvalDoc d, List<Col> cols, double y, double size) {
    d.shade(M, y - 0.17, W - 2 * M, 0.25, 225);
    for (Col c : cols) {
      if (c.right()) {
        d.right(c.title(), c.x(), y, size, true);
      } else {
        d.text(c.title(), c.x(), y, size, true);
      }
    }
    return y + 0.38;
  }

  /** The usual AFIP letterhead: issuer left, letter box in the middle, the voucher right. */
  private static void afipHeader(EvalDoc d, InvoiceImageGenerator.Truth t) {
    d.box(M, 0.4, W - 2 * M, 2.1);
    d.rule(4.135, 0.95, 4.135, 2.5);
    letterBox(d, t, 3.835);
    d.text("ORIGINAL", 3.8, 0.32, 9, true);
    d.text(t.supplierName(), M + 0.15, 0.8, 13, true);
    d.text("Razón Social: " + t.supplierName(), M + 0.15, 1.25, 8.5, false);
    d.text("Domicilio Comercial: Av. Corrientes 1234 - CABA", M + 0.15, 1.5, 8.5, false);
    d.text("Condición frente al IVA: IVA Responsable Inscripto", M + 0.15, 1.75, 8.5, false);
    d.text("FACTURA", 4.6, 0.8, 15, true);
    d.text(
        String.format("Punto de Venta: %05d    Comp. Nro: %08d", t.pointOfSale(), t.number()),
        4.6,
        1.15,
        8.5,
        true);
    d.text("Fecha de Emisión: " + DATE.format(t.issueDate()), 4.6, 1.4, 8.5, true);
    d.text("CUIT: " + t.supplierCuit(), 4.6, 1.7, 8.5, false);
    d.text(
        "Ingresos Brutos: 901-" + t.supplierCuit().substring(3, 9) + "-1", 4.6, 1.95, 8.5, false);
    d.text("Fecha de Inicio de Actividades: 01/03/2015", 4.6, 2.2, 8.5, false);
  }

  /**
   * Letter box on the left, the voucher's data beside it, the issuer on the right; the point of
   * sale printed on the same baseline as the company name.
   */
  private static void swappedHeader(EvalDoc d, InvoiceImageGenerator.Truth t) {
    d.box(M, 0.4, W - 2 * M, 2.1);
    letterBox(d, t, M + 0.1);
    d.text("FACTURA", 1.35, 0.75, 15, true);
    d.text(String.format("Punto de Venta: %05d", t.pointOfSale()), 1.35, 1.2, 8.5, true);
    d.text("Razón Social: " + t.supplierName(), 4.3, 1.2, 8.5, true);
    d.text(String.format("Comp. Nro: %08d", t.number()), 1.35, 1.45, 8.5, true);
    d.text("Domicilio: Ruta 8 Km 52, Pilar, Bs. As.", 4.3, 1.45, 8.5, false);
    d.text("Fecha de Emisión: " + DATE.format(t.issueDate()), 1.35, 1.7, 8.5, true);
    d.text("C.U.I.T.: " + t.supplierCuit(), 4.3, 1.7, 8.5, false);
    d.text("IIBB: 901-" + t.supplierCuit().substring(3, 9) + "-1", 4.3, 1.95, 8.5, false);
    d.text("Inicio de Actividades: 01/03/2015", 4.3, 2.2, 8.5, false);
    d.text("IVA Responsable Inscripto", 1.35, 2.2, 8.5, false);
  }

  /** Dates and numbers first, the issuer's name under them, the letter box on the right. */
  private static void datesFirstHeader(EvalDoc d, InvoiceImageGenerator.Truth t) {
    d.box(M, 0.4, W - 2 * M, 2.1);
    d.text("Fecha de Emisión: " + DATE.format(t.issueDate()), M + 0.15, 0.62, 8.5, true);
    letterBox(d, t, 5.2);
    d.text("FACTURA", 6.0, 0.75, 15, true);
    d.text(String.format("Comp. Nro: %08d", t.number()), M + 0.15, 1.2, 8.5, true);
    d.text(String.format("Punto de Venta: %05d", t.pointOfSale()), M + 0.15, 1.45, 8.5, true);
    d.text("Razón Social: " + t.supplierName(), M + 0.15, 1.7, 8.5, true);
    d.text("CUIT: " + t.supplierCuit(), M + 0.15, 1.95, 8.5, false);
    d.text(
        "Ingresos Brutos: 901-" + t.supplierCuit().substring(3, 9) + "-1", 4.3, 1.95, 8.5, false);
    d.text("Domicilio Comercial: San Martín 455, Rosario", M + 0.15, 2.2, 8.5, false);
    d.text("Inicio de Actividades: 01/03/2015", 4.3, 2.2, 8.5, false);
  }

  private static void letterBox(EvalDoc d, InvoiceImageGenerator.Truth t, double x) {
    d.box(x, 0.4, 0.6, 0.55);
    d.text(t.type().name(), x + 0.125, 0.83, 26, true);
    d.text("COD. " + String.format("%02d", t.type().afipCode()), x + 0.025, 1.08, 7, true);
  }

  /** The top of a wholesaler's next page: name, voucher, page. */
  private static void continuationHeader(
      EvalDoc d, InvoiceImageGenerator.Truth t, int page, int pages) {
    d.text(t.supplierName(), M + 0.15, 0.7, 11, true);
    d.text("FACTURA " + t.type().name(), 4.6, 0.7, 11, true);
    d.text(
        String.format("Punto de Venta: %05d    Comp. Nro: %08d", t.pointOfSale(), t.number()),
        4.6,
        0.95,
        8.5,
        true);
    d.text("Hoja " + page + " de " + pages, 4.6, 1.2, 8.5, false);
  }

  private static void buyer(EvalDoc d, InvoiceImageGenerator.Truth t) {
    d.box(M, 2.6, W - 2 * M, 0.75);
    d.text("CUIT: " + t.buyerCuit(), M + 0.15, 2.85, 8.5, false);
    d.text("Apellido y Nombre / Razón Social: ALMACEN DON PEPE", 3.2, 2.85, 8.5, false);
    d.text("Condición frente al IVA: IVA Responsable Inscripto", M + 0.15, 3.15, 8.5, false);
    d.text("Condición de venta: Cuenta corriente", 4.9, 3.15, 8.5, false);
  }

  private static void totals(EvalDoc d, InvoiceImageGenerator.Truth t, double y, boolean a) {
    d.box(M, y - 0.3, W - 2 * M, a ? 2.0 : 1.1);
    List<String[]> rows = new ArrayList<>();
    if (a) {
      rows.add(new String[] {"Importe Neto Gravado: $", money(t.netTotal())});
      for (BigDecimal r :
          List.of(new BigDecimal("27"), new BigDecimal("21"), new BigDecimal("10.5"))) {
        BigDecimal v =
            t.ivaByRate().entrySet().stream()
                .filter(e -> e.getKey().compareTo(r) == 0)
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(BigDecimal.ZERO.setScale(2));
        rows.add(new String[] {"IVA " + rate(r) + "%: $", money(v)});
      }
      rows.add(new String[] {"Importe Otros Tributos: $", money(t.otherTaxes())});
    } else {
      rows.add(new String[] {"Subtotal: $", money(t.netTotal())});
      rows.add(new String[] {"Importe Otros Tributos: $", money(t.otherTaxes())});
    }
    rows.add(new String[] {"Importe Total: $", money(t.total())});
    for (String[] r : rows) {
      d.right(r[0], 6.2, y, 9, true);
      d.right(r[1], 7.65, y, 9, true);
      y += 0.27;
    }
    double fy = Math.max(y + 0.4, 9.4);
    if (t.qr()) {
      d.qr(InvoiceImageGenerator.qrUrl(t), M + 0.1, fy, 1.15);
    }
    d.text("CAE N°: " + t.cae(), 5.0, fy + 0.3, 9, true);
    d.text("Fecha de Vto. de CAE: " + DATE.format(t.caeDueDate()), 5.0, fy + 0.6, 9, true);
    d.text("Comprobante Autorizado", 2.0, fy + 0.45, 9, true);
  }
}
