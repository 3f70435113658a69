package almacen.ingest.invoice;

import almacen.events.Invoice;
import almacen.events.InvoiceStatus;
import almacen.ingest.publish.EventPublisher;
import almacen.ingest.publish.IngestMetrics;
import almacen.ingest.publish.IngestMetrics.Outcome;
import almacen.ingest.publish.OutgoingEvent;
import almacen.schemas.Topics;
import almacen.support.SupportConfiguration;
import almacen.support.security.BranchAccess;
import almacen.support.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Receives invoices: typed (CONFIRMED or 422), read from a photo/PDF (CONFIRMED or NEEDS_REVIEW),
 * corrections of NEEDS_REVIEW invoices and their rejection (REJECTED, final). An invoice id or
 * image already seen answers the existing invoice with {@code duplicate: true} and publishes
 * nothing. Calls are serialised so two concurrent copies of one invoice cannot both be published.
 */
public final class InvoiceService {

  private final InvoiceValidator validator;
  private final InvoiceLedger ledger;
  private final EventPublisher publisher;
  private final Topics topics;
  private final Clock clock;
  private final IngestMetrics metrics;

  public InvoiceService(
      InvoiceValidator validator,
      InvoiceLedger ledger,
      EventPublisher publisher,
      Topics topics,
      Clock clock,
      IngestMetrics metrics) {
    this.validator = validator;
    this.ledger = ledger;
    this.publisher = publisher;
    this.topics = topics;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * The answer: the invoice, and whether it was published now (202) or already known (200,
   * duplicate).
   */
  public record Result(Invoice invoice, boolean duplicate) {}

  /** Pure validation, for the OCR path and previews. */
  public ValidationResult validate(InvoiceDraft draft) {
    return validator.validate(draft);
  }

  /**
   * An invoice read from a photo or PDF: what the review taught about its supplier applied first
   * ({@link LearnedReading}), then validated; the reader's notices still open are {@link
   * IssueCode#OCR} issues. Publishes nothing (previews use it too).
   *
   * @param notices the reader's own issues, in Spanish
   */
  public ValidationResult validateRead(InvoiceDraft draft, List<String> notices) {
    return validateRead(draft, notices, List.of());
  }

  /**
   * As {@link #validateRead(InvoiceDraft, List)}, with the reader's notes ({@code
   * ReadInvoice.notes}: its proven corrections), which are kept on the invoice and decide nothing.
   */
  public ValidationResult validateRead(
      InvoiceDraft draft, List<String> notices, List<String> notes) {
    LearnedReading learned = LearnedReading.apply(ledger.learning(), draft, notices);
    ValidationResult result =
        validator.validateRead(learned.draft()).withLearned(learned).withNotes(notes);
    for (String notice : learned.notices()) {
      result = result.withIssue(new Issue(IssueCode.OCR, notice));
    }
    return result;
  }

  /**
   * A typed invoice: CONFIRMED and published, or {@link InvoiceRejectedException} (422).
   *
   * @param user who typed it (recorded on the event)
   */
  public synchronized Result submitTyped(InvoiceDraft draft, String user) {
    ValidationResult result = validator.validate(draft);
    Optional<Invoice> seen =
        result.invoiceId() == null ? Optional.empty() : ledger.byId(result.invoiceId());
    if (seen.isPresent()) {
      return duplicateOf(seen.get());
    }
    return publishConfirmedOrReject(result, user);
  }

  /**
   * A correction of an invoice (usually NEEDS_REVIEW): the fields it leaves out are taken from the
   * known invoice. Without a known invoice the body must be complete. A user bound to a branch may
   * only confirm an invoice of that branch (the known one's and the corrected one's): 403 {@code
   * FORBIDDEN_BRANCH} otherwise, before anything is answered or published.
   *
   * @param user who confirmed it (recorded on the event, whoever uploaded it)
   */
  public synchronized Result confirm(String invoiceId, InvoiceDraft corrected, String user) {
    Optional<Invoice> known = ledger.byId(invoiceId);
    known.ifPresent(k -> BranchAccess.require(k.getBranch()));
    if (known.isPresent() && known.get().getStatus() == InvoiceStatus.CONFIRMED) {
      return duplicateOf(known.get());
    }
    if (known.isPresent() && known.get().getStatus() == InvoiceStatus.REJECTED) {
      throw ApiException.conflict(
          "INVOICE_IS_REJECTED",
          "Invoice "
              + invoiceId
              + " was rejected in review"
              + reasonOf(known.get())
              + " and cannot be confirmed",
          null);
    }
    InvoiceDraft draft =
        known
            .map(k -> InvoiceDrafts.merge(corrected, InvoiceDrafts.fromEvent(k)))
            .orElse(corrected);
    BranchAccess.require(draft.branch());
    ValidationResult result = validator.validate(draft);
    if (known.isEmpty() && result.invoiceId() == null) {
      throw ApiException.notFound(
          "No invoice " + invoiceId + " to confirm; send the complete invoice");
    }
    if (!invoiceId.equals(result.invoiceId())) {
      result =
          result.withIssue(
              new Issue(
                  IssueCode.ID_MISMATCH,
                  "the corrected invoice is "
                      + (result.invoiceId() == null ? "incomplete" : result.invoiceId())
                      + ", not "
                      + invoiceId
                      + "; upload or type it as a new invoice"));
    }
    return publishConfirmedOrReject(result, user);
  }

  /**
   * Takes a NEEDS_REVIEW invoice out of the review queue: it is published again as REJECTED, with
   * the reason and who rejected it, and moves nothing. Final: a rejected invoice is never confirmed
   * (409 on confirm) nor queued again. Rejecting it again answers it as a duplicate; a CONFIRMED
   * one cannot be rejected (409); an unknown id is a 404. The branch rule is the confirmation's.
   *
   * @param reason as the person wrote it, or null
   * @param user who rejected it (recorded on the event)
   */
  public synchronized Result reject(String invoiceId, String reason, String user) {
    Invoice known =
        ledger
            .byId(invoiceId)
            .orElseThrow(
                () -> ApiException.notFound("No invoice " + invoiceId + " in the review queue"));
    BranchAccess.require(known.getBranch());
    if (known.getStatus() == InvoiceStatus.REJECTED) {
      return duplicateOf(known);
    }
    if (known.getStatus() == InvoiceStatus.CONFIRMED) {
      throw ApiException.conflict(
          "INVOICE_IS_CONFIRMED",
          "Invoice "
              + invoiceId
              + " is already confirmed and its stock and costs were applied; it cannot be"
              + " rejected (goods sent back are a credit note)",
          null);
    }
    Invoice rejected =
        Invoice.newBuilder(known)
            .setStatus(InvoiceStatus.REJECTED)
            .setRejectReason(reason)
            .setDuplicate(false)
            .setReceivedAt(clock.instant())
            .setUser(user)
            .build();
    publish(rejected);
    metrics.invoice(Outcome.REJECTED_IN_REVIEW, IngestMetrics.NO_REASON);
    return new Result(rejected, false);
  }

  private static String reasonOf(Invoice rejected) {
    return rejected.getRejectReason() == null ? "" : " (" + rejected.getRejectReason() + ")";
  }

  /** An image already ingested (by sha256), as a duplicate answer. */
  public synchronized Optional<Result> seenImage(String sha256) {
    return ledger.bySha256(sha256).map(this::duplicateOf);
  }

  /**
   * An invoice read from a photo or PDF (validated by {@link #validate}, plus the reader's own
   * issues): published as CONFIRMED or NEEDS_REVIEW. Not publishable (no identity or date) → 422.
   *
   * @param user who uploaded it (recorded on the event)
   */
  public synchronized Result submitRead(ValidationResult result, String user) {
    if (!result.publishable()) {
      metrics.invoice(Outcome.REJECTED, result.reason());
      throw new InvoiceRejectedException(result.invoiceId(), result.issues());
    }
    Optional<Invoice> seen = ledger.byId(result.invoiceId());
    if (seen.isPresent()) {
      return duplicateOf(seen.get());
    }
    Invoice invoice = publish(result, user);
    metrics.invoice(result.confirmed() ? Outcome.CONFIRMED : Outcome.NEEDS_REVIEW, result.reason());
    return new Result(invoice, false);
  }

  private Result publishConfirmedOrReject(ValidationResult result, String user) {
    if (!result.confirmed()) {
      metrics.invoice(Outcome.REJECTED, result.reason());
      throw new InvoiceRejectedException(result.invoiceId(), result.issues());
    }
    Invoice invoice = publish(result, user);
    metrics.invoice(Outcome.CONFIRMED, result.reason());
    return new Result(invoice, false);
  }

  private Invoice publish(ValidationResult result, String user) {
    return publish(Invoice.newBuilder(result.toEvent(clock.instant())).setUser(user).build());
  }

  private Invoice publish(Invoice invoice) {
    Instant businessInstant =
        invoice.getIssueDate().atStartOfDay(SupportConfiguration.BUENOS_AIRES).toInstant();
    publisher.publish(
        List.of(
            OutgoingEvent.at(topics.invoices, invoice.getInvoiceId(), invoice, businessInstant)));
    ledger.apply(invoice);
    return invoice;
  }

  private Result duplicateOf(Invoice existing) {
    return new Result(Invoice.newBuilder(existing).setDuplicate(true).build(), true);
  }
}
