package almacen.query.web;

import almacen.query.cluster.Cluster;
import almacen.query.cluster.Cluster.Owner;
import almacen.query.cluster.Cluster.Remote;
import almacen.query.read.StaleReads;
import almacen.query.read.StoreUnavailableException;
import almacen.support.web.ApiErrorHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any instance answers any request: a single key goes to the instance owning it (or a standby when
 * the owner does not answer), a list gathers the share of every instance. Requests already
 * forwarded ({@link Cluster#FORWARDED_HEADER}) are answered locally, so nothing loops.
 */
public final class Routing {

  private static final Logger log = LoggerFactory.getLogger(Routing.class);

  private final Cluster cluster;
  private final JsonMapper mapper;

  public Routing(Cluster cluster, JsonMapper mapper) {
    this.cluster = cluster;
    this.mapper = mapper;
  }

  static boolean forwarded(HttpServletRequest request) {
    return request.getHeader(Cluster.FORWARDED_HEADER) != null;
  }

  /** The owner's answer when another instance owns the key; empty to answer here. */
  Optional<ResponseEntity<byte[]>> forward(String store, String key, HttpServletRequest request) {
    if (forwarded(request)) {
      return Optional.empty();
    }
    Owner owner = cluster.owner(store, key);
    if (!owner.known()) {
      throw new StoreUnavailableException(store, null);
    }
    if (owner.local()) {
      return Optional.empty();
    }
    List<HostInfo> candidates = new ArrayList<>();
    candidates.add(owner.active());
    candidates.addAll(owner.standbys());
    IOException last = null;
    for (HostInfo host : candidates) {
      try {
        Remote r =
            cluster.get(host, pathAndQuery(request), request.getHeader(HttpHeaders.AUTHORIZATION));
        ResponseEntity.BodyBuilder answer =
            ResponseEntity.status(r.status())
                .contentType(MediaType.parseMediaType(r.contentType()));
        if (r.stale() || !host.equals(owner.active())) {
          StaleReads.headers().forEach(answer::header);
        }
        if (r.status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
          // the owner is restarting or rebalancing: pass on when to come back, as every 503 says
          answer.header(
              HttpHeaders.RETRY_AFTER,
              r.retryAfter() != null
                  ? r.retryAfter()
                  : String.valueOf(ApiErrorHandler.RETRY_AFTER_SECONDS));
        }
        return Optional.of(answer.body(r.body()));
      } catch (IOException e) {
        last = e;
        log.warn("Instance {} did not answer {} for {}: {}", host, store, key, e.getMessage());
      }
    }
    if (owner.standbyHere()) {
      StalenessAdvice.of(request).preferStale();
      return Optional.empty();
    }
    throw new StoreUnavailableException(store, last);
  }

  /** Every other instance's share of a list, from its internal endpoint. */
  <T> List<T> gather(
      String store,
      String internalPathAndQuery,
      HttpServletRequest request,
      TypeReference<List<T>> type) {
    List<T> out = new ArrayList<>();
    if (forwarded(request)) {
      return out;
    }
    for (HostInfo host : cluster.others(store)) {
      out.addAll(mapper.readValue(fetch(store, host, internalPathAndQuery, request), type));
    }
    return out;
  }

  <T> List<T> gatherOne(
      String store, String internalPathAndQuery, HttpServletRequest request, Class<T> type) {
    List<T> out = new ArrayList<>();
    if (forwarded(request)) {
      return out;
    }
    for (HostInfo host : cluster.others(store)) {
      out.add(mapper.readValue(fetch(store, host, internalPathAndQuery, request), type));
    }
    return out;
  }

  /** Streams of every other instance's CSV rows; the caller closes each. */
  List<HostInfo> otherHosts(String store, HttpServletRequest request) {
    return forwarded(request) ? List.of() : cluster.others(store);
  }

  InputStream rows(String store, HostInfo host, String internalPathAndQuery, String authorization) {
    try {
      return cluster.stream(host, internalPathAndQuery, authorization);
    } catch (IOException e) {
      throw new StoreUnavailableException(store, e);
    }
  }

  private byte[] fetch(
      String store, HostInfo host, String pathAndQuery, HttpServletRequest request) {
    try {
      Remote r = cluster.get(host, pathAndQuery, request.getHeader(HttpHeaders.AUTHORIZATION));
      if (r.status() != 200) {
        throw new StoreUnavailableException(
            store, new IOException(host + " answered " + r.status()));
      }
      if (r.stale()) {
        StalenessAdvice.of(request).mark();
      }
      return r.body();
    } catch (IOException e) {
      throw new StoreUnavailableException(store, e);
    }
  }

  static String pathAndQuery(HttpServletRequest request) {
    String q = request.getQueryString();
    return request.getRequestURI() + (q == null ? "" : "?" + q);
  }
}
