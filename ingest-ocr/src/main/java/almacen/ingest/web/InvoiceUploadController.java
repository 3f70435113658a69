package almacen.ingest.web;

import almacen.ingest.invoice.InvoiceDraft;
import almacen.ingest.invoice.InvoiceService;
import almacen.ingest.invoice.Issue;
import almacen.ingest.invoice.IssueCode;
import almacen.ingest.invoice.ValidationResult;
import almacen.ingest.ocr.InvoiceReadException;
import almacen.ingest.ocr.InvoiceReader;
import almacen.ingest.ocr.ReadInvoice;
import almacen.ingest.ocr.ReadLine;
import almacen.ingest.validation.Fields;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import almacen.support.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/invoices} multipart ({@code file}, optional {@code branch}): an image already
 * seen (same sha256) answers 200 duplicate before any OCR; otherwise the reader's result is
 * validated like a typed invoice and published as CONFIRMED or NEEDS_REVIEW (the reader's own
 * issues make it NEEDS_REVIEW). {@code ?preview=true} reads and answers without publishing or
 * checking duplicates.
 */
@RestController
public class InvoiceUploadController {

  private final InvoiceReader reader;
  private final InvoiceService invoices;

  public InvoiceUploadController(InvoiceReader reader, InvoiceService invoices) {
    this.reader = reader;
    this.invoices = invoices;
  }

  @PostMapping(path = "/api/invoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RequiresRole(Role.STOCK)
  public ResponseEntity<InvoiceJson.View> upload(@RequestPart("file") MultipartFile file,
      @RequestParam(name = "branch", required = false) String branch,
      @RequestParam(name = "preview", defaultValue = "false") boolean preview) {
    String cleanBranch = Fields.branch(branch, "branch");
    byte[] bytes = bytes(file);
    if (!preview) {
      Optional<InvoiceService.Result> seen = invoices.seenImage(sha256(bytes));
      if (seen.isPresent()) {
        return InvoiceController.answer(seen.get());
      }
    }
    ReadInvoice read;
    try {
      read = reader.read(bytes, cleanBranch);
    } catch (InvoiceReadException e) {
      throw new ApiException(HttpStatus.valueOf(e.status()), e.code(), e.getMessage(), e.status() == 413 ? "file" : null);
    }
    ValidationResult result = invoices.validate(draft(read, cleanBranch, sha256(bytes)));
    for (String issue : read.issues()) {
      result = result.withIssue(new Issue(IssueCode.OCR, issue));
    }
    if (preview) {
      return ResponseEntity.ok(InvoiceJson.view(result));
    }
    return InvoiceController.answer(invoices.submitRead(result));
  }

  static InvoiceDraft draft(ReadInvoice read, String branch, String sha256) {
    List<InvoiceDraft.Line> lines = read.lines().stream().map(InvoiceUploadController::line).toList();
    almacen.events.SourceKind kind = read.sourceKind() == almacen.ingest.ocr.SourceKind.PDF
        ? almacen.events.SourceKind.PDF : almacen.events.SourceKind.PHOTO;
    return new InvoiceDraft(read.supplierCuit(), read.supplierName(),
        read.type() == null ? null : almacen.events.InvoiceType.valueOf(read.type().name()),
        read.pointOfSale(), read.number(), read.issueDate(), read.cae(), branch, null, lines, read.netTotal(),
        read.ivaTotal(), read.otherTaxes(), read.total(),
        new InvoiceDraft.Source(kind, read.sha256() != null ? read.sha256() : sha256, read.qr() != null),
        read.confidence());
  }

  private static InvoiceDraft.Line line(ReadLine l) {
    return new InvoiceDraft.Line(null, l.supplierCode(), l.description(), l.qty(), l.unitPrice(), l.ivaRatePct(),
        l.lineTotal());
  }

  private static byte[] bytes(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      throw ApiException.badRequest("MISSING_PART", "Part file is required and must not be empty", "file");
    }
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded file", e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }
}
