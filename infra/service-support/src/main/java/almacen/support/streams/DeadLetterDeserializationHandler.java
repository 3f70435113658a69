package almacen.support.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be decoded goes to the dead-letter topic; the app keeps running.
 *
 * <p>Stream tasks hand the dead letter back to Kafka Streams (KIP-1034), which writes it in the
 * task's transaction. The global thread (global stores, task -1_-1) cannot: Kafka Streams 4.2.1
 * fails with a ClassCastException when a global record's handler returns dead letters, and the
 * whole client goes to ERROR. For those this handler writes the dead letter itself with the app's
 * {@link GlobalDeadLetterProducer} and tells Streams to resume.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
  private static final Duration GLOBAL_SEND_TIMEOUT = Duration.ofSeconds(30);

  private DeadLetters deadLetters;
  private GlobalDeadLetterProducer globalProducer;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.fromConfig(configs);
    globalProducer =
        configs.get(GlobalDeadLetterProducer.CONFIG) instanceof GlobalDeadLetterProducer shared
            ? shared
            : null;
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    log.warn(
        "Undecodable record to DLQ: task={} topic={} partition={} offset={} error={}",
        context.taskId(),
        context.topic(),
        context.partition(),
        context.offset(),
        exception.getMessage());
    ProducerRecord<byte[], byte[]> letter =
        deadLetters.record(context, "DESERIALIZATION", exception);
    if (!isGlobal(context.taskId())) {
      return Response.resume(List.of(letter));
    }
    sendFromGlobalThread(letter, context);
    return Response.resume(List.of());
  }

  static boolean isGlobal(TaskId task) {
    return task == null || task.subtopology() < 0;
  }

  private void sendFromGlobalThread(
      ProducerRecord<byte[], byte[]> letter, ErrorHandlerContext context) {
    if (globalProducer == null) {
      // a client built without ManagedKafkaStreams has no producer for the global thread
      log.error(
          "No dead-letter producer for the global thread: {}-{}@{} was skipped",
          context.topic(),
          context.partition(),
          context.offset());
      return;
    }
    try {
      globalProducer.send(letter).get(GLOBAL_SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // the record stays in its source topic (kept forever); say exactly where, so it can be
      // recovered
      log.error(
          "Dead letter for {}-{}@{} could not be written to the DLQ; the record was skipped: {}",
          context.topic(),
          context.partition(),
          context.offset(),
          e.toString());
    }
  }
}
