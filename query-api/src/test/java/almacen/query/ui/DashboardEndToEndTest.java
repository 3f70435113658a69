package almacen.query.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import almacen.domain.Decimals;
import almacen.events.Product;
import almacen.events.Unit;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.query.QueryApplication;
import almacen.schemas.Topics;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * END-TO-END smoke of the dashboard against the real query-api (real broker, real Streams stores,
 * real login, real security filter and CSP): a product published to the products topic shows up in
 * the browser.
 */
@Tag("slow")
@ExtendWith(KafkaBrokerExtension.class)
@SpringBootTest(
    classes = QueryApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardEndToEndTest {

  private static final String PREFIX = "e2e-ui.";
  private static final Path HOME = tempDir();
  private static final Path SHOTS = Paths.get("target", "screenshots");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("almacen.bootstrap-servers", KafkaBrokerExtension::bootstrapServers);
    registry.add("almacen.home", HOME::toString);
    registry.add("almacen.mode", () -> "local");
    registry.add("almacen.topics.prefix", () -> PREFIX);
    registry.add("almacen.topics.partitions", () -> "1");
  }

  @Test
  void shouldShowAPublishedProductAsSinStockWhenTheOwnerLogsIn() throws Exception {
    // given a product in the catalogue that never moved (the contract: onHand 0, status OUT)
    publishProduct("E2E000001", "Yerba mate e2e 1 kg");
    String password =
        Files.readString(HOME.resolve("admin-password"), StandardCharsets.UTF_8).trim();
    List<String> problems = new CopyOnWriteArrayList<>();

    try (Playwright playwright =
            Playwright.create(
                new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
            playwright
                .chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(
                            List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run",
                                "--disable-sync")));
        BrowserContext context =
            browser.newContext(
                new Browser.NewContextOptions()
                    .setViewportSize(1280, 860)
                    .setLocale("es-AR")
                    .setTimezoneId("America/Argentina/Buenos_Aires"))) {
      context.setDefaultTimeout(30_000);
      Page page = context.newPage();
      page.onConsoleMessage(
          m -> {
            if (m.text().contains("Content Security Policy")) {
              problems.add(m.text());
            }
          });
      page.onPageError(e -> problems.add("pageerror: " + e));

      // when the owner logs in through the form and opens the stock page
      page.navigate("http://127.0.0.1:" + port + "/#/stock");
      page.getByLabel("Usuario", new Page.GetByLabelOptions().setExact(true)).fill("admin");
      page.getByLabel("Contraseña", new Page.GetByLabelOptions().setExact(true)).fill(password);
      page.getByTestId("login-submit").click();

      // then the product is listed, out of stock, in Spanish
      assertThat(page.getByTestId("stock-row-E2E000001").getByTestId("cell-status"))
          .hasText("SIN STOCK");
      assertThat(page.getByTestId("stock-row-E2E000001").getByTestId("cell-onHand")).hasText("0");
      Files.createDirectories(SHOTS);
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-stock.png")).setFullPage(true));

      // and when the owner creates a cashier on Usuarios and deactivates it, the list shows it
      page.getByTestId("nav-usuarios").click();
      page.getByLabel("Usuario", new Page.GetByLabelOptions().setExact(true)).fill("caja-e2e");
      page.getByLabel("Contraseña", new Page.GetByLabelOptions().setExact(true))
          .fill("mostrador-e2e");
      page.getByLabel("Rol", new Page.GetByLabelOptions().setExact(true)).selectOption("cashier");
      page.getByTestId("user-new-branch").fill("norte");
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Crear usuario"))
          .click();
      assertThat(page.getByTestId("users-saved")).hasText("Usuario caja-e2e creado (Caja).");
      assertThat(page.getByTestId("user-branch-caja-e2e")).hasValue("norte");
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Desactivar a caja-e2e"))
          .click();
      assertThat(page.getByTestId("user-caja-e2e")).containsText("Inactivo");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SHOTS.resolve("e2e-usuarios.png"))
              .setFullPage(true));
    }
    Assertions.assertThat(problems).as("CSP violations / page errors").isEmpty();
  }

  private static void publishProduct(String sku, String name) throws Exception {
    Topics topics = Topics.withPrefix(PREFIX);
    Product product =
        Product.newBuilder()
            .setSku(sku)
            .setName(name)
            .setCategory("Almacén")
            .setEan(null)
            .setUnit(Unit.UNIT)
            .setMinStock(Decimals.qty(new BigDecimal("5")))
            .setMaxStock(null)
            .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
            .setMarkupPct(null)
            .setActive(true)
            .setUpdatedAt(Instant.parse("2025-10-15T12:00:00Z"))
            .build();
    byte[] value =
        topics.products.valueSerde().serializer().serialize(topics.products.name(), product);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerExtension.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topics.products.name(), sku, value)).get();
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("almacen-e2e-ui-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
