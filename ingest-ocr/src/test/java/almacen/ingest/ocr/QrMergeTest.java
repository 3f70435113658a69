package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.InvoiceKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QrMergeTest {

  private static final LocalDate ISSUED = LocalDate.of(2025, 10, 15);

  /** OCR took the buyer's CUIT for the issuer's and read the total wrong. */
  private static final InvoiceTextParser.Parsed MISREAD =
      new InvoiceTextParser.Parsed(
          InvoiceType.A,
          1,
          3,
          12345L,
          ISSUED,
          "20-12345678-6",
          "DISTRIBUIDORA DEL PLATA S.A.",
          null,
          null,
          null,
          List.of(),
          0,
          null,
          Map.of(),
          new BigDecimal("0.00"),
          new BigDecimal("1000.00"),
          List.of(),
          InvoiceKind.INVOICE,
          null,
          List.of());

  private static AfipQr qr(String currency) {
    return qr(currency, 1);
  }

  private static AfipQr qr(String currency, int tipoCmp) {
    return new AfipQr(
        1,
        ISSUED,
        30712345671L,
        3,
        tipoCmp,
        12345L,
        new BigDecimal("1210.00"),
        currency,
        BigDecimal.ONE,
        80,
        20123456786L,
        "E",
        "75412345678901");
  }

  @Test
  void shouldTakeQrValuesAndSayWherePrintDifferedWhenQrIsPresent() {
    // given
    List<String> issues = new ArrayList<>();
    // when
    QrMerge.Identity id = QrMerge.merge(MISREAD, qr("PES"), issues);
    // then the QR's CUIT is the issuer's and the one OCR read becomes the buyer's
    assertThat(id)
        .isEqualTo(
            new QrMerge.Identity(
                InvoiceType.A,
                3,
                12345L,
                ISSUED,
                "30-71234567-1",
                "20-12345678-6",
                "75412345678901",
                new BigDecimal("1210.00"),
                InvoiceKind.INVOICE));
    assertThat(id.requiredFound()).isEqualTo(QrMerge.REQUIRED_FIELDS);
    assertThat(issues)
        .containsExactly(
            "El CUIT impreso (20-12345678-6) no coincide con el QR de AFIP (30-71234567-1); se"
                + " usa el QR.",
            "El total impreso (1000.00) no coincide con el QR de AFIP (1210.00); se usa el QR.");
  }

  @Test
  void shouldTakeTheQrsCreditNoteWhenThePrintLooksLikeAnInvoice() {
    // given a print read as an invoice whose QR has code 03 (Nota de Crédito A)
    List<String> issues = new ArrayList<>();
    // when
    QrMerge.Identity id = QrMerge.merge(MISREAD, qr("PES", 3), issues);
    // then
    assertThat(id.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
    assertThat(id.type()).isEqualTo(InvoiceType.A);
    assertThat(issues)
        .contains(
            "El comprobante impreso parece factura pero el QR de AFIP dice nota de crédito; se usa"
                + " el QR.");
  }

  @Test
  void shouldAskToCheckAmountsWhenQrSaysAnotherCurrency() {
    // given
    List<String> issues = new ArrayList<>();
    // when
    QrMerge.merge(MISREAD, qr("DOL"), issues);
    // then
    assertThat(issues).contains("Factura en moneda DOL (cotización 1): revisar importes.");
  }

  @Test
  void shouldKeepWhatOcrReadWhenThereIsNoQr() {
    // given
    List<String> issues = new ArrayList<>();
    // when
    QrMerge.Identity id = QrMerge.merge(MISREAD, null, issues);
    // then
    assertThat(id.supplierCuit()).isEqualTo("20-12345678-6");
    assertThat(id.total()).isEqualTo(new BigDecimal("1000.00"));
    assertThat(issues).isEmpty();
  }
}
