package almacen.support.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws (an impossible value, a broken invariant) goes to the
 * dead-letter topic with the reason; the rest of the stream goes on.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.fromConfig(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    log.warn(
        "Processing failed, record to DLQ: task={} processor={} topic={} partition={} offset={}",
        context.taskId(),
        context.processorNodeId(),
        context.topic(),
        context.partition(),
        context.offset(),
        exception);
    return Response.resume(List.of(deadLetters.record(context, "PROCESSING", exception)));
  }
}
