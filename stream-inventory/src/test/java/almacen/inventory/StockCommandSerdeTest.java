package almacen.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.inventory.domain.CommandType;
import almacen.inventory.domain.StockCommand;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StockCommandSerdeTest {

  private static final Instant T0 = Instant.parse("2025-10-15T13:00:00Z");

  @Test
  void shouldKeepTheUserWhenACommandCrossesTheRepartitionTopic() {
    // given a transfer by "repositor"
    StockCommand transfer =
        new StockCommand(
            CommandType.TRANSFER,
            "central",
            "A1",
            new BigDecimal("2"),
            null,
            "TR1",
            T0,
            "norte",
            "repositor");
    // when
    StockCommand read = StockCommandSerde.decode(StockCommandSerde.encode(transfer));
    // then
    assertThat(read).isEqualTo(transfer);
    assertThat(read.user()).isEqualTo("repositor");
  }

  @Test
  void shouldReadUserAsNullWhenTheRecordWasWrittenBeforeVersion2() throws IOException {
    // given a version 1 record, as an instance before the upgrade left it in the topic
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF("SALE");
      out.writeUTF("central");
      out.writeUTF("A1");
      out.writeUTF("1.500");
      out.writeBoolean(false);
      out.writeUTF("S1#1");
      out.writeLong(T0.toEpochMilli());
      out.writeBoolean(false);
    }
    // when
    StockCommand read = StockCommandSerde.decode(bytes.toByteArray());
    // then
    assertThat(read)
        .isEqualTo(
            new StockCommand(
                CommandType.SALE,
                "central",
                "A1",
                new BigDecimal("1.500"),
                null,
                "S1#1",
                T0,
                null,
                null));
  }
}
