package almacen.query.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;

/**
 * Where a key lives among the query-api instances (those with {@code application.server} set), and
 * the HTTP calls between them. Without an application server this instance is alone and answers
 * everything locally.
 */
public final class Cluster {

  /**
   * Set on calls between instances: the receiver answers from its own stores and never forwards
   * again.
   */
  public static final String FORWARDED_HEADER = "X-Almacen-Forwarded";

  /**
   * Where Kafka Streams has placed the stores' partitions (a small seam so routing is testable
   * alone).
   */
  public interface Placement {
    KeyQueryMetadata ofKey(String store, String key);

    Collection<StreamsMetadata> ofStore(String store);

    static Placement of(Supplier<KafkaStreams> streams) {
      return new Placement() {
        @Override
        public KeyQueryMetadata ofKey(String store, String key) {
          return streams.get().queryMetadataForKey(store, key, Serdes.String().serializer());
        }

        @Override
        public Collection<StreamsMetadata> ofStore(String store) {
          return streams.get().streamsMetadataForStore(store);
        }
      };
    }
  }

  private final Placement placement;
  private final HostInfo self;
  private final HttpClient http;
  private final Duration timeout;

  public Cluster(Supplier<KafkaStreams> streams, HostInfo self, Duration timeout) {
    this(Placement.of(streams), self, timeout);
  }

  public Cluster(Placement placement, HostInfo self, Duration timeout) {
    this.placement = placement;
    this.self = self;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public static HostInfo parse(String applicationServer) {
    return applicationServer == null || applicationServer.isBlank()
        ? null
        : HostInfo.buildFromEndpoint(applicationServer);
  }

  public boolean enabled() {
    return self != null;
  }

  /**
   * The instance owning the key's partition of the store, when it is another one; empty = answer
   * here.
   */
  public Owner owner(String store, String key) {
    if (!enabled()) {
      return Owner.LOCAL;
    }
    KeyQueryMetadata md = placement.ofKey(store, key);
    if (md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md)) {
      // a rebalance is moving the partitions: nobody is known to hold the key, and this instance's
      // stores would answer "never moved" for a key they do not hold, a wrong value, not a stale
      // one
      return Owner.UNKNOWN;
    }
    if (self.equals(md.activeHost())) {
      return Owner.LOCAL;
    }
    List<HostInfo> standbys = md.standbyHosts().stream().filter(h -> !h.equals(self)).toList();
    boolean standbyHere = md.standbyHosts().contains(self);
    return new Owner(md.activeHost(), standbys, standbyHere);
  }

  /** The other instances hosting (active or standby) part of the store. */
  public List<HostInfo> others(String store) {
    if (!enabled()) {
      return List.of();
    }
    Collection<StreamsMetadata> all = placement.ofStore(store);
    List<HostInfo> out = new ArrayList<>();
    for (StreamsMetadata m : all) {
      if (!m.hostInfo().equals(self) && !m.topicPartitions().isEmpty()) {
        out.add(m.hostInfo());
      }
    }
    return out;
  }

  public Remote get(HostInfo host, String pathAndQuery, String authorization) throws IOException {
    HttpResponse<byte[]> r =
        send(host, pathAndQuery, authorization, HttpResponse.BodyHandlers.ofByteArray());
    return new Remote(
        r.statusCode(),
        r.body(),
        r.headers().firstValue("Content-Type").orElse("application/json"),
        r.headers().firstValue("Staleness").isPresent()
            || r.headers().firstValue("X-Stale").isPresent(),
        r.headers().firstValue(HttpHeaders.RETRY_AFTER).orElse(null));
  }

  public InputStream stream(HostInfo host, String pathAndQuery, String authorization)
      throws IOException {
    HttpResponse<InputStream> r =
        send(host, pathAndQuery, authorization, HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      r.body().close();
      throw new IOException(
          "Instance " + host + " answered " + r.statusCode() + " for " + pathAndQuery);
    }
    return r.body();
  }

  private <T> HttpResponse<T> send(
      HostInfo host, String pathAndQuery, String authorization, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(
                URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
            .timeout(timeout)
            .header(FORWARDED_HEADER, "1")
            .GET();
    if (authorization != null) {
      req.header("Authorization", authorization);
    }
    try {
      return http.send(req.build(), handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted calling " + host, e);
    }
  }

  /** Who answers a key: this instance ({@link #LOCAL}) or an active host with its standbys. */
  public record Owner(
      HostInfo active, List<HostInfo> standbys, boolean standbyHere, boolean known) {
    public static final Owner LOCAL = new Owner(null, List.of(), false, true);

    /** Partitions are moving: no instance is known to hold the key right now. */
    public static final Owner UNKNOWN = new Owner(null, List.of(), false, false);

    public Owner(HostInfo active, List<HostInfo> standbys, boolean standbyHere) {
      this(active, standbys, standbyHere, true);
    }

    public boolean local() {
      return known && active == null;
    }
  }

  /** Another instance's answer, passed on as it came (its body is never compared). */
  @SuppressWarnings("ArrayRecordComponent")
  /**
   * Another instance's answer.
   *
   * @param retryAfter its {@code Retry-After} header, null without one
   */
  public record Remote(
      int status, byte[] body, String contentType, boolean stale, String retryAfter) {}
}
