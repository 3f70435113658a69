package almacen.support.kafka;

import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings.TopicSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalogue's topics that do not exist yet; safe to run from every service at start.
 */
public final class TopicProvisioner {

  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  public static List<NewTopic> plan(Topics topics, TopicSettings settings) {
    List<NewTopic> plan = new ArrayList<>();
    for (Topic<String, ?> topic : topics.all()) {
      Map<String, String> configs = new HashMap<>();
      configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy());
      configs.put(
          TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()));
      if (topic.retentionMs() != null) {
        configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.retentionMs()));
      }
      plan.add(
          new NewTopic(topic.name(), settings.partitions(), settings.replicationFactor())
              .configs(configs));
    }
    return plan;
  }

  /** Creates what is missing; existing topics are left as they are. */
  public static void ensureTopics(Admin admin, Topics topics, TopicSettings settings) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          plan(topics, settings).stream().filter(t -> !existing.contains(t.name())).toList();
      if (missing.isEmpty()) {
        return;
      }
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
          log.info("Created topic {}", entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("Cannot create topic " + entry.getKey(), e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot reach the broker to create topics", e);
    }
  }
}
