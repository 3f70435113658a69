package almacen.ingest.ocr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Seconds per invoice of the whole reader against the bare {@code tesseract} CLI on the same JPEGs
 * (the 12 photos of {@link PhotoSet}), one image at a time, interleaved so both see the same
 * machine load; plus the QR hit rate and, for context, how many lines each gets right (the CLI's
 * text through the same parser). Run by {@code scripts/bench-ocr}; not a test.
 *
 * <p>Usage: {@code OcrBenchmark DIR [ROUNDS]} — writes the photos to DIR, reads each ROUNDS times
 * (default 3).
 */
public final class OcrBenchmark {

  private OcrBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (!"1".equals(System.getenv("OMP_THREAD_LIMIT"))) {
      System.out.println(
          "warning: OMP_THREAD_LIMIT is not 1; Tesseract's OpenMP threads will skew both sides");
    }
    List<InvoiceImageGenerator.Sample> photos = PhotoSet.photos(PhotoSet.SEED);
    for (int k = 0; k < photos.size(); k++) {
      Files.write(image(dir, k), photos.get(k).bytes());
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    try (TesseractOcrEngine engine = new TesseractOcrEngine("", "spa")) {
      OcrInvoiceReader reader =
          new OcrInvoiceReader(engine, new ZxingQrDecoder(), OcrSettings.defaults());
      // warm-up: JIT, the first TessBaseAPI (loads spa) and the CLI's page cache, not measured
      reader.read(photos.get(0).bytes(), "bench");
      cli(image(dir, 0));
      double readerTotal = 0;
      double readerCpuTotal = 0;
      double cliTotal = 0;
      int qrHits = 0;
      int qrExpected = 0;
      int lines = 0;
      int readerExact = 0;
      int cliExact = 0;
      System.out.println(
          "| # | dpi | QR | reader s | reader CPU s | tesseract CLI s | ratio | lines exact reader / CLI text |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      for (int k = 0; k < photos.size(); k++) {
        InvoiceImageGenerator.Sample s = photos.get(k);
        double readerSec = Double.MAX_VALUE;
        double readerCpu = Double.MAX_VALUE;
        double cliSec = Double.MAX_VALUE;
        ReadInvoice read = null;
        String cliText = null;
        for (int r = 0; r < rounds; r++) {
          long c0 = cpu.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          read = reader.read(s.bytes(), "bench");
          readerSec = Math.min(readerSec, (System.nanoTime() - t0) / 1e9);
          readerCpu = Math.min(readerCpu, (cpu.getCurrentThreadCpuTime() - c0) / 1e9);
          long t1 = System.nanoTime();
          cliText = cli(image(dir, k));
          cliSec = Math.min(cliSec, (System.nanoTime() - t1) / 1e9);
        }
        int exactReader = PhotoSet.exactLines(s.truth(), read.lines());
        int exactCli = PhotoSet.exactLines(s.truth(), InvoiceTextParser.parse(cliText).lines());
        readerTotal += readerSec;
        readerCpuTotal += readerCpu;
        cliTotal += cliSec;
        lines += s.truth().lines().size();
        readerExact += exactReader;
        cliExact += exactCli;
        if (s.truth().qr()) {
          qrExpected++;
          qrHits += read.qrPresent() ? 1 : 0;
        }
        System.out.printf(
            Locale.ROOT,
            "| %d | %d | %s | %.2f | %.2f | %.2f | %.2f | %d / %d of %d |%n",
            k + 1,
            s.dpi(),
            s.truth().qr() ? (read.qrPresent() ? "hit" : "miss") : "-",
            readerSec,
            readerCpu,
            cliSec,
            readerSec / cliSec,
            exactReader,
            exactCli,
            s.truth().lines().size());
      }
      int n = photos.size();
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "reader: %.2f s per invoice (CPU %.2f s), tesseract CLI: %.2f s per image, ratio %.2fx "
              + "(best of %d rounds each)%n",
          readerTotal / n,
          readerCpuTotal / n,
          cliTotal / n,
          readerTotal / cliTotal,
          rounds);
      System.out.printf(
          Locale.ROOT,
          "QR hit rate: %d/%d; lines exact: reader %d/%d = %.1f %%, CLI text through the same parser %d/%d = %.1f %%%n",
          qrHits,
          qrExpected,
          readerExact,
          lines,
          100.0 * readerExact / lines,
          cliExact,
          lines,
          100.0 * cliExact / lines);
    }
  }

  private static Path image(Path dir, int k) {
    return dir.resolve(String.format(Locale.ROOT, "photo-%02d.jpg", k + 1));
  }

  /** {@code tesseract IMG - -l spa}, one OpenMP thread; returns its text. */
  private static String cli(Path image) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("tesseract", image.toString(), "-", "-l", "spa");
    pb.environment().put("OMP_THREAD_LIMIT", "1");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("tesseract failed on " + image);
    }
    return text;
  }
}
