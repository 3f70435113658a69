package almacen.query.read;

import almacen.events.LabelPrint;
import almacen.events.Price;
import almacen.events.Product;
import almacen.events.Unit;
import almacen.schemas.StoreNames;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Shelf labels from the local stores: this instance's share of the price changes (a partitioned
 * store, merged across instances by the web layer), joined with the global catalogue; and each
 * branch's last print (a global store).
 */
public final class LabelsModel {

  /** Labels in shelf order: by name, then sku. */
  public static final Comparator<LabelView> ORDER =
      Comparator.comparing(LabelView::name, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(LabelView::sku);

  private final StoreReader reader;
  private final ZoneId zone;

  public LabelsModel(StoreReader reader, ZoneId zone) {
    this.reader = reader;
    this.zone = zone;
  }

  /** This model for one request: whether its reads were stale goes to {@code reads}. */
  public LabelsModel forRequest(StaleReads reads) {
    return new LabelsModel(reader.forRequest(reads), zone);
  }

  /**
   * This instance's labels whose price changed strictly after {@code since} (every change when
   * null), of active catalogued products; only {@code skus} when not empty.
   */
  public List<LabelView> localLabels(Instant since, List<String> skus) {
    List<Price> changes =
        reader.<Price, List<Price>>read(
            StoreNames.QUERY_PRICE_CHANGES,
            store -> {
              List<Price> out = new ArrayList<>();
              if (!skus.isEmpty()) {
                skus.stream().map(store::get).filter(p -> p != null).forEach(out::add);
                return out;
              }
              try (KeyValueIterator<String, Price> it = store.all()) {
                it.forEachRemaining(
                    kv -> {
                      if (since == null || kv.value.getEffectiveAt().isAfter(since)) {
                        out.add(kv.value);
                      }
                    });
              }
              return out;
            });
    List<LabelView> labels = new ArrayList<>();
    for (Price change : changes) {
      Product product =
          reader.<Product, Product>read(StoreNames.QUERY_PRODUCTS, s -> s.get(change.getSku()));
      if (product != null && product.getActive()) {
        labels.add(label(product, change));
      }
    }
    labels.sort(ORDER);
    return labels;
  }

  /** When {@code branch} last marked its labels printed, if ever. */
  public Optional<Instant> lastPrint(String branch) {
    LabelPrint print =
        reader.<LabelPrint, LabelPrint>read(StoreNames.QUERY_LABEL_PRINTS, s -> s.get(branch));
    return Optional.ofNullable(print).map(LabelPrint::getPrintedAt);
  }

  private LabelView label(Product product, Price change) {
    boolean byWeight = product.getUnit() == Unit.KG;
    return new LabelView(
        product.getSku(),
        product.getName(),
        product.getEan(),
        product.getUnit().name(),
        Json.money(change.getListPrice()),
        change.getPreviousListPrice() == null ? null : Json.money(change.getPreviousListPrice()),
        byWeight ? Json.money(change.getListPrice()) : null,
        Json.instant(change.getEffectiveAt(), zone));
  }
}
