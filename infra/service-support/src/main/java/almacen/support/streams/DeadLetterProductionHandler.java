package almacen.support.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output record that cannot be serialized or is too large goes to the dead-letter topic. Any
 * other send failure stops the task (exactly-once then retries it from the last commit), because
 * skipping it would lose data.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.fromConfig(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RecordTooLargeException) {
      log.warn(
          "Output too large, to DLQ: task={} topic={} partition={} offset={}",
          context.taskId(),
          context.topic(),
          context.partition(),
          context.offset());
      return Response.resume(List.of(deadLetters.record(context, "PRODUCTION", exception)));
    }
    log.error(
        "Send failed: task={} topic={} partition={} offset={}",
        context.taskId(),
        context.topic(),
        context.partition(),
        context.offset(),
        exception);
    return Response.fail();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    log.warn(
        "Output not serializable, to DLQ: task={} topic={} partition={} offset={} origin={} error={}",
        context.taskId(),
        context.topic(),
        context.partition(),
        context.offset(),
        origin,
        exception.getMessage());
    return Response.resume(List.of(deadLetters.record(context, "SERIALIZATION", exception)));
  }
}
