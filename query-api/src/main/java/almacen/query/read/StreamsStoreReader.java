package almacen.query.read;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive queries with explicit states: the active store first; while it is unavailable
 * (rebalance, restoration) a standby or restoring copy, marking the answer stale; a bounded number
 * of retries; then {@link StoreUnavailableException}. An active read during a rebalance is marked
 * stale too, since tasks still restoring are not part of it.
 */
public final class StreamsStoreReader implements StoreReader {

  private static final Logger log = LoggerFactory.getLogger(StreamsStoreReader.class);

  private final Supplier<KafkaStreams> streams;
  private final int attempts;
  private final Duration backoff;
  private final StaleReads reads;

  /** A reader outside any request (gauges): staleness is noted nowhere. */
  public StreamsStoreReader(Supplier<KafkaStreams> streams, int attempts, Duration backoff) {
    this(streams, attempts, backoff, new StaleReads());
  }

  private StreamsStoreReader(
      Supplier<KafkaStreams> streams, int attempts, Duration backoff, StaleReads reads) {
    this.streams = streams;
    this.attempts = attempts;
    this.backoff = backoff;
    this.reads = reads;
  }

  @Override
  public StoreReader forRequest(StaleReads reads) {
    return new StreamsStoreReader(streams, attempts, backoff, reads);
  }

  @Override
  public <V, T> T read(String store, Function<ReadOnlyKeyValueStore<String, V>, T> query) {
    InvalidStateStoreException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (!reads.stalePreferred()) {
        try {
          T answer = query.apply(store(store, false));
          if (streams.get().state() == KafkaStreams.State.REBALANCING) {
            // a task still restoring is left out of an active-only read: the answer may be partial
            reads.mark();
          }
          return answer;
        } catch (InvalidStateStoreException active) {
          last = active;
        }
      }
      try {
        T answer = query.apply(store(store, true));
        reads.mark();
        return answer;
      } catch (InvalidStateStoreException stale) {
        last = stale;
        log.debug(
            "Store {} unavailable (attempt {}/{}): {}",
            store,
            attempt,
            attempts,
            stale.getMessage());
      }
      sleep();
    }
    throw new StoreUnavailableException(store, last);
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name, boolean stale) {
    StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> params =
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
    return streams.get().store(stale ? params.enableStaleStores() : params);
  }

  private void sleep() {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a state store", e);
    }
  }
}
