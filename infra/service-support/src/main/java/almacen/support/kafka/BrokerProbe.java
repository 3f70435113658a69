package almacen.support.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Is the broker reachable? Cached briefly so that health checks do not hammer the cluster. */
public final class BrokerProbe {

  private final Admin admin;
  private final Duration cacheFor;
  private volatile long checkedAtNanos;
  private volatile boolean reachable;

  public BrokerProbe(Admin admin, Duration cacheFor) {
    this.admin = admin;
    this.cacheFor = cacheFor;
  }

  public boolean reachable() {
    long now = System.nanoTime();
    if (checkedAtNanos != 0 && now - checkedAtNanos < cacheFor.toNanos()) {
      return reachable;
    }
    boolean ok;
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(2000))
          .nodes()
          .get(3, TimeUnit.SECONDS);
      ok = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ok = false;
    } catch (Exception e) {
      ok = false;
    }
    reachable = ok;
    checkedAtNanos = now;
    return ok;
  }
}
