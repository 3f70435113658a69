package almacen.kafkalocal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one real KRaft broker per test JVM (free port, temporary directory), started
 * on first use and stopped when the JVM's tests end. Inject {@link KafkaLocalBroker} as a parameter
 * or call {@link #bootstrapServers()}.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
  private static volatile KafkaLocalBroker broker;

  @Override
  public void beforeAll(ExtensionContext context) {
    broker(context);
  }

  public static String bootstrapServers() {
    if (broker == null) {
      throw new IllegalStateException(
          "Broker not started: add @ExtendWith(KafkaBrokerExtension.class)");
    }
    return broker.bootstrapServers();
  }

  private static synchronized KafkaLocalBroker broker(ExtensionContext context) {
    if (broker == null) {
      ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
      Path dir = tempDir();
      KafkaLocalBroker started = KafkaLocalBroker.start(dir, 0, 0, Map.of());
      store.put(
          "broker",
          (AutoCloseable)
              () -> {
                started.close();
                deleteQuietly(dir);
                broker = null;
              });
      broker = started;
    }
    return broker;
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == KafkaLocalBroker.class;
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return broker(extensionContext);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("almacen-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
