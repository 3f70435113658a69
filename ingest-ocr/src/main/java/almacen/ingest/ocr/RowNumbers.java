package almacen.ingest.ocr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which numbers of an item row are its quantity, unit price and line total: the reading (among each
 * token's OCR candidates, {@link Numbers}) where quantity × price = total, with the fewest fixes.
 * Pure functions of the tokens, shared by {@link LineTableReader} and {@link RowReview}.
 */
final class RowNumbers {

  /**
   * Quantity × price may miss the printed total by this much: the unit price is rounded to the
   * cent, so a few units of a price ending in half a cent drift by a cent or two.
   */
  static final BigDecimal CLOSE_TOLERANCE = new BigDecimal("0.02");

  /**
   * A derived number (price = total ÷ quantity, total = quantity × price) may differ from what OCR
   * printed by at most this many digit edits: one misread digit, or a digit doubled or dropped and
   * one more. Beyond it the row is not mended but flagged.
   */
  static final int MAX_DIGIT_EDITS = 2;

  /**
   * The cost of replacing a printed price or total by one computed from the other two: more than
   * any single reading fix (1–2), so a row that closes as printed always wins.
   */
  static final int DERIVED_PENALTY = 4;

  /**
   * The cost of a quantity computed as total ÷ price because none could be read: a little less than
   * a derived price or total, since the quantity is the token OCR loses most (a lone digit).
   */
  static final int RECOVERED_QTY_PENALTY = 3;

  /** IVA rates AFIP uses; a line's rate is one of them. */
  static final List<BigDecimal> RATES =
      List.of(
          new BigDecimal("0"),
          new BigDecimal("2.5"),
          new BigDecimal("5"),
          new BigDecimal("10.5"),
          new BigDecimal("21"),
          new BigDecimal("27"));

  /** A printed bonificación: 10, 12,5, 7.50 or 10,00%, maybe with a minus sign; below 100. */
  private static final Pattern PERCENT = Pattern.compile("-?(\\d{1,2}(?:[.,]\\d{1,2})?)%?");

  /** A token of a row that reads as a number, and its position among the row's tokens. */
  record Tok(String text, int index) {}

  /**
   * A reading of a row: quantity, price and total with the token positions they came from ({@code
   * iq} is -1 for a computed quantity) and the sum of their penalties.
   */
  record Pick(
      Numbers.Cand q, Numbers.Cand p, Numbers.Cand t, int iq, int ip, int it, int penalty) {}

  /**
   * A reading of a row with a bonificación: quantity × price × (1 − discount / 100) = total, the
   * discount read from the token at {@code index} (between the price and the total).
   */
  record Discounted(Pick pick, BigDecimal discountPct, int index) {}

  private RowNumbers() {}

  /** The row's tokens, with "|" column rules dropped and "$ 12" joined to "$12". */
  static String[] tokens(String line) {
    return line.replace("|", " ").replace("$ ", "$").trim().split("\\s+", -1);
  }

  /** The tokens that read as numbers and are not a product code. */
  static List<Tok> numbers(String line) {
    String[] parts = tokens(line);
    List<Tok> nums = new ArrayList<>();
    for (int k = 0; k < parts.length; k++) {
      if (Numbers.digitsOnly(parts[k]) != null && !ItemText.isCode(parts[k])) {
        nums.add(new Tok(parts[k], k));
      }
    }
    return nums;
  }

  /** Some reading of three of the numbers closes, in either column order. */
  static boolean closes(List<Tok> nums) {
    return nums.size() >= TableLayout.ITEM_ROW_MIN_NUMBERS
        && (bestTriple(nums, true) != null || bestTriple(nums, false) != null);
  }

  /** Some reading of the row closes, in either order. */
  static Pick anyClosing(List<Tok> nums) {
    Pick pick = bestTriple(nums, true);
    return pick != null ? pick : bestTriple(nums, false);
  }

  static boolean isNear(BigDecimal v, List<Tok> tokens) {
    return tokens.stream().anyMatch(t -> Numbers.digitDistance(v, t.text()) <= MAX_DIGIT_EDITS);
  }

  /**
   * The three numbers that close with the least penalty, quantity before price when {@code
   * qtyBeforePrice}, total after price; among equal penalties the total nearest the price (subtotal
   * before subtotal c/IVA), then the quantity nearest the price ("Ayudin 11 11 unidades").
   */
  static Pick bestTriple(List<Tok> nums, boolean qtyBeforePrice) {
    return bestTriple(nums, qtyBeforePrice, BigDecimal.ZERO, -1);
  }

  /**
   * The reading of a row of a table with a discount column that closes with a bonificación &gt; 0
   * printed between the price and the total (as 10, 10,00 or 10%), with the least penalty; null
   * when none does. A row whose discount cell is empty or 0 closes without one ({@link
   * #bestTriple(List, boolean)}).
   */
  static Discounted bestWithDiscount(String[] parts, List<Tok> nums, boolean qtyBeforePrice) {
    Discounted best = null;
    for (int k = 0; k < parts.length; k++) {
      BigDecimal discount = percent(parts[k]);
      if (discount == null || discount.signum() <= 0) {
        continue;
      }
      final int at = k;
      List<Tok> rest = nums.stream().filter(t -> t.index() != at).toList();
      Pick pick = bestTriple(rest, qtyBeforePrice, discount, at);
      if (pick != null && (best == null || pick.penalty() < best.pick().penalty())) {
        best = new Discounted(pick, discount, at);
      }
    }
    return best;
  }

  /** The bonificación a token prints, in percent; null when it is not one. */
  static BigDecimal percent(String token) {
    Matcher m = PERCENT.matcher(token.trim());
    if (!m.matches()) {
      return null;
    }
    return new BigDecimal(m.group(1).replace(',', '.'));
  }

  /**
   * @param discountAt the token index of a printed discount that must sit between price and total;
   *     -1 without one
   */
  private static Pick bestTriple(
      List<Tok> nums, boolean qtyBeforePrice, BigDecimal discountPct, int discountAt) {
    BigDecimal kept = BigDecimal.ONE.subtract(discountPct.movePointLeft(2));
    Pick best = null;
    for (int a = 0; a < nums.size(); a++) {
      for (int b = 0; b < nums.size(); b++) {
        if (b == a) {
          continue;
        }
        int iq = nums.get(a).index();
        int ip = nums.get(b).index();
        if ((iq < ip) != qtyBeforePrice || (discountAt >= 0 && ip > discountAt)) {
          continue;
        }
        for (int c = 0; c < nums.size(); c++) {
          if (c == a
              || c == b
              || nums.get(c).index() < ip
              || (discountAt >= 0 && nums.get(c).index() < discountAt)) {
            continue;
          }
          for (Numbers.Cand q : Numbers.qty(nums.get(a).text())) {
            if (q.value().signum() <= 0) {
              continue;
            }
            for (Numbers.Cand p : Numbers.money(nums.get(b).text())) {
              for (Numbers.Cand t : Numbers.money(nums.get(c).text())) {
                BigDecimal product = q.value().multiply(p.value()).multiply(kept);
                BigDecimal diff = product.subtract(t.value()).abs();
                if (diff.compareTo(CLOSE_TOLERANCE) > 0 || t.value().signum() <= 0) {
                  continue;
                }
                int penalty = q.penalty() + p.penalty() + t.penalty();
                int distance = nums.get(c).index() - ip;
                if (best == null
                    || penalty < best.penalty()
                    || (penalty == best.penalty() && distance < best.it() - best.ip())
                    || (penalty == best.penalty()
                        && distance == best.it() - best.ip()
                        && Math.abs(ip - iq) < Math.abs(best.ip() - best.iq()))) {
                  best = new Pick(q, p, t, iq, ip, nums.get(c).index(), penalty);
                }
              }
            }
          }
        }
      }
    }
    return best;
  }

  /**
   * Quantity unreadable or lost: the last two numbers are price and total and total ÷ price is a
   * clean quantity: whole, or in kg to the gram, whose product with the price is the total to the
   * cent.
   */
  static Pick recoverQuantity(List<Tok> nums) {
    if (nums.size() < 2) {
      return null; // a price and a total
    }
    Tok tp = nums.get(nums.size() - 2);
    Tok tt = nums.get(nums.size() - 1);
    if (nums.size() >= 3 && isRateBetweenAmounts(nums.get(nums.size() - 3), tp, tt)) {
      tp = nums.get(nums.size() - 3); // "1.980,00  21  13.860,00": 21 is the line's IVA rate
    }
    for (Numbers.Cand p : Numbers.money(tp.text())) {
      for (Numbers.Cand t : Numbers.money(tt.text())) {
        if (p.value().signum() <= 0 || t.value().compareTo(p.value()) < 0) {
          continue;
        }
        BigDecimal q = t.value().divide(p.value(), 3, RoundingMode.HALF_UP);
        // a quantity (whole, or kg to the gram) times the price is the total to the cent
        if (q.signum() > 0
            && q.multiply(p.value())
                    .setScale(2, RoundingMode.HALF_UP)
                    .compareTo(t.value().setScale(2, RoundingMode.HALF_UP))
                == 0) {
          BigDecimal clean =
              q.stripTrailingZeros().scale() <= 0
                  ? q.setScale(0, RoundingMode.UNNECESSARY)
                  : q.stripTrailingZeros();
          Numbers.Cand qc =
              Numbers.Cand.derived(
                  clean,
                  RECOVERED_QTY_PENALTY,
                  "cantidad ilegible, calculada como importe ÷ precio = "
                      + clean.toPlainString().replace('.', ','));
          return new Pick(
              qc,
              p,
              t,
              -1,
              tp.index(),
              tt.index(),
              RECOVERED_QTY_PENALTY + p.penalty() + t.penalty());
        }
      }
    }
    return null;
  }

  /**
   * Whether {@code middle}, printed between two amounts with cents, is an IVA rate ({@link #RATES})
   * printed without them: a price is printed like the total it makes.
   */
  static boolean isRateBetweenAmounts(Tok before, Tok middle, Tok after) {
    if (!moneyShaped(before) || !moneyShaped(after) || moneyShaped(middle)) {
      return false;
    }
    List<Numbers.Cand> m = Numbers.money(middle.text());
    return !m.isEmpty() && RATES.stream().anyMatch(r -> r.compareTo(m.get(0).value()) == 0);
  }

  private static boolean moneyShaped(Tok t) {
    return ItemText.MONEY_SHAPE.matcher(Numbers.strip(t.text())).matches();
  }

  /**
   * Two of the three numbers agree and the third is at most {@link #MAX_DIGIT_EDITS} digits off
   * what they imply (3 read as 9, a digit doubled): the price is total ÷ quantity when that is
   * exact to the cent, or the total is quantity × price. A wrong quantity almost never leaves an
   * exact quotient that close to the printed price; when both ways are as near, nothing is chosen
   * and the row is flagged.
   */
  static Pick nearestClosing(List<Tok> nums, boolean qtyBeforePrice) {
    List<Pick> candidates = new ArrayList<>();
    for (Tok tq : nums) {
      for (Tok tp : nums) {
        if (tp.index() == tq.index() || (tq.index() < tp.index()) != qtyBeforePrice) {
          continue;
        }
        for (Tok tt : nums) {
          if (tt.index() == tq.index() || tt.index() == tp.index() || tt.index() < tp.index()) {
            continue;
          }
          for (Numbers.Cand q : Numbers.qty(tq.text())) {
            if (q.value().signum() <= 0) {
              continue;
            }
            for (Numbers.Cand t : Numbers.money(tt.text())) {
              candidates.add(priceFrom(q, t, tq, tp, tt));
            }
            for (Numbers.Cand p : Numbers.money(tp.text())) {
              candidates.add(totalFrom(q, p, tq, tp, tt));
            }
          }
          for (Numbers.Cand p : Numbers.money(tp.text())) {
            for (Numbers.Cand t : Numbers.money(tt.text())) {
              candidates.add(quantityFrom(p, t, tq, tp, tt));
            }
          }
        }
      }
    }
    candidates.removeIf(Objects::isNull);
    int least = candidates.stream().mapToInt(Pick::penalty).min().orElse(Integer.MAX_VALUE);
    List<Pick> best = candidates.stream().filter(c -> c.penalty() == least).toList();
    // as near one way as the other (5.946 for 5.940, or 1.982 for 1.980?): not ours to choose
    boolean agree =
        best.stream()
            .allMatch(
                c ->
                    c.p().value().compareTo(best.get(0).p().value()) == 0
                        && c.t().value().compareTo(best.get(0).t().value()) == 0
                        && c.q().value().compareTo(best.get(0).q().value()) == 0);
    return best.isEmpty() || !agree ? null : best.get(0);
  }

  private static Pick priceFrom(Numbers.Cand q, Numbers.Cand t, Tok tq, Tok tp, Tok tt) {
    BigDecimal total = t.value().setScale(2, RoundingMode.HALF_UP);
    BigDecimal price = total.divide(q.value(), 2, RoundingMode.HALF_UP);
    int d = Numbers.digitDistance(price, tp.text());
    if (total.signum() <= 0
        || d > MAX_DIGIT_EDITS
        || price.multiply(q.value()).setScale(2, RoundingMode.HALF_UP).compareTo(total) != 0) {
      return null;
    }
    int penalty = DERIVED_PENALTY + d + q.penalty() + t.penalty();
    return new Pick(
        q,
        Numbers.Cand.derived(
            price,
            penalty,
            "precio '"
                + tp.text()
                + "' no cierra con cantidad e importe: se toma importe ÷ cantidad = "
                + Numbers.format(price)),
        t,
        tq.index(),
        tp.index(),
        tt.index(),
        penalty);
  }

  /**
   * The quantity as total ÷ price, when that is a quantity as printed (whole, or in kg to the gram)
   * whose product with the price is the total to the cent, and at most {@link #MAX_DIGIT_EDITS}
   * digits off the printed one ("2,173" for 2,773).
   */
  private static Pick quantityFrom(Numbers.Cand p, Numbers.Cand t, Tok tq, Tok tp, Tok tt) {
    if (p.value().signum() <= 0 || t.value().signum() <= 0) {
      return null;
    }
    BigDecimal total = t.value().setScale(2, RoundingMode.HALF_UP);
    BigDecimal q = total.divide(p.value(), 3, RoundingMode.HALF_UP);
    if (q.signum() <= 0
        || q.multiply(p.value()).setScale(2, RoundingMode.HALF_UP).compareTo(total) != 0) {
      return null;
    }
    BigDecimal clean =
        q.stripTrailingZeros().scale() <= 0 ? q.setScale(0, RoundingMode.UNNECESSARY) : q;
    String digits = clean.scale() == 0 ? clean.toPlainString() : clean.unscaledValue().toString();
    int d = Numbers.digitDistance(digits, tq.text());
    if (d > MAX_DIGIT_EDITS) {
      return null;
    }
    int penalty = DERIVED_PENALTY + d + p.penalty() + t.penalty();
    return new Pick(
        Numbers.Cand.derived(
            clean,
            penalty,
            "cantidad '"
                + tq.text()
                + "' no cierra con precio e importe: se toma importe ÷ precio = "
                + clean.toPlainString().replace('.', ',')),
        p,
        t,
        tq.index(),
        tp.index(),
        tt.index(),
        penalty);
  }

  private static Pick totalFrom(Numbers.Cand q, Numbers.Cand p, Tok tq, Tok tp, Tok tt) {
    BigDecimal total = q.value().multiply(p.value()).setScale(2, RoundingMode.HALF_UP);
    int d = Numbers.digitDistance(total, tt.text());
    if (total.signum() <= 0 || d > MAX_DIGIT_EDITS) {
      return null;
    }
    int penalty = DERIVED_PENALTY + d + q.penalty() + p.penalty();
    return new Pick(
        q,
        p,
        Numbers.Cand.derived(
            total,
            penalty,
            "importe '"
                + tt.text()
                + "' no cierra con cantidad y precio: se toma cantidad × precio = "
                + Numbers.format(total)),
        tq.index(),
        tp.index(),
        tt.index(),
        penalty);
  }

  /**
   * IVA rate printed on an A/M line: a rate token after the total, or a "total c/IVA" column that
   * is the total plus one of the {@link #RATES}.
   */
  static BigDecimal lineRate(List<Tok> nums, Pick pick) {
    for (Tok t : nums) {
      if (t.index() <= pick.it()) {
        continue;
      }
      List<Numbers.Cand> m = Numbers.money(t.text());
      if (m.isEmpty()) {
        continue;
      }
      BigDecimal v = m.get(0).value().stripTrailingZeros();
      for (BigDecimal r : RATES) {
        if (v.compareTo(r) == 0 && r.signum() > 0) {
          return r.scale() < 0 ? r.setScale(0) : r;
        }
      }
      for (BigDecimal r : RATES) {
        BigDecimal withIva =
            pick.t()
                .value()
                .multiply(BigDecimal.ONE.add(r.movePointLeft(2)))
                .setScale(2, RoundingMode.HALF_UP);
        if (withIva.subtract(m.get(0).value()).abs().compareTo(CLOSE_TOLERANCE) <= 0
            && r.signum() > 0) {
          return r;
        }
      }
    }
    return null;
  }
}
