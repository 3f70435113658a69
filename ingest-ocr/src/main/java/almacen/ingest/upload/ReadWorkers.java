package almacen.ingest.upload;

import almacen.ingest.ocr.InvoiceReadException;
import almacen.ingest.ocr.InvoiceReader;
import almacen.ingest.ocr.OcrSettings;
import almacen.ingest.ocr.PhotoTransform;
import almacen.ingest.ocr.ReadDeadline;
import almacen.ingest.ocr.ReadInvoice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OCR workers: {@code maxConcurrent} threads and a queue as long as the admission allows, so a
 * submit is never refused once a request was admitted. The request thread waits for its job: up to
 * {@code queueWait} for a worker (503 {@code OCR_BUSY} beyond, and the job never runs), then up to
 * the read's deadline (504 {@code OCR_TIMEOUT} beyond, and the job is cancelled). A worker is free
 * again only when the cancelled read has really stopped.
 */
public final class ReadWorkers implements AutoCloseable {

  private static final Counter QUEUE_WAIT =
      Counter.builder("almacen.ocr.refused")
          .tag("reason", "queue-wait")
          .description("Invoice uploads refused with 503 because no OCR worker became free in time")
          .register(Metrics.globalRegistry);

  private final InvoiceReader reader;
  private final OcrSettings settings;
  private final AdmissionSettings admission;
  private final ThreadPoolExecutor pool;

  public ReadWorkers(InvoiceReader reader, OcrSettings settings, AdmissionSettings admission) {
    this.reader = reader;
    this.settings = settings;
    this.admission = admission;
    AtomicInteger number = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            admission.maxConcurrent(),
            admission.maxConcurrent(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(admission.admitted()),
            task -> {
              Thread t = new Thread(task, "ocr-worker-" + number.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Reads {@code upload} on a worker and waits for the result.
   *
   * @param ticket the request's admission; the job holds it as well until its work has stopped
   * @throws InvoiceReadException the reader's 413/415/422, 503 when no worker was free within the
   *     queue wait, 504 when the read ran over its deadline
   */
  public ReadInvoice read(SpooledUpload upload, String branch, AdmissionTicket ticket)
      throws InvoiceReadException {
    return read(List.of(upload), branch, ticket);
  }

  /** Reads the photos of one invoice's pages ({@code uploads} in page order) as one read. */
  public ReadInvoice read(List<SpooledUpload> uploads, String branch, AdmissionTicket ticket)
      throws InvoiceReadException {
    return read(uploads, branch, PhotoTransform.NONE, ticket);
  }

  /** As {@link #read(List, String, AdmissionTicket)}, each photo turned and cropped first. */
  public ReadInvoice read(
      List<SpooledUpload> uploads, String branch, PhotoTransform transform, AdmissionTicket ticket)
      throws InvoiceReadException {
    ReadJob job = new ReadJob(reader, uploads, branch, transform, settings.timeout(), ticket);
    ticket.share();
    try {
      pool.execute(job);
    } catch (RejectedExecutionException e) {
      job.discard();
      throw busy(
          "El lector de facturas no acepta más trabajos ahora; reintentá en unos segundos.", e);
    }
    ReadDeadline deadline = awaitStart(job);
    try {
      return job.result.get(Math.max(0, deadline.millisLeft()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      job.cancel(deadline);
      throw new InvoiceReadException(
          504,
          "OCR_TIMEOUT",
          "Se agotó el tiempo de lectura ("
              + settings.timeout().toSeconds()
              + " s); la lectura se detuvo.",
          e);
    } catch (InterruptedException e) {
      job.cancel(deadline);
      Thread.currentThread().interrupt();
      throw busy("La lectura fue interrumpida (el servicio se está deteniendo).", e);
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  private ReadDeadline awaitStart(ReadJob job) throws InvoiceReadException {
    try {
      return job.started.get(admission.queueWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (job.abandon()) {
        if (pool.remove(job)) {
          job.discard();
        }
        QUEUE_WAIT.increment();
        throw busy(
            "Ningún lector de facturas quedó libre en "
                + admission.queueWait().toSeconds()
                + " s; reintentá en unos segundos.",
            e);
      }
      return job.started.join(); // a worker took it just now
    } catch (InterruptedException e) {
      if (job.abandon() && pool.remove(job)) {
        job.discard();
      }
      Thread.currentThread().interrupt();
      throw busy("La espera de un lector fue interrumpida (el servicio se está deteniendo).", e);
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  private static InvoiceReadException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof InvoiceReadException read) {
      return read;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw new IllegalStateException("The invoice read failed", cause);
  }

  private static InvoiceReadException busy(String message, Throwable cause) {
    return new InvoiceReadException(503, "OCR_BUSY", message, cause);
  }

  /** Jobs queued or running; for tests and metrics. */
  public int active() {
    return pool.getActiveCount() + pool.getQueue().size();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
