package almacen.ingest.invoice;

/** One reason an invoice needs review, with a message a person understands. */
public record Issue(IssueCode code, String message) {

  @Override
  public String toString() {
    return message;
  }
}
