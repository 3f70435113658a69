package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class BackupLineTest {

  @Test
  void shouldWriteTheBackupFormatWhenARecordHasKeyValueAndHeaders() {
    // given: a record whose value holds quotes, braces and a line break (hand-built JSON broke on
    // such bytes)
    RecordHeaders headers = new RecordHeaders();
    headers.add("event-type", "Sale".getBytes(StandardCharsets.UTF_8));
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(
            "almacen.sales",
            1,
            7L,
            1_700_000_000_000L,
            TimestampType.CREATE_TIME,
            3,
            9,
            "S-1".getBytes(StandardCharsets.UTF_8),
            "{\"a\":\"b\"}\n".getBytes(StandardCharsets.UTF_8),
            headers,
            java.util.Optional.empty());

    // when
    String json = BackupLine.of(record).toJson();

    // then
    assertThat(json)
        .isEqualTo(
            "{\"p\":1,\"t\":1700000000000,\"k\":\"Uy0x\",\"v\":\"eyJhIjoiYiJ9Cg==\","
                + "\"h\":[[\"ZXZlbnQtdHlwZQ==\",\"U2FsZQ==\"]]}");
  }

  @Test
  void shouldReadALineOfAnOlderBackupWhenKeyIsNullAndAHeaderValueIsEmpty() {
    // given: a tombstone as the hand-written format had it
    String line = "{\"p\":0,\"t\":5,\"k\":null,\"v\":null,\"h\":[[\"ZXZlbnQtdHlwZQ==\",\"\"]]}";

    // when
    ProducerRecord<byte[], byte[]> record = BackupLine.parse(line).toRecord("almacen.products");

    // then
    assertThat(record.partition()).isZero();
    assertThat(record.timestamp()).isEqualTo(5L);
    assertThat(record.key()).isNull();
    assertThat(record.value()).isNull();
    assertThat(record.headers().lastHeader("event-type").value()).isEmpty();
  }

  @Test
  void shouldRefuseWithAShortExcerptWhenALineIsDamaged() {
    // given: a line cut in the middle (a full USB stick), and one missing its partition
    String cut = "{\"p\":0,\"t\":5,\"k\":\"Uy0x\",\"v\":\"eyJhIjoi" + "x".repeat(500);
    String noPartition = "{\"t\":5,\"k\":null,\"v\":null,\"h\":[]}";

    // then
    assertThatThrownBy(() -> BackupLine.parse(cut))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a backup record")
        .message()
        .hasSizeLessThan(400);
    assertThatThrownBy(() -> BackupLine.parse(noPartition))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
