package almacen.inventory.domain;

import almacen.domain.Decimals;
import almacen.events.DailySales;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A level's daily sales over the demand window ({@link StockLedger#DEMAND_WINDOW_DAYS} days ending
 * on the anchor day), kept in day order: a sale added to its day, the days that left the window
 * dropped.
 */
final class DailySalesWindow {

  private DailySalesWindow() {}

  /** {@code sales} is in day order (this class only writes it so); so is the answer. */
  static List<DailySales> addSale(
      List<DailySales> sales, LocalDate day, BigDecimal qty, LocalDate anchorDay) {
    if (!inWindow(day, anchorDay)) {
      return sales;
    }
    List<DailySales> out = new ArrayList<>(sales.size() + 1);
    boolean added = false;
    for (DailySales d : sales) {
      int order = added ? -1 : d.getDay().compareTo(day);
      if (order == 0) {
        out.add(new DailySales(day, Decimals.qty(d.getQty().add(qty))));
        added = true;
      } else if (order > 0) {
        out.add(new DailySales(day, Decimals.qty(qty)));
        out.add(d);
        added = true;
      } else {
        out.add(d);
      }
    }
    if (!added) {
      out.add(new DailySales(day, Decimals.qty(qty)));
    }
    return out;
  }

  /** {@code sales} in day order: the days in the window, the same list when all of them are. */
  static List<DailySales> prune(List<DailySales> sales, LocalDate anchorDay) {
    LocalDate before = anchorDay.minusDays(StockLedger.DEMAND_WINDOW_DAYS);
    if (sales.isEmpty()
        || (inWindow(sales.get(0).getDay(), before, anchorDay)
            && inWindow(sales.get(sales.size() - 1).getDay(), before, anchorDay))) {
      return sales;
    }
    List<DailySales> out = new ArrayList<>(sales.size());
    for (DailySales d : sales) {
      if (inWindow(d.getDay(), before, anchorDay)) {
        out.add(d);
      }
    }
    return out;
  }

  /** The 28 days ending on anchorDay, both ends included. */
  private static boolean inWindow(LocalDate day, LocalDate anchorDay) {
    return inWindow(day, anchorDay.minusDays(StockLedger.DEMAND_WINDOW_DAYS), anchorDay);
  }

  /** After {@code before} (the day before the window) and not after {@code anchorDay}. */
  private static boolean inWindow(LocalDate day, LocalDate before, LocalDate anchorDay) {
    return !day.isAfter(anchorDay) && day.isAfter(before);
  }
}
