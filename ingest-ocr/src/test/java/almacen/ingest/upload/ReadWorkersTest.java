package almacen.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.ingest.ocr.InvoiceReadException;
import almacen.ingest.ocr.InvoiceReader;
import almacen.ingest.ocr.OcrSettings;
import almacen.ingest.ocr.ReadInvoice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReadWorkersTest {

  @TempDir Path spoolDir;
  private ReadWorkers workers;

  @AfterEach
  void close() {
    if (workers != null) {
      workers.close();
    }
  }

  @Test
  void shouldAnswer504AtTheDeadlineAndRunNoLaterStageWhenAReadOverruns() throws Exception {
    // given a read whose first stage is one 400 ms call that cannot be interrupted (like a native
    // call),
    // a 100 ms budget, and the request's admission
    AtomicInteger laterStages = new AtomicInteger();
    CountDownLatch stopped = new CountDownLatch(1);
    InvoiceReader reader =
        (bytes, branch, deadline) -> {
          try {
            uninterruptibleWork(400);
            deadline.check("the next stage");
            laterStages.incrementAndGet();
            return null;
          } finally {
            stopped.countDown();
          }
        };
    workers =
        new ReadWorkers(
            reader,
            new OcrSettings(Duration.ofMillis(100)),
            new AdmissionSettings(1, 0, Duration.ofSeconds(1)));
    UploadAdmission admission = new UploadAdmission(1);
    AdmissionTicket ticket = admission.tryAdmit().orElseThrow();
    // when
    long started = System.nanoTime();
    Throwable answer = catchRead(ticket);
    long answeredAfterMs = (System.nanoTime() - started) / 1_000_000;
    ticket.release(); // the request is answered
    // then 504 at the deadline, and the permit comes back only once the work has really stopped
    assertThat(answer)
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(504);
              assertThat(e.code()).isEqualTo("OCR_TIMEOUT");
            });
    assertThat(answeredAfterMs).isBetween(90L, 300L);
    assertThat(admission.available()).isZero();
    assertThat(stopped.await(2, TimeUnit.SECONDS)).isTrue();
    awaitPermits(admission, 1);
    assertThat(laterStages.get()).isZero();
  }

  @Test
  void shouldInterruptTheWorkerWhenItsReadIsCancelled() throws Exception {
    // given a read that blocks (interruptibly) far past its 100 ms budget
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    CountDownLatch never = new CountDownLatch(1);
    InvoiceReader reader =
        (bytes, branch, deadline) -> {
          try {
            if (!never.await(5, TimeUnit.SECONDS)) {
              interrupted.complete(false);
            }
          } catch (InterruptedException e) {
            interrupted.complete(true);
          }
          deadline.check("the next stage");
          return null;
        };
    workers =
        new ReadWorkers(
            reader,
            new OcrSettings(Duration.ofMillis(100)),
            new AdmissionSettings(1, 0, Duration.ofSeconds(1)));
    UploadAdmission admission = new UploadAdmission(1);
    AdmissionTicket ticket = admission.tryAdmit().orElseThrow();
    // when
    assertThat(catchRead(ticket)).isInstanceOf(InvoiceReadException.class);
    ticket.release();
    // then the worker was woken at once and the permit is back
    assertThat(interrupted.get(1, TimeUnit.SECONDS)).isTrue();
    awaitPermits(admission, 1);
  }

  @Test
  void shouldAnswer503AndNeverRunTheReadWhenNoWorkerFreesUpWithinTheQueueWait() throws Exception {
    // given one worker busy with a read that waits for a latch, and a queue wait of 100 ms
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch firstRunning = new CountDownLatch(1);
    AtomicInteger reads = new AtomicInteger();
    InvoiceReader reader =
        (bytes, branch, deadline) -> {
          reads.incrementAndGet();
          firstRunning.countDown();
          await(release);
          return null;
        };
    workers =
        new ReadWorkers(
            reader,
            new OcrSettings(Duration.ofSeconds(30)),
            new AdmissionSettings(1, 1, Duration.ofMillis(100)));
    UploadAdmission admission = new UploadAdmission(2);
    AdmissionTicket first = admission.tryAdmit().orElseThrow();
    CompletableFuture<Throwable> firstAnswer =
        CompletableFuture.supplyAsync(() -> catchRead(first));
    assertThat(firstRunning.await(2, TimeUnit.SECONDS)).isTrue();
    AdmissionTicket second = admission.tryAdmit().orElseThrow();
    // when
    Throwable answer = catchRead(second);
    second.release();
    // then 503 with the busy code; its permit is back at once and its read never starts
    assertThat(answer)
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.code()).isEqualTo("OCR_BUSY");
            });
    assertThat(admission.available()).isEqualTo(1);
    release.countDown();
    assertThat(firstAnswer.get(2, TimeUnit.SECONDS)).isNull();
    first.release();
    awaitPermits(admission, 2);
    assertThat(reads.get()).isEqualTo(1);
  }

  @Test
  void shouldPassTheReadersRefusalThroughWhenTheFileIsBad() throws Exception {
    // given a reader refusing the file
    InvoiceReader reader =
        (bytes, branch, deadline) -> {
          throw new InvoiceReadException(413, "TOO_MANY_PAGES", "too many");
        };
    workers = new ReadWorkers(reader, OcrSettings.defaults(), AdmissionSettings.defaults());
    UploadAdmission admission = new UploadAdmission(1);
    AdmissionTicket ticket = admission.tryAdmit().orElseThrow();
    // when / then
    assertThat(catchRead(ticket))
        .isInstanceOfSatisfying(
            InvoiceReadException.class, e -> assertThat(e.code()).isEqualTo("TOO_MANY_PAGES"));
    ticket.release();
    awaitPermits(admission, 1);
  }

  @Test
  void shouldAnswer422WhenTheReaderFailsUnexpectedly() throws Exception {
    // given a decoder bug triggered by a crafted file
    InvoiceReader reader =
        (bytes, branch, deadline) -> {
          throw new ArrayIndexOutOfBoundsException(7);
        };
    workers = new ReadWorkers(reader, OcrSettings.defaults(), AdmissionSettings.defaults());
    AdmissionTicket ticket = new UploadAdmission(1).tryAdmit().orElseThrow();
    // when / then a 4xx, never a 500, for what a client sent
    assertThatThrownBy(() -> workers.read(spool("x"), "central", ticket))
        .isInstanceOfSatisfying(
            InvoiceReadException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("UNREADABLE_FILE");
            });
  }

  @Test
  void shouldReturnTheReadWhenItFinishesInTime() throws Exception {
    // given a reader that sees the spooled bytes
    AtomicInteger seen = new AtomicInteger();
    InvoiceReader reader =
        (bytes, branch, deadline) -> {
          seen.set(bytes.length);
          return null;
        };
    workers = new ReadWorkers(reader, OcrSettings.defaults(), AdmissionSettings.defaults());
    AdmissionTicket ticket = new UploadAdmission(1).tryAdmit().orElseThrow();
    // when
    ReadInvoice read = workers.read(spool("hello"), "central", ticket);
    // then
    assertThat(read).isNull();
    assertThat(seen.get()).isEqualTo(5);
  }

  private Throwable catchRead(AdmissionTicket ticket) {
    try (SpooledUpload upload = spool("%PDF-")) {
      workers.read(upload, "central", ticket);
      return null;
    } catch (InvoiceReadException | IOException e) {
      return e;
    }
  }

  private SpooledUpload spool(String content) throws IOException {
    return new UploadSpooler(spoolDir, 1024)
        .spool(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static void awaitPermits(UploadAdmission admission, int expected) {
    Awaitility.await("permits back")
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(admission.available()).isEqualTo(expected));
  }

  /** Busy work that ignores interrupts, like a native Tesseract or PDFBox call. */
  private static void uninterruptibleWork(long millis) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
