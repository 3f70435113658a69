package almacen.query.web;

import almacen.events.LabelPrint;
import almacen.query.QueryConfig;
import almacen.query.labels.LabelSheet;
import almacen.query.read.Json;
import almacen.query.read.LabelView;
import almacen.query.read.LabelsModel;
import almacen.query.write.CommittedWriter;
import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import almacen.support.security.AuthenticatedUser;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import almacen.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;

/**
 * Shelf labels: which prices changed since a branch last printed, the A4 sheet to print, and the
 * mark that they were printed. Reading takes any role; marking printed takes {@code stock}.
 */
@RestController
class LabelsController {

  /** 100 pages of 24: more is a mistake (a `since` years back), not a day's re-labelling. */
  static final int MAX_LABELS = 2400;

  static final int MAX_SKUS = 500;

  /** How long a mark waits to be readable here, so the next list on this instance honours it. */
  static final Duration OWN_WRITE_WAIT = Duration.ofSeconds(3);

  private final LabelsModel model;
  private final Routing routing;
  private final CommittedWriter writer;
  private final Topics topics;
  private final Clock clock;
  private final ZoneId zone;
  private final LabelSheet sheet = new LabelSheet();

  LabelsController(
      LabelsModel model,
      Routing routing,
      CommittedWriter writer,
      Topics topics,
      Clock clock,
      QueryConfig config) {
    this.model = model;
    this.routing = routing;
    this.writer = writer;
    this.topics = topics;
    this.clock = clock;
    this.zone = config.zone();
  }

  /** The labels due, and the instant they changed after (null: every price so far). */
  record Labels(List<LabelView> items, String since) {}

  record PrintedRequest(String branch, String printedAt) {}

  record Printed(String branch, String printedAt) {}

  @GetMapping("/api/labels")
  Labels labels(
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) String since,
      HttpServletRequest request) {
    Instant from = from(Params.branch(branch), since, request);
    return new Labels(due(from, List.of(), request), Json.instant(from, zone));
  }

  @GetMapping("/api/labels.pdf")
  ResponseEntity<byte[]> pdf(
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) List<String> sku,
      HttpServletRequest request) {
    String b = Params.branch(branch);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    List<String> skus = skus(sku);
    // chosen skus print whatever their change; otherwise what is due since the last print
    Instant from = skus.isEmpty() ? from(b, since, request) : null;
    byte[] pdf = sheet.render(due(from, skus, request), today);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("etiquetas-" + b + "-" + today + ".pdf")
                .build()
                .toString())
        .body(pdf);
  }

  @PostMapping("/api/labels/printed")
  @RequiresRole(Role.STOCK)
  public Printed printed(@RequestBody PrintedRequest body, HttpServletRequest request) {
    if (body.branch() == null || body.branch().isBlank()) {
      throw ApiException.badRequest("MISSING_FIELD", "branch is required", "branch");
    }
    String branch = Params.optionalBranch(body.branch());
    Instant now = clock.instant();
    Instant printedAt =
        body.printedAt() == null || body.printedAt().isBlank()
            ? now
            : instant(body.printedAt(), "printedAt");
    if (printedAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
      throw ApiException.badRequest(
          "INVALID_INSTANT", "printedAt must not be in the future", "printedAt");
    }
    writer.write(
        topics.labelPrints,
        branch,
        LabelPrint.newBuilder()
            .setBranch(branch)
            .setPrintedAt(printedAt)
            .setUser(
                AuthenticatedUser.current(request).map(AuthenticatedUser::subject).orElse(null))
            .setRecordedAt(now)
            .build());
    awaitOwnWrite(branch, printedAt);
    return new Printed(branch, Json.instant(printedAt, zone));
  }

  /** This instance's share, for the others' {@link #labels} (not public). */
  @GetMapping("/api/internal/labels")
  List<LabelView> share(
      @RequestParam(required = false) String since,
      @RequestParam(required = false) List<String> sku,
      HttpServletRequest request) {
    Instant from = since == null || since.isBlank() ? null : instant(since, "since");
    return model(request).localLabels(from, skus(sku));
  }

  /** {@code since} when given, else the branch's last print, else null (every change). */
  private Instant from(String branch, String since, HttpServletRequest request) {
    return since == null || since.isBlank()
        ? model(request).lastPrint(branch).orElse(null)
        : instant(since, "since");
  }

  private List<LabelView> due(Instant from, List<String> skus, HttpServletRequest request) {
    List<LabelView> all = new ArrayList<>(model(request).localLabels(from, skus));
    UriComponentsBuilder share =
        UriComponentsBuilder.fromPath("/api/internal/labels")
            .queryParamIfPresent("since", Optional.ofNullable(from).map(Instant::toString));
    skus.forEach(s -> share.queryParam("sku", s));
    all.addAll(
        routing.gather(
            StoreNames.QUERY_PRICE_CHANGES,
            share.build().toUriString(),
            request,
            new TypeReference<List<LabelView>>() {}));
    if (all.size() > MAX_LABELS) {
      throw ApiException.badRequest(
          "TOO_MANY",
          all.size() + " labels are due; at most " + MAX_LABELS + " at once: give a later since",
          "since");
    }
    all.sort(LabelsModel.ORDER);
    return all;
  }

  private static List<String> skus(List<String> sku) {
    if (sku == null) {
      return List.of();
    }
    List<String> out =
        sku.stream()
            .flatMap(s -> Arrays.stream(s.split(",")))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    if (out.size() > MAX_SKUS) {
      throw ApiException.badRequest("TOO_MANY", "at most " + MAX_SKUS + " skus at once", "sku");
    }
    out.forEach(Params::sku);
    return out;
  }

  private static Instant instant(String value, String field) {
    if (value.length() > 40) {
      throw ApiException.badRequest(
          "INVALID_INSTANT", field + " must be an ISO-8601 instant with offset", field);
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "INVALID_INSTANT", field + " must be an ISO-8601 instant with offset", field);
    }
  }

  /**
   * Waits (bounded) until this instance's global store shows the mark, so the list the dashboard
   * asks for next honours it; the mark is committed either way.
   */
  private void awaitOwnWrite(String branch, Instant printedAt) {
    long deadline = System.nanoTime() + OWN_WRITE_WAIT.toNanos();
    while (model.lastPrint(branch).filter(p -> !p.isBefore(printedAt)).isEmpty()
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private LabelsModel model(HttpServletRequest request) {
    return model.forRequest(StalenessAdvice.of(request));
  }
}
