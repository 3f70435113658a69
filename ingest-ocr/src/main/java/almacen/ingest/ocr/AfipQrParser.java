package almacen.ingest.ocr;

import almacen.domain.Bounds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the AFIP invoice QR URL {@code https://www.afip.gob.ar/fe/qr/?p=<base64 JSON>} (RG
 * 4892/2020).
 */
public final class AfipQrParser {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** More decimals than this in a QR amount is not a real invoice. */
  private static final int MAX_SCALE = 6;

  private AfipQrParser() {}

  /** Empty when the text is not an AFIP invoice QR or its payload is malformed. */
  public static Optional<AfipQr> parse(String qrText) {
    if (qrText == null) {
      return Optional.empty();
    }
    String text = qrText.trim();
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (!(lower.startsWith("https://www.afip.gob.ar/fe/qr/")
        || lower.startsWith("https://www.arca.gob.ar/fe/qr/")
        || lower.startsWith("http://www.afip.gob.ar/fe/qr/"))) {
      return Optional.empty();
    }
    try {
      String query = URI.create(text).getRawQuery();
      if (query == null) {
        return Optional.empty();
      }
      String p = null;
      for (String kv : query.split("&", -1)) {
        if (kv.startsWith("p=")) {
          p = URLDecoder.decode(kv.substring(2), StandardCharsets.UTF_8);
        }
      }
      if (p == null || p.isBlank()) {
        return Optional.empty();
      }
      String b64 = p.trim().replace('-', '+').replace('_', '/').replaceAll("\\s", "");
      while (b64.length() % 4 != 0) {
        b64 += "=";
      }
      JsonNode n =
          JSON.readTree(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
      return Optional.of(
          new AfipQr(
              n.path("ver").asInt(1),
              LocalDate.parse(n.path("fecha").asString().substring(0, 10)),
              Long.parseLong(n.path("cuit").asString().replaceAll("\\D", "")),
              n.path("ptoVta").asInt(),
              n.path("tipoCmp").asInt(),
              n.path("nroCmp").asLong(),
              amount(n.path("importe").asString()),
              n.path("moneda").asString("PES"),
              n.hasNonNull("ctz") ? exchangeRate(n.path("ctz").asString()) : BigDecimal.ONE,
              n.hasNonNull("tipoDocRec") ? n.path("tipoDocRec").asInt() : null,
              n.hasNonNull("nroDocRec") ? n.path("nroDocRec").asLong() : null,
              n.path("tipoCodAut").asString("E"),
              n.hasNonNull("codAut") ? n.path("codAut").asString().replaceAll("\\D", "") : null));
    } catch (RuntimeException e) {
      // not a well-formed AFIP payload: the caller records it as an issue and falls back to OCR
      return Optional.empty();
    }
  }

  /**
   * The invoice total: money within {@link Bounds}, checked before it is scaled (1e1000000 must
   * cost nothing).
   */
  static BigDecimal amount(String text) {
    BigDecimal raw = new BigDecimal(text);
    if (raw.signum() < 0 || raw.compareTo(Bounds.MAX_MONEY) > 0 || raw.scale() > MAX_SCALE) {
      throw new IllegalArgumentException("QR importe out of range");
    }
    return raw.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal exchangeRate(String text) {
    BigDecimal raw = new BigDecimal(text);
    if (raw.signum() <= 0 || raw.compareTo(Bounds.MAX_MONEY) > 0 || raw.scale() > MAX_SCALE) {
      throw new IllegalArgumentException("QR ctz out of range");
    }
    return raw;
  }
}
