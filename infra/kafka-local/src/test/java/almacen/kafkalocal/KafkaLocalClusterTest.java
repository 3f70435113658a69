package almacen.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class KafkaLocalClusterTest {

  @TempDir Path dir;

  @Test
  void shouldKeepCommittingTransactionsWhenOneOfThreeNodesStops() throws Exception {
    // given three nodes of one quorum, started together, on six distinct ports
    int[] ports = KafkaLocalBroker.freePorts(6);
    Map<Integer, Integer> voters = Map.of(1, ports[0], 2, ports[1], 3, ports[2]);
    KafkaLocalBroker.Quorum quorum =
        new KafkaLocalBroker.Quorum(Uuid.randomUuid().toString(), voters);
    List<CompletableFuture<KafkaLocalBroker>> starting = new ArrayList<>();
    for (int node = 1; node <= 3; node++) {
      int id = node;
      int port = ports[2 + id];
      starting.add(
          CompletableFuture.supplyAsync(
              () ->
                  KafkaLocalBroker.startNode(
                      dir.resolve("node-" + id), id, port, quorum, Map.of())));
    }
    List<KafkaLocalBroker> nodes = new ArrayList<>();
    for (CompletableFuture<KafkaLocalBroker> f : starting) {
      nodes.add(f.get(90, TimeUnit.SECONDS));
    }
    String bootstrap =
        String.join(",", nodes.stream().map(KafkaLocalBroker::bootstrapServers).toList());
    try {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        admin
            .createTopics(List.of(new NewTopic("chain", 6, (short) 3)))
            .all()
            .get(30, TimeUnit.SECONDS);
        TopicDescription topic =
            admin.describeTopics(List.of("chain")).allTopicNames().get().get("chain");
        // then every partition has three replicas
        assertThat(topic.partitions())
            .hasSize(6)
            .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
      }

      // when node 2 stops between two transactions
      send(bootstrap, "before");
      nodes.get(1).close();
      send(bootstrap, "after");

      // then both are read, committed, from the two nodes left
      assertThat(
              readCommitted(
                  nodes.get(0).bootstrapServers() + "," + nodes.get(2).bootstrapServers(), 2))
          .containsExactlyInAnyOrder("before", "after");
    } finally {
      // together: a node left alone cannot finish its controlled shutdown without a quorum (5 min
      // wait)
      CompletableFuture.allOf(
              CompletableFuture.runAsync(nodes.get(0)::close),
              CompletableFuture.runAsync(nodes.get(2)::close))
          .get(60, TimeUnit.SECONDS);
    }
  }

  private static void send(String bootstrap, String value) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "chain-check-" + value);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("chain", value, value)).get();
      producer.commitTransaction();
    }
  }

  private static List<String> readCommitted(String bootstrap, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "chain-check");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of("chain"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
