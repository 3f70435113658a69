package almacen.ingest.web;

import almacen.ingest.validation.Fields;
import almacen.ingest.web.ProductController.ProductRequest;
import almacen.ingest.web.ProductImportController.ImportRejected;
import almacen.support.csv.Csv;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A catalogue CSV (read by {@link Csv}: comma separated, RFC 4180 quotes, blank lines skipped, an
 * optional BOM) → import rows. The first line is a header naming the columns with the fields of
 * {@code PUT /api/products/{sku}} plus {@code sku}, in any order and any case; {@code sku} is
 * required, the others may be left out. An empty cell is an absent field; {@code active} is {@code
 * true}/{@code false} (also {@code sí}/{@code si}/{@code no}, {@code 1}/{@code 0}). A line without
 * one cell per column ({@code BAD_COLUMNS}) or with a number or yes/no that is not one ({@code
 * INVALID_FIELD}) is refused on its own.
 */
final class ProductCsvReader {

  static final List<String> COLUMNS =
      List.of(
          "sku",
          "name",
          "category",
          "ean",
          "unit",
          "minStock",
          "maxStock",
          "ivaRatePct",
          "markupPct",
          "active",
          "plu",
          "scaleValue",
          "packSize",
          "supplierCuit");

  static final String MISSING_HEADER = "MISSING_HEADER";
  static final String UNKNOWN_COLUMN = "UNKNOWN_COLUMN";

  /** Longer than any number the bounds allow: refused before BigDecimal parses it. */
  private static final int MAX_NUMBER_LENGTH = 64;

  private static final String COLUMN_LIST = String.join(",", COLUMNS);

  /** The rows to validate, and the lines refused while reading. */
  record Result(List<ProductImport.Row> rows, List<ImportRejected> rejected) {}

  private ProductCsvReader() {}

  /**
   * The body as text: in the charset its Content-Type names, else UTF-8, else Windows-1252 (what a
   * spreadsheet in Spanish saves as "CSV" when it is not UTF-8).
   */
  static String decode(byte[] body, String contentType) {
    if (body == null) {
      return null;
    }
    Charset named = charset(contentType);
    if (named != null) {
      return new String(body, named);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(body, Charset.forName("windows-1252"));
    }
  }

  private static Charset charset(String contentType) {
    try {
      return contentType == null ? null : MediaType.parseMediaType(contentType).getCharset();
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "UNSUPPORTED_MEDIA_TYPE",
          "Content-Type '" + Fields.shown(contentType) + "' names a charset this service lacks",
          null);
    }
  }

  /**
   * @throws ApiException 400 {@code MISSING_HEADER} or {@code UNKNOWN_COLUMN} for a header that
   *     does not name the columns; 400 {@code TOO_MANY} over {@link ProductImport#MAX_ROWS} rows
   * @throws Csv.MalformedException a body that is not CSV
   */
  static Result read(String body, BatchRejections rejections) {
    List<Csv.Row> rows = Csv.readAll(body);
    if (rows.isEmpty()) {
      throw ApiException.badRequest(
          MISSING_HEADER,
          "the CSV is empty: its first line must be a header naming the columns, e.g. "
              + COLUMN_LIST,
          null);
    }
    Csv.Row header = rows.get(0);
    Map<String, Integer> index = header(header);
    ProductImport.checkCount(rows.size() - 1, "rows");
    List<ProductImport.Row> read = new ArrayList<>(rows.size() - 1);
    List<ImportRejected> rejected = new ArrayList<>();
    int columns = header.cells().size();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      String sku = row.cells().size() > index.get("sku") ? row.cells().get(index.get("sku")) : null;
      if (row.cells().size() != columns) {
        rejected.add(
            new ImportRejected(
                row.line(),
                blankToNull(sku) == null ? null : Fields.shown(sku),
                rejections.columnsMessage(
                    columns, String.join(",", header.cells()), row.cells().size()),
                BatchRejections.BAD_COLUMNS,
                null));
        continue;
      }
      try {
        read.add(new ProductImport.Row(row.line(), blankToNull(sku), request(row, index)));
      } catch (ApiException e) {
        rejected.add(ProductImport.rejected(row.line(), blankToNull(sku), e, rejections));
      }
    }
    return new Result(read, rejected);
  }

  /** Column name → position; every name known, none twice, sku among them. */
  private static Map<String, Integer> header(Csv.Row header) {
    Map<String, String> known = new HashMap<>();
    COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
    Map<String, Integer> index = new HashMap<>();
    List<String> cells = header.cells();
    String at = "line " + header.line();
    if (cells.stream().noneMatch(c -> c.equalsIgnoreCase("sku"))) {
      throw ApiException.badRequest(
          MISSING_HEADER,
          at
              + ": the first line must be a header naming the columns, sku among them (e.g. "
              + COLUMN_LIST
              + "); found '"
              + Fields.shown(String.join(",", cells))
              + "'",
          at);
    }
    for (int i = 0; i < cells.size(); i++) {
      String column = known.get(cells.get(i).toLowerCase(Locale.ROOT));
      if (column == null || index.putIfAbsent(column, i) != null) {
        throw ApiException.badRequest(
            UNKNOWN_COLUMN,
            at
                + ": column "
                + (i + 1)
                + " '"
                + Fields.shown(cells.get(i))
                + "' is "
                + (column == null ? "not one of " + COLUMN_LIST : "named twice"),
            at);
      }
    }
    return index;
  }

  private static ProductRequest request(Csv.Row row, Map<String, Integer> index) {
    return new ProductRequest(
        text(row, index, "name"),
        text(row, index, "category"),
        text(row, index, "ean"),
        text(row, index, "unit"),
        number(row, index, "minStock"),
        number(row, index, "maxStock"),
        number(row, index, "ivaRatePct"),
        number(row, index, "markupPct"),
        yesNo(row, index, "active"),
        text(row, index, "plu"),
        text(row, index, "scaleValue"),
        number(row, index, "packSize"),
        text(row, index, "supplierCuit"));
  }

  private static String text(Csv.Row row, Map<String, Integer> index, String column) {
    Integer at = index.get(column);
    return at == null ? null : blankToNull(row.cells().get(at));
  }

  private static BigDecimal number(Csv.Row row, Map<String, Integer> index, String column) {
    String text = text(row, index, column);
    if (text == null) {
      return null;
    }
    if (text.length() > MAX_NUMBER_LENGTH) {
      throw notANumber(column, text);
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw notANumber(column, text);
    }
  }

  private static ApiException notANumber(String column, String text) {
    return ApiException.badRequest(
        "INVALID_FIELD",
        column + " '" + Fields.shown(text) + "' is not a number (decimal point, e.g. 12.5)",
        column);
  }

  private static Boolean yesNo(Csv.Row row, Map<String, Integer> index, String column) {
    String text = text(row, index, column);
    if (text == null) {
      return null;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "sí", "si", "1" -> Boolean.TRUE;
      case "false", "no", "0" -> Boolean.FALSE;
      default ->
          throw ApiException.badRequest(
              "INVALID_FIELD",
              column + " '" + Fields.shown(text) + "' must be true or false",
              column);
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
