package almacen.ingest.web;

import almacen.domain.Bounds;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceType;
import almacen.ingest.invoice.Cuit;
import almacen.ingest.invoice.InvoiceDraft;
import almacen.ingest.invoice.InvoiceIds;
import almacen.ingest.invoice.InvoiceService;
import almacen.ingest.validation.Fields;
import almacen.support.security.BranchAccess;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import almacen.support.web.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Typed invoices ({@code POST /api/invoices} with JSON), corrections ({@code POST
 * /api/invoices/{id}/confirm}) and rejections from the review queue ({@code .../reject}). Field
 * formats are checked first (400 with the field); consistency next (422 with every reason). The
 * multipart upload is mapped elsewhere. The event records the caller as {@code user}: who typed it,
 * or who confirmed it from the review queue.
 */
@RestController
public class InvoiceController {

  private static final Pattern CAE = Pattern.compile("^\\d{14}$");

  private final InvoiceService invoices;

  public InvoiceController(InvoiceService invoices) {
    this.invoices = invoices;
  }

  @PostMapping(path = "/api/invoices", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RequiresRole(Role.STOCK)
  public ResponseEntity<InvoiceJson.View> typed(@RequestBody InvoiceJson.Request body) {
    return answer(invoices.submitTyped(draft(body, true), Caller.username()));
  }

  @PostMapping(
      path = "/api/invoices/{invoiceId}/confirm",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @RequiresRole(Role.STOCK)
  public ResponseEntity<InvoiceJson.View> confirm(
      @PathVariable String invoiceId, @RequestBody InvoiceJson.Request body) {
    Fields.id(invoiceId, "invoiceId");
    return answer(invoices.confirm(invoiceId, draft(body, false), Caller.username()));
  }

  /**
   * Takes an invoice out of the review queue: 202 with it REJECTED; again → 200 {@code duplicate};
   * CONFIRMED → 409; unknown → 404. The body is optional: {@code {"reason": "..."}} (≤ 200).
   */
  @PostMapping(path = "/api/invoices/{invoiceId}/reject")
  @RequiresRole(Role.STOCK)
  public ResponseEntity<InvoiceJson.View> reject(
      @PathVariable String invoiceId, @RequestBody(required = false) InvoiceJson.Rejection body) {
    Fields.id(invoiceId, "invoiceId");
    String reason =
        body == null || body.reason() == null || body.reason().isBlank()
            ? null
            : Fields.text(body.reason(), "reason", InvoiceJson.MAX_REASON);
    return answer(invoices.reject(invoiceId, reason, Caller.username()));
  }

  static ResponseEntity<InvoiceJson.View> answer(InvoiceService.Result result) {
    return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .body(InvoiceJson.view(result.invoice()));
  }

  /**
   * Checks the format of every field present (400 naming it); with {@code complete} also that
   * everything a typed invoice must send is there.
   */
  static InvoiceDraft draft(InvoiceJson.Request body, boolean complete) {
    Fields.required(body, "body");
    String cuit = null;
    String supplierName = null;
    if (body.supplier() != null) {
      if (body.supplier().cuit() != null || complete) {
        Fields.required(body.supplier().cuit(), "supplier.cuit");
        cuit =
            Cuit.parse(body.supplier().cuit())
                .orElseThrow(
                    () ->
                        ApiException.badRequest(
                            "INVALID_CUIT",
                            "supplier.cuit '"
                                + body.supplier().cuit()
                                + "' is not a valid CUIT (e.g. 30-71234567-1)",
                            "supplier.cuit"))
                .formatted();
      }
      supplierName =
          body.supplier().name() == null
              ? null
              : Fields.text(body.supplier().name(), "supplier.name", 200);
    } else if (complete) {
      Fields.required(null, "supplier.cuit");
    }
    if (complete) {
      Fields.required(supplierName, "supplier.name");
    }
    InvoiceKind kind =
        body.kind() == null || body.kind().isBlank()
            ? (complete ? InvoiceKind.INVOICE : null)
            : Fields.oneOf(body.kind(), InvoiceKind.class, "kind");
    InvoiceType type =
        present(body.type(), complete, "type")
            ? Fields.oneOf(body.type(), InvoiceType.class, "type")
            : null;
    Integer pos = body.pointOfSale();
    if (present(pos, complete, "pointOfSale") && (pos < 1 || pos > InvoiceIds.MAX_POINT_OF_SALE)) {
      throw ApiException.badRequest(
          "INVALID_FIELD",
          "pointOfSale must be 1 to " + InvoiceIds.MAX_POINT_OF_SALE,
          "pointOfSale");
    }
    Long number = body.number();
    if (present(number, complete, "number") && (number < 1 || number > InvoiceIds.MAX_NUMBER)) {
      throw ApiException.badRequest(
          "INVALID_FIELD", "number must be 1 to " + InvoiceIds.MAX_NUMBER, "number");
    }
    LocalDate issueDate =
        present(body.issueDate(), complete, "issueDate")
            ? Fields.date(body.issueDate(), "issueDate")
            : null;
    if (body.cae() != null && !body.cae().isBlank() && !CAE.matcher(body.cae().strip()).matches()) {
      throw ApiException.badRequest("INVALID_FIELD", "cae must be 14 digits", "cae");
    }
    String cae = body.cae() == null || body.cae().isBlank() ? null : body.cae().strip();
    String branch =
        body.branch() == null && !complete ? null : Fields.branch(body.branch(), "branch");
    BranchAccess.require(branch);
    boolean ratesRequired = type == InvoiceType.A || type == InvoiceType.M;
    List<InvoiceDraft.Line> lines = new ArrayList<>();
    if (present(body.lines(), complete, "lines")) {
      if (body.lines().isEmpty()) {
        throw ApiException.badRequest(
            "MISSING_FIELD", "lines must have at least one line", "lines");
      }
      Fields.count(body.lines().size(), Bounds.MAX_INVOICE_LINES, "lines", "lines");
      for (int i = 0; i < body.lines().size(); i++) {
        lines.add(
            line(
                Fields.required(body.lines().get(i), "lines[" + i + "]"),
                "lines[" + i + "].",
                ratesRequired));
      }
    }
    BigDecimal net = money(body.netTotal(), complete, "netTotal");
    BigDecimal iva = money(body.ivaTotal(), complete, "ivaTotal");
    BigDecimal other =
        body.otherTaxes() == null
            ? (complete ? BigDecimal.ZERO : null)
            : Fields.money(body.otherTaxes(), "otherTaxes");
    BigDecimal total = money(body.total(), complete, "total");
    return new InvoiceDraft(
        cuit,
        supplierName,
        type,
        pos,
        number,
        issueDate,
        cae,
        branch,
        body.pricesIncludeIva(),
        lines,
        net,
        iva,
        other,
        total,
        InvoiceDraft.Source.manual(),
        1.0,
        kind);
  }

  private static InvoiceDraft.Line line(InvoiceJson.LineJson l, String at, boolean rateRequired) {
    String sku = l.sku() == null || l.sku().isBlank() ? null : Fields.sku(l.sku(), at + "sku");
    String code =
        l.supplierCode() == null || l.supplierCode().isBlank()
            ? null
            : Fields.text(l.supplierCode(), at + "supplierCode", 64);
    String description = Fields.text(l.description(), at + "description", 200);
    BigDecimal qty = Fields.positiveQty(l.qty(), at + "qty");
    BigDecimal unitCost = Fields.unitCost(l.unitCost(), at + "unitCost");
    BigDecimal rate =
        rateRequired || l.ivaRatePct() != null
            ? Fields.ivaRate(l.ivaRatePct(), at + "ivaRatePct")
            : null;
    BigDecimal lineTotal = Fields.money(l.lineTotal(), at + "lineTotal");
    BigDecimal discount =
        l.discountPct() == null
            ? BigDecimal.ZERO
            : Fields.discountPct(l.discountPct(), at + "discountPct");
    return new InvoiceDraft.Line(sku, code, description, qty, unitCost, rate, lineTotal, discount);
  }

  private static boolean present(Object value, boolean complete, String field) {
    if (complete) {
      Fields.required(value, field);
    }
    return value != null;
  }

  private static BigDecimal money(BigDecimal value, boolean complete, String field) {
    return present(value, complete, field) ? Fields.money(value, field) : null;
  }
}
