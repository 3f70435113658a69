package almacen.ingest.upload;

import almacen.ingest.ocr.InvoiceReadException;
import almacen.ingest.ocr.InvoiceReader;
import almacen.ingest.ocr.PhotoTransform;
import almacen.ingest.ocr.ReadDeadline;
import almacen.ingest.ocr.ReadInvoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upload's read on an OCR worker. Its deadline starts when a worker picks it up. The waiting
 * request may abandon it while it is still queued (it then never runs) or cancel it at its deadline
 * (the reader stops at its next check; the thread is interrupted for code that only sees the flag).
 * The admission ticket is held until {@link #run()} has really returned.
 */
final class ReadJob implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(ReadJob.class);

  private enum State {
    QUEUED,
    RUNNING,
    ABANDONED
  }

  private final InvoiceReader reader;
  private final List<SpooledUpload> uploads;
  private final String branch;
  private final PhotoTransform transform;
  private final Duration timeout;
  private final AdmissionTicket ticket;
  private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
  final CompletableFuture<ReadDeadline> started = new CompletableFuture<>();
  final CompletableFuture<ReadInvoice> result = new CompletableFuture<>();
  private Thread runner; // guarded by this: interrupted only while it still runs this job

  ReadJob(
      InvoiceReader reader,
      List<SpooledUpload> uploads,
      String branch,
      PhotoTransform transform,
      Duration timeout,
      AdmissionTicket ticket) {
    this.reader = reader;
    this.uploads = List.copyOf(uploads);
    this.branch = branch;
    this.transform = transform;
    this.timeout = timeout;
    this.ticket = ticket;
  }

  @Override
  public void run() {
    try {
      if (!state.compareAndSet(State.QUEUED, State.RUNNING)) {
        return; // the request stopped waiting before a worker was free: no work at all
      }
      ReadDeadline deadline = ReadDeadline.startingNow(timeout);
      synchronized (this) {
        runner = Thread.currentThread();
      }
      started.complete(deadline);
      deadline.check("empezar la lectura");
      if (uploads.size() == 1 && transform.isNone()) {
        result.complete(reader.read(uploads.get(0).bytes(), branch, deadline));
      } else {
        List<byte[]> pages = new ArrayList<>();
        for (SpooledUpload u : uploads) {
          pages.add(u.bytes());
        }
        result.complete(
            transform.isNone()
                ? reader.readPages(pages, branch, deadline)
                : reader.readPages(pages, branch, deadline, transform));
      }
    } catch (InvoiceReadException e) {
      result.completeExceptionally(e);
    } catch (IOException e) {
      result.completeExceptionally(
          new UncheckedIOException("Cannot read the spooled upload back", e));
    } catch (RuntimeException | StackOverflowError e) {
      // a decoder choking on a crafted file is the file's fault: a 422 for the client, the trace
      // for us
      log.warn("Reading an uploaded invoice failed unexpectedly; answering 422", e);
      result.completeExceptionally(
          new InvoiceReadException(
              422,
              "UNREADABLE_FILE",
              "El archivo está dañado y no se puede leer (" + e.getClass().getSimpleName() + ").",
              e));
    } finally {
      synchronized (this) {
        runner = null;
        Thread.interrupted(); // a cancel's interrupt must not reach the worker's next job
      }
      ticket.release();
    }
  }

  /**
   * Marks the job abandoned: returns true when it was still queued, so it will never run, and the
   * caller must {@link #discard()} it if it can take it out of the queue.
   */
  boolean abandon() {
    return state.compareAndSet(State.QUEUED, State.ABANDONED);
  }

  /** Gives back the job's hold on the ticket for a job taken out of the queue unrun. */
  void discard() {
    ticket.release();
  }

  /**
   * Stops a running read at its next check; interrupts its thread for code that only sees the flag.
   */
  void cancel(ReadDeadline deadline) {
    deadline.cancel();
    synchronized (this) {
      if (runner != null) {
        runner.interrupt();
      }
    }
  }
}
