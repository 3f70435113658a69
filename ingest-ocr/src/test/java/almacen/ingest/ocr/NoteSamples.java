package almacen.ingest.ocr;

/** OCR outputs of a credit note and of an invoice with a bonificación column. */
final class NoteSamples {

  private NoteSamples() {}

  /** Nota de Crédito B: letter box with the note's title, "Cód. 08", final prices. */
  static final String NOTA_DE_CREDITO_B =
      """
            MAYORISTA EL SOL S.R.L.
            B | NOTA DE CRÉDITO
            Cód. 08
            Punto de Venta: 00007    Comp. Nro: 00000012
            Fecha de Emisión: 05/09/2025
            Señor(es): ALMACEN DON PEPE  CUIT: 27-23456789-1
            CUIT: 33-70000001-5
            Ingresos Brutos: Exento
            Cant.  Código  Descripción  P. Unitario  Importe
            2  BEB-6001  Gaseosa Coca-Cola 2,25L  3.327,50  6.655,00
            Subtotal: $ 6.655,00
            Importe Otros Tributos: $ 0,00
            TOTAL $ 6.655,00
            C.A.E.: 75498765432110   Vto. CAE: 15/09/2025
            """;

  /**
   * Factura A with "% Bonif.": 12 × 2.850 less 10 % = 30.780; a line without discount (0,00); 3 ×
   * 4.380 less 12,5 % = 11.497,50.
   */
  static final String FACTURA_A_BONIFICADA =
      """
            DISTRIBUIDORA DEL PLATA S.A.
            A | FACTURA
            COD. 01      Punto de Venta: 00003    Comp. Nro: 00012399
            Razón Social: DISTRIBUIDORA DEL PLATA S.A.
            Fecha de Emisión: 20/10/2025
            CUIT: 30-71234567-1
            CUIT: 20-12345678-6   Apellido y Nombre / Razón Social: ALMACEN DON PEPE
            Código  Descripción  Cant.  P. Unit.  % Bonif.  Subtotal  IVA %
            ALM-2001  Yerba Mate Playadito 500g  12  2.850,00  10,00  30.780,00  21
            LAC-3101  Leche La Serenisima Entera 1L  24  1.150,00  0,00  27.600,00  10,5
            CAF-9001  Cafe La Virginia Molido 250g  3  4.380,00  12,50%  11.497,50  21
            Importe Neto Gravado: $ 69.877,50
            IVA 27%: $ 0,00
            IVA 21%: $ 8.878,28
            IVA 10,5%: $ 2.898,00
            Importe Otros Tributos: $ 0,00
            Importe Total: $ 81.653,78
            CAE N°: 75412345678902
            Fecha de Vto. de CAE: 30/10/2025
            """;
}
