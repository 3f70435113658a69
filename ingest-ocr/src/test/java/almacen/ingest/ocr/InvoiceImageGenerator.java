package almacen.ingest.ocr;

import almacen.domain.CostBasis;
import almacen.events.InvoiceKind;
import almacen.ingest.invoice.Cuit;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders realistic Argentine supplier invoices (Factura A/B/C, and credit and debit notes) with
 * Java2D, with their ground truth, in three column layouts (and {@link #DISCOUNT_LAYOUT}, with a
 * bonificación column) and several fonts, with or without the AFIP QR, and degrades them like a
 * phone photo (rotation 1–4°, blur, sensor noise, uneven light, JPEG quality 60, 150–300 dpi).
 * Deterministic for a given seed.
 */
final class InvoiceImageGenerator {

  static final String[] FONTS = {
    "DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif"
  };
  static final int LAYOUTS = 3;

  /**
   * Code, description, quantity, unit price, "% Bonif.", subtotal (and the IVA rate on A/M): a
   * number apart from the three everyday layouts so sets that cycle through those never draw it.
   */
  static final int DISCOUNT_LAYOUT = 10;

  /** Bonificaciones printed on about half the lines of a discounted document. */
  private static final String[] DISCOUNTS = {"5", "10", "12.5", "15", "20"};

  /**
   * A product a supplier sells: its code, EAN-13, description, unit (kg or each), price, IVA rate.
   */
  record Product(
      String code, String ean, String description, boolean kg, BigDecimal price, BigDecimal rate) {}

  /** Every product the generated invoices may list (the evaluation set uses them all). */
  static final List<Product> ALL_PRODUCTS = catalogue();

  /** The products of the 12 photos ({@link PhotoSet}): the first ones of each family. */
  private static final java.util.Set<String> PHOTO_PRODUCTS =
      java.util.Set.of(
          "ALM-2001",
          "ALM-2002",
          "ALM-2003",
          "ALM-2004",
          "ALM-2005",
          "LAC-3101",
          "LAC-3102",
          "LAC-3103",
          "FIA-4001",
          "FIA-4002",
          "GAL-5001",
          "BEB-6001",
          "BEB-6002",
          "LIM-7001",
          "HAR-8001",
          "CAF-9001");

  static final List<Product> CATALOGUE =
      ALL_PRODUCTS.stream().filter(p -> PHOTO_PRODUCTS.contains(p.code())).toList();

  // the EAN is derived from the product's place in this list: append, never reorder
  private static List<Product> catalogue() {
    Object[][] rows = {
      {"ALM-2001", "Yerba Mate Playadito 500g", false, "2850.00", "21"},
      {"ALM-2002", "Azucar Ledesma 1kg", false, "1390.50", "21"},
      {"ALM-2003", "Aceite Girasol Cocinero 1,5L", false, "3420.00", "21"},
      {"ALM-2004", "Fideos Matarazzo Tallarin 500g", false, "1275.90", "21"},
      {"ALM-2005", "Arroz Gallo Oro 1kg", false, "1980.00", "21"},
      {"ALM-2006", "Polenta Presto Pronta 500g", false, "1120.00", "21"},
      {"ALM-2007", "Pure de Tomate Arcor 520g", false, "890.40", "21"},
      {"ALM-2008", "Sal Fina Celusal 500g", false, "650.00", "21"},
      {"LAC-3101", "Leche La Serenisima Entera 1L", false, "1150.00", "10.5"},
      {"LAC-3102", "Queso Cremoso Punta del Agua", true, "8950.00", "21"},
      {"LAC-3103", "Dulce de Leche La Salamandra 400g", false, "2460.75", "21"},
      {"LAC-3104", "Yogur Bebible Sancor Frutilla 1L", false, "1780.00", "21"},
      {"LAC-3105", "Manteca La Serenisima 200g", false, "2150.00", "21"},
      {"FIA-4001", "Jamon Cocido Paladini", true, "12400.00", "21"},
      {"FIA-4002", "Mortadela Bocatti", true, "6890.50", "21"},
      {"FIA-4003", "Salame Milan Cagnoli", true, "15300.00", "21"},
      {"GAL-5001", "Galletitas Terrabusi Variedad 400g", false, "1890.00", "21"},
      {"GAL-5002", "Galletitas Criollitas 3 x 100g", false, "1240.00", "21"},
      {"GAL-5003", "Alfajor Guaymallen Dulce de Leche", false, "380.00", "21"},
      {"BEB-6001", "Gaseosa Coca-Cola 2,25L", false, "2750.00", "21"},
      {"BEB-6002", "Agua Villavicencio 1,5L", false, "980.00", "21"},
      {"BEB-6003", "Cerveza Quilmes Lata 473cc", false, "1350.00", "21"},
      {"BEB-6004", "Vino Toro Tinto Tetra 1L", false, "1690.00", "21"},
      {"LIM-7001", "Lavandina Ayudin 1L", false, "1120.25", "21"},
      {"LIM-7002", "Detergente Magistral 500ml", false, "2310.00", "21"},
      {"LIM-7003", "Jabon en Polvo Ala 800g", false, "3890.00", "21"},
      {"LIM-7004", "Papel Higienico Higienol 4 x 30m", false, "2640.00", "21"},
      {"HAR-8001", "Harina 000 Blancaflor 1kg", false, "1045.00", "10.5"},
      {"HAR-8002", "Harina Leudante Pureza 1kg", false, "1310.00", "10.5"},
      {"CAF-9001", "Cafe La Virginia Molido 250g", false, "4380.00", "21"},
      {"CAF-9002", "Te Taragui 50 saquitos", false, "1560.00", "21"},
      {"VER-1001", "Papa Negra", true, "890.00", "10.5"},
    };
    List<Product> out = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      Object[] r = rows[i];
      out.add(
          new Product(
              (String) r[0],
              ean13("779" + String.format("%09d", 40_000_123L + 7_919L * i)),
              (String) r[1],
              (Boolean) r[2],
              new BigDecimal((String) r[3]),
              new BigDecimal((String) r[4])));
    }
    return List.copyOf(out);
  }

  private static String ean13(String twelve) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      int d = twelve.charAt(i) - '0';
      sum += i % 2 == 0 ? d : 3 * d;
    }
    return twelve + (10 - sum % 10) % 10;
  }

  record Truth(
      InvoiceType type,
      int pointOfSale,
      long number,
      LocalDate issueDate,
      String supplierCuit,
      String supplierName,
      String buyerCuit,
      String cae,
      LocalDate caeDueDate,
      List<ReadLine> lines,
      BigDecimal netTotal,
      Map<BigDecimal, BigDecimal> ivaByRate,
      BigDecimal otherTaxes,
      BigDecimal total,
      boolean qr,
      InvoiceKind kind) {

    /** The truth of an invoice (not a note). */
    Truth(
        InvoiceType type,
        int pointOfSale,
        long number,
        LocalDate issueDate,
        String supplierCuit,
        String supplierName,
        String buyerCuit,
        String cae,
        LocalDate caeDueDate,
        List<ReadLine> lines,
        BigDecimal netTotal,
        Map<BigDecimal, BigDecimal> ivaByRate,
        BigDecimal otherTaxes,
        BigDecimal total,
        boolean qr) {
      this(
          type,
          pointOfSale,
          number,
          issueDate,
          supplierCuit,
          supplierName,
          buyerCuit,
          cae,
          caeDueDate,
          lines,
          netTotal,
          ivaByRate,
          otherTaxes,
          total,
          qr,
          InvoiceKind.INVOICE);
    }
  }

  record Degradation(
      double rotationDeg, float blurSigma, double noiseSigma, double lightDrop, float jpegQuality) {
    static final Degradation NONE = new Degradation(0, 0, 0, 0, 0);

    boolean isPhoto() {
      return jpegQuality > 0;
    }
  }

  // the encoded photo is handed to the reader as is; samples are never compared or hashed
  @SuppressWarnings("ArrayRecordComponent")
  record Sample(
      byte[] bytes, Truth truth, int dpi, int layout, String font, Degradation degradation) {}

  private final Random random;

  InvoiceImageGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A clean PNG invoice. */
  Sample clean(InvoiceType type, int layout, String font, int dpi, boolean withQr) {
    return clean(type, layout, font, dpi, withQr, InvoiceKind.INVOICE, false);
  }

  /** A clean PNG invoice or note, with bonificaciones on some lines when {@code withDiscount}. */
  Sample clean(
      InvoiceType type,
      int layout,
      String font,
      int dpi,
      boolean withQr,
      InvoiceKind kind,
      boolean withDiscount) {
    Truth truth = truth(type, withQr, kind, withDiscount);
    return new Sample(
        png(render(truth, layout, font, dpi)), truth, dpi, layout, font, Degradation.NONE);
  }

  /** A phone photo: rotated, blurred, noisy, unevenly lit, JPEG 60. */
  Sample photo(InvoiceType type, int layout, String font, int dpi, boolean withQr) {
    return photo(type, layout, font, dpi, withQr, InvoiceKind.INVOICE, false);
  }

  /** A phone photo of an invoice or note, with bonificaciones when {@code withDiscount}. */
  Sample photo(
      InvoiceType type,
      int layout,
      String font,
      int dpi,
      boolean withQr,
      InvoiceKind kind,
      boolean withDiscount) {
    Truth truth = truth(type, withQr, kind, withDiscount);
    double angle = (1 + random.nextDouble() * 3) * (random.nextBoolean() ? 1 : -1);
    Degradation d =
        new Degradation(
            angle,
            0.6f + random.nextFloat() * 0.4f,
            5 + random.nextDouble() * 5,
            0.25 + random.nextDouble() * 0.2,
            0.6f);
    BufferedImage img = degrade(render(truth, layout, font, dpi), d);
    return new Sample(jpeg(img, d.jpegQuality()), truth, dpi, layout, font, d);
  }

  // ------------------------------------------------------------------ ground truth

  Truth truth(InvoiceType type, boolean withQr) {
    return truth(type, withQr, InvoiceKind.INVOICE, false);
  }

  Truth truth(InvoiceType type, boolean withQr, InvoiceKind kind, boolean withDiscount) {
    String supplier =
        pick(
            new String[] {
              "DISTRIBUIDORA DEL PLATA S.A.",
              "MAYORISTA EL SOL S.R.L.",
              "ALIMENTOS DEL SUR S.A.",
              "LACTEOS PAMPEANOS S.A."
            });
    String supplierCuit = cuit(random.nextBoolean() ? "30" : "33");
    String buyerCuit = cuit(random.nextBoolean() ? "20" : "27");
    int pos = 1 + random.nextInt(12);
    long number = 10_000L + random.nextInt(90_000);
    LocalDate date = LocalDate.of(2025, 1 + random.nextInt(11), 1 + random.nextInt(27));
    String cae = "75" + String.format("%012d", Math.abs(random.nextLong() % 1_000_000_000_000L));
    int n = 4 + random.nextInt(4);
    List<Product> shuffled = new ArrayList<>(CATALOGUE);
    java.util.Collections.shuffle(shuffled, random);
    List<ReadLine> lines = new ArrayList<>();
    Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>();
    BigDecimal net = BigDecimal.ZERO.setScale(2);
    for (int i = 0; i < n; i++) {
      Product prod = shuffled.get(i);
      BigDecimal qty =
          prod.kg()
              ? new BigDecimal(500 + random.nextInt(4500)).movePointLeft(3)
              : new BigDecimal(1 + random.nextInt(24));
      BigDecimal price = prod.price();
      if (type.pricesIncludeIva()) {
        price =
            price
                .multiply(BigDecimal.ONE.add(prod.rate().movePointLeft(2)))
                .setScale(2, RoundingMode.HALF_UP);
      }
      // only a discounted document draws more numbers, so every other sample stays as it was
      BigDecimal discount =
          withDiscount && random.nextBoolean() ? new BigDecimal(pick(DISCOUNTS)) : null;
      BigDecimal lineTotal = CostBasis.lineTotal(qty, price, discount);
      lines.add(
          new ReadLine(
              prod.code(),
              prod.description(),
              qty,
              price,
              type.pricesIncludeIva() ? null : prod.rate(),
              lineTotal,
              discount));
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
        other =
            net.multiply(new BigDecimal("0.03"))
                .setScale(2, RoundingMode.HALF_UP); // percepción IIBB
      }
    }
    BigDecimal ivaTotal =
        iva.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    BigDecimal total = net.add(ivaTotal).add(other);
    return new Truth(
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
        total,
        withQr,
        kind);
  }

  private String cuit(String prefix) {
    return cuit(random, prefix);
  }

  /**
   * A valid CUIT ({@code 30-12345678-9}) starting with {@code prefix} (20/27 people, 30/33 firms).
   */
  static String cuit(Random random, String prefix) {
    while (true) {
      String body = prefix + String.format("%08d", random.nextInt(100_000_000));
      for (int dv = 0; dv <= 9; dv++) {
        if (Cuit.isValid(body + dv)) {
          return Cuit.parse(body + dv).orElseThrow().formatted();
        }
      }
    }
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  static String qrUrl(Truth t) {
    String json =
        "{\"ver\":1,\"fecha\":\""
            + t.issueDate()
            + "\",\"cuit\":"
            + t.supplierCuit().replace("-", "")
            + ",\"ptoVta\":"
            + t.pointOfSale()
            + ",\"tipoCmp\":"
            + t.type().afipCode(t.kind())
            + ",\"nroCmp\":"
            + t.number()
            + ",\"importe\":"
            + t.total().toPlainString()
            + ",\"moneda\":\"PES\",\"ctz\":1,\"tipoDocRec\":80,\"nroDocRec\":"
            + t.buyerCuit().replace("-", "")
            + ",\"tipoCodAut\":\"E\",\"codAut\":"
            + t.cae()
            + "}";
    return "https://www.afip.gob.ar/fe/qr/?p="
        + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------ rendering

  static String money(BigDecimal v) {
    return Numbers.format(v);
  }

  static String qty(BigDecimal q) {
    return q.scale() > 0
        ? q.setScale(3, RoundingMode.HALF_UP).toPlainString().replace('.', ',')
        : q.toPlainString();
  }

  static String rate(BigDecimal r) {
    return r.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  BufferedImage render(Truth t, int layout, String fontName, int dpi) {
    int w = (int) Math.round(8.27 * dpi);
    int h = (int) Math.round(11.69 * dpi);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setColor(Color.BLACK);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      Page page = new Page(g, dpi, fontName);
      double m = 0.5; // margin, inches
      DateTimeFormatter df = DateTimeFormatter.ofPattern("dd/MM/yyyy");
      // header frame with the letter box in the middle
      page.rect(m, 0.4, 8.27 - 2 * m, 2.1);
      page.line(4.135, 0.95, 4.135, 2.5);
      page.rect(3.835, 0.4, 0.6, 0.55);
      page.text(t.type().name(), 3.96, 0.83, 26, true);
      page.text("COD. " + String.format("%02d", t.type().afipCode(t.kind())), 3.86, 1.08, 7, true);
      page.text("ORIGINAL", 3.8, 0.32, 9, true);
      page.text(t.supplierName(), m + 0.15, 0.8, 13, true);
      page.text("Razón Social: " + t.supplierName(), m + 0.15, 1.25, 8.5, false);
      page.text("Domicilio Comercial: Av. Corrientes 1234 - CABA", m + 0.15, 1.5, 8.5, false);
      page.text("Condición frente al IVA: IVA Responsable Inscripto", m + 0.15, 1.75, 8.5, false);
      switch (t.kind()) {
        case INVOICE -> page.text("FACTURA", 4.6, 0.8, 15, true);
        case CREDIT_NOTE -> page.text("NOTA DE CRÉDITO", 4.6, 0.8, 13, true);
        case DEBIT_NOTE -> page.text("NOTA DE DÉBITO", 4.6, 0.8, 13, true);
      }
      page.text(
          String.format("Punto de Venta: %05d    Comp. Nro: %08d", t.pointOfSale(), t.number()),
          4.6,
          1.15,
          8.5,
          true);
      page.text("Fecha de Emisión: " + df.format(t.issueDate()), 4.6, 1.4, 8.5, true);
      page.text("CUIT: " + t.supplierCuit(), 4.6, 1.7, 8.5, false);
      page.text(
          "Ingresos Brutos: 901-" + t.supplierCuit().substring(3, 9) + "-1", 4.6, 1.95, 8.5, false);
      page.text("Fecha de Inicio de Actividades: 01/03/2015", 4.6, 2.2, 8.5, false);
      // buyer
      page.rect(m, 2.6, 8.27 - 2 * m, 0.75);
      page.text("CUIT: " + t.buyerCuit(), m + 0.15, 2.85, 8.5, false);
      page.text("Apellido y Nombre / Razón Social: ALMACEN DON PEPE", 3.2, 2.85, 8.5, false);
      page.text("Condición frente al IVA: IVA Responsable Inscripto", m + 0.15, 3.15, 8.5, false);
      page.text("Condición de venta: Contado", 4.9, 3.15, 8.5, false);
      // table
      boolean a = !t.type().pricesIncludeIva();
      List<String[]> rows = new ArrayList<>();
      String[] head;
      double[] xs;
      boolean[] right;
      switch (layout) {
        case 0 -> {
          head =
              a
                  ? new String[] {
                    "Código",
                    "Producto / Servicio",
                    "Cantidad",
                    "U. Medida",
                    "Precio Unit.",
                    "Subtotal",
                    "Alícuota IVA",
                    "Subtotal c/IVA"
                  }
                  : new String[] {
                    "Código",
                    "Producto / Servicio",
                    "Cantidad",
                    "U. Medida",
                    "Precio Unit.",
                    "Subtotal"
                  };
          xs =
              a
                  ? new double[] {0.6, 1.35, 3.75, 4.05, 5.05, 5.85, 6.45, 7.65}
                  : new double[] {0.6, 1.4, 4.3, 4.6, 6.2, 7.65};
          right =
              a
                  ? new boolean[] {false, false, true, false, true, true, true, true}
                  : new boolean[] {false, false, true, false, true, true};
          for (ReadLine l : t.lines()) {
            BigDecimal withIva =
                a
                    ? l.lineTotal()
                        .multiply(BigDecimal.ONE.add(l.ivaRatePct().movePointLeft(2)))
                        .setScale(2, RoundingMode.HALF_UP)
                    : null;
            String unit = l.qty().scale() > 0 ? "kg" : "unidades";
            rows.add(
                a
                    ? new String[] {
                      l.supplierCode(),
                      l.description(),
                      qty(l.qty()),
                      unit,
                      money(l.unitPrice()),
                      money(l.lineTotal()),
                      rate(l.ivaRatePct()) + "%",
                      money(withIva)
                    }
                    : new String[] {
                      l.supplierCode(),
                      l.description(),
                      qty(l.qty()),
                      unit,
                      money(l.unitPrice()),
                      money(l.lineTotal())
                    });
          }
        }
        case 1 -> {
          head = new String[] {"Cant.", "Código", "Descripción", "P. Unitario", "Importe"};
          xs = new double[] {1.05, 1.2, 2.2, 6.3, 7.65};
          right = new boolean[] {true, false, false, true, true};
          for (ReadLine l : t.lines()) {
            rows.add(
                new String[] {
                  qty(l.qty()),
                  l.supplierCode(),
                  l.description(),
                  money(l.unitPrice()),
                  money(l.lineTotal())
                });
          }
        }
        case DISCOUNT_LAYOUT -> {
          head =
              a
                  ? new String[] {
                    "Código", "Descripción", "Cant.", "P. Unit.", "% Bonif.", "Subtotal", "IVA %"
                  }
                  : new String[] {
                    "Código", "Descripción", "Cant.", "P. Unit.", "% Bonif.", "Subtotal"
                  };
          xs =
              a
                  ? new double[] {0.6, 1.35, 4.55, 5.5, 6.2, 7.1, 7.65}
                  : new double[] {0.6, 1.35, 4.7, 5.8, 6.6, 7.65};
          right =
              a
                  ? new boolean[] {false, false, true, true, true, true, true}
                  : new boolean[] {false, false, true, true, true, true};
          for (ReadLine l : t.lines()) {
            String discount = l.discountPct() == null ? "0,00" : money(l.discountPct().setScale(2));
            rows.add(
                a
                    ? new String[] {
                      l.supplierCode(),
                      l.description(),
                      qty(l.qty()),
                      money(l.unitPrice()),
                      discount,
                      money(l.lineTotal()),
                      rate(l.ivaRatePct())
                    }
                    : new String[] {
                      l.supplierCode(),
                      l.description(),
                      qty(l.qty()),
                      money(l.unitPrice()),
                      discount,
                      money(l.lineTotal())
                    });
          }
        }
        default -> {
          head = new String[] {"Descripción", "Código", "Cantidad", "Precio", "Total"};
          xs = new double[] {0.6, 3.7, 5.2, 6.4, 7.65};
          right = new boolean[] {false, false, true, true, true};
          for (ReadLine l : t.lines()) {
            rows.add(
                new String[] {
                  l.description(),
                  l.supplierCode(),
                  qty(l.qty()),
                  money(l.unitPrice()),
                  money(l.lineTotal())
                });
          }
        }
      }
      double y = 3.75;
      double size = a && (layout == 0 || layout == DISCOUNT_LAYOUT) ? 7.5 : 8.5;
      page.fill(m, y - 0.17, 8.27 - 2 * m, 0.25, 225);
      for (int c = 0; c < head.length; c++) {
        page.cell(head[c], xs[c], y, size, true, right[c]);
      }
      y += 0.38;
      for (String[] row : rows) {
        for (int c = 0; c < row.length; c++) {
          page.cell(row[c], xs[c], y, size, false, right[c]);
        }
        y += 0.3;
      }
      // totals
      y = Math.max(y + 0.4, 6.6);
      page.rect(m, y - 0.3, 8.27 - 2 * m, a ? 2.0 : 1.1);
      List<String[]> totals = new ArrayList<>();
      if (a) {
        totals.add(new String[] {"Importe Neto Gravado: $", money(t.netTotal())});
        for (BigDecimal r :
            List.of(new BigDecimal("27"), new BigDecimal("21"), new BigDecimal("10.5"))) {
          BigDecimal v =
              t.ivaByRate().entrySet().stream()
                  .filter(e -> e.getKey().compareTo(r) == 0)
                  .map(Map.Entry::getValue)
                  .findFirst()
                  .orElse(BigDecimal.ZERO.setScale(2));
          totals.add(new String[] {"IVA " + rate(r) + "%: $", money(v)});
        }
        totals.add(new String[] {"Importe Otros Tributos: $", money(t.otherTaxes())});
      } else {
        totals.add(new String[] {"Subtotal: $", money(t.netTotal())});
        totals.add(new String[] {"Importe Otros Tributos: $", money(t.otherTaxes())});
      }
      totals.add(new String[] {"Importe Total: $", money(t.total())});
      for (String[] row : totals) {
        page.cell(row[0], 6.2, y, 9, true, true);
        page.cell(row[1], 7.65, y, 9, true, true);
        y += 0.27;
      }
      // footer: QR, CAE
      double fy = Math.max(y + 0.4, 9.4);
      if (t.qr()) {
        page.qr(qrUrl(t), m + 0.1, fy, 1.15);
      }
      page.text("CAE N°: " + t.cae(), 5.0, fy + 0.3, 9, true);
      page.text("Fecha de Vto. de CAE: " + df.format(t.caeDueDate()), 5.0, fy + 0.6, 9, true);
      page.text("Comprobante Autorizado", 2.0, fy + 0.45, 9, true);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Drawing helper in inches. */
  private static final class Page {
    private final Graphics2D g;
    private final int dpi;
    private final String font;

    Page(Graphics2D g, int dpi, String font) {
      this.g = g;
      this.dpi = dpi;
      this.font = font;
      g.setStroke(new BasicStroke(Math.max(1f, dpi / 150f)));
    }

    int px(double inches) {
      return (int) Math.round(inches * dpi);
    }

    void text(String s, double x, double y, double pt, boolean bold) {
      g.setColor(Color.BLACK);
      g.setFont(new Font(font, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(pt * dpi / 72.0)));
      g.drawString(s, px(x), px(y));
    }

    void cell(String s, double x, double y, double pt, boolean bold, boolean alignRight) {
      g.setFont(new Font(font, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(pt * dpi / 72.0)));
      FontMetrics fm = g.getFontMetrics();
      int xx = alignRight ? px(x) - fm.stringWidth(s) : px(x);
      g.setColor(Color.BLACK);
      g.drawString(s, xx, px(y));
    }

    void rect(double x, double y, double w, double h) {
      g.setColor(Color.BLACK);
      g.drawRect(px(x), px(y), px(w), px(h));
    }

    void line(double x1, double y1, double x2, double y2) {
      g.setColor(Color.BLACK);
      g.drawLine(px(x1), px(y1), px(x2), px(y2));
    }

    void fill(double x, double y, double w, double h, int gray) {
      g.setColor(new Color(gray, gray, gray));
      g.fillRect(px(x), px(y), px(w), px(h));
      g.setColor(Color.BLACK);
    }

    void qr(String content, double x, double y, double size) {
      try {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 2);
        BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
        double module = size * dpi / m.getWidth();
        g.setColor(Color.BLACK);
        for (int yy = 0; yy < m.getHeight(); yy++) {
          for (int xx = 0; xx < m.getWidth(); xx++) {
            if (m.get(xx, yy)) {
              int x0 = (int) Math.round(x * dpi + xx * module);
              int y0 = (int) Math.round(y * dpi + yy * module);
              int x1 = (int) Math.round(x * dpi + (xx + 1) * module);
              int y1 = (int) Math.round(y * dpi + (yy + 1) * module);
              g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
          }
        }
      } catch (WriterException e) {
        throw new IllegalStateException("QR content too long", e);
      }
    }
  }

  // ------------------------------------------------------------------ degradation

  BufferedImage degrade(BufferedImage page, Degradation d) {
    int w = page.getWidth();
    int h = page.getHeight();
    int margin = (int) (0.08 * w); // the whole sheet stays in frame even at 4°
    BufferedImage photo =
        new BufferedImage(w + 2 * margin, h + 2 * margin, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = photo.createGraphics();
    try {
      g.setColor(new Color(95, 95, 95)); // the table under the paper
      g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      AffineTransform t = new AffineTransform();
      t.rotate(Math.toRadians(d.rotationDeg()), photo.getWidth() / 2.0, photo.getHeight() / 2.0);
      t.translate(margin, margin);
      g.drawImage(page, t, null);
    } finally {
      g.dispose();
    }
    BufferedImage blurred = photo;
    if (d.blurSigma() > 0) {
      float s = d.blurSigma();
      float[] k = new float[9];
      float sum = 0;
      for (int y = -1; y <= 1; y++) {
        for (int x = -1; x <= 1; x++) {
          float v = (float) Math.exp(-(x * x + y * y) / (2 * s * s));
          k[(y + 1) * 3 + x + 1] = v;
          sum += v;
        }
      }
      for (int i = 0; i < 9; i++) {
        k[i] /= sum;
      }
      blurred =
          new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(photo, null);
    }
    byte[] px = new byte[blurred.getWidth() * blurred.getHeight()];
    blurred.getRaster().getDataElements(0, 0, blurred.getWidth(), blurred.getHeight(), px);
    int bw = blurred.getWidth();
    int bh = blurred.getHeight();
    double cx = bw * (random.nextBoolean() ? 0.2 : 0.8);
    double cy = bh * 0.3;
    double maxDist = Math.hypot(bw, bh);
    for (int y = 0; y < bh; y++) {
      for (int x = 0; x < bw; x++) {
        double v = px[y * bw + x] & 0xFF;
        double light = 1 - d.lightDrop() * Math.hypot(x - cx, y - cy) / maxDist * 1.4;
        v = v * Math.max(0.45, light) + random.nextGaussian() * d.noiseSigma();
        px[y * bw + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
      }
    }
    BufferedImage out = new BufferedImage(bw, bh, BufferedImage.TYPE_BYTE_GRAY);
    out.getRaster().setDataElements(0, 0, bw, bh, px);
    return out;
  }

  static byte[] png(BufferedImage img) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] jpeg(BufferedImage img, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(ios);
      writer.write(null, new IIOImage(img, null, null), param);
      ios.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }
}
