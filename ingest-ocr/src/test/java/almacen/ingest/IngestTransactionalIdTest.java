package almacen.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.support.InstanceIdentity;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IngestTransactionalIdTest {

  private static final UUID RANDOM = UUID.fromString("00000000-0000-0000-0000-000000000042");

  @Test
  void shouldBeStableAcrossRestartsWhenInstanceIsKnown() {
    // given: the same machine and port before and after a crash
    InstanceIdentity before = InstanceIdentity.resolve("", "shop-pc", 8081);
    InstanceIdentity after = InstanceIdentity.resolve("", "shop-pc", 8081);

    // when
    String first = IngestTransactionalId.resolve("", before, UUID::randomUUID);
    String second = IngestTransactionalId.resolve("", after, UUID::randomUUID);

    // then
    assertThat(first).isEqualTo("ingest-ocr-shop-pc-8081").isEqualTo(second);
  }

  @Test
  void shouldUseConfiguredIdWhenSet() {
    // when
    String id =
        IngestTransactionalId.resolve(
            "ingest-central", new InstanceIdentity("shop-pc-8081"), () -> RANDOM);

    // then
    assertThat(id).isEqualTo("ingest-central");
  }

  @Test
  void shouldUseConfiguredInstanceIdWhenOnlyThatIsSet() {
    // when
    String id =
        IngestTransactionalId.resolve(
            "", InstanceIdentity.resolve("caja-2", "shop-pc", 8081), () -> RANDOM);

    // then
    assertThat(id).isEqualTo("ingest-ocr-caja-2");
  }

  @Test
  void shouldFallBackToRandomIdWhenInstanceIsUnknown() {
    // when
    String id = IngestTransactionalId.resolve("", InstanceIdentity.NONE, () -> RANDOM);

    // then
    assertThat(id).isEqualTo("ingest-ocr-" + RANDOM);
  }
}
