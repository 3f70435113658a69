package almacen.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast reading of instants must accept and refuse exactly what {@link OffsetDateTime#parse}
 * does, and give the same instant: fed well-formed instants, near misses (a field out of range, a
 * lower-case separator, a space, no seconds, a long fraction, an offset without a colon) and noise.
 */
class IsoInstantsPropertyTest {

  @Property(tries = 3000)
  void shouldReadLikeTheJdkWhenGivenAnyInstantLikeText(@ForAll("instantLike") String text) {
    Instant expected;
    try {
      expected = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException refused) {
      assertThatThrownBy(() -> IsoInstants.parse(text))
          .as("the JDK refuses '%s'", text)
          .isInstanceOf(DateTimeParseException.class);
      return;
    }
    assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
  }

  @Example
  void shouldReadTheUsualShapesWhenWellFormed() {
    assertThat(IsoInstants.parse("2025-10-15T12:30:00-03:00"))
        .isEqualTo(Instant.parse("2025-10-15T15:30:00Z"));
    assertThat(IsoInstants.parse("2026-12-01T12:00:00Z"))
        .isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
    assertThat(IsoInstants.parse("2024-02-29T23:59:59.123456789+14:00"))
        .isEqualTo(Instant.parse("2024-02-29T09:59:59.123456789Z"));
    assertThat(IsoInstants.parse("2025-10-15t12:30:00z"))
        .isEqualTo(Instant.parse("2025-10-15T12:30:00Z"));
    assertThat(IsoInstants.parse("2025-10-15T12:30-03:00"))
        .isEqualTo(Instant.parse("2025-10-15T15:30:00Z"));
  }

  @Example
  void shouldRefuseWhenTheJdkRefuses() {
    for (String text :
        List.of(
            "2025-10-15 12:30:00Z",
            "2025-02-29T12:30:00Z",
            "2025-10-15T24:00:00Z",
            "2025-10-15T23:59:60Z",
            "2025-10-15T12:30:00",
            "2025-10-15T12:30:00+0300",
            "2025-10-15T12:30:00.1234567891Z")) {
      assertThatThrownBy(() -> IsoInstants.parse(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
    }
  }

  @Provide
  Arbitrary<String> instantLike() {
    Arbitrary<String> year = Arbitraries.of("2025", "2024", "0000", "9999", "1900", "2100", "20x5");
    Arbitrary<String> month = twoDigits(0, 13);
    Arbitrary<String> day = twoDigits(0, 32);
    Arbitrary<String> hour = twoDigits(0, 25);
    Arbitrary<String> minute = twoDigits(0, 60);
    Arbitrary<String> second =
        Arbitraries.oneOf(twoDigits(0, 61).map(s -> ":" + s), Arbitraries.just(""));
    Arbitrary<String> fraction =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11).map(f -> "." + f),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3).map(f -> "," + f));
    Arbitrary<String> separator = Arbitraries.of("T", "T", "T", "t", " ", "_");
    Arbitrary<String> offset =
        Arbitraries.oneOf(
            Arbitraries.of("Z", "z", "", "+00:00", "-00:00", "-03:00", "+14:00", "-18:00"),
            Arbitraries.of("+", "-")
                .flatMap(
                    sign ->
                        Combinators.combine(
                                twoDigits(0, 25), twoDigits(0, 60), Arbitraries.of(":", ""))
                            .as((h, m, colon) -> sign + h + colon + m)));
    Arbitrary<String> wellFormedish =
        Combinators.combine(year, month, day, separator, hour, minute, second, fraction)
            .as(
                (y, mo, d, sep, h, mi, s, f) ->
                    y + "-" + mo + "-" + d + sep + h + ":" + mi + s + (s.isEmpty() ? "" : f))
            .flatMap(prefix -> offset.map(o -> prefix + o));
    Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789-:T.Z+ ").ofMaxLength(30);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, wellFormedish), net.jqwik.api.Tuple.of(1, noise));
  }

  private static Arbitrary<String> twoDigits(int min, int max) {
    return Arbitraries.integers().between(min, max).map(n -> String.format("%02d", n));
  }
}
