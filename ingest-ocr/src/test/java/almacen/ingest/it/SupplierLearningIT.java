package almacen.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.domain.Decimals;
import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceLine;
import almacen.events.InvoiceSource;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.SourceKind;
import almacen.events.Supplier;
import almacen.ingest.invoice.InvoiceDraft;
import almacen.ingest.invoice.InvoiceService;
import almacen.ingest.invoice.ValidationResult;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.kafka.TopicProvisioner;
import almacen.support.security.Role;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a review taught about a supplier against a real broker: a person corrects an invoice read
 * with a misread description, ingest stops, and the ingest started again — knowing only the
 * invoices topic — fixes the same misread on the supplier's next invoice and lets it confirm.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class SupplierLearningIT {

  private static final String PREFIX = "it-learning.";
  private static final String ID = "30712345671-B-00004-00000101";
  private static final String MISREAD = "Galletitas Blancatflor 300g";
  private static final String RIGHT = "Galletitas Blancaflor 300g";
  private static final Path HOME = IngestItSupport.tempHome("almacen-learning-it-");

  private final HttpClient http = HttpClient.newHttpClient();
  private final Topics topics = Topics.withPrefix(PREFIX);

  @Test
  void shouldFixTheSameMisreadOfTheSupplierWhenIngestStartsAgainAfterTheReview() throws Exception {
    // given the topics, and an invoice read with «Blancatflor» that waits for review
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers()))) {
      TopicProvisioner.ensureTopics(admin, topics, new TopicSettings(PREFIX, 1, (short) 1, 1));
    }
    IngestItSupport.publishInvoice(topics, waitingForReview());

    try (ConfigurableApplicationContext ingest = IngestItSupport.startIngest(HOME, PREFIX)) {
      String base = IngestItSupport.baseOf(ingest);
      HttpResponse<String> product =
          send(
              base,
              "PUT",
              "/api/products/ALM000010",
              "{\"name\":\"Galletitas Blancaflor 300 g\",\"category\":\"Almacén\",\"unit\":\"UNIT\","
                  + "\"minStock\":5,\"ivaRatePct\":21,\"active\":true}");
      assertThat(product.statusCode()).isEqualTo(200);

      // when a person corrects the description and confirms it
      HttpResponse<String> confirm =
          send(
              base,
              "POST",
              "/api/invoices/" + ID + "/confirm",
              "{\"lines\":[{\"sku\":\"ALM000010\",\"description\":\""
                  + RIGHT
                  + "\",\"qty\":12,\"unitCost\":950,\"ivaRatePct\":21,\"lineTotal\":11400}]}");
      assertThat(confirm.statusCode()).isEqualTo(202);
      assertThat(confirm.body()).contains("\"status\":\"CONFIRMED\"");
    }

    // then an ingest started again learns it from the topic and fixes the next invoice's misread
    try (ConfigurableApplicationContext restarted = IngestItSupport.startIngest(HOME, PREFIX)) {
      InvoiceService invoices = restarted.getBean(InvoiceService.class);
      ValidationResult next = invoices.validateRead(nextInvoice(), List.of());

      assertThat(next.invoice().lines().get(0).description()).isEqualTo(RIGHT);
      assertThat(next.invoice().lines().get(0).sku()).isEqualTo("ALM000010");
      assertThat(next.learned(0).getRead()).isEqualTo(MISREAD);
      assertThat(next.learned(0).getFromInvoiceId()).isEqualTo(ID);
      assertThat(next.status()).isEqualTo(InvoiceStatus.CONFIRMED);
    }
  }

  private static Invoice waitingForReview() {
    return Invoice.newBuilder()
        .setInvoiceId(ID)
        .setSupplier(new Supplier("30-71234567-1", "Distribuidora Sur SA"))
        .setType(InvoiceType.B)
        .setPointOfSale(4)
        .setNumber(101L)
        .setIssueDate(LocalDate.of(2025, 10, 15))
        .setBranch("central")
        .setPricesIncludeIva(true)
        .setLines(
            List.of(
                InvoiceLine.newBuilder()
                    .setDescription(MISREAD)
                    .setQty(Decimals.qty(new BigDecimal("12")))
                    .setUnitCost(Decimals.unitCost(new BigDecimal("950")))
                    .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
                    .setLineTotal(Decimals.money(new BigDecimal("11400")))
                    .setDiscountPct(Decimals.rate(BigDecimal.ZERO))
                    .build()))
        .setNetTotal(Decimals.money(new BigDecimal("11400")))
        .setIvaTotal(Decimals.money(BigDecimal.ZERO))
        .setOtherTaxes(Decimals.money(BigDecimal.ZERO))
        .setTotal(Decimals.money(new BigDecimal("11400")))
        .setStatus(InvoiceStatus.NEEDS_REVIEW)
        .setIssues(List.of("line 1: product not identified ('" + MISREAD + "')"))
        .setConfidence(0.8)
        .setSource(new InvoiceSource(SourceKind.PHOTO, "cd34", false))
        .setReceivedAt(Instant.parse("2025-10-20T15:00:00Z"))
        .setKind(InvoiceKind.INVOICE)
        .setUser("telefono")
        .build();
  }

  private static InvoiceDraft nextInvoice() {
    return new InvoiceDraft(
        "30-71234567-1",
        "Distribuidora Sur SA",
        InvoiceType.B,
        4,
        102L,
        LocalDate.of(2025, 10, 22),
        null,
        "central",
        null,
        List.of(
            new InvoiceDraft.Line(
                null,
                null,
                MISREAD,
                new BigDecimal("6"),
                new BigDecimal("990.00"),
                null,
                new BigDecimal("5940.00"))),
        new BigDecimal("5940.00"),
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        new BigDecimal("5940.00"),
        new InvoiceDraft.Source(SourceKind.PHOTO, "ef56", false),
        0.9,
        null);
  }

  private HttpResponse<String> send(String base, String method, String path, String json)
      throws IOException, InterruptedException {
    String token = IngestItSupport.token(HOME, Set.of(Role.ADMIN, Role.STOCK));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
