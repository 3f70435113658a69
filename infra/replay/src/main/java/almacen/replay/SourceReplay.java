package almacen.replay;

import almacen.events.Invoice;
import almacen.events.Product;
import almacen.events.Sale;
import almacen.events.StockAdjustment;
import almacen.events.StockLevel;
import almacen.events.StockTransfer;
import almacen.events.TaxRegime;
import almacen.inventory.domain.DemandSettings;
import almacen.inventory.domain.InvalidStockEventException;
import almacen.inventory.domain.LedgerResult;
import almacen.inventory.domain.ProductInfo;
import almacen.inventory.domain.StockCommand;
import almacen.inventory.domain.StockCommands;
import almacen.inventory.domain.StockLedger;
import almacen.inventory.domain.TransferResult;
import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Re-applies the inventory rules to the source topics, with the very domain code stream-inventory
 * runs ({@link StockCommands}, {@link StockLedger}): each business id once, invalid events skipped
 * (Streams sends them to the DLQ), events after {@code asOf} (business time) ignored.
 */
final class SourceReplay {

  private final Topics topics;
  private final Instant asOf;
  private final StockCommands commands;
  private final StockLedger ledger = new StockLedger(DemandSettings.defaults());
  private final Map<String, Product> products = new HashMap<>();
  private final Map<String, StockLevel> levels = new TreeMap<>();
  private final Map<String, Long> movementsByKey = new HashMap<>();
  private final LongHashSet seen = new LongHashSet();
  private long duplicates;
  private long invalid;

  SourceReplay(Topics topics, Instant asOf, TaxRegime regime) {
    this.topics = topics;
    this.asOf = asOf;
    this.commands = new StockCommands(regime, DemandSettings.BUENOS_AIRES);
  }

  List<String> sourceTopics() {
    return List.of(topics.products.name(), topics.sales.name(), topics.invoices.name(),
        topics.stockAdjustments.name(), topics.stockTransfers.name());
  }

  void accept(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return;
    }
    String topic = record.topic();
    try {
      if (topic.equals(topics.products.name())) {
        Product p = topics.products.valueSerde().deserializer().deserialize(topic, record.value());
        products.put(p.getSku(), p);
      } else if (topic.equals(topics.sales.name())) {
        Sale s = topics.sales.valueSerde().deserializer().deserialize(topic, record.value());
        if (inScope(s.getSoldAt()) && once("sale:" + s.getSaleId())) {
          commands.fromSale(s).forEach(this::apply);
        }
      } else if (topic.equals(topics.invoices.name())) {
        Invoice i = topics.invoices.valueSerde().deserializer().deserialize(topic, record.value());
        if (StockCommands.movesStock(i)) {
          List<StockCommand> lines = commands.fromInvoice(i);
          Instant at = i.getIssueDate().atStartOfDay(DemandSettings.BUENOS_AIRES).toInstant();
          if (inScope(at) && once("invoice:" + i.getInvoiceId())) {
            lines.forEach(this::apply);
          }
        }
      } else if (topic.equals(topics.stockAdjustments.name())) {
        StockAdjustment a = topics.stockAdjustments.valueSerde().deserializer().deserialize(topic, record.value());
        StockCommand c = commands.fromAdjustment(a);
        if (inScope(a.getOccurredAt()) && once("adjustment:" + a.getAdjustmentId())) {
          apply(c);
        }
      } else if (topic.equals(topics.stockTransfers.name())) {
        StockTransfer t = topics.stockTransfers.valueSerde().deserializer().deserialize(topic, record.value());
        StockCommand c = commands.fromTransfer(t);
        if (inScope(t.getOccurredAt()) && once("transfer:" + t.getTransferId())) {
          transfer(c);
        }
      }
    } catch (InvalidStockEventException | SerializationException e) {
      invalid++;
    }
  }

  private boolean inScope(Instant businessTime) {
    return asOf == null || !businessTime.isAfter(asOf);
  }

  private boolean once(String id) {
    if (seen.add(id)) {
      return true;
    }
    duplicates++;
    return false;
  }

  private void apply(StockCommand c) {
    LedgerResult r = ledger.apply(levels.get(c.key()), c, ProductInfo.ofNullable(c.sku(), products.get(c.sku())));
    levels.put(c.key(), r.level());
    movementsByKey.merge(c.key(), 1L, Long::sum);
  }

  private void transfer(StockCommand c) {
    String to = StoreNames.branchSkuKey(c.toBranch(), c.sku());
    TransferResult r = ledger.transfer(levels.get(c.key()), levels.get(to), c,
        ProductInfo.ofNullable(c.sku(), products.get(c.sku())));
    levels.put(c.key(), r.out().level());
    levels.put(to, r.in().level());
    movementsByKey.merge(c.key(), 1L, Long::sum);
    movementsByKey.merge(to, 1L, Long::sum);
  }

  Map<String, StockLevel> levels() {
    return levels;
  }

  Map<String, Long> movementsByKey() {
    return movementsByKey;
  }

  long duplicates() {
    return duplicates;
  }

  long invalid() {
    return invalid;
  }
}
