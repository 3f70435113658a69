package almacen.ingest.invoice;

import java.util.List;

/** A typed or corrected invoice that is not consistent: 422 with every reason. */
public class InvoiceRejectedException extends RuntimeException {

  private final String invoiceId;
  private final List<Issue> issues;

  public InvoiceRejectedException(String invoiceId, List<Issue> issues) {
    super(String.join("; ", issues.stream().map(Issue::message).toList()));
    this.invoiceId = invoiceId;
    this.issues = List.copyOf(issues);
  }

  public String invoiceId() {
    return invoiceId;
  }

  public List<Issue> issues() {
    return issues;
  }
}
