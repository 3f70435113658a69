package almacen.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The scales of almacén's Avro decimals. Avro refuses a BigDecimal whose scale differs from the
 * schema's, so every value is passed through one of these before it is put in an event.
 */
public final class Decimals {

  public static final int MONEY_SCALE = 2;
  public static final int QTY_SCALE = 3;
  public static final int UNIT_COST_SCALE = 4;
  public static final int RATE_SCALE = 2;
  public static final int FACTOR_SCALE = 10;

  private Decimals() {}

  public static BigDecimal money(BigDecimal v) {
    return v == null ? null : v.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
  }

  public static BigDecimal qty(BigDecimal v) {
    return v == null ? null : v.setScale(QTY_SCALE, RoundingMode.HALF_UP);
  }

  public static BigDecimal unitCost(BigDecimal v) {
    return v == null ? null : v.setScale(UNIT_COST_SCALE, RoundingMode.HALF_UP);
  }

  public static BigDecimal rate(BigDecimal v) {
    return v == null ? null : v.setScale(RATE_SCALE, RoundingMode.HALF_UP);
  }

  public static BigDecimal factor(BigDecimal v) {
    return v == null ? null : v.setScale(FACTOR_SCALE, RoundingMode.HALF_UP);
  }
}
