package almacen.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md lists every store and repartition the topologies name, so a reader finds
 * each one.
 */
class StoreNamesDocTest {

  private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");

  @Test
  void shouldListEveryStoreAndRepartitionWhenArchitectureIsRead() throws IOException {
    // given: every name in StoreNames but the application ids
    List<String> names =
        Arrays.stream(StoreNames.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .filter(f -> !f.getName().endsWith("_APP"))
            .map(StoreNamesDocTest::value)
            .toList();

    // when
    String doc = Files.readString(ARCHITECTURE);

    // then: each as code (`name`), and the count checks the reflection found them all
    assertThat(names).hasSize(25);
    assertThat(names).allSatisfy(name -> assertThat(doc).contains("`" + name + "`"));
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("StoreNames." + field.getName() + " is not readable", e);
    }
  }
}
