package almacen.inventory;

import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.inventory.domain.LedgerResult;

/**
 * What the ledger processors emit for one key, split to stock-movements, stock-levels and
 * stock-alerts.
 */
record LedgerOutput(StockMovement movement, StockLevel level, StockAlert alert) {

  static LedgerOutput of(LedgerResult result) {
    return new LedgerOutput(result.movement(), result.level(), result.alert());
  }
}
