package almacen.ingest.ocr;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Payload of the AFIP QR printed on every electronic invoice (RG 4892/2020): {@code
 * https://www.afip.gob.ar/fe/qr/?p=<base64 JSON>}.
 *
 * @param tipoCmp AFIP comprobante code (1 = Factura A, 6 = B, 11 = C, 51 = M)
 * @param tipoCodAut "E" for CAE, "A" for CAEA
 */
public record AfipQr(
    int ver,
    LocalDate fecha,
    long cuit,
    int ptoVta,
    int tipoCmp,
    long nroCmp,
    BigDecimal importe,
    String moneda,
    BigDecimal ctz,
    Integer tipoDocRec,
    Long nroDocRec,
    String tipoCodAut,
    String codAut) {}
