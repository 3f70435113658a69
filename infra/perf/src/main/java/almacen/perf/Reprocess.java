package almacen.perf;

import almacen.schemas.Stores;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.tools.StreamsResetter;

/**
 * Reset-and-rebuild of a Streams app after a bug fix (scripts/reprocess; the app must be stopped):
 * 1. truncate the topics the app derives (they are rebuilt from the sources, which are never
 *    touched), 2. reset the app's input offsets to the beginning and delete its internal topics
 *    with Kafka's own StreamsResetter. The script then deletes the local state and restarts it.
 */
public final class Reprocess {

  private Reprocess() {
  }

  /** Args: inventory|pricing, bootstrap, topic prefix. */
  public static void main(String[] args) throws Exception {
    String app = args[0];
    String bootstrap = args[1];
    Topics topics = Topics.withPrefix(args[2]);
    List<Topic<String, ?>> inputs;
    List<Topic<String, ?>> outputs;
    String appName;
    switch (app) {
      case "inventory" -> {
        appName = Stores.INVENTORY_APP;
        inputs = List.of(topics.sales, topics.invoices, topics.stockAdjustments, topics.stockTransfers, topics.products);
        outputs = List.of(topics.stockMovements, topics.stockLevels, topics.stockAlerts);
      }
      case "pricing" -> {
        appName = Stores.PRICING_APP;
        inputs = List.of(topics.invoices, topics.products, topics.inflationIndex);
        outputs = List.of(topics.prices, topics.priceHistory);
      }
      default -> throw new IllegalArgumentException("inventory or pricing, not " + app);
    }
    String applicationId = topics.prefix() + appName;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      // a stopped instance leaves the group at once; a killed one only after its session timeout
      long deadline = System.currentTimeMillis() + 60_000;
      while (!admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId).members().isEmpty()) {
        if (System.currentTimeMillis() > deadline) {
          System.err.println("The " + app + " app (" + applicationId + ") is still running: stop it first");
          System.exit(1);
        }
        Thread.sleep(1000);
      }
      // compacted outputs (levels, prices) cannot be truncated; the rebuild overwrites every key of them
      for (Topic<String, ?> t : outputs.stream().filter(t -> !t.compacted()).toList()) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(t.name())).allTopicNames().get().get(t.name()).partitions()
            .forEach(p -> latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        admin.listOffsets(latest).all().get()
            .forEach((tp, info) -> delete.put(tp, RecordsToDelete.beforeOffset(info.offset())));
        admin.deleteRecords(delete).all().get();
        System.err.println("truncated derived topic " + t.name());
      }
    }
    String inputList = String.join(",", inputs.stream().map(Topic::name).toList());
    int rc = new StreamsResetter().execute(new String[] {"--bootstrap-server", bootstrap, "--application-id",
        applicationId, "--input-topics", inputList, "--to-earliest", "--force"});
    System.exit(rc);
  }
}
