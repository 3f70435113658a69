package almacen.ingest.web;

import almacen.domain.Bounds;
import almacen.domain.Decimals;
import almacen.events.InflationMonth;
import almacen.ingest.publish.EventPublisher;
import almacen.ingest.publish.OutgoingEvent;
import almacen.ingest.validation.Fields;
import almacen.schemas.Topics;
import almacen.support.SupportConfiguration;
import almacen.support.csv.Csv;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monthly CPI change (INDEC) or forecasts up to 12 months ahead. The CSV is all-or-nothing: one bad
 * line answers 400 naming the line and nothing is published.
 */
@RestController
public class InflationController {

  public static final BigDecimal MIN_RATE = Bounds.MIN_INFLATION_PCT;
  public static final BigDecimal MAX_RATE = Bounds.MAX_INFLATION_PCT;
  public static final YearMonth EARLIEST = YearMonth.of(2000, 1);
  public static final int MONTHS_AHEAD = 12;
  static final String DEFAULT_SOURCE = "manual";

  private final EventPublisher publisher;
  private final Topics topics;
  private final Clock clock;

  public InflationController(EventPublisher publisher, Topics topics, Clock clock) {
    this.publisher = publisher;
    this.topics = topics;
    this.clock = clock;
  }

  public record InflationRequest(String month, BigDecimal ratePct, String source) {}

  public record InflationAccepted(String month, BigDecimal ratePct, String source, String status) {}

  public record CsvAccepted(int accepted) {}

  @PostMapping(path = "/api/inflation", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.ADMIN)
  public InflationAccepted inflation(@RequestBody InflationRequest body) {
    Fields.required(body, "body");
    InflationMonth month = validate(body.month(), body.ratePct(), body.source(), "");
    publisher.publish(topics.inflationIndex, month.getMonth(), month);
    return new InflationAccepted(
        month.getMonth(), month.getRatePct(), month.getSource(), "ACCEPTED");
  }

  /** CSV {@code month,ratePct,source} (header optional). */
  @PostMapping(path = "/api/inflation", consumes = "text/csv")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.ADMIN)
  public CsvAccepted inflationCsv(@RequestBody(required = false) String body) {
    List<OutgoingEvent<?>> events = new ArrayList<>();
    List<Csv.Row> rows = Csv.read(body, "month");
    Fields.count(rows.size(), Bounds.MAX_BATCH, "rows", "body");
    for (Csv.Row row : rows) {
      List<String> c = row.cells();
      String at = "line " + row.line() + ": ";
      if (c.size() < 2 || c.size() > 3) {
        throw ApiException.badRequest(
            "INVALID_CSV", at + "expected month,ratePct,source", "line " + row.line());
      }
      BigDecimal rate;
      try {
        rate = new BigDecimal(c.get(1));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            "INVALID_RATE",
            at + "ratePct '" + Fields.shown(c.get(1)) + "' is not a number",
            "ratePct");
      }
      InflationMonth month = validate(c.get(0), rate, c.size() == 3 ? c.get(2) : null, at);
      events.add(OutgoingEvent.of(topics.inflationIndex, month.getMonth(), month));
    }
    if (events.isEmpty()) {
      throw ApiException.badRequest(
          "INVALID_CSV", "the CSV has no data lines (month,ratePct,source)", null);
    }
    publisher.publish(events);
    return new CsvAccepted(events.size());
  }

  private InflationMonth validate(String monthText, BigDecimal rate, String source, String at) {
    YearMonth latest =
        YearMonth.now(clock.withZone(SupportConfiguration.BUENOS_AIRES)).plusMonths(MONTHS_AHEAD);
    try {
      YearMonth month = Fields.month(monthText, "month", EARLIEST, latest);
      BigDecimal ratePct = Fields.percent(rate, "ratePct", MIN_RATE, MAX_RATE);
      String src =
          source == null || source.isBlank() ? DEFAULT_SOURCE : Fields.text(source, "source", 64);
      return InflationMonth.newBuilder()
          .setMonth(month.toString())
          .setRatePct(Decimals.rate(ratePct))
          .setSource(src)
          .setUpdatedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
          .build();
    } catch (ApiException e) {
      if (at.isEmpty()) {
        throw e;
      }
      throw ApiException.badRequest(e.code(), at + e.getMessage(), e.field());
    }
  }
}
