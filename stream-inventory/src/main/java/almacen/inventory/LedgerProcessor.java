package almacen.inventory;

import almacen.inventory.domain.InvalidStockEventException;
import almacen.inventory.domain.LedgerResult;
import almacen.inventory.domain.StockCommand;
import almacen.inventory.domain.StockLedger;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies stock commands, repartitioned by sku (a chain), to the levels store through {@link
 * StockLedger} and emits the ledger entry, the new level and the alert of each key touched.
 */
final class LedgerProcessor implements Processor<String, StockCommand, String, LedgerOutput> {

  private final StockLedger ledger;
  private final LiveCommit liveCommit;
  private final LedgerStores stores = new LedgerStores();
  private ProcessorContext<String, LedgerOutput> context;

  LedgerProcessor(StockLedger ledger, LiveCommit liveCommit) {
    this.ledger = ledger;
    this.liveCommit = liveCommit;
  }

  @Override
  public void init(ProcessorContext<String, LedgerOutput> context) {
    this.context = context;
    liveCommit.init(context);
    stores.init(context);
  }

  @Override
  public void process(Record<String, StockCommand> record) {
    StockCommand command = record.value();
    if (command == null) {
      throw new InvalidStockEventException("Empty stock command with key " + record.key());
    }
    LedgerMetrics.recordAge(command);
    for (LedgerResult result :
        ledger.execute(command, stores::level, stores.product(command.sku()))) {
      String key = stores.keep(result);
      context.forward(record.withKey(key).withValue(LedgerOutput.of(result)));
    }
    liveCommit.afterRecord(record.timestamp());
  }
}
