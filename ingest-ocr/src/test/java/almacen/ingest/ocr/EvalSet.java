package almacen.ingest.ocr;

import almacen.ingest.ocr.InvoiceImageGenerator.Product;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The evaluation set: invoices in 8 layouts, each captured 3 ways (a text PDF, a scan sent as an
 * image-only PDF, phone photos), with their truth. Layouts 0–2 are those the reader was tuned on
 * ({@link InvoiceImageGenerator}'s); 3–7 are held out: an EAN column beside the supplier's code
 * with a per-line IVA rate and the name on the point of sale's baseline, a wholesaler's dense
 * two-page invoice with "Transporte" carry lines, an 80 mm till roll (items on two lines, amounts
 * without thousands separators), price before quantity under dates printed first, and a row-number
 * column with the supplier code and the quantity before the description. Deterministic for a seed.
 */
final class EvalSet {

  static final long SEED = 20261204L;

  /** Invoices per layout and capture kind. */
  static final int PER_KIND = 2;

  enum Capture {
    TEXT_PDF("PDF con texto"),
    SCAN("escaneo (PDF de imagen)"),
    PHOTO("foto de teléfono");

    final String label;

    Capture(String label) {
      this.label = label;
    }
  }

  /**
   * One layout: its name, whether the reader was tuned on it, whether it prints a rate per line and
   * the supplier's code.
   */
  record Layout(int id, String name, boolean heldOut, boolean printsRate, boolean printsCode) {}

  static final List<Layout> LAYOUTS =
      List.of(
          new Layout(0, "AFIP clásico (código, producto, cantidad, precio)", false, true, true),
          new Layout(1, "cantidad primero", false, false, true),
          new Layout(2, "código después de la descripción", false, false, true),
          new Layout(
              3,
              "EAN + código + IVA % por renglón, razón social junto al punto de venta",
              true,
              true,
              true),
          new Layout(4, "mayorista, 2 páginas con Transporte", true, true, true),
          new Layout(
              5, "tique 80 mm, renglón en 2 líneas, sin separador de miles", true, false, false),
          new Layout(6, "precio antes de cantidad, fechas primero", true, false, false),
          new Layout(
              7,
              "n° de ítem + código de proveedor + cantidad antes de la descripción",
              true,
              false,
              true));

  /** One invoice as uploaded: one file (a PDF, or one photo) or several photos of its pages. */
  // the bytes are handed to the reader as they are; samples are never compared or hashed
  @SuppressWarnings("ArrayRecordComponent")
  record Sample(
      String id,
      Layout layout,
      Capture capture,
      List<byte[]> files,
      InvoiceImageGenerator.Truth truth,
      int pages,
      String font) {}

  /** Every product, with its EAN ({@link InvoiceImageGenerator#ALL_PRODUCTS}). */
  static final List<Product> CATALOGUE = InvoiceImageGenerator.ALL_PRODUCTS;

  private final long seed;
  // each sample draws from its own generator, so any subset of the set is the same samples
  private Random random;
  private InvoiceImageGenerator degrader;

  EvalSet(long seed) {
    this.seed = seed;
  }

  /** The whole set: every layout × capture kind × {@link #PER_KIND}. */
  static List<Sample> all(long seed) {
    return some(seed, c -> true);
  }

  /** The samples of the capture kinds {@code which} accepts, the same as in {@link #all}. */
  static List<Sample> some(long seed, java.util.function.Predicate<Capture> which) {
    EvalSet set = new EvalSet(seed);
    List<Sample> out = new ArrayList<>();
    for (Layout l : LAYOUTS) {
      for (Capture c : Capture.values()) {
        for (int k = 0; k < PER_KIND && which.test(c); k++) {
          out.add(set.sample(l, c, k));
        }
      }
    }
    return out;
  }

  Sample sample(Layout layout, Capture capture, int k) {
    long own = seed * 1_000 + layout.id() * 100L + capture.ordinal() * 10L + k;
    random = new Random(own);
    degrader = new InvoiceImageGenerator(own);
    InvoiceType type = type(layout.id(), k);
    int lines =
        switch (layout.id()) {
          case 4 -> 24 + random.nextInt(7);
          case 5 -> 3 + random.nextInt(4);
          default -> 4 + random.nextInt(5);
        };
    InvoiceImageGenerator.Truth truth = truth(type, lines, k % 2 == 0, layout.printsRate());
    EvalDoc doc = draw(layout.id(), truth);
    if (!layout.printsCode()) {
      truth = withoutCodes(truth);
    }
    String font =
        layout.id() == 5
            ? (k % 2 == 0 ? "DejaVu Sans Mono" : "Liberation Mono")
            : InvoiceImageGenerator.FONTS[random.nextInt(InvoiceImageGenerator.FONTS.length)];
    List<byte[]> files = new ArrayList<>();
    switch (capture) {
      case TEXT_PDF -> files.add(doc.textPdf());
      case SCAN -> {
        List<BufferedImage> scans = new ArrayList<>();
        for (int p = 0; p < doc.pages.size(); p++) {
          scans.add(scan(doc.image(p, 300, font)));
        }
        files.add(EvalDoc.imagePdf(scans, 300));
      }
      case PHOTO -> {
        int dpi = 200 + 50 * random.nextInt(2);
        for (int p = 0; p < doc.pages.size(); p++) {
          double max = layout.id() == 5 ? 1.2 : 3.5;
          double angle =
              (0.5 + random.nextDouble() * (max - 0.5)) * (random.nextBoolean() ? 1 : -1);
          InvoiceImageGenerator.Degradation d =
              new InvoiceImageGenerator.Degradation(
                  angle,
                  0.6f + random.nextFloat() * 0.3f,
                  4 + random.nextDouble() * 4,
                  0.2 + random.nextDouble() * 0.15,
                  0.6f);
          files.add(
              InvoiceImageGenerator.jpeg(
                  degrader.degrade(doc.image(p, dpi, font), d), d.jpegQuality()));
        }
      }
    }
    String id =
        "L" + layout.id() + "-" + capture.name().toLowerCase(java.util.Locale.ROOT) + "-" + k;
    return new Sample(id, layout, capture, files, truth, doc.pages.size(), font);
  }

  private static InvoiceType type(int layout, int k) {
    InvoiceType[] abc = {InvoiceType.A, InvoiceType.B, InvoiceType.C};
    return switch (layout) {
      case 3, 4 -> InvoiceType.A;
      case 5 -> k % 2 == 0 ? InvoiceType.B : InvoiceType.C;
      case 6 -> k % 2 == 0 ? InvoiceType.C : InvoiceType.B;
      case 7 -> k % 2 == 0 ? InvoiceType.A : InvoiceType.B;
      default -> abc[(layout + k) % 3];
    };
  }

  /**
   * A scanner's page: straight to within half a degree, a little noise and softness, no light
   * falloff.
   */
  private BufferedImage scan(BufferedImage page) {
    double angle = (0.1 + random.nextDouble() * 0.4) * (random.nextBoolean() ? 1 : -1);
    InvoiceImageGenerator.Degradation d =
        new InvoiceImageGenerator.Degradation(angle, 0.5f, 3, 0, 0.9f);
    BufferedImage img = degrader.degrade(page, d);
    // the scanner's lid is white, not a table: crop the margin degrade() puts around the sheet
    int m = (int) (0.08 * page.getWidth()) - 4;
    return img.getSubimage(m, m, img.getWidth() - 2 * m, img.getHeight() - 2 * m);
  }

  // ------------------------------------------------------------------ truth

  InvoiceImageGenerator.Truth truth(InvoiceType type, int n, boolean withQr, boolean printsRate) {
    String supplier =
        pick(
            "DISTRIBUIDORA DEL PLATA S.A.",
            "MAYORISTA EL SOL S.R.L.",
            "ALIMENTOS DEL SUR S.A.",
            "LACTEOS PAMPEANOS S.A.",
            "COOPERATIVA LA UNION LTDA.",
            "HNOS. FERRARI S.H.");
    String supplierCuit = cuit(random.nextBoolean() ? "30" : "33");
    String buyerCuit = cuit(random.nextBoolean() ? "20" : "27");
    int pos = 1 + random.nextInt(12);
    long number = 10_000L + random.nextInt(90_000);
    LocalDate date = LocalDate.of(2026, 1 + random.nextInt(11), 1 + random.nextInt(27));
    String cae = "76" + String.format("%012d", Math.abs(random.nextLong() % 1_000_000_000_000L));
    List<Product> shuffled = new ArrayList<>(CATALOGUE);
    Collections.shuffle(shuffled, random);
    List<ReadLine> lines = new ArrayList<>();
    Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>();
    BigDecimal net = BigDecimal.ZERO.setScale(2);
    for (int i = 0; i < n; i++) {
      Product prod = shuffled.get(i % shuffled.size());
      BigDecimal qty =
          prod.kg()
              ? new BigDecimal(500 + random.nextInt(4500)).movePointLeft(3)
              : new BigDecimal(1 + random.nextInt(36));
      BigDecimal price = prod.price();
      if (type.pricesIncludeIva()) {
        price =
            price
                .multiply(BigDecimal.ONE.add(prod.rate().movePointLeft(2)))
                .setScale(2, RoundingMode.HALF_UP);
      }
      BigDecimal lineTotal = qty.multiply(price).setScale(2, RoundingMode.HALF_UP);
      lines.add(
          new ReadLine(
              prod.code(),
              prod.description(),
              qty,
              price,
              type.pricesIncludeIva() || !printsRate ? null : prod.rate(),
              lineTotal));
      net = net.add(lineTotal);
      netByRate.merge(prod.rate(), lineTotal, BigDecimal::add);
    }
    Map<BigDecimal, BigDecimal> iva = new TreeMap<>();
    BigDecimal other = BigDecimal.ZERO.setScale(2);
    if (!type.pricesIncludeIva()) {
      netByRate.forEach(
          (r, base) ->
              iva.put(r, base.multiply(r).movePointLeft(2).setScale(2, RoundingMode.HALF_UP)));
      if (random.nextBoolean()) {
        other = net.multiply(new BigDecimal("0.03")).setScale(2, RoundingMode.HALF_UP);
      }
    }
    BigDecimal ivaTotal =
        iva.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return new InvoiceImageGenerator.Truth(
        type,
        pos,
        number,
        date,
        supplierCuit,
        supplier,
        buyerCuit,
        cae,
        date.plusDays(10),
        lines,
        net,
        iva,
        other,
        net.add(ivaTotal).add(other),
        withQr);
  }

  /** The truth of a layout that prints no supplier code: drawn with codes known, read without. */
  private static InvoiceImageGenerator.Truth withoutCodes(InvoiceImageGenerator.Truth t) {
    List<ReadLine> lines =
        t.lines().stream()
            .map(
                l ->
                    new ReadLine(
                        null,
                        l.description(),
                        l.qty(),
                        l.unitPrice(),
                        l.ivaRatePct(),
                        l.lineTotal()))
            .toList();
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
        lines,
        t.netTotal(),
        t.ivaByRate(),
        t.otherTaxes(),
        t.total(),
        t.qr());
  }

  private String cuit(String prefix) {
    return InvoiceImageGenerator.cuit(random, prefix);
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  // ------------------------------------------------------------------ drawing

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  static String money(BigDecimal v) {
    return Numbers.format(v);
  }

  /** A till's amount: no thousands separator. */
  static String plain(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
  }

  static String qty(BigDecimal q) {
    return InvoiceImageGenerator.qty(q);
  }

  static String rate(BigDecimal r) {
    return InvoiceImageGenerator.rate(r);
  }

  private static Product product(ReadLine l) {
    return CATALOGUE.stream()
        .filter(p -> p.code().equals(l.supplierCode()))
        .findFirst()
        .orElseThrow();
  }

  /** The line's rate as printed: the product's, also when the truth leaves it out. */
  private static BigDecimal printedRate(ReadLine l) {
    return product(l).rate();
  }

  static EvalDoc draw(int layout, InvoiceImageGenerator.Truth t) {
    return switch (layout) {
      case 5 -> EvalTicket.draw(t);
      default -> EvalA4.draw(layout, t);
    };
  }

  // package-private for EvalA4 / EvalTicket
  static String ean(ReadLine l) {
    return product(l).ean();
  }

  static BigDecimal rateOf(ReadLine l) {
    return printedRate(l);
  }
}
