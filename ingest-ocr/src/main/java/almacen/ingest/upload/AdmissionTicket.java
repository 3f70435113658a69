package almacen.ingest.upload;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One admitted upload's permit. The request holds it from before its body is read until its answer
 * is sent; the read job holds it too from submission until its work has really stopped (a read
 * cancelled at its deadline may still finish one native call). The permit goes back when the last
 * holder lets go.
 */
public final class AdmissionTicket {

  static final String ATTRIBUTE = AdmissionTicket.class.getName();

  private final AtomicInteger holders = new AtomicInteger(1);
  private final Runnable giveBack;

  AdmissionTicket(Runnable giveBack) {
    this.giveBack = giveBack;
  }

  /** One more holder (the read job); it must call {@link #release()} once. */
  void share() {
    if (holders.getAndIncrement() <= 0) {
      throw new IllegalStateException("The admission permit was already given back");
    }
  }

  void release() {
    int left = holders.decrementAndGet();
    if (left == 0) {
      giveBack.run();
    } else if (left < 0) {
      throw new IllegalStateException("Admission permit released more often than held");
    }
  }
}
