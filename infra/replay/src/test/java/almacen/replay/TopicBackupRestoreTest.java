package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TopicBackupRestoreTest {

  @Test
  void shouldLeavePartitionToKeyAndKeepTheRestWhenRestoredByKey() {
    // given: a record backed up from single mode's partition 0
    RecordHeaders headers = new RecordHeaders();
    headers.add("event-type", "Sale".getBytes(StandardCharsets.UTF_8));
    ProducerRecord<byte[], byte[]> recorded =
        new ProducerRecord<>(
            "almacen.sales",
            0,
            1764547200000L,
            "S-1".getBytes(StandardCharsets.UTF_8),
            "value".getBytes(StandardCharsets.UTF_8),
            headers);

    // when: single mode's one partition into chain mode's six
    ProducerRecord<byte[], byte[]> placed = TopicRestore.placedByKey(recorded);

    // then: the producer places it by its key, as every later record with that key; the rest is
    // unchanged
    assertThat(placed.partition()).isNull();
    assertThat(placed.topic()).isEqualTo("almacen.sales");
    assertThat(new String(placed.key(), StandardCharsets.UTF_8)).isEqualTo("S-1");
    assertThat(new String(placed.value(), StandardCharsets.UTF_8)).isEqualTo("value");
    assertThat(placed.timestamp()).isEqualTo(1764547200000L);
    assertThat(placed.headers().lastHeader("event-type").value())
        .isEqualTo("Sale".getBytes(StandardCharsets.UTF_8));
  }
}
