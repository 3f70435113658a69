package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class TopicBackupRestoreTest {

  private static final String LINE = "{\"p\":0,\"t\":1764547200000,\"k\":\"" + b64("S-1") + "\",\"v\":\""
      + b64("value") + "\",\"h\":[[\"" + b64("event-type") + "\",\"" + b64("Sale") + "\"]]}";

  @Test
  void shouldKeepRecordedPartitionWhenRestoredAsBackedUp() {
    // when
    ProducerRecord<byte[], byte[]> record = TopicBackupCli.Restore.parse("almacen.sales", LINE, false);

    // then
    assertThat(record.partition()).isZero();
    assertThat(record.timestamp()).isEqualTo(1764547200000L);
  }

  @Test
  void shouldLeavePartitionToKeyWhenRestoredByKey() {
    // when: single mode's one partition into chain mode's six
    ProducerRecord<byte[], byte[]> record = TopicBackupCli.Restore.parse("almacen.sales", LINE, true);

    // then: the producer places it by its key, as every later record with that key; the rest is unchanged
    assertThat(record.partition()).isNull();
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("S-1");
    assertThat(record.timestamp()).isEqualTo(1764547200000L);
    assertThat(record.headers().lastHeader("event-type").value()).isEqualTo("Sale".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldNameOnlyIngestTopicsWhenSourcesOnly() {
    // when
    var sources = TopicBackupCli.Restore.sourceTopics(Topics.withPrefix("almacen."));

    // then: what the Streams apps derive (ledger, levels, alerts, prices) is left for them to write again
    assertThat(sources).containsExactlyInAnyOrder("almacen.products", "almacen.sales", "almacen.invoices",
        "almacen.stock-adjustments", "almacen.stock-transfers", "almacen.inflation-index");
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
