package almacen.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import almacen.ingest.ocr.InvoiceReadException;
import almacen.ingest.ocr.OcrInvoiceReader;
import almacen.ingest.ocr.OcrSettings;
import almacen.ingest.ocr.TesseractOcrEngine;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Tesseract behind the workers: at the deadline the answer is 504 and the worker is free soon
 * after.
 */
@Tag("slow")
class TesseractCancellationTest {

  @TempDir Path spoolDir;

  @Test
  void shouldAnswer504AtTheDeadlineAndFreeTheWorkerBeforeTheReadWouldEndWhenTesseractIsMidPage()
      throws Exception {
    // given a dense 300 dpi page of text (several seconds of OCR) and a 1 s budget
    TesseractOcrEngine engine = new TesseractOcrEngine("", "spa");
    OcrSettings settings = new OcrSettings(Duration.ofSeconds(1));
    AdmissionSettings oneWorker = new AdmissionSettings(1, 0, Duration.ofSeconds(1));
    UploadAdmission admission = new UploadAdmission(1);
    try (ReadWorkers workers =
        new ReadWorkers(
            new OcrInvoiceReader(engine, page -> Optional.empty(), settings),
            settings,
            oneWorker)) {
      AdmissionTicket ticket = admission.tryAdmit().orElseThrow();
      SpooledUpload upload =
          new UploadSpooler(spoolDir, 15L * 1024 * 1024)
              .spool(new ByteArrayInputStream(densePage()));
      // when
      long started = System.nanoTime();
      InvoiceReadException answer = null;
      try {
        workers.read(upload, "central", ticket);
      } catch (InvoiceReadException e) {
        answer = e;
      }
      long answeredMs = (System.nanoTime() - started) / 1_000_000;
      ticket.release();
      await("worker free")
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(2))
          .until(() -> admission.available() > 0);
      long freeMs = (System.nanoTime() - started) / 1_000_000;
      // then
      assertThat(answer).isNotNull();
      assertThat(answer.status()).isEqualTo(504);
      // timings stretch on a loaded machine: what must hold is an answer near the deadline, and
      // the worker given back well before the page would have been read to its end
      assertThat(answeredMs).isBetween(950L, 2_500L);
      long fullMs = fullRead(engine);
      assertThat(freeMs).as("worker free vs a full read of %d ms", fullMs).isLessThan(fullMs - 500);
      System.out.printf(
          "tesseract: 504 after %d ms, worker free %d ms later (a full read: %d ms)%n",
          answeredMs, freeMs - answeredMs, fullMs);
    } finally {
      engine.close();
    }
  }

  /** How long the same page takes with time to spare. */
  private long fullRead(TesseractOcrEngine engine) throws Exception {
    OcrSettings generous = new OcrSettings(Duration.ofMinutes(2));
    UploadAdmission admission = new UploadAdmission(1);
    try (ReadWorkers workers =
        new ReadWorkers(
            new OcrInvoiceReader(engine, page -> Optional.empty(), generous),
            generous,
            new AdmissionSettings(1, 0, Duration.ofSeconds(1)))) {
      AdmissionTicket ticket = admission.tryAdmit().orElseThrow();
      SpooledUpload upload =
          new UploadSpooler(spoolDir, 15L * 1024 * 1024)
              .spool(new ByteArrayInputStream(densePage()));
      long started = System.nanoTime();
      try {
        workers.read(upload, "central", ticket);
      } catch (InvoiceReadException e) {
        // a page of prose is no invoice: 422 after the whole read, which is what is timed
        assertThat(e.status()).as(e.code()).isEqualTo(422);
      } finally {
        ticket.release();
      }
      return (System.nanoTime() - started) / 1_000_000;
    }
  }

  private static byte[] densePage() throws Exception {
    BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, page.getWidth(), page.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font("DejaVu Sans", Font.PLAIN, 34));
    for (int y = 120, row = 1; y < 3400; y += 48, row++) {
      g.drawString(
          "FACTURA A  renglon " + row + "  Yerba mate 1 kg  12 x 850,00 = 10.200,00  IVA 21 %",
          120,
          y);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(page, "png", out);
    return out.toByteArray();
  }
}
