package almacen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written checks answer exactly as the contract's patterns. */
class IdentifiersPropertyTest {

  @Property(tries = 5000)
  void shouldAnswerLikeTheSkuPatternWhenGivenAnyText(@ForAll("identifierLike") String text) {
    assertThat(Identifiers.isSku(text))
        .as("'%s'", text)
        .isEqualTo(Identifiers.SKU.matcher(text).matches());
  }

  @Property(tries = 5000)
  void shouldAnswerLikeTheBranchPatternWhenGivenAnyText(@ForAll("identifierLike") String text) {
    assertThat(Identifiers.isBranch(text))
        .as("'%s'", text)
        .isEqualTo(Identifiers.BRANCH.matcher(text).matches());
  }

  @Provide
  Arbitrary<String> identifierLike() {
    return Arbitraries.strings()
        .withChars("AZaz09_-. \nÑñ")
        .withCharRange('A', 'Z')
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .ofMinLength(0)
        .ofMaxLength(55);
  }
}
