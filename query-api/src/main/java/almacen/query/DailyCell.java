package almacen.query;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One cell of an analytics store ({@code day|branch|sku}): units and money (sales amount or cost),
 * unrounded, plus the highest offset of the input partition already added to it.
 *
 * <p>The offset is what makes an additive cell safe under at-least-once: a task reads one input
 * partition in offset order, and a cell's changelog record carries its own watermark, so after a
 * crash every redelivered record at or below the watermark is known to be in the cell already and
 * is skipped, while the ones above it are added. No other store has to agree with the cell.
 *
 * @param offset the input offset of the last record added, or -1 for none
 */
public record DailyCell(BigDecimal qty, BigDecimal amount, long offset) {

  public static final DailyCell EMPTY = new DailyCell(BigDecimal.ZERO, BigDecimal.ZERO, -1L);

  /** {@code qty|amount|offset} as UTF-8 text (readable with kcat on the changelog). */
  public static final Serde<DailyCell> SERDE =
      Serdes.serdeFrom(
          (topic, c) ->
              c == null
                  ? null
                  : (c.qty.toPlainString() + "|" + c.amount.toPlainString() + "|" + c.offset)
                      .getBytes(StandardCharsets.UTF_8),
          (topic, b) -> b == null ? null : parse(new String(b, StandardCharsets.UTF_8)));

  static DailyCell parse(String text) {
    String[] p = text.split("\\|", -1);
    if (p.length != 3) {
      throw new IllegalArgumentException("Not an analytics cell: " + text);
    }
    return new DailyCell(new BigDecimal(p[0]), new BigDecimal(p[1]), Long.parseLong(p[2]));
  }

  /**
   * This cell plus {@code qty} and {@code amount} read at {@code inputOffset}, or null when that
   * offset is already in the cell. A negative offset (no record metadata) is always added.
   */
  public DailyCell plus(BigDecimal addQty, BigDecimal addAmount, long inputOffset) {
    if (inputOffset >= 0 && inputOffset <= offset) {
      return null;
    }
    return new DailyCell(qty.add(addQty), amount.add(addAmount), Math.max(offset, inputOffset));
  }
}
