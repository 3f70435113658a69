package almacen.ingest.ocr;

/** OCR outputs of invoices, with the error patterns Tesseract really produces on phone photos. */
final class ParserSamples {

  private ParserSamples() {}

  /**
   * Factura A, AFIP layout: letter box and "COD. 01", comma lost in a price, N* for N°, AL!-2001.
   */
  static final String FACTURA_A =
      """
            ORIGINAL
            DISTRIBUIDORA DEL PLATA S.A.
            A | FACTURA
            COD. 01      Punto de Venta: 00003    Comp. Nro: 00012345
            Razón Social: DISTRIBUIDORA DEL PLATA S.A.
            Fecha de Emisión: 15/10/2025
            Condición frente al IVA: IVA Responsable Inscripto     CUIT: 30-71234567-1
            Ingresos Brutos: 901-234567-1
            Fecha de Inicio de Actividades: 01/03/2015
            CUIT: 20-12345678-6   Apellido y Nombre / Razón Social: ALMACEN DON PEPE
            Código  Producto / Servicio  Cantidad  U. Medida  Precio Unit.  Subtotal  Alícuota IVA  Subtotal c/IVA
            AL!-2001  Yerba Mate Playadito 5009  12 unidades  850,00  10.200,00  21%  12.342,00
            LAC-3102  Queso Cremoso Punta del Agua  2,350 kg  8.950,00  21.032,50  21%  25.449,33
            HAR-8001  Harina 000 Blancaflor 1kg  20 unidades  1.04500  20.900,00  10,5%  23.094,50
            Importe Neto Gravado: $ 52.132,50
            IVA 27%: $ 0,00
            IVA 21%: $ 6.558,83
            IVA 10,5%: $ 2.194,50
            Importe Otros Tributos: $ 0,00
            Importe Total: $ 60.885,83
            CAE N*: 75412345678901
            Fecha de Vto. de CAE: 25/10/2025
            """;

  /**
   * Factura B, quantity-first layout, final prices. Buyer CUIT printed first, under "Señor(es)".
   */
  static final String FACTURA_B =
      """
            MAYORISTA EL SOL S.R.L.
            FACTURA B
            Cód. 06
            Nro. 0007-00000451
            Fecha: 02/09/2025
            Señor(es): ALMACEN DON PEPE  CUIT: 27-23456789-1
            Curr: 33-70000001-5
            Ingresos Brutos: Exento
            Cant.  Código  Descripción  P. Unitario  Importe
            6  BEB-6001  Gaseosa Coca-Cola 2,25L  3.327,50  19.965,00
            1O  GAL-5001  Galletitas Terrabusi Variedad 400g  2.286,90  22.869,00
            Subtotal: $ 42.834,00
            Importe Otros Tributos: $ 0,00
            TOTAL $ 42.834,00
            C.A.E.: 75498765432109   Vto. CAE: 12/09/2025
            """;

  /** Factura C, description-first layout with the code after it; S for 5 and l for 1 in numbers. */
  static final String FACTURA_C =
      """
            ALIMENTOS DEL SUR
            C
            FACTURA   COD. 11
            Punto de Venta: 0002   Comp. Nro: 00000077
            Fecha de Emisión: 3O/06/2025
            C.U.I.T.: 20-30405060-9
            Ingresos Brutos: 123-4567
            Cliente: ALMACEN DON PEPE
            Descripción  Código  Cantidad  Precio  Total
            Cafe La Virginia Molido 250g  CAF-9001  3  4.380,00  13.l40,00
            Jamon Cocido Paladini  FIA-4001  1,2SO  12.400,00  15.500,00
            Subtotal: $ 28.640,00
            Importe Total: $ 28.640,00
            CAE: 71234567890123
            Fecha de Vto. de CAE: 10/07/2025
            """;
}
