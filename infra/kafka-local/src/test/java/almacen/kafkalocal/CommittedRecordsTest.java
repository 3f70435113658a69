package almacen.kafkalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class CommittedRecordsTest {

  @Test
  void shouldReadOnlyCommittedRecordsWhenATransactionWasAborted(KafkaLocalBroker broker)
      throws Exception {
    // given: two partitions, an aborted record and three committed ones
    String topic = "committed-records";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, 0, "k0", "aborted")).get();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, 0, "k1", "one")).get();
      producer.send(new ProducerRecord<>(topic, 1, "k2", "two")).get();
      producer.send(new ProducerRecord<>(topic, 1, "k3", "three")).get();
      producer.commitTransaction();
    }

    // when
    List<ConsumerRecord<String, String>> atLeast =
        CommittedRecords.atLeast(
            broker.bootstrapServers(),
            topic,
            new StringDeserializer(),
            new StringDeserializer(),
            3,
            Duration.ofSeconds(20));
    List<ConsumerRecord<String, String>> upToEnd =
        CommittedRecords.upToCurrentEnd(
            broker.bootstrapServers(),
            topic,
            new StringDeserializer(),
            new StringDeserializer(),
            Duration.ofSeconds(20));

    // then
    assertThat(atLeast)
        .extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrder("one", "two", "three");
    assertThat(upToEnd)
        .extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrder("one", "two", "three");
  }

  @Test
  void shouldReturnWhatIsThereWhenTheExpectedCountNeverArrives(KafkaLocalBroker broker)
      throws Exception {
    // given
    String topic = "committed-records-short";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "only")).get();
      producer.commitTransaction();
    }

    // when
    List<ConsumerRecord<String, String>> records =
        CommittedRecords.atLeast(
            broker.bootstrapServers(),
            topic,
            new StringDeserializer(),
            new StringDeserializer(),
            2,
            Duration.ofSeconds(2));

    // then
    assertThat(records).extracting(ConsumerRecord::value).containsExactly("only");
  }

  private static KafkaProducer<String, String> transactionalProducer(KafkaLocalBroker broker) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "committed-records-" + System.nanoTime()),
        new StringSerializer(),
        new StringSerializer());
  }
}
