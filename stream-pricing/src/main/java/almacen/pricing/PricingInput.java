package almacen.pricing;

import almacen.events.InflationMonth;
import almacen.events.Invoice;
import almacen.events.Product;

/**
 * The three inputs of the pricing processor, merged into one stream (no serde: merge and process
 * run in the same sub-topology). A null payload is a tombstone.
 */
sealed interface PricingInput {

  /** A CONFIRMED invoice reduced to the one line of this record's sku. */
  record Cost(Invoice costInvoice) implements PricingInput {}

  record Catalog(Product product) implements PricingInput {}

  record Inflation(InflationMonth month) implements PricingInput {}
}
