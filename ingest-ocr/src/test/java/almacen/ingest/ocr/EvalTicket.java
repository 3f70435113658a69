package almacen.ingest.ocr;

import static almacen.ingest.ocr.EvalSet.DATE;
import static almacen.ingest.ocr.EvalSet.plain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An 80 mm till roll (Factura B/C from a small supplier's fiscal printer): fixed-width font, each
 * item on two lines ("2,000 x 2850,00", then the description with its IVA rate and the amount),
 * amounts without thousands separators. Used by {@link EvalSet}.
 */
final class EvalTicket {

  static final double WIDTH = 80 / 25.4;
  private static final double L = 0.08;
  private static final double R = WIDTH - 0.08;
  private static final double STEP = 0.15;
  private static final double PT = 7;
  private static final String RULE = "-".repeat(44);

  private EvalTicket() {}

  static EvalDoc draw(InvoiceImageGenerator.Truth t) {
    double height = 0.3 + STEP * (20 + 2 * t.lines().size() + 8) + 1.5;
    EvalDoc d = new EvalDoc(WIDTH, height);
    d.mono = true;
    double y = 0.3;
    d.text(t.supplierName(), L, y, 8.5, true);
    y += STEP + 0.05;
    for (String s :
        new String[] {
          "C.U.I.T. Nro.: " + t.supplierCuit(),
          "Ing. Brutos: 901-" + t.supplierCuit().substring(3, 9) + "-1",
          "Inicio de Actividades: 01/03/2015",
          "Av. Rivadavia 5120 - CABA",
          "IVA RESPONSABLE INSCRIPTO",
          RULE
        }) {
      d.text(s, L, y, PT, false);
      y += STEP;
    }
    d.text("FACTURA " + t.type().name(), L, y, 8.5, true);
    d.right("COD. " + String.format("%02d", t.type().afipCode()), R, y, PT, true);
    y += STEP + 0.03;
    for (String s :
        new String[] {
          String.format("Punto de Venta: %05d", t.pointOfSale()),
          String.format("Comp. Nro: %08d", t.number()),
          "Fecha de Emisión: " + DATE.format(t.issueDate()),
          RULE,
          "Cliente: ALMACEN DON PEPE",
          "CUIT: " + t.buyerCuit(),
          RULE
        }) {
      d.text(s, L, y, PT, false);
      y += STEP;
    }
    d.text("CANT./P.UNIT.", L, y, PT, true);
    d.text("DESCRIPCION (%IVA)", 1.1, y, PT, true);
    d.right("IMPORTE", R, y, PT, true);
    y += STEP;
    d.text(RULE, L, y, PT, false);
    y += STEP;
    for (ReadLine l : t.lines()) {
      d.text(
          l.qty().setScale(3, RoundingMode.HALF_UP).toPlainString().replace('.', ',')
              + " x "
              + plain(l.unitPrice()),
          L,
          y,
          PT,
          false);
      y += STEP;
      BigDecimal r = EvalSet.rateOf(l);
      d.text(
          l.description()
              + " ("
              + r.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',')
              + ")",
          L,
          y,
          PT,
          false);
      d.right(plain(l.lineTotal()), R, y, PT, false);
      y += STEP;
    }
    d.text(RULE, L, y, PT, false);
    y += STEP;
    d.text("SUBTOTAL", L, y, PT, true);
    d.right(plain(t.netTotal()), R, y, PT, true);
    y += STEP + 0.05;
    d.text("TOTAL", L, y, 9, true);
    d.right("$ " + plain(t.total()), R, y, 9, true);
    y += STEP + 0.05;
    d.text(RULE, L, y, PT, false);
    y += STEP;
    d.text("CAE N°: " + t.cae(), L, y, PT, false);
    y += STEP;
    d.text("Fecha de Vto. de CAE: " + DATE.format(t.caeDueDate()), L, y, PT, false);
    y += STEP;
    if (t.qr()) {
      d.qr(InvoiceImageGenerator.qrUrl(t), (WIDTH - 1.2) / 2, y, 1.2);
    }
    return d;
  }
}
