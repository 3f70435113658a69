package almacen.inventory;

import almacen.events.StockAlert;
import almacen.events.StockMovement;
import almacen.inventory.domain.LedgerResult;

/**
 * What the ledger processors emit for one key, split to stock-movements and stock-alerts (levels
 * leave from the levels store, {@link LevelsOnFlush}).
 */
record LedgerOutput(StockMovement movement, StockAlert alert) {

  static LedgerOutput of(LedgerResult result) {
    return new LedgerOutput(result.movement(), result.alert());
  }
}
