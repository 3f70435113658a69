package almacen.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance of a service this process is, stable across its restarts: {@code
 * almacen.instance-id} (env {@code ALMACEN_INSTANCE_ID}) when set, otherwise host name and HTTP
 * port, so two instances on one machine differ and the same instance started again is recognised.
 * Kafka uses it to let a restarted Streams member take its old place without a rebalance (static
 * membership) and to let a restarted producer fence its predecessor's open transaction at once
 * (stable transactional.id).
 *
 * @param value the id, or empty when none is stable (no id configured and a random port)
 */
public record InstanceIdentity(String value) {

  private static final Logger log = LoggerFactory.getLogger(InstanceIdentity.class);

  /**
   * No stable identity: Kafka clients fall back to dynamic membership and random transactional ids.
   */
  public static final InstanceIdentity NONE = new InstanceIdentity("");

  public InstanceIdentity {
    value = value == null ? "" : value.strip();
  }

  public boolean known() {
    return !value.isEmpty();
  }

  /**
   * This process's identity: the configured id, else host name and port.
   *
   * @param configured {@code almacen.instance-id}, used as is when not blank
   * @param hostName this machine's name
   * @param port the HTTP port; 0 or less (random) gives no stable identity
   */
  public static InstanceIdentity resolve(String configured, String hostName, int port) {
    if (configured != null && !configured.isBlank()) {
      return new InstanceIdentity(configured);
    }
    if (port <= 0) {
      return NONE;
    }
    return new InstanceIdentity(readable(hostName) + "-" + port);
  }

  /** This machine's name, or {@code localhost} when it cannot be resolved (logged). */
  public static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      log.warn(
          "Cannot resolve this machine's name ({}); the instance id uses 'localhost'",
          e.getMessage());
      return "localhost";
    }
  }

  private static String readable(String hostName) {
    String name = hostName == null || hostName.isBlank() ? "localhost" : hostName.strip();
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
  }
}
