package almacen.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One record of a backup file, one JSON object per line: {@code
 * {"p":partition,"t":timestamp,"k":key,"v":value, "h":[[name,value],...]}} with key, value and
 * header names and values in base64 (Jackson's encoding of {@code byte[]}), null as JSON null.
 * Files written before Jackson wrote a null header value as {@code ""}: it reads back as an empty
 * value (almacén writes no null header).
 */
// a wire format for Jackson (byte[] as base64): lines are written and parsed, never compared or
// hashed
@SuppressWarnings("ArrayRecordComponent")
record BackupLine(int p, long t, byte[] k, byte[] v, List<List<byte[]>> h) {

  // every field is written, so a line missing one is damaged, not a default
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  static BackupLine of(ConsumerRecord<byte[], byte[]> record) {
    List<List<byte[]>> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(Arrays.asList(header.key().getBytes(StandardCharsets.UTF_8), header.value()));
    }
    return new BackupLine(
        record.partition(), record.timestamp(), record.key(), record.value(), headers);
  }

  /**
   * Parses one line; a line that is not a backup record throws with a short excerpt, never the
   * whole line.
   */
  static BackupLine parse(String line) {
    try {
      BackupLine parsed = JSON.readValue(line, BackupLine.class);
      if (parsed.p < 0) {
        throw new IllegalArgumentException("negative partition " + parsed.p);
      }
      return parsed;
    } catch (JacksonException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a backup record ("
              + e.getMessage().lines().findFirst().orElse("")
              + "): "
              + line.substring(0, Math.min(80, line.length())),
          e);
    }
  }

  String toJson() {
    return JSON.writeValueAsString(this);
  }

  ProducerRecord<byte[], byte[]> toRecord(String topic) {
    RecordHeaders headers = new RecordHeaders();
    if (h != null) {
      for (List<byte[]> header : h) {
        if (header.size() != 2 || header.get(0) == null) {
          throw new IllegalArgumentException("a header is not a [name, value] pair");
        }
        headers.add(new String(header.get(0), StandardCharsets.UTF_8), header.get(1));
      }
    }
    return new ProducerRecord<>(topic, p, t, k, v, headers);
  }
}
