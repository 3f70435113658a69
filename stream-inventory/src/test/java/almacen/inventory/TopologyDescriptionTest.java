package almacen.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class TopologyDescriptionTest {

  private static TopologyDescription describe() {
    return describe(3);
  }

  private static TopologyDescription describe(int partitions) {
    return InventoryTopology.build(
            InventoryConfig.defaults(partitions), Topics.defaults(), new SimpleMeterRegistry())
        .describe();
  }

  @Test
  void shouldNameEveryNodeWhenTopologyBuilt() {
    // given
    TopologyDescription description = describe();
    // when
    Set<String> nodes = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        nodes.add(node.name());
        if (node instanceof TopologyDescription.Processor p) {
          stores.addAll(p.stores());
        }
      }
    }
    // then exactly these names, none generated (KSTREAM-…-0000000001)
    assertThat(nodes)
        .containsExactly(
            "inventory-adjustment-dedupe",
            "inventory-adjustment-source",
            "inventory-alerts-present",
            "inventory-alerts-sink",
            "inventory-alerts-value",
            "inventory-by-branch-sku-repartition-filter",
            "inventory-by-branch-sku-repartition-sink",
            "inventory-by-branch-sku-repartition-source",
            "inventory-commands-adjustments",
            "inventory-commands-invoices",
            "inventory-commands-transfers",
            "inventory-invoice-dedupe",
            "inventory-invoice-source",
            "inventory-ledger",
            "inventory-levels-on-flush",
            "inventory-levels-sink",
            "inventory-movements-present",
            "inventory-movements-sink",
            "inventory-movements-value",
            "inventory-outputs",
            "inventory-products-apply",
            "inventory-products-source",
            "inventory-sale-dedupe",
            "inventory-sale-source",
            "inventory-transfer-dedupe",
            "inventory-transfer-source");
    assertThat(description.toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    assertThat(stores)
        .containsExactly(
            StoreNames.INVENTORY_DEDUPE,
            StoreNames.INVENTORY_LEVELS,
            StoreNames.INVENTORY_PRODUCTS,
            StoreNames.INVENTORY_SKU_BRANCHES);
  }

  @Test
  void shouldSplitIntoDedupeAndLedgerSubtopologiesWhenBuilt() {
    // when
    String text = describe().toString();
    // then sources by business id in one sub-topology, the by-key repartition and products in the
    // other
    assertThat(describe().subtopologies()).hasSize(2);
    assertThat(text)
        .contains(
            "Source: inventory-by-branch-sku-repartition-source (topics: [inventory-by-branch-sku-repartition])");
    assertThat(text).contains("Source: inventory-products-source (topics: [almacen.products])");
    assertThat(text).contains("Sink: inventory-movements-sink (topic: almacen.stock-movements)");
    assertThat(text).contains("Sink: inventory-levels-sink (topic: almacen.stock-levels)");
    assertThat(text).contains("Sink: inventory-alerts-sink (topic: almacen.stock-alerts)");
  }

  @Test
  void shouldApplyEachEventWhereItIsReadWhenOnePartition() {
    // when the deployment has one partition per topic (the default)
    TopologyDescription description = describe(1);
    // then each source feeds its own ledger step over every ledger store, all in one sub-topology
    // (one task, one transaction), with no repartition and no separate dedupe step
    assertThat(description.subtopologies()).hasSize(1);
    String text = description.toString();
    assertThat(text).doesNotContain("repartition").doesNotContain("KSTREAM-");
    TopologyDescription.Processor sale = processor(description, "inventory-sale-ledger");
    assertThat(sale.stores())
        .containsExactlyInAnyOrder(
            StoreNames.INVENTORY_LEVELS,
            StoreNames.INVENTORY_PRODUCTS,
            StoreNames.INVENTORY_SKU_BRANCHES,
            StoreNames.INVENTORY_DEDUPE);
    assertThat(sale.predecessors())
        .extracting(TopologyDescription.Node::name)
        .containsExactly("inventory-sale-source");
    assertThat(text).doesNotContain("Processor: inventory-sale-dedupe");
    assertThat(text)
        .contains(
            "Processor: inventory-events-transfers (stores: [])\n      --> inventory-outputs");
  }

  private static TopologyDescription.Processor processor(
      TopologyDescription description, String name) {
    return description.subtopologies().stream()
        .flatMap(sub -> sub.nodes().stream())
        .filter(node -> node.name().equals(name))
        .map(TopologyDescription.Processor.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
