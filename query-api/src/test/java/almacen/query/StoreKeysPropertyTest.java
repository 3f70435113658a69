package almacen.query;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class StoreKeysPropertyTest {

  @Property(tries = 3000)
  void shouldPadLikeStringFormatWhenAnyLongGiven(@ForAll long n) {
    assertThat(StoreKeys.pad(n)).isEqualTo(String.format("%019d", n));
  }

  @Property(tries = 3000)
  void shouldOrderKeysLikeNumbersWhenSequencesAreNonNegative(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long a,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long b) {
    assertThat(
            Integer.signum(
                StoreKeys.movement("central|A1", a).compareTo(StoreKeys.movement("central|A1", b))))
        .isEqualTo(Long.compare(a, b));
  }
}
