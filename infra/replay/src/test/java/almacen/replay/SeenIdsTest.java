package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

  private final SeenIds seen = new SeenIds();

  @Test
  void shouldAnswerForeverWhenTheIdIsNeverForgotten() {
    // when
    boolean again = seen.remember(IdHash.of("invoice:I1"), 10, false);
    seen.forgetBefore(1_000);

    // then
    assertThat(again).isFalse();
    assertThat(seen.firstSeen(IdHash.of("invoice:I1"))).isEqualTo(SeenIds.FOREVER);
    assertThat(seen.firstSeen(IdHash.of("invoice:I2"))).isNull();
  }

  @Test
  void shouldForgetOnlyIdsOlderThanTheCutoffWhenPurged() {
    // given three sales that took effect at 10, 20 and 30
    seen.remember(IdHash.of("sale:S1"), 10, true);
    seen.remember(IdHash.of("sale:S2"), 20, true);
    seen.remember(IdHash.of("sale:S3"), 30, true);

    // when ids before 25 are forgotten
    seen.forgetBefore(25);

    // then
    assertThat(seen.firstSeen(IdHash.of("sale:S1"))).isNull();
    assertThat(seen.firstSeen(IdHash.of("sale:S2"))).isNull();
    assertThat(seen.firstSeen(IdHash.of("sale:S3"))).isEqualTo(30L);
  }

  @Test
  void shouldKeepTheLaterTimeAndSayAgainWhenAForgottenIdTakesEffectAgain() {
    // given S1 took effect at 10 and was forgotten
    seen.remember(IdHash.of("sale:S1"), 10, true);
    seen.forgetBefore(15);

    // when it takes effect again at 40, and ids before 35 are forgotten
    boolean again = seen.remember(IdHash.of("sale:S1"), 40, true);
    seen.forgetBefore(35);

    // then its new time holds
    assertThat(again).isTrue();
    assertThat(seen.firstSeen(IdHash.of("sale:S1"))).isEqualTo(40L);
  }

  @Test
  void shouldNotForgetARenewedIdWhenItsOlderQueueEntryExpires() {
    // given S1 remembered at 10 and again at 50 before any purge
    seen.remember(IdHash.of("sale:S1"), 10, true);
    seen.remember(IdHash.of("sale:S1"), 50, true);

    // when ids before 20 are forgotten (the entry at 10 expires, the one at 50 does not)
    seen.forgetBefore(20);

    // then
    assertThat(seen.firstSeen(IdHash.of("sale:S1"))).isEqualTo(50L);
  }

  @Test
  void shouldHashKindAndIdAsTheSeenKeyWhenGivenApart() {
    // when a sale id is hashed with its kind apart, and as the rule's seen key "sale:S1"
    long apart = IdHash.of("sale", "S1");
    long joined = IdHash.of("sale:S1");

    // then both are the same id, and a different kind is a different id
    assertThat(apart).isEqualTo(joined);
    assertThat(IdHash.of("invoice", "S1")).isNotEqualTo(joined);
  }
}
