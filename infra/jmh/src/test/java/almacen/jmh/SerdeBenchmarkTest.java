package almacen.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.events.Sale;
import almacen.events.StockLevel;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The serde benchmark's records and both of its ways, run once each (no timing). */
class SerdeBenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {"Sale", "StockLevel", "StockLevel28", "StockMovement"})
  void shouldWriteTheSameBytesBothWaysWhenTheBenchmarkRecordIsEncoded(String record)
      throws IOException {
    // given the benchmark set up for one record type
    SerdeBenchmark benchmark = new SerdeBenchmark();
    benchmark.record = record;
    benchmark.setUp();
    // when it encodes through the codec and through Avro's writer
    byte[] codec = benchmark.encodeCodec();
    byte[] avro = benchmark.encodeAvro();
    // then both wrote the same single-object message
    assertThat(codec).isEqualTo(avro);
    assertThat(codec[0]).isEqualTo((byte) 0xC3);
    assertThat(codec[1]).isEqualTo((byte) 0x01);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Sale", "StockLevel", "StockLevel28", "StockMovement"})
  void shouldReadTheBenchmarkRecordBackWhenDecodedBothWays(String record) throws IOException {
    // given the benchmark set up for one record type
    SerdeBenchmark benchmark = new SerdeBenchmark();
    benchmark.record = record;
    benchmark.setUp();
    // when it decodes its bytes through the codec and through Avro's reader
    Object codec = benchmark.decodeCodec();
    Object avro = benchmark.decodeAvro();
    // then both give the record that was encoded
    assertThat(codec).isEqualTo(avro).isEqualTo(benchmark.measuredValue());
  }

  @Test
  void shouldRefuseWhenTheRecordTypeIsUnknown() {
    // given a record type the benchmark does not have
    SerdeBenchmark benchmark = new SerdeBenchmark();
    benchmark.record = "Invoice";
    // when / then
    assertThatThrownBy(benchmark::setUp)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No such record: Invoice");
  }

  @Test
  void shouldRefuseWhenTheBaselineReadsAMessageOfAnotherSchema() throws IOException {
    // given a Sale message and the StockLevel baseline
    byte[] sale = new AvroBaseline<>(Sale.class).encode(HotPathRecords.sale());
    AvroBaseline<StockLevel> levels = new AvroBaseline<>(StockLevel.class);
    // when / then
    assertThatThrownBy(() -> levels.decode(sale))
        .isInstanceOf(IOException.class)
        .hasMessage("Not written with the current schema");
  }
}
