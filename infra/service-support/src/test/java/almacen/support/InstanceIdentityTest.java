package almacen.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceIdentityTest {

  @Test
  void shouldUseConfiguredIdWhenSet() {
    // when
    InstanceIdentity identity = InstanceIdentity.resolve(" till-2 ", "shop-pc", 8082);

    // then
    assertThat(identity.value()).isEqualTo("till-2");
  }

  @Test
  void shouldDeriveIdFromHostAndPortWhenNotConfigured() {
    // when
    InstanceIdentity first = InstanceIdentity.resolve("", "Shop-PC.local", 8082);
    InstanceIdentity second = InstanceIdentity.resolve("", "Shop-PC.local", 8092);

    // then: stable for one instance, different for two instances on one machine
    assertThat(first.value()).isEqualTo("shop-pc.local-8082");
    assertThat(InstanceIdentity.resolve(null, "Shop-PC.local", 8082)).isEqualTo(first);
    assertThat(second.value()).isNotEqualTo(first.value());
  }

  @Test
  void shouldReplaceCharactersKafkaIdsShouldNotCarryWhenHostNameHasThem() {
    // when
    InstanceIdentity identity = InstanceIdentity.resolve("", "caja uno/ñ", 8081);

    // then
    assertThat(identity.value()).isEqualTo("caja-uno---8081");
  }

  @Test
  void shouldHaveNoIdentityWhenPortIsRandomAndNothingConfigured() {
    // when
    InstanceIdentity identity = InstanceIdentity.resolve("", "shop-pc", 0);

    // then
    assertThat(identity.known()).isFalse();
    assertThat(identity).isEqualTo(InstanceIdentity.NONE);
  }
}
