package almacen.ingest.ocr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Reads the evaluation set ({@link EvalSet}) generated with other seeds than the reported one and
 * prints, per seed, lines exact, headers exact, auto-confirmed and wrongly confirmed per capture
 * kind; with {@code --details} also every line that is not exact (truth against the closest read
 * line), every header field read wrong and the issues of a wrong confirmation. A development tool
 * (the held-out figures in docs/ocr.md are {@link #markdown}'s): not a test.
 *
 * <p>Usage: {@code EvalSeeds [--details] [--capture=TEXT_PDF|SCAN|PHOTO] [--layout=N] SEED...}.
 */
public final class EvalSeeds {

  private EvalSeeds() {}

  public static void main(String[] args) throws Exception {
    boolean details = false;
    boolean texts = false;
    boolean confidences = false;
    boolean reviews = false;
    Predicate<EvalSet.Capture> captures = c -> true;
    Predicate<EvalSet.Sample> layouts = s -> true;
    List<Long> seeds = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--details")) {
        details = true;
      } else if (a.equals("--reviews")) {
        reviews = true;
      } else if (a.equals("--confidence")) {
        confidences = true;
      } else if (a.equals("--text")) {
        details = true;
        texts = true;
      } else if (a.startsWith("--capture=")) {
        EvalSet.Capture only = EvalSet.Capture.valueOf(a.substring("--capture=".length()));
        captures = c -> c == only;
      } else if (a.startsWith("--layout=")) {
        int only = Integer.parseInt(a.substring("--layout=".length()));
        layouts = s -> s.layout().id() == only;
      } else {
        seeds.add(Long.parseLong(a));
      }
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException(
          "Usage: EvalSeeds [--details] [--reviews] [--confidence] [--text] [--capture=KIND]"
              + " [--layout=N] SEED...");
    }
    try (TesseractOcrEngine engine = new TesseractOcrEngine("", "spa")) {
      Recording recording = new Recording(engine);
      OcrInvoiceReader reader =
          new OcrInvoiceReader(
              texts || confidences ? recording : engine,
              new ZxingQrDecoder(),
              OcrSettings.defaults());
      Map<Long, EvalAccuracy> bySeed = new LinkedHashMap<>();
      for (long seed : seeds) {
        List<EvalSet.Sample> samples =
            EvalSet.some(seed, captures).stream().filter(layouts).toList();
        EvalAccuracy a;
        if (confidences) {
          List<EvalAccuracy.Result> rs = new ArrayList<>();
          for (EvalSet.Sample s : samples) {
            recording.confidences.clear();
            EvalAccuracy.Result r = EvalAccuracy.measure(reader, List.of(s)).results().get(0);
            rs.add(r);
            System.out.print(confidences(r, recording.confidences));
          }
          a = new EvalAccuracy(rs);
        } else if (texts) {
          List<EvalAccuracy.Result> rs = new ArrayList<>();
          for (EvalSet.Sample s : samples) {
            recording.texts.clear();
            EvalAccuracy.Result r = EvalAccuracy.measure(reader, List.of(s)).results().get(0);
            rs.add(r);
            if (!(r.allLines() && r.headerAll())) {
              System.out.println("##### OCR text of " + s.id());
              recording.texts.forEach(System.out::println);
            }
          }
          a = new EvalAccuracy(rs);
        } else {
          a = EvalAccuracy.measure(reader, samples);
        }
        bySeed.put(seed, a);
        if (details) {
          System.out.print(failures(seed, a));
        }
        if (reviews) {
          System.out.print(exactButReviewed(seed, a));
        }
        System.out.print(summary(seed, a));
        System.out.flush();
      }
      System.out.print(markdown(bySeed));
    }
  }

  /** One line per capture kind and one for all. */
  static String summary(long seed, EvalAccuracy a) {
    StringBuilder out = new StringBuilder();
    for (EvalSet.Capture c : EvalSet.Capture.values()) {
      EvalAccuracy.Totals t = a.totals(r -> r.sample().capture() == c);
      if (t.invoices() > 0) {
        out.append(line(seed, c.name(), t));
      }
    }
    out.append(line(seed, "ALL", a.totals(r -> true)));
    return out.toString();
  }

  private static String line(long seed, String what, EvalAccuracy.Totals t) {
    return String.format(
        Locale.ROOT,
        "seed %d %-8s lines %d/%d (%.1f %%) headers %d/%d confirmed %d wrong %d %.1f s/invoice%n",
        seed,
        what,
        t.linesExact(),
        t.lines(),
        t.lineShare(),
        t.headersExact(),
        t.invoices(),
        t.confirmed(),
        t.wrong(),
        t.millis() / 1000.0 / Math.max(1, t.invoices()));
  }

  /**
   * The issues that sent a reading with every line and header field exact to review: what keeps a
   * right reading from confirming on its own.
   */
  static String exactButReviewed(long seed, EvalAccuracy a) {
    StringBuilder out = new StringBuilder();
    for (EvalAccuracy.Result r : a.results()) {
      if (r.allLines() && r.headerAll() && !r.autoConfirmed()) {
        out.append(
            String.format(Locale.ROOT, "== seed %d %s exact, review%n", seed, r.sample().id()));
        r.read().issues().forEach(i -> out.append("  issue ").append(i).append('\n'));
      }
    }
    return out.toString();
  }

  /** Every line not read exactly and every header field read wrong, sample by sample. */
  static String failures(long seed, EvalAccuracy a) {
    StringBuilder out = new StringBuilder();
    for (EvalAccuracy.Result r : a.results()) {
      if (r.allLines() && r.headerAll()) {
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT,
              "== seed %d %s (%s, %s) lines %d/%d read %d header %d/%d %s%n",
              seed,
              r.sample().id(),
              r.sample().truth().type(),
              r.sample().font(),
              r.linesExact(),
              r.lines(),
              r.read().lines().size(),
              r.headerExact(),
              EvalAccuracy.HEADER_FIELDS.size(),
              r.wrongConfirm() ? "WRONG CONFIRM" : (r.autoConfirmed() ? "confirmed" : "review")));
      List<ReadLine> left = new ArrayList<>(r.read().lines());
      List<ReadLine> missed = new ArrayList<>();
      for (ReadLine t : r.sample().truth().lines()) {
        int match = -1;
        for (int k = 0; k < left.size() && match < 0; k++) {
          if (EvalAccuracy.exactLines(single(r.sample().truth(), t), List.of(left.get(k))) == 1) {
            match = k;
          }
        }
        if (match >= 0) {
          left.remove(match);
        } else {
          missed.add(t);
        }
      }
      for (ReadLine t : missed) {
        ReadLine closest = closest(t, left);
        if (closest != null) {
          left.remove(closest);
        }
        out.append("  truth ").append(show(t)).append('\n');
        out.append("  read  ").append(closest == null ? "(none)" : show(closest)).append('\n');
      }
      for (ReadLine extra : left) {
        out.append("  extra ").append(show(extra)).append('\n');
      }
      for (String f : EvalAccuracy.HEADER_FIELDS) {
        if (!EvalAccuracy.same(f, r.sample().truth(), r.read())) {
          out.append("  header ")
              .append(f)
              .append(" read wrong: ")
              .append(readField(f, r.read()))
              .append(" (truth ")
              .append(truthField(f, r.sample().truth()))
              .append(")\n");
        }
      }
      r.read().issues().forEach(i -> out.append("  issue ").append(i).append('\n'));
      r.read().notes().forEach(i -> out.append("  note ").append(i).append('\n'));
    }
    return out.toString();
  }

  private static Object readField(String f, ReadInvoice r) {
    return switch (f) {
      case "type" -> r.type();
      case "pointOfSale" -> r.pointOfSale();
      case "number" -> r.number();
      case "issueDate" -> r.issueDate();
      case "supplierCuit" -> r.supplierCuit();
      case "supplierName" -> r.supplierName();
      case "buyerCuit" -> r.buyerCuit();
      case "cae" -> r.cae();
      case "netTotal" -> r.netTotal();
      default -> r.total();
    };
  }

  private static Object truthField(String f, InvoiceImageGenerator.Truth t) {
    return switch (f) {
      case "type" -> t.type();
      case "pointOfSale" -> t.pointOfSale();
      case "number" -> t.number();
      case "issueDate" -> t.issueDate();
      case "supplierCuit" -> t.supplierCuit();
      case "supplierName" -> t.supplierName();
      case "buyerCuit" -> t.buyerCuit();
      case "cae" -> t.cae();
      case "netTotal" -> t.netTotal();
      default -> t.total();
    };
  }

  /**
   * Per read item: the lowest confidence the engine gave a word of its code or description, and
   * whether the item is exact, to choose {@link ItemDoubts#DOUBTED_BELOW}.
   */
  static String confidences(EvalAccuracy.Result r, Map<String, Integer> confidence) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "SAMPLE %s %s%n",
            r.sample().id(),
            r.wrongConfirm() ? "WRONG-CONFIRM" : (r.autoConfirmed() ? "confirmed" : "review")));
    for (ReadLine l : r.read().lines()) {
      boolean exact =
          r.sample().truth().lines().stream()
              .anyMatch(
                  t -> EvalAccuracy.exactLines(single(r.sample().truth(), t), List.of(l)) == 1);
      out.append(
          String.format(
              Locale.ROOT,
              "CONF %3d %s %s %s ## %s%n",
              lowest(l, confidence),
              exact ? "exact" : "WRONG",
              r.sample().id(),
              show(l),
              scored(l, confidence)));
    }
    return out.toString();
  }

  /** The lowest confidence among the item's code and description words; 100 if none known. */
  static int lowest(ReadLine line, Map<String, Integer> confidence) {
    int low = 100;
    for (String w : words(line)) {
      low = Math.min(low, confidence.getOrDefault(w, 100));
    }
    return low;
  }

  /** Each code and description word with its confidence ("Salarme:30"; -1 unknown). */
  static String scored(ReadLine line, Map<String, Integer> confidence) {
    StringBuilder out = new StringBuilder();
    for (String w : words(line)) {
      out.append(' ').append(w).append(':').append(confidence.getOrDefault(w, -1));
    }
    return out.toString().strip();
  }

  private static List<String> words(ReadLine line) {
    List<String> out = new ArrayList<>();
    for (String part : new String[] {line.supplierCode(), line.description()}) {
      if (part != null && !part.isBlank()) {
        out.addAll(List.of(part.strip().split("\\s+")));
      }
    }
    return out;
  }

  /** An engine that keeps the text and the word confidences of every page it reads. */
  private static final class Recording implements OcrEngine {
    private final OcrEngine engine;
    final List<String> texts = new ArrayList<>();
    final Map<String, Integer> confidences = new java.util.HashMap<>();

    Recording(OcrEngine engine) {
      this.engine = engine;
    }

    @Override
    public OcrText recognize(java.awt.image.BufferedImage page, int dpi, long millis)
        throws InvoiceReadException {
      return keep(engine.recognize(page, dpi, millis));
    }

    @Override
    public OcrText recognize(
        java.awt.image.BufferedImage page, int dpi, long millis, LineReview review)
        throws InvoiceReadException {
      return keep(engine.recognize(page, dpi, millis, review));
    }

    @Override
    public OcrText recognize(
        java.awt.image.BufferedImage page, int dpi, ReadDeadline deadline, LineReview review)
        throws InvoiceReadException {
      return keep(engine.recognize(page, dpi, deadline, review));
    }

    private OcrText keep(OcrText t) {
      texts.add(t.text());
      ItemDoubts.add(confidences, t.wordConfidence());
      return t;
    }
  }

  private static InvoiceImageGenerator.Truth single(InvoiceImageGenerator.Truth t, ReadLine l) {
    return new InvoiceImageGenerator.Truth(
        t.type(),
        t.pointOfSale(),
        t.number(),
        t.issueDate(),
        t.supplierCuit(),
        t.supplierName(),
        t.buyerCuit(),
        t.cae(),
        t.caeDueDate(),
        List.of(l),
        t.netTotal(),
        t.ivaByRate(),
        t.otherTaxes(),
        t.total(),
        t.qr());
  }

  private static ReadLine closest(ReadLine t, List<ReadLine> read) {
    ReadLine best = null;
    int bestScore = 0;
    for (ReadLine r : read) {
      int score =
          (Objects.equals(t.supplierCode(), r.supplierCode()) ? 1 : 0)
              + (t.description().equals(r.description()) ? 1 : 0)
              + (same(t.qty(), r.qty()) ? 1 : 0)
              + (same(t.unitPrice(), r.unitPrice()) ? 1 : 0)
              + (same(t.lineTotal(), r.lineTotal()) ? 1 : 0);
      if (score > bestScore) {
        best = r;
        bestScore = score;
      }
    }
    return best;
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a != null && b != null && a.compareTo(b) == 0;
  }

  private static String show(ReadLine l) {
    return String.format(
        Locale.ROOT,
        "%s | %s | %s x %s | %s%% | %s%s",
        l.supplierCode(),
        l.description(),
        plain(l.qty()),
        plain(l.unitPrice()),
        plain(l.ivaRatePct()),
        plain(l.lineTotal()),
        l.discountPct() == null ? "" : " -" + plain(l.discountPct()) + "%");
  }

  private static String plain(BigDecimal v) {
    return v == null ? "null" : v.toPlainString();
  }

  /** A markdown table: one row per seed and capture kind. */
  static String markdown(Map<Long, EvalAccuracy> bySeed) {
    return markdown(bySeed, seed -> "");
  }

  /**
   * A markdown table: one row per seed and capture kind, the seed labelled by {@code use} ("no
   * vista", "desarrollo").
   */
  static String markdown(
      Map<Long, EvalAccuracy> bySeed, java.util.function.LongFunction<String> use) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| semilla | captura | renglones exactos | encabezados exactos | confirman solas | mal confirmadas |\n");
    md.append("|---|---|---|---|---|---|\n");
    bySeed.forEach(
        (seed, a) -> {
          String label = seed + (use.apply(seed).isEmpty() ? "" : " (" + use.apply(seed) + ")");
          for (EvalSet.Capture c : EvalSet.Capture.values()) {
            EvalAccuracy.Totals t = a.totals(r -> r.sample().capture() == c);
            if (t.invoices() > 0) {
              md.append(mdRow(label, c.label, t));
            }
          }
          md.append(mdRow(label, "**todas**", a.totals(r -> true)));
        });
    return md.toString();
  }

  private static String mdRow(String seed, String what, EvalAccuracy.Totals t) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %d/%d = %.1f %% | %d/%d | %d/%d | %d |%n",
        seed,
        what,
        t.linesExact(),
        t.lines(),
        t.lineShare(),
        t.headersExact(),
        t.invoices(),
        t.confirmed(),
        t.invoices(),
        t.wrong());
  }
}
