package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.ingest.ocr.TableColumns.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableColumnsTest {

  @Test
  void shouldNameEveryColumnWhenHeaderTitlesDiffer() {
    // given header titles from several layouts, normalized
    List<String> titles =
        List.of(
            "ean",
            "cod. prov.",
            "codigo",
            "producto / servicio",
            "cant.",
            "u. medida",
            "p. unit.",
            "precio unit.",
            "bonif. %",
            "alic.",
            "iva %",
            "subtotal c/iva",
            "importe",
            "item");

    // when
    List<Kind> kinds = titles.stream().map(TableColumns::kind).toList();

    // then
    assertThat(kinds)
        .containsExactly(
            Kind.EAN,
            Kind.CODE,
            Kind.CODE,
            Kind.DESC,
            Kind.QTY,
            Kind.UNIT,
            Kind.PRICE,
            Kind.PRICE,
            Kind.BONIF,
            Kind.RATE,
            Kind.RATE,
            Kind.TOTAL_IVA,
            Kind.TOTAL,
            Kind.ITEM);
  }

  @Test
  void shouldPutACellUnderTheTitleItOverlapsMostWhenColumnsAreClose() {
    // given titles EAN at 40–60 pt and Código at 120–150 pt
    PositionedLines.Line header =
        new PositionedLines.Line(
            List.of(
                new PdfWords.Word("EAN", 40, 60, 100, 8),
                new PdfWords.Word("Código", 120, 150, 100, 8)),
            0);
    TableColumns cols = TableColumns.of(header);

    // when a 13-digit EAN spans 40–98 pt and a code 120–155 pt
    int ean = cols.columnOf(40, 98);
    int code = cols.columnOf(120, 155);

    // then
    assertThat(cols.columns().get(ean).kind()).isEqualTo(Kind.EAN);
    assertThat(cols.columns().get(code).kind()).isEqualTo(Kind.CODE);
  }
}
