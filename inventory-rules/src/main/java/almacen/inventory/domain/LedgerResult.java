package almacen.inventory.domain;

import almacen.events.StockAlert;
import almacen.events.StockLevel;
import almacen.events.StockMovement;

/**
 * What one step of the ledger produces for one branch|sku.
 *
 * @param key the branch|sku key of the level , made once per result
 * @param movement the ledger entry, null for a re-evaluation (a catalogue change moves no stock)
 * @param level the new level of the key
 * @param alert the status transition, or null when the status did not change
 * @param created true when this is the first level of the key
 */
public record LedgerResult(
    String key, StockMovement movement, StockLevel level, StockAlert alert, boolean created) {}
