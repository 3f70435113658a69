package almacen.replay;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of replay's reports and verify result: one compact line, fields in declaration order,
 * money and quantities as plain JSON numbers ({@code 1000.00}, never {@code 1E+3}). Instants are
 * passed as strings already formatted, so the offset shown is the one asked for.
 */
final class ReportJson {

  static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private ReportJson() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }
}
