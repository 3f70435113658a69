package almacen.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Retention and input offsets shared by the analytics processors. */
final class AnalyticsRetention {

  private AnalyticsRetention() {}

  /**
   * The first business day kept at wall-clock {@code nowMillis}: today minus {@code
   * analyticsDaysKept}.
   */
  static LocalDate cutoff(long nowMillis, QueryConfig config) {
    return Instant.ofEpochMilli(nowMillis)
        .atZone(config.zone())
        .toLocalDate()
        .minusDays(config.analyticsDaysKept());
  }

  /**
   * Deletes every {@code day|...} entry of a day before {@code cutoff}; the iterator is closed
   * first.
   */
  static <V> void purgeDaysBefore(KeyValueStore<String, V> store, LocalDate cutoff) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.range(null, cutoff + "|")) {
      while (it.hasNext()) {
        expired.add(it.next().key);
      }
    }
    expired.forEach(store::delete);
  }

  /** The offset of the record being processed in its input partition, or -1 outside of a record. */
  static long offset(ProcessorContext<?, ?> context) {
    return context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
  }
}
