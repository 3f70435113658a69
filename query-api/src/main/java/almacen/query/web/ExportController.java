package almacen.query.web;

import almacen.query.QueryConfig;
import almacen.query.read.ExportRows;
import almacen.query.read.ReadModel;
import almacen.schemas.StoreNames;
import almacen.support.csv.Csv;
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
import java.util.Optional;
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
  ResponseEntity<StreamingResponseBody> stock(
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) String locale,
      HttpServletRequest request) {
    String b = Params.optionalBranch(branch);
    Csv format = format(locale);
    List<HostInfo> others = routing.otherHosts(StoreNames.QUERY_STOCK_LEVELS, request);
    String internal =
        internalPath("/api/internal/export/stock.csv", format)
            .queryParamIfPresent("branch", Optional.ofNullable(b))
            .encode()
            .build()
            .toUriString();
    ReadModel reads = model(request); // bound now, read while the body streams
    return csv(
        "stock.csv",
        format,
        ExportRows.STOCK_CSV_COLUMNS.toArray(String[]::new),
        out -> reads.writeStockRows(out, b, format),
        others,
        StoreNames.QUERY_STOCK_LEVELS,
        internal,
        request.getHeader(HttpHeaders.AUTHORIZATION));
  }

  @GetMapping("/api/export/movements.csv")
  ResponseEntity<StreamingResponseBody> movements(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String locale,
      HttpServletRequest request) {
    Instant f = bound(from, "from", false);
    Instant t = bound(to, "to", true);
    if (f != null && t != null && !f.isBefore(t)) {
      throw ApiException.badRequest("BAD_RANGE", "from must be before to", "from");
    }
    Csv format = format(locale);
    List<HostInfo> others = routing.otherHosts(StoreNames.QUERY_MOVEMENTS, request);
    String internal =
        internalPath("/api/internal/export/movements.csv", format)
            .queryParamIfPresent("from", Optional.ofNullable(from))
            .queryParamIfPresent("to", Optional.ofNullable(to))
            .encode()
            .build()
            .toUriString();
    ReadModel reads = model(request); // bound now, read while the body streams
    return csv(
        "movements.csv",
        format,
        (format.locale() == null
                ? ExportRows.MOVEMENTS_CSV_COLUMNS
                : ExportRows.MOVEMENTS_CSV_COLUMNS_ES)
            .toArray(String[]::new),
        out -> reads.writeMovementRows(out, f, t, format),
        others,
        StoreNames.QUERY_MOVEMENTS,
        internal,
        request.getHeader(HttpHeaders.AUTHORIZATION));
  }

  /**
   * The CSV format of {@code ?locale=}: absent → plain, es-AR → Spanish spreadsheets; anything else
   * → 400.
   */
  static Csv format(String locale) {
    try {
      return Csv.forLocale(locale);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("BAD_PARAMETER", e.getMessage(), "locale");
    }
  }

  /** Other instances write their rows in the same format, so the locale goes with the request. */
  private static UriComponentsBuilder internalPath(String path, Csv format) {
    return UriComponentsBuilder.fromPath(path)
        .queryParamIfPresent("locale", Optional.ofNullable(format.locale()));
  }

  /**
   * An instant (ISO with offset) or a date (Buenos Aires day: its start for {@code from}, the start
   * of the next day for {@code to}, so a date bound includes the whole day).
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
      throw ApiException.badRequest(
          "BAD_PARAMETER", field + " must be YYYY-MM-DD or an ISO-8601 instant with offset", field);
    }
  }

  private ResponseEntity<StreamingResponseBody> csv(
      String filename,
      Csv format,
      String[] columns,
      java.util.function.Consumer<Writer> localRows,
      List<HostInfo> others,
      String store,
      String internalPath,
      String auth) {
    StreamingResponseBody body =
        stream -> {
          Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          out.write(format.preamble());
          out.write(format.header(columns));
          localRows.accept(out);
          out.flush();
          for (HostInfo host : others) {
            try (InputStream remote = routing.rows(store, host, internalPath, auth)) {
              remote.transferTo(stream);
            }
          }
          stream.flush();
        };
    ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
    if (format.locale() != null) {
      // Spanish number and date formats for a spreadsheet set to Spanish
      answer.header(HttpHeaders.CONTENT_LANGUAGE, format.locale());
    }
    return answer
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(body);
  }

  /**
   * The read model for this request: its reads report staleness to the request's {@link
   * StalenessAdvice}.
   */
  private ReadModel model(HttpServletRequest request) {
    return model.forRequest(StalenessAdvice.of(request));
  }
}
