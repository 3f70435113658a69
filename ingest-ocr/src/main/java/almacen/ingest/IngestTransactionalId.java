package almacen.ingest;

import almacen.support.InstanceIdentity;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The write side's producer {@code transactional.id}. Stable per instance by default, so that a
 * restarted ingest-ocr (after a crash) fences its predecessor and aborts the transaction it left
 * open at once; with a random id that transaction would hold back every read_committed consumer
 * until it times out.
 */
final class IngestTransactionalId {

  static final String PREFIX = "ingest-ocr-";

  private IngestTransactionalId() {}

  /**
   * @param configured {@code almacen.ingest.transactional-id}, used as is when not blank
   * @param instance this instance; unknown (random port, as in tests) gives a random id
   */
  static String resolve(String configured, InstanceIdentity instance, Supplier<UUID> random) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return PREFIX + (instance.known() ? instance.value() : random.get().toString());
  }
}
