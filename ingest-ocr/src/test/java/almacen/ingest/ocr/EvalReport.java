package almacen.ingest.ocr;

import java.util.Locale;
import java.util.function.Predicate;

/** The evaluation set's part of docs/ocr.md ({@link OcrReport}). */
final class EvalReport {

  private EvalReport() {}

  static String markdown(EvalAccuracy a) {
    StringBuilder md = new StringBuilder();
    md.append("# OCR de facturas — precisión medida\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            """
            Generado por `scripts/ocr-report` (`OcrReport`, ingest-ocr). Conjunto de evaluación propio
            (`EvalSet`, semilla %d): **%d facturas, %d diseños, 3 formas de captura** (PDF con texto escrito
            con PDFBox; escaneo = PDF de imagen a 300 dpi, enderezado a ±0,5°; foto de teléfono 200–250 dpi,
            rotación 0,5–3,5°, desenfoque, ruido, luz despareja, JPEG 60), %d por diseño y captura, con su
            verdad; las muestras y su verdad en JSON quedan en `ingest-ocr/target/ocr-eval/`. Diseños 0–2 son
            aquellos sobre los que se afinó el lector; **3–7 no se usaron para afinarlo** (el lector aprende las
            columnas de la fila de títulos y de la posición de los números, no de estos diseños).

            - Renglón exacto: código, descripción, cantidad, precio, importe (y la alícuota donde el diseño
              la imprime por renglón). Encabezado exacto: tipo, punto de venta, número, fecha, CUIT emisor,
              razón social, CUIT receptor, CAE, neto y total, todos.
            - Confirma solo: el lector no dejó ningún aviso (`issues` vacío; la validación contra el
              catálogo puede agregar los suyos). Una corrección con una sola lectura posible en una
              factura cuyas sumas cierran queda como nota (`notes`) y no la frena. Mal confirmada: confirmó sola con algún renglón o campo
              del encabezado distinto de la verdad, o con renglones de más. Meta: 0.
            - Metas (issue #17): renglones exactos ≥ 97 %% en fotos y escaneos, 100 %% en PDF con texto,
              ninguna mal confirmada.

            """,
            EvalSet.SEED,
            a.results().size(),
            EvalSet.LAYOUTS.size(),
            EvalSet.PER_KIND));
    md.append("## Por forma de captura\n\n");
    header(md, "captura");
    for (EvalSet.Capture c : EvalSet.Capture.values()) {
      row(md, c.label, a.totals(r -> r.sample().capture() == c), goal(c));
    }
    row(md, "**todas**", a.totals(r -> true), -1);
    md.append("\n## Por diseño (las 3 capturas)\n\n");
    header(md, "diseño");
    for (EvalSet.Layout l : EvalSet.LAYOUTS) {
      row(md, name(l), a.totals(r -> r.sample().layout().id() == l.id()), -1);
    }
    md.append("\n## Por diseño y captura\n\n");
    header(md, "diseño · captura");
    for (EvalSet.Layout l : EvalSet.LAYOUTS) {
      for (EvalSet.Capture c : EvalSet.Capture.values()) {
        Predicate<EvalAccuracy.Result> p =
            r -> r.sample().layout().id() == l.id() && r.sample().capture() == c;
        row(md, l.id() + " · " + c.label, a.totals(p), goal(c));
      }
    }
    md.append(
        "\n## Cada factura\n\n| muestra | tipo | páginas | fuente | renglones exactos | encabezado | confirma | s |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (EvalAccuracy.Result r : a.results()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %s | %d/%d%s | %d/%d | %s | %.1f |%n",
              r.sample().id(),
              r.sample().truth().type(),
              r.sample().pages(),
              r.sample().capture() == EvalSet.Capture.TEXT_PDF
                  ? "Helvetica/Courier"
                  : r.sample().font(),
              r.linesExact(),
              r.lines(),
              r.read().lines().size() == r.lines()
                  ? ""
                  : " (leídos " + r.read().lines().size() + ")",
              r.headerExact(),
              EvalAccuracy.HEADER_FIELDS.size(),
              r.wrongConfirm() ? "**MAL**" : (r.autoConfirmed() ? "sí" : "revisión"),
              r.millis() / 1000.0));
    }
    md.append(
        """

        ## Decisiones (PDF, páginas, diseños)

        - Un PDF con capa de texto se lee de esa capa con posiciones (`PdfWords`: cada palabra con sus bordes y
          su línea base), nunca con OCR. Las líneas se rearman por la línea base (`PositionedLines`) y entre dos
          palabras separadas por más de 0,6 em (y más de 1,5 espacios de la fuente: en Courier un espacio ya
          mide 0,6 em) va un hueco de columna: así la razón social no se traga el "Punto de Venta: 00006"
          impreso a su derecha.
        - La tabla de un PDF con texto se lee por columnas (`TableColumns`, `PositionedTable`): cada celda de
          la fila de títulos da el tipo de columna (EAN, código, descripción, cantidad, unidad, precio,
          bonificación, alícuota, importe, importe c/IVA, n° de ítem) y su extensión; cada celda de un renglón
          va a la columna que más se le superpone. Un EAN y un código quedan en sus columnas aunque estén
          juntos; una palabra con letras bajo una columna de números vuelve a la descripción; un renglón que
          sólo tiene descripción continúa la del anterior. Una página sin capa de texto se dibuja y pasa por
          OCR como antes.
        - Varias páginas (PDF de hasta 10, o varias fotos de la misma factura con `readPhotos`): `PageJoin`
          toma la primera página hasta donde termina su tabla, de las siguientes sólo los renglones (sin el
          membrete ni la fila de títulos repetida) y de la última también los totales. Los renglones de arrastre
          ("Transporte", "A transportar", "De transporte", "Subtotal" al pie de una página que sigue) y los
          números de página no son artículos. El QR de AFIP se busca en la última página y después en la primera.
        - Tique de 80 mm: el renglón impreso en dos líneas ("2,000 x 2850,00" y debajo la descripción con
          "(21,00)" y el importe) se lee como uno (`WrappedRows`); un papel más de dos veces más alto que ancho
          se mide como rollo de 80 mm para calcular su resolución.
        - Por OCR (fotos y escaneos) la misma pasada de Tesseract se lee de dos maneras y queda la que las
          pruebas cruzadas respaldan más (más pruebas y renglones que cierran; a igualdad, menos avisos; a
          igualdad, la segunda), nunca la verdad: (1) las palabras con sus cajas (`TesseractWords`: bordes y
          línea base; el tamaño es el alto de su renglón y el "espacio" el ancho medio de un carácter, así un
          hueco de columna es más de 1,5 caracteres en cualquier fuente) se rearman en renglones por la línea
          base y la tabla se lee por columnas como la de un PDF con texto (`PositionedTable`), con las mismas
          correcciones de OCR en códigos y descripciones; rearmar por posición junta el importe que Tesseract
          había puesto en otro bloque (tique escaneado). (2) El texto de Tesseract renglón por renglón, con
          la tabla leída por la forma de los números (`LineTableReader`),
          con reglas generales y no por diseño (`RowExtras`): un código de barras (8, 12–14 dígitos) junto a
          otro código se descarta y queda el código del proveedor; una primera columna que numera los
          renglones (por su título, o porque los renglones empiezan 1, 2, 3…) se descarta; código, cantidad y
          unidad antes de la descripción; la alícuota impresa entre el precio y el importe se lee cuando la
          fila de títulos nombra una columna de alícuota, y en una factura A/M una columna de alícuota que no
          se pudo leer se avisa. Un importe cortado después de la coma ("27956, 50") se vuelve a juntar (los
          mismos dígitos); un "1" leído "l" antes de una unidad ("lkg") se corrige y se avisa.
        - Contra las confirmaciones equivocadas: una descripción con signos que ningún proveedor imprime
          ("500m!l", "Paladin!", una coma al final, "4008" por "400g") o con una medida que no termina en
          una unidad ("1lkg": ni g, kg, ml, l, cc, m…), o que termina en un número suelto después de una
          palabra ("Pure de Tomate Arcor 520": la unidad se perdió; "Harina 000" no es una medida), se
          avisa en vez de confirmarse; las manchas sueltas en las puntas de la razón social ("* HNOS.
          FERRARI S.H.", "==2 MAYORISTA…", pero no el número de "3 HERMANOS S.A.") se descartan como en
          las descripciones. La razón social rotulada se busca hasta donde empieza el bloque del
          comprador ("Apellido y Nombre / Razón Social", "Cliente", "Señor(es)"), y una línea de condición
          de IVA, domicilio o ingresos brutos nunca se toma por el nombre. Las pruebas nuevas se miraron
          también con otras dos semillas del conjunto (7 y 20270101, 96 facturas): ninguna mal confirmada
          (antes de estas reglas, dos: un nombre "IVA Responsable Inscripto" y "Arcor 520" con "==2"
          delante del nombre, que los avisos de "4009" y "500y" tapaban).
        - Un escaneo (PDF sin capa de texto) ya no deja el aviso "leído por OCR": se confirma o no con las
          mismas pruebas que una foto. Sólo un PDF que mezcla páginas con y sin texto lo avisa.
        - La letra del comprobante (escaneos): cuando el texto de una página no muestra ni la letra ni el
          código, una segunda mirada al recuadro (`LetterBoxRereader`). El renglón de "COD." se recorta a
          la altura de sus propias letras, así la raya vertical que baja del recuadro queda afuera salvo el
          trozo que cae sobre el "0" ("COD. P6" se lee "COD. 06"); si así no se lee, se le quita a la raya
          la tinta que ningún trazo cruza (`LetterBox`). La letra es el glifo grande y solo por encima del
          código (nada a menos de 0,3 de su altura: las letras de "FACTURA" tienen vecinas), recortado sobre
          papel blanco y leído como un único carácter. Se usan sólo si la letra y el código nombran el mismo
          tipo: dos marcas distintas leídas por separado; si no coinciden, o no se leen, el aviso queda.
        - Correcciones que se prueban y entonces no se avisan: una medida de la descripción que necesita
          corrección ("4009", "500y", "lkg", "11" por "1L", "1,5L.") hace que el renglón se lea otra vez de
          cerca (la segunda mirada de los renglones que no cierran); se toma sin aviso sólo si esa lectura es
          exactamente lo que daría la corrección ("400g"), o, para una medida sin unidad ("1lkg"), una medida
          limpia con los mismos dígitos ("1kg"). Si la segunda lectura también necesita corrección ("400y"),
          se corrige y se avisa como antes. Un total corregido ("287,940,32") no se avisa si el QR de AFIP
          trae ese mismo total o si neto + IVA + otros tributos lo dan al centavo. Nada más se corrige en
          silencio: una cantidad calculada como importe ÷ precio se sigue avisando (un precio mal leído
          puede dar otro cociente entero).
        - Renglones: una unidad con una mancha pegada ("«unidades") sigue siendo la unidad y no entra en la
          descripción; una cantidad ilegible de hasta tres signos ("d:1") se descarta y se calcula como
          importe ÷ precio (avisado), también cuando entonces quedan sólo precio e importe; la alícuota
          impresa entre precio e importe ("1.980,00  21  13.860,00") no se toma por el precio al calcular la
          cantidad (un precio se imprime con centavos como el importe).
        - Reglas generales halladas en semillas de desarrollo (7, 20270101, 42; ver "Semillas no vistas"):
          una medida redonda de 3–4 cifras (múltiplo de 5 g hasta 1000 g, o una de la lista) con su "g"
          leída 9/y/q/8 ("5209", "2008") es "520g"/"200g"; "500m!"/"500m1" es "500ml"; un "1" duplicado
          ("1lkg") es "1kg"; una coma pegada al final de la descripción, o una mancha con un dígito al
          principio ("=2 Dulce…"), se descarta; dos palabras pegadas ("VinoToro") se separan. Todo eso se
          avisa (el renglón queda exacto pero en revisión). Una cantidad leída como mancha bajo su propio
          título ("YA") se calcula como importe ÷ precio; una cantidad a ≤ 2 dígitos de importe ÷ precio
          exacto al centavo ("2,173" por 2,773) se corrige, también cuando el precio va antes de la
          cantidad (antes se tomaba el precio por cantidad: "2827,717 × 23,00"); nunca en un PDF con
          texto ni en una tabla con bonificación. La razón social sin rótulo es la primera celda de su
          línea ("LACTEOS PAMPEANOS S.A.   B   FACTURA"), el rótulo se lee con una letra cambiada
          ("Rezón Social:"), una comilla suelta pegada al nombre es una mancha, y sin razón social se
          avisa (antes podía confirmarse sin nombre).
        - Páginas y encabezados (rama `ocr-pages`, semillas de desarrollo 7, 20270101, 42, escaneos de
          1, 2, 3, 5 y escaneos del mayorista de 100–139): un título de la fila de títulos que el OCR
          leyó mal en una página ("lmporte") ya no deja sin columna de importe a esa página (se perdían
          todos sus renglones al leer por posición): toma el tipo de la columna impresa en el mismo lugar
          en la fila de títulos de otra página. Una cantidad que el OCR no leyó en absoluto (Tesseract
          saltea a veces una palabra corta sola entre huecos anchos: "UN 17") se calcula como
          importe ÷ precio y se avisa, como la cantidad leída como mancha. La fecha de emisión que se
          perdía en escaneos: Tesseract toma el membrete de dos mitades por una tabla y junta
          "Fecha de Emisión" con el renglón de al lado ("Domicilio … rica"); una página sin fecha de
          emisión rotulada vuelve a leer su membrete (lo que está arriba de la fila de títulos) como
          texto suelto (PSM 11) y suma el renglón con la fecha rotulada, nunca posterior al vencimiento
          del CAE impreso.
        - Lo que falta: la letra cuando la raya cae justo sobre el trazo izquierdo del "0" del código (ni
          recortada ni sin la raya se lee: queda en revisión), fechas que Tesseract no lee en una foto, y
          medidas que la segunda lectura tampoco lee limpias ("1009" dos veces). Letras cambiadas en
          descripciones sin una medida ("Blancatflor") siguen sin detectarse sin un catálogo de las
          descripciones del proveedor.

        """);
    return md.toString();
  }

  private static int goal(EvalSet.Capture c) {
    return c == EvalSet.Capture.TEXT_PDF ? 100 : 97;
  }

  private static String name(EvalSet.Layout l) {
    return l.id() + " " + l.name() + (l.heldOut() ? " *(no afinado)*" : "");
  }

  private static void header(StringBuilder md, String what) {
    md.append("| ")
        .append(what)
        .append(
            " | facturas | renglones exactos | encabezados exactos | confirman solas | mal confirmadas | s/factura | meta renglones |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
  }

  private static void row(StringBuilder md, String label, EvalAccuracy.Totals t, int goal) {
    if (t.invoices() == 0) {
      return;
    }
    String status =
        goal < 0 ? "—" : (t.lineShare() >= goal && t.wrong() == 0 ? "cumple" : "**no cumple**");
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %d/%d = %.1f %% | %d/%d | %d/%d = %.0f %% | %d | %.1f | %s |%n",
            label,
            t.invoices(),
            t.linesExact(),
            t.lines(),
            t.lineShare(),
            t.headersExact(),
            t.invoices(),
            t.confirmed(),
            t.invoices(),
            100.0 * t.confirmed() / t.invoices(),
            t.wrong(),
            t.millis() / 1000.0 / t.invoices(),
            status));
  }
}
