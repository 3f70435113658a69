package almacen.support.streams;

import almacen.events.DeadLetter;
import almacen.schemas.Topics;
import io.micrometer.core.instrument.Metrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds dead-letter records: the original key and value kept whole inside a {@link DeadLetter}
 * event, plus reason headers readable without decoding. Nothing is lost, nothing is silent.
 */
public final class DeadLetters {

  public static final String REASON_HEADER = "dlq-reason";
  public static final String EXCEPTION_HEADER = "dlq-exception";
  public static final String MESSAGE_HEADER = "dlq-message";
  public static final String SOURCE_TOPIC_HEADER = "dlq-source-topic";
  public static final String SOURCE_PARTITION_HEADER = "dlq-source-partition";
  public static final String SOURCE_OFFSET_HEADER = "dlq-source-offset";
  public static final String METRIC = "almacen.dlq.records";
  public static final java.util.List<String> REASONS =
      java.util.List.of("DESERIALIZATION", "PROCESSING", "PRODUCTION", "SERIALIZATION");

  private final String dlqTopic;
  private final String application;

  DeadLetters(String dlqTopic, String application) {
    this.dlqTopic = dlqTopic;
    this.application = application;
  }

  static DeadLetters fromConfig(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfigFactory.DLQ_TOPIC_CONFIG);
    Object app = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
    return new DeadLetters(
        topic == null ? Topics.defaults().dlq.name() : topic.toString(),
        app == null ? "unknown" : app.toString());
  }

  ProducerRecord<byte[], byte[]> record(
      ErrorHandlerContext context, String reason, Exception exception) {
    return record(
        context.topic(),
        context.partition(),
        context.offset(),
        context.sourceRawKey(),
        context.sourceRawValue(),
        reason,
        exception);
  }

  public ProducerRecord<byte[], byte[]> record(
      String topic,
      int partition,
      long offset,
      byte[] key,
      byte[] value,
      String reason,
      Exception exception) {
    String message =
        exception.getMessage() == null
            ? exception.getClass().getSimpleName()
            : exception.getMessage();
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSourceTopic(topic == null ? "unknown" : topic)
            .setPartition(partition)
            .setOffset(offset)
            .setReason(reason)
            .setExceptionClass(exception.getClass().getName())
            .setMessage(message)
            .setApplication(application)
            .setKey(key == null ? null : ByteBuffer.wrap(key))
            .setPayload(value == null ? null : ByteBuffer.wrap(value))
            .setFailedAt(Instant.now())
            .build();
    RecordHeaders headers = new RecordHeaders();
    byte[] body =
        Topics.defaults().dlq.valueSerde().serializer().serialize(dlqTopic, headers, letter);
    headers.add(REASON_HEADER, utf8(reason));
    headers.add(EXCEPTION_HEADER, utf8(exception.getClass().getName()));
    headers.add(MESSAGE_HEADER, utf8(truncate(message)));
    headers.add(SOURCE_TOPIC_HEADER, utf8(letter.getSourceTopic()));
    headers.add(SOURCE_PARTITION_HEADER, utf8(String.valueOf(partition)));
    headers.add(SOURCE_OFFSET_HEADER, utf8(String.valueOf(offset)));
    Metrics.counter(METRIC, "reason", reason).increment();
    return new ProducerRecord<>(dlqTopic, null, key, body, headers);
  }

  private static String truncate(String s) {
    return s.length() > 500 ? s.substring(0, 500) : s;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
