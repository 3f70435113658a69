package almacen.perf;

import almacen.schemas.StoreNames;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import java.nio.file.Path;
import java.util.List;

/**
 * What reprocessing one Streams app touches: its group (the application id), the inputs whose
 * offsets go back to the beginning, the derived topics truncated afterwards (compacted ones are
 * overwritten key by key instead), and its local state directory ({@code
 * $ALMACEN_HOME/state/<app>}, as StreamsConfigFactory lays it out). The sources are never touched.
 */
record ReprocessPlan(
    String app,
    String applicationId,
    List<String> inputs,
    List<String> truncated,
    List<String> overwritten,
    Path stateDir) {

  static ReprocessPlan of(String app, Topics topics, Path home) {
    List<Topic<String, ?>> inputs;
    List<Topic<String, ?>> outputs;
    String appName;
    switch (app) {
      case "inventory" -> {
        appName = StoreNames.INVENTORY_APP;
        inputs =
            List.of(
                topics.sales,
                topics.invoices,
                topics.stockAdjustments,
                topics.stockTransfers,
                topics.products);
        outputs = List.of(topics.stockMovements, topics.stockLevels, topics.stockAlerts);
      }
      case "pricing" -> {
        appName = StoreNames.PRICING_APP;
        inputs = List.of(topics.invoices, topics.products, topics.inflationIndex);
        outputs = List.of(topics.prices, topics.priceHistory);
      }
      default -> throw new IllegalArgumentException("inventory or pricing, not " + app);
    }
    return new ReprocessPlan(
        app,
        topics.prefix() + appName,
        names(inputs),
        names(outputs.stream().filter(t -> !t.compacted()).toList()),
        names(outputs.stream().filter(Topic::compacted).toList()),
        home.resolve("state").resolve(appName));
  }

  /**
   * Streams' own internal topics of this app (changelogs, repartitions), which StreamsResetter
   * deletes.
   */
  boolean isInternal(String topic) {
    return topic.startsWith(applicationId + "-")
        && org.apache.kafka.tools.StreamsResetter.matchesInternalTopicFormat(topic);
  }

  private static List<String> names(List<Topic<String, ?>> topics) {
    return topics.stream().map(Topic::name).toList();
  }
}
