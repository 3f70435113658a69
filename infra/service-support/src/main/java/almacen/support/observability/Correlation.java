package almacen.support.observability;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The correlation id that follows one request or event from the HTTP call through every topic (as
 * the {@code correlation-id} record header, which Kafka Streams forwards to derived records) to the
 * state change, and into every log line (MDC key {@code correlationId}).
 */
public final class Correlation {

  public static final String HTTP_HEADER = "X-Correlation-Id";
  public static final String KAFKA_HEADER = "correlation-id";
  public static final String MDC_KEY = "correlationId";
  private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

  private Correlation() {}

  /** The id of the work in progress on this thread, or a new one. */
  public static String current() {
    String id = MDC.get(MDC_KEY);
    return id == null ? newId() : id;
  }

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** A caller-supplied id if it is safe to log and propagate, else a fresh one. */
  public static String sanitize(String candidate) {
    return candidate != null && SAFE.matcher(candidate).matches() ? candidate : newId();
  }

  public static void addTo(Headers headers) {
    headers.remove(KAFKA_HEADER).add(KAFKA_HEADER, current().getBytes(StandardCharsets.UTF_8));
  }

  public static String from(Headers headers) {
    Header header = headers == null ? null : headers.lastHeader(KAFKA_HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
