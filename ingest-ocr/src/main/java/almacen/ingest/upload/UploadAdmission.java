package almacen.ingest.upload;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * How many invoice uploads may be in the building at once: one permit per OCR worker plus one per
 * queue place. A permit is taken before the body is read ({@link UploadAdmissionFilter}), so a full
 * house refuses new uploads without reading a byte of them.
 */
public final class UploadAdmission {

  private final Semaphore permits;
  private final int capacity;

  public UploadAdmission(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("At least one upload must be admitted, got " + capacity);
    }
    this.capacity = capacity;
    this.permits = new Semaphore(capacity);
  }

  /** A ticket, or empty when every worker and queue place is taken. Never waits. */
  public Optional<AdmissionTicket> tryAdmit() {
    if (!permits.tryAcquire()) {
      return Optional.empty();
    }
    return Optional.of(new AdmissionTicket(permits::release));
  }

  public int available() {
    return permits.availablePermits();
  }

  public int capacity() {
    return capacity;
  }

  /** The ticket the filter took for this request. */
  public static AdmissionTicket ticketOf(HttpServletRequest request) {
    Object ticket = request.getAttribute(AdmissionTicket.ATTRIBUTE);
    if (ticket instanceof AdmissionTicket t) {
      return t;
    }
    throw new IllegalStateException(
        "No admission ticket on "
            + request.getRequestURI()
            + ": UploadAdmissionFilter must run before the upload controller");
  }
}
