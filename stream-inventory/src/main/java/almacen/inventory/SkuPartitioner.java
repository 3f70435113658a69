package almacen.inventory;

import almacen.inventory.domain.StockCommand;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Puts every branch of a sku in the partition the default producer partitioner gives the sku itself
 * (murmur2 of its UTF-8 bytes), i.e. the partition of that sku on the products topic. So one task
 * holds the product and all its branches: a transfer is applied at both ends at once, and a
 * catalogue change re-evaluates every branch immediately.
 */
public final class SkuPartitioner implements StreamPartitioner<String, StockCommand> {

  public static int partitionFor(String sku, int numPartitions) {
    return Utils.toPositive(Utils.murmur2(sku.getBytes(StandardCharsets.UTF_8))) % numPartitions;
  }

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String key, StockCommand command, int numPartitions) {
    return Optional.of(Set.of(partitionFor(command.sku(), numPartitions)));
  }
}
