import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Checks the topic layout of chain mode: every application topic of the catalogue (prefix {@code
 * almacen.}) has PARTITIONS partitions, and every topic of the prefix (application and Streams
 * internal: changelogs, repartitions) has RF replicas and min.insync.replicas MIN_ISR. Prints one
 * line per topic; exit 1 on any miss.
 *
 * <p>java -cp KAFKA_CLIENTS_CP scripts/lib/ClusterTopics.java BOOTSTRAP PARTITIONS RF MIN_ISR
 */
public class ClusterTopics {

  static final Set<String> CATALOGUE =
      Set.of(
          "products",
          "sales",
          "invoices",
          "stock-adjustments",
          "stock-transfers",
          "stock-movements",
          "stock-levels",
          "stock-alerts",
          "inflation-index",
          "prices",
          "price-history",
          "dlq",
          "users");

  public static void main(String[] args) throws Exception {
    int partitions = Integer.parseInt(args[1]);
    int rf = Integer.parseInt(args[2]);
    String minIsr = args[3];
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    try (Admin admin = Admin.create(p)) {
      List<String> names =
          admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get().stream()
              .filter(n -> n.startsWith("almacen."))
              .sorted()
              .toList();
      Map<String, TopicDescription> topics =
          new TreeMap<>(admin.describeTopics(names).allTopicNames().get());
      Map<ConfigResource, Config> configs =
          admin
              .describeConfigs(
                  names.stream()
                      .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                      .collect(Collectors.toList()))
              .all()
              .get();
      List<String> problems = new ArrayList<>();
      for (TopicDescription t : topics.values()) {
        int n = t.partitions().size();
        int replicas = t.partitions().get(0).replicas().size();
        String isr =
            configs
                .get(new ConfigResource(ConfigResource.Type.TOPIC, t.name()))
                .get("min.insync.replicas")
                .value();
        boolean application = CATALOGUE.contains(t.name().substring("almacen.".length()));
        System.out.printf(
            "%-70s partitions %2d  rf %d  min.isr %s%s%n",
            t.name(), n, replicas, isr, application ? "" : "  (internal)");
        if (application && n != partitions) {
          problems.add(t.name() + " has " + n + " partitions, not " + partitions);
        }
        if (t.partitions().stream().anyMatch(tp -> tp.replicas().size() != rf)) {
          problems.add(t.name() + " has a partition without " + rf + " replicas");
        }
        if (!isr.equals(minIsr)) {
          problems.add(t.name() + " has min.insync.replicas " + isr + ", not " + minIsr);
        }
      }
      long seen =
          topics.keySet().stream()
              .filter(n -> CATALOGUE.contains(n.substring("almacen.".length())))
              .count();
      if (seen != CATALOGUE.size()) {
        problems.add("only " + seen + " of the " + CATALOGUE.size() + " catalogue topics exist");
      }
      problems.forEach(m -> System.err.println("topic layout: " + m));
      System.exit(problems.isEmpty() ? 0 : 1);
    }
  }
}
