package almacen.query.web;

import almacen.query.QueryConfig;
import almacen.query.read.ReadModel;
import almacen.schemas.Stores;
import almacen.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/** CSV exports, streamed row by row (store iterators closed as each share is written). */
@RestController
class ExportController {

  private final ReadModel model;
  private final Routing routing;

  ExportController(ReadModel model, Routing routing) {
    this.model = model;
    this.routing = routing;
  }

  @GetMapping("/api/export/stock.csv")
  ResponseEntity<StreamingResponseBody> stock(HttpServletRequest request) {
    List<HostInfo> others = routing.otherHosts(Stores.QUERY_STOCK_LEVELS, request);
    String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
    return csv("stock.csv", ReadModel.STOCK_CSV_HEADER, model::writeStockRows, others,
        Stores.QUERY_STOCK_LEVELS, "/api/internal/export/stock.csv", auth);
  }

  @GetMapping("/api/export/movements.csv")
  ResponseEntity<StreamingResponseBody> movements(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, HttpServletRequest request) {
    Instant f = bound(from, "from", false);
    Instant t = bound(to, "to", true);
    if (f != null && t != null && !f.isBefore(t)) {
      throw ApiException.badRequest("BAD_RANGE", "from must be before to", "from");
    }
    List<HostInfo> others = routing.otherHosts(Stores.QUERY_MOVEMENTS, request);
    String internal = UriComponentsBuilder.fromPath("/api/internal/export/movements.csv")
        .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
        .queryParamIfPresent("to", java.util.Optional.ofNullable(to)).encode().build().toUriString();
    return csv("movements.csv", ReadModel.MOVEMENTS_CSV_HEADER, out -> model.writeMovementRows(out, f, t), others,
        Stores.QUERY_MOVEMENTS, internal, request.getHeader(HttpHeaders.AUTHORIZATION));
  }

  /**
   * An instant (ISO with offset) or a date (Buenos Aires day: its start for {@code from}, the
   * start of the next day for {@code to}, so a date bound includes the whole day).
   */
  static Instant bound(String value, String field, boolean upper) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (upper ? day.plusDays(1) : day).atStartOfDay(QueryConfig.BUENOS_AIRES).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("BAD_PARAMETER", field + " must be YYYY-MM-DD or an ISO-8601 instant with offset",
          field);
    }
  }

  private ResponseEntity<StreamingResponseBody> csv(String filename, String header,
      java.util.function.Consumer<Writer> localRows, List<HostInfo> others, String store, String internalPath,
      String auth) {
    StreamingResponseBody body = stream -> {
      Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      out.write(header);
      localRows.accept(out);
      out.flush();
      for (HostInfo host : others) {
        try (InputStream remote = routing.rows(store, host, internalPath, auth)) {
          remote.transferTo(stream);
        }
      }
      stream.flush();
    };
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(body);
  }
}
