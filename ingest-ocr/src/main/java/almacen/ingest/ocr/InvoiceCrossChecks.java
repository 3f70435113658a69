package almacen.ingest.ocr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The checks between the parts of an invoice that OCR read separately: the lines add up to the net,
 * net + IVA + other taxes make the total, and the type agrees with how IVA is shown. A check that
 * fails is an issue for the person reviewing; how many pass feeds {@link ReadConfidence}. (Whether
 * each line closes is checked where it is read, {@link RowNumbers}.)
 */
final class InvoiceCrossChecks {

  /**
   * How far the sum of the lines may be from the net, and net + IVA + others from the total: each
   * printed line and each rate's IVA is rounded to the cent on its own, so the sums drift by up to
   * half a cent per line; a peso covers that for any invoice, and a lost or misread line costs far
   * more than a peso.
   */
  static final BigDecimal AMOUNT_TOLERANCE = BigDecimal.ONE;

  /** The cross-checks {@link #check} makes: lines = net, and net + IVA + others = total. */
  static final int CHECKS = 2;

  /**
   * After the checks: the net (the lines' sum for a B/C that prints none), IVA per rate (none for
   * B/C) and how many of the {@link #CHECKS} passed.
   */
  record Result(
      BigDecimal netTotal, Map<BigDecimal, BigDecimal> ivaByRate, BigDecimal ivaTotal, int passed) {

    Result {
      ivaByRate = new TreeMap<>(ivaByRate);
    }
  }

  private InvoiceCrossChecks() {}

  /** What the header says when it read neither the letter nor the AFIP code. */
  static final String NO_TYPE = "No se encontró el tipo de factura (letra A/B/C/M ni código).";

  /**
   * Neither the letter nor the code could be read: IVA discriminated in the totals means an A or an
   * M (B and C never discriminate it; the letter box is a big lone glyph OCR sometimes drops). An M
   * must print «operación sujeta a retención»: without that legend the type can only be A, a
   * correction ({@link ParseIssues#correction}) that settles the header's {@link #NO_TYPE}; with
   * it, A is taken and a person decides.
   *
   * @param retentionLegend whether the text prints the M's legend
   */
  static InvoiceType typeFromIva(
      InvoiceType type,
      Map<BigDecimal, BigDecimal> ivaByRate,
      boolean retentionLegend,
      ParseIssues issues) {
    if (type != null || ivaByRate.values().stream().noneMatch(v -> v.signum() > 0)) {
      return type;
    }
    if (retentionLegend) {
      issues.add(
          "Sin letra ni código legibles: se toma factura A porque discrimina IVA, pero lleva la"
              + " leyenda de la M; revisar.");
    } else {
      issues.settle(NO_TYPE);
      issues.correction(
          "Sin letra ni código legibles: es factura A porque discrimina IVA y no lleva la leyenda"
              + " «operación sujeta a retención» de la M.");
    }
    return InvoiceType.A;
  }

  /**
   * @param type the invoice's type after the QR merge (B/C prices include IVA)
   * @param net the printed net, or null
   * @param total the total after the QR merge, or null
   */
  static Result check(
      InvoiceType type,
      List<ReadLine> lines,
      BigDecimal net,
      Map<BigDecimal, BigDecimal> ivaByRate,
      BigDecimal otherTaxes,
      BigDecimal total,
      Consumer<String> issues) {
    BigDecimal linesSum =
        lines.stream()
            .map(ReadLine::lineTotal)
            .filter(Objects::nonNull)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.HALF_UP);
    Map<BigDecimal, BigDecimal> iva = new TreeMap<>(ivaByRate);
    BigDecimal ivaTotal = sum(iva);
    if (type != null && type.pricesIncludeIva()) {
      if (ivaTotal.signum() != 0) {
        issues.accept("Factura " + type + " con IVA discriminado: se ignora (precios finales).");
      }
      iva.clear();
      ivaTotal = BigDecimal.ZERO.setScale(2);
      if (net == null && !lines.isEmpty()) {
        net = linesSum; // B/C print final prices and often no net: the lines are it
      }
    }
    int passed = 0;
    if (!lines.isEmpty() && net != null) {
      if (near(linesSum, net)) {
        passed++;
      } else {
        issues.accept(
            "La suma de los renglones ("
                + Numbers.format(linesSum)
                + ") no coincide con el neto ("
                + Numbers.format(net)
                + "); puede faltar un renglón.");
      }
    }
    if (net != null && total != null) {
      BigDecimal sum = net.add(ivaTotal).add(otherTaxes);
      if (near(sum, total)) {
        passed++;
      } else {
        issues.accept(
            "Neto + IVA + otros tributos ("
                + Numbers.format(sum)
                + ") no coincide con el total ("
                + Numbers.format(total)
                + ").");
      }
    }
    return new Result(net, iva, ivaTotal, passed);
  }

  /**
   * Whether the printed net, IVA (for a type that discriminates it) and other taxes add up to
   * {@code total} to the cent; false when the net is missing.
   */
  static boolean addsUpExactly(
      InvoiceType type,
      BigDecimal net,
      Map<BigDecimal, BigDecimal> ivaByRate,
      BigDecimal otherTaxes,
      BigDecimal total) {
    if (net == null || total == null) {
      return false;
    }
    BigDecimal iva = type != null && type.pricesIncludeIva() ? BigDecimal.ZERO : sum(ivaByRate);
    BigDecimal others = otherTaxes == null ? BigDecimal.ZERO : otherTaxes;
    return net.add(iva).add(others).compareTo(total) == 0;
  }

  private static BigDecimal sum(Map<BigDecimal, BigDecimal> iva) {
    return iva.values().stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.HALF_UP);
  }

  private static boolean near(BigDecimal a, BigDecimal b) {
    return a.subtract(b).abs().compareTo(AMOUNT_TOLERANCE) <= 0;
  }
}
