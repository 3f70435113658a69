package almacen.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Knobs of the write side, bound from {@code almacen.ingest.*}.
 *
 * @param publishTimeout how long a request waits for the broker's acknowledgement before 503
 * @param recentIds how many sale/adjustment/transfer ids are remembered to skip republishing
 *     repeats
 * @param snapshotTimeout how long the start may take to rebuild the indexes from the topics
 * @param transactionalId the producer's transactional.id; empty = {@code ingest-ocr-<instance id>},
 *     stable across restarts (see {@link IngestTransactionalId})
 */
@ConfigurationProperties("almacen.ingest")
public record IngestSettings(
    @DefaultValue("10s") Duration publishTimeout,
    @DefaultValue("100000") int recentIds,
    @DefaultValue("60s") Duration snapshotTimeout,
    @DefaultValue("") String transactionalId) {}
