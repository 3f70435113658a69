package almacen.ingest.web;

import almacen.domain.Decimals;
import almacen.events.AdjustmentReason;
import almacen.events.StockAdjustment;
import almacen.events.StockTransfer;
import almacen.ingest.IngestSettings;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.publish.EventPublisher;
import almacen.ingest.publish.OutgoingEvent;
import almacen.ingest.validation.Fields;
import almacen.schemas.Topics;
import almacen.support.security.BranchAccess;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock adjustments (delta or counted quantity) and transfers between branches, each recording the
 * caller as {@code user}.
 */
@RestController
public class StockCommandController {

  private final EventPublisher publisher;
  private final Topics topics;
  private final ProductCatalog catalog;
  private final Clock clock;
  private final RecentIds recentAdjustments;
  private final RecentIds recentTransfers;

  public StockCommandController(
      EventPublisher publisher,
      Topics topics,
      ProductCatalog catalog,
      Clock clock,
      IngestSettings settings) {
    this.publisher = publisher;
    this.topics = topics;
    this.catalog = catalog;
    this.clock = clock;
    this.recentAdjustments = new RecentIds(settings.recentIds());
    this.recentTransfers = new RecentIds(settings.recentIds());
  }

  public record AdjustmentRequest(
      String adjustmentId,
      String branch,
      String sku,
      BigDecimal delta,
      BigDecimal countedQty,
      String reason,
      String note,
      String occurredAt) {}

  public record TransferRequest(
      String transferId,
      String fromBranch,
      String toBranch,
      String sku,
      BigDecimal qty,
      String occurredAt) {}

  public record AdjustmentAccepted(String adjustmentId, String status) {}

  public record TransferAccepted(String transferId, String status) {}

  @PostMapping(path = "/api/stock/adjustments", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.STOCK)
  public AdjustmentAccepted adjust(@RequestBody AdjustmentRequest body) {
    StockAdjustment adjustment = validate(body);
    if (!recentAdjustments.contains(adjustment.getAdjustmentId())) {
      publisher.publish(
          List.of(
              OutgoingEvent.at(
                  topics.stockAdjustments,
                  adjustment.getAdjustmentId(),
                  adjustment,
                  adjustment.getOccurredAt())));
      recentAdjustments.add(adjustment.getAdjustmentId());
    }
    return new AdjustmentAccepted(adjustment.getAdjustmentId(), "ACCEPTED");
  }

  @PostMapping(path = "/api/stock/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.STOCK)
  public TransferAccepted transfer(@RequestBody TransferRequest body) {
    StockTransfer transfer = validate(body);
    if (!recentTransfers.contains(transfer.getTransferId())) {
      publisher.publish(
          List.of(
              OutgoingEvent.at(
                  topics.stockTransfers,
                  transfer.getTransferId(),
                  transfer,
                  transfer.getOccurredAt())));
      recentTransfers.add(transfer.getTransferId());
    }
    return new TransferAccepted(transfer.getTransferId(), "ACCEPTED");
  }

  private StockAdjustment validate(AdjustmentRequest body) {
    Fields.required(body, "body");
    String id = Fields.id(body.adjustmentId(), "adjustmentId");
    String branch = Fields.branch(body.branch(), "branch");
    BranchAccess.require(branch);
    String sku = Fields.sku(body.sku(), "sku");
    if ((body.delta() == null) == (body.countedQty() == null)) {
      throw ApiException.badRequest(
          "INVALID_FIELD", "give exactly one of delta or countedQty", "delta");
    }
    BigDecimal delta = null;
    BigDecimal counted = null;
    if (body.delta() != null) {
      delta = Fields.nonZeroQty(body.delta(), "delta");
      Quantities.checkUnit(catalog, sku, delta, "delta");
    } else {
      counted = Fields.nonNegativeQty(body.countedQty(), "countedQty");
      Quantities.checkUnit(catalog, sku, counted, "countedQty");
    }
    return StockAdjustment.newBuilder()
        .setAdjustmentId(id)
        .setBranch(branch)
        .setSku(sku)
        .setDelta(Decimals.qty(delta))
        .setCountedQty(Decimals.qty(counted))
        .setReason(Fields.oneOf(body.reason(), AdjustmentReason.class, "reason"))
        .setNote(Fields.optionalText(body.note(), "note", 500))
        .setOccurredAt(occurredAt(body.occurredAt()))
        .setUser(Caller.username())
        .build();
  }

  private StockTransfer validate(TransferRequest body) {
    Fields.required(body, "body");
    String id = Fields.id(body.transferId(), "transferId");
    String from = Fields.branch(body.fromBranch(), "fromBranch");
    BranchAccess.require(from);
    String to = Fields.branch(Fields.required(body.toBranch(), "toBranch"), "toBranch");
    if (from.equals(to)) {
      throw ApiException.badRequest(
          "INVALID_BRANCH", "fromBranch and toBranch must differ", "toBranch");
    }
    String sku = Fields.sku(body.sku(), "sku");
    BigDecimal qty = Fields.positiveQty(body.qty(), "qty");
    Quantities.checkUnit(catalog, sku, qty, "qty");
    return StockTransfer.newBuilder()
        .setTransferId(id)
        .setFromBranch(from)
        .setToBranch(to)
        .setSku(sku)
        .setQty(Decimals.qty(qty))
        .setOccurredAt(occurredAt(body.occurredAt()))
        .setUser(Caller.username())
        .build();
  }

  private Instant occurredAt(String text) {
    Instant at =
        text == null || text.isBlank() ? clock.instant() : Fields.instant(text, "occurredAt");
    return at.truncatedTo(ChronoUnit.MILLIS);
  }
}
