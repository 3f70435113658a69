package almacen.ingest.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Small PDFs that declare far more than they carry: the uploads an attacker would send. Built with
 * PDFBox.
 */
public final class HostilePdfs {

  private HostilePdfs() {}

  /** A JPEG of a few hundred bytes whose SOF header claims {@code width}×{@code height}. */
  public static byte[] jpegDeclaring(int width, int height) {
    byte[] jpeg =
        InvoiceImageGenerator.jpeg(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY), 0.8f);
    for (int i = 2; i + 9 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
        jpeg[i + 5] = (byte) (height >> 8);
        jpeg[i + 6] = (byte) height;
        jpeg[i + 7] = (byte) (width >> 8);
        jpeg[i + 8] = (byte) width;
        return jpeg;
      }
    }
    throw new IllegalStateException("No SOF0 in the generated JPEG");
  }

  /**
   * One A4 page drawing one DCT image XObject whose dictionary declares {@code declaredW}×{@code
   * declaredH}.
   */
  public static byte[] pageWithJpeg(int declaredW, int declaredH, byte[] jpeg) {
    return build(
        doc -> {
          PDPage page = new PDPage(PDRectangle.A4);
          doc.addPage(page);
          page.setResources(resourcesWith("Im1", imageStream(doc, declaredW, declaredH, jpeg)));
          page.setContents(content(doc, "q 500 0 0 700 40 60 cm /Im1 Do Q"));
        });
  }

  /** The bomb: a 20000×20000 JPEG (dictionary and SOF agree) in a small file. */
  public static byte[] jpegBomb() {
    return pageWithJpeg(20_000, 20_000, jpegDeclaring(20_000, 20_000));
  }

  /** The bomb one level down: inside a form XObject drawn by the page. */
  public static byte[] jpegBombInForm() {
    return build(
        doc -> {
          PDPage page = new PDPage(PDRectangle.A4);
          doc.addPage(page);
          PDFormXObject form = new PDFormXObject(doc);
          form.setBBox(PDRectangle.A4);
          form.setResources(
              resourcesWith(
                  "Im1", imageStream(doc, 20_000, 20_000, jpegDeclaring(20_000, 20_000))));
          try (OutputStream out = form.getContentStream().createOutputStream()) {
            out.write("q 500 0 0 700 40 60 cm /Im1 Do Q".getBytes(StandardCharsets.US_ASCII));
          }
          page.setResources(resourcesWith("Fm1", form.getCOSObject()));
          page.setContents(content(doc, "/Fm1 Do"));
        });
  }

  /** An inline image (BI … ID … EI) declaring 20000×20000 with two bytes of data. */
  public static byte[] inlineImageBomb() {
    return build(
        doc -> {
          PDPage page = new PDPage(PDRectangle.A4);
          doc.addPage(page);
          page.setContents(
              content(
                  doc,
                  "q 100 0 0 100 0 0 cm BI /W 20000 /H 20000 /BPC 8 /CS /G /F /AHx ID 00> EI Q"));
        });
  }

  /** {@code pages} pages of text. */
  public static byte[] textPages(int pages) {
    return build(
        doc -> {
          for (int i = 1; i <= pages; i++) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
              cs.beginText();
              cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
              cs.newLineAtOffset(50, 780);
              cs.showText("FACTURA B Nro 0003-00012345 pagina " + i + " Total $ 1.234,56");
              cs.endText();
            }
          }
        });
  }

  /** One page of {@code widthPt}×{@code heightPt} points (72 per inch) with a line of text. */
  public static byte[] pageOfSize(float widthPt, float heightPt) {
    return build(
        doc -> {
          PDPage page = new PDPage(new PDRectangle(widthPt, heightPt));
          doc.addPage(page);
          page.setContents(content(doc, "0 0 m 100 100 l S"));
        });
  }

  /** A text PDF that opens only with a password. */
  public static byte[] encrypted() {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage(PDRectangle.A4));
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static COSStream imageStream(PDDocument doc, int width, int height, byte[] jpeg)
      throws IOException {
    COSStream image = doc.getDocument().createCOSStream();
    image.setItem(COSName.TYPE, COSName.XOBJECT);
    image.setItem(COSName.SUBTYPE, COSName.IMAGE);
    image.setInt(COSName.WIDTH, width);
    image.setInt(COSName.HEIGHT, height);
    image.setInt(COSName.BITS_PER_COMPONENT, 8);
    image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
    image.setItem(COSName.FILTER, COSName.DCT_DECODE);
    try (OutputStream out = image.createRawOutputStream()) {
      out.write(jpeg);
    }
    return image;
  }

  private static PDResources resourcesWith(String name, COSStream xobject) {
    COSDictionary xobjects = new COSDictionary();
    xobjects.setItem(COSName.getPDFName(name), xobject);
    COSDictionary resources = new COSDictionary();
    resources.setItem(COSName.XOBJECT, xobjects);
    return new PDResources(resources);
  }

  private static PDStream content(PDDocument doc, String operators) throws IOException {
    PDStream stream = new PDStream(doc);
    try (OutputStream out = stream.createOutputStream()) {
      out.write(operators.getBytes(StandardCharsets.US_ASCII));
    }
    return stream;
  }

  private interface Builder {
    void build(PDDocument doc) throws IOException;
  }

  private static byte[] build(Builder builder) {
    try (PDDocument doc = new PDDocument()) {
      builder.build(doc);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
