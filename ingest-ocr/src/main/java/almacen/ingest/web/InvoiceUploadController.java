package almacen.ingest.web;

import almacen.ingest.invoice.InvoiceDraft;
import almacen.ingest.invoice.InvoiceService;
import almacen.ingest.invoice.ValidationResult;
import almacen.ingest.ocr.InvoiceReadException;
import almacen.ingest.ocr.PhotoTransform;
import almacen.ingest.ocr.ReadInvoice;
import almacen.ingest.ocr.ReadLine;
import almacen.ingest.upload.AdmissionTicket;
import almacen.ingest.upload.ReadWorkers;
import almacen.ingest.upload.SpooledUpload;
import almacen.ingest.upload.UploadAdmission;
import almacen.ingest.upload.UploadAdmissionFilter;
import almacen.ingest.upload.UploadSpooler;
import almacen.ingest.validation.Fields;
import almacen.support.security.BranchAccess;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import almacen.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/invoices} multipart ({@code file}, optional {@code branch}); {@code file} may be
 * repeated, up to 10 times, for the photos of one invoice's pages in order. The request was
 * admitted before its body was read ({@link UploadAdmissionFilter}); the file is streamed to a temp
 * file and hashed on the way ({@link UploadSpooler}, 413 past 15 MB). An image already seen (same
 * sha256) answers 200 duplicate before any OCR; otherwise an OCR worker reads it under one deadline
 * ({@link ReadWorkers}) and the result is validated like a typed invoice and published as CONFIRMED
 * or NEEDS_REVIEW (the reader's own issues make it NEEDS_REVIEW), after what the review taught
 * about its supplier is applied ({@link InvoiceService#validateRead}). {@code ?preview=true} reads
 * and answers without publishing or checking duplicates. {@code rotate} and {@code crop} ({@link
 * PhotoTransformParams}) turn and crop every photo before it is read, so a person can read a
 * sideways or cluttered photo again; the image's sha256 stays that of the bytes sent, so the same
 * photo is still the same invoice. Read failures are answered by {@code UploadErrorHandler}.
 */
@RestController
public class InvoiceUploadController {

  /** Pages of one invoice: photos in one request, like a PDF's pages. */
  static final int MAX_PAGES = 10;

  private final ReadWorkers workers;
  private final UploadSpooler spooler;
  private final InvoiceService invoices;

  public InvoiceUploadController(
      ReadWorkers workers, UploadSpooler spooler, InvoiceService invoices) {
    this.workers = workers;
    this.spooler = spooler;
    this.invoices = invoices;
  }

  @PostMapping(path = "/api/invoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RequiresRole(Role.STOCK)
  public ResponseEntity<InvoiceJson.View> upload(
      @RequestPart("file") List<MultipartFile> files,
      @RequestParam(name = "branch", required = false) String branch,
      @RequestParam(name = "preview", defaultValue = "false") boolean preview,
      @RequestParam(name = "rotate", required = false) String rotate,
      @RequestParam(name = "crop", required = false) String crop,
      HttpServletRequest request)
      throws InvoiceReadException, IOException {
    String cleanBranch = Fields.branch(branch, "branch");
    BranchAccess.require(cleanBranch);
    PhotoTransform transform = PhotoTransformParams.parse(rotate, crop);
    if (files == null
        || files.isEmpty()
        || files.stream().anyMatch(f -> f == null || f.isEmpty())) {
      throw ApiException.badRequest(
          "MISSING_PART", "Part file is required and must not be empty", "file");
    }
    if (files.size() > MAX_PAGES) {
      throw new InvoiceReadException(
          413,
          "TOO_MANY_PAGES",
          "Una factura tiene como máximo "
              + MAX_PAGES
              + " páginas; se enviaron "
              + files.size()
              + ".");
    }
    AdmissionTicket ticket = UploadAdmission.ticketOf(request);
    List<SpooledUpload> uploads = new ArrayList<>();
    try {
      for (MultipartFile file : files) {
        try (InputStream in = file.getInputStream()) {
          uploads.add(spooler.spool(in));
        }
      }
      String sha256 = uploads.size() == 1 ? uploads.get(0).sha256() : sha256(uploads);
      if (!preview) {
        Optional<InvoiceService.Result> seen = invoices.seenImage(sha256);
        if (seen.isPresent()) {
          return InvoiceController.answer(seen.get());
        }
      }
      ReadInvoice read = workers.read(uploads, cleanBranch, transform, ticket);
      ValidationResult result =
          invoices.validateRead(draft(read, cleanBranch, sha256), read.issues(), read.notes());
      if (preview) {
        return ResponseEntity.ok(InvoiceJson.view(result));
      }
      return InvoiceController.answer(invoices.submitRead(result, Caller.username()));
    } finally {
      uploads.forEach(SpooledUpload::close);
    }
  }

  /** The photos of one invoice's pages: the hash of their bytes one after the other. */
  private static String sha256(List<SpooledUpload> uploads) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (SpooledUpload u : uploads) {
        digest.update(u.bytes());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JRE", e);
    }
  }

  static InvoiceDraft draft(ReadInvoice read, String branch, String sha256) {
    List<InvoiceDraft.Line> lines =
        read.lines().stream().map(InvoiceUploadController::line).toList();
    almacen.events.SourceKind kind =
        read.sourceKind() == almacen.ingest.ocr.SourceKind.PDF
            ? almacen.events.SourceKind.PDF
            : almacen.events.SourceKind.PHOTO;
    return new InvoiceDraft(
        read.supplierCuit(),
        read.supplierName(),
        read.type() == null ? null : almacen.events.InvoiceType.valueOf(read.type().name()),
        read.pointOfSale(),
        read.number(),
        read.issueDate(),
        read.cae(),
        branch,
        null,
        lines,
        read.netTotal(),
        read.ivaTotal(),
        read.otherTaxes(),
        read.total(),
        new InvoiceDraft.Source(
            kind, read.sha256() != null ? read.sha256() : sha256, read.qr() != null),
        read.confidence(),
        read.kind());
  }

  private static InvoiceDraft.Line line(ReadLine l) {
    return new InvoiceDraft.Line(
        null,
        l.supplierCode(),
        l.description(),
        l.qty(),
        l.unitPrice(),
        l.ivaRatePct(),
        l.lineTotal(),
        l.discountPct());
  }
}
