import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Checks the topic layout of chain mode: every application topic of the catalogue (prefix {@code
 * almacen.}) has PARTITIONS partitions, and every topic of the prefix (application and Streams
 * internal: changelogs, repartitions) has RF replicas and min.insync.replicas MIN_ISR. Prints one
 * line per topic; exit 1 on any miss.
 *
 * <p>java -cp "$TOOLS_CP" ClusterTopics BOOTSTRAP PARTITIONS RF MIN_ISR (TOOLS_CP from
 * scripts/lib/tools.sh)
 */
@Command(
    name = "ClusterTopics",
    mixinStandardHelpOptions = true,
    description =
        "Checks chain mode's topic layout: partitions of the catalogue's topics, replicas and"
            + " min.insync.replicas of every almacen. topic. Exit 1 on any miss.")
public class ClusterTopics implements Callable<Integer> {

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

  @Parameters(index = "0", paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers")
  String bootstrap;

  @Parameters(index = "1", paramLabel = "PARTITIONS", description = "of each catalogue topic")
  int partitions;

  @Parameters(index = "2", paramLabel = "RF", description = "replicas of every partition")
  int rf;

  @Parameters(
      index = "3",
      paramLabel = "MIN_ISR",
      description = "min.insync.replicas of every topic")
  String minIsr;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ClusterTopics()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
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
      return problems.isEmpty() ? 0 : 1;
    }
  }
}
