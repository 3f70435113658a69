package almacen.ingest.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReaderDoubtsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Renglón 2: la descripción 'Paladin!' tiene signos dudosos; revisar.|2|Queso Paladin!|true",
        "Renglón 2: la medida '1lkg' de la descripción no termina en una unidad conocida; revisar.|2|Azúcar 1lkg|true",
        "Renglón 2: la medida '47 3cc' de la descripción parece partida; revisar.|2|Cerveza Lata 47 3cc|true",
        "Renglón 3: '5009' leído como '500g' en la descripción.|3|Fideos 500g|true",
        "Renglón 3: '1,5L.' leído como '1,5L' (un punto después de la unidad) en la descripción.|3|Agua 1,5L|true",
        "Renglón 1: '11' leído como '1L' al final de la descripción.|1|Ayudin 1L|true",
        "Renglón 2: el OCR no está seguro de 'Salarme' en la descripción; revisar.|2|Salarme Milan|true",
        "Renglón 2: el OCR no está seguro de 'Salarme' en la descripción; revisar.|2|Salame Milan|false",
        // another row, a quote not in the text, numbers, an unreadable row, the header
        "Renglón 2: '5009' leído como '500g' en la descripción.|3|Fideos 500g|false",
        "Renglón 3: '4009' leído como '400g' en la descripción.|3|Fideos 500g|false",
        "Renglón 3: cantidad calculada (cantidad × precio = importe).|3|Fideos 500g|false",
        "Renglón 3 ilegible: 'Fideos 500g 12'.|3|Fideos 500g|false",
        "No se encontró la fecha de emisión.|3|Fideos 500g|false"
      })
  void shouldTellADoubtAboutARowsDescriptionWhenItQuotesItsText(
      String notice, int row, String description, boolean expected) {
    // when
    boolean about = ReaderDoubts.aboutDescription(notice, row, description);

    // then
    assertThat(about).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Renglón 4: código 'A1B-0l' leído como 'A1B-01'.|4|A1B-01|true",
        "Renglón 4: código 'A1B-0l' leído como 'A1B-01'.|5|A1B-01|false",
        "Renglón 4: código 'A1B-0l' leído como 'A1B-01'.|4|A1B-02|false",
        "Renglón 4: el código 'LAC3104' no tiene la forma de los demás códigos de la factura; revisar.|4|LAC3104|true",
        "Renglón 4: el código '— FIA-4003' tiene signos dudosos; revisar.|4|— FIA-4003|true",
        "Renglón 4: el código 'LAC3104' no tiene la forma de los demás códigos de la factura; revisar.|4|LAC-3104|false",
        "Renglón 4: '5009' leído como '500g' en la descripción.|4|500g|false"
      })
  void shouldTellADoubtAboutARowsCodeWhenItQuotesTheCodeRead(
      String notice, int row, String code, boolean expected) {
    // when
    boolean about = ReaderDoubts.aboutCode(notice, row, code);

    // then
    assertThat(about).isEqualTo(expected);
  }
}
