package almacen.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.DailySales;
import almacen.events.StockLevel;
import almacen.events.StockStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

class DecimalLimitsTest {

  private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");

  private static StockLevel level(
      String stockValue, String daysOfCover, List<DailySales> recentSales) {
    return new StockLevel(
        "central",
        "A1",
        new BigDecimal("10.000"),
        new BigDecimal("100.0000"),
        new BigDecimal(stockValue),
        StockStatus.OK,
        new BigDecimal("1.000"),
        null,
        true,
        new BigDecimal("0.500"),
        daysOfCover == null ? null : new BigDecimal(daysOfCover),
        new BigDecimal("0.000"),
        recentSales,
        3L,
        AT,
        AT);
  }

  private static DailySales day(int dayOfMonth, String qty) {
    return new DailySales(LocalDate.of(2026, 11, dayOfMonth), new BigDecimal(qty));
  }

  @Test
  void shouldFindNothingWhenEveryDecimalFits() {
    // given a level whose values are all within their schema's precision
    StockLevel level = level("1000.00", "20.0", List.of(day(26, "1.000"), day(27, "2.000")));

    // when / then
    assertThat(DecimalLimits.firstOverflow(level)).isEmpty();
  }

  @Test
  void shouldNameTheFieldWhenATopLevelDecimalOverflows() {
    // given a stock value of 17 integer digits (precision 18, scale 2 leaves 16)
    StockLevel level = level("12345678901234567.00", null, List.of());

    // when / then
    assertThat(DecimalLimits.firstOverflow(level)).contains("stockValue");
  }

  @Test
  void shouldNameTheFieldWhenANullableDecimalOverflows() {
    // given days of cover of 12 integer digits (precision 12, scale 1 leaves 11)
    StockLevel level = level("1000.00", "123456789012.0", List.of());

    // when / then
    assertThat(DecimalLimits.firstOverflow(level)).contains("daysOfCover");
  }

  @Test
  void shouldGiveThePathWhenADecimalInANestedRecordOfAnArrayOverflows() {
    // given the second daily bucket with 16 integer digits (precision 18, scale 3 leaves 15)
    StockLevel level =
        level("1000.00", null, List.of(day(26, "1.000"), day(27, "1234567890123456.000")));

    // when / then
    assertThat(DecimalLimits.firstOverflow(level)).contains("recentSales[1].qty");
  }

  @Test
  void shouldCheckAGenericRecordByItsOwnSchemaWhenOneSchemaHoldsADecimalUnion() {
    // given a generic record: a string, then a nullable decimal(4, 2) holding 123.45
    Schema schema =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":["
                    + "{\"name\":\"s\",\"type\":\"string\"},"
                    + "{\"name\":\"d\",\"type\":[\"null\",{\"type\":\"bytes\","
                    + "\"logicalType\":\"decimal\",\"precision\":4,\"scale\":2}]}]}");
    GenericData.Record record = new GenericData.Record(schema);
    record.put("s", "x");
    record.put("d", new BigDecimal("123.45"));
    GenericData.Record fits = new GenericData.Record(schema);
    fits.put("s", "x");
    fits.put("d", new BigDecimal("12.34"));

    // when / then
    assertThat(DecimalLimits.firstOverflow(record)).contains("d");
    assertThat(DecimalLimits.firstOverflow(fits)).isEmpty();
  }
}
