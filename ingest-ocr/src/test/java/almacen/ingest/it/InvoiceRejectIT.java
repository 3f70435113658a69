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
import almacen.kafkalocal.CommittedRecords;
import almacen.kafkalocal.KafkaBrokerExtension;
import almacen.schemas.EventSchemas;
import almacen.schemas.Topic;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rejecting an invoice from the review queue against a real broker: the REJECTED record on the
 * invoices topic is what every reader sees, and an ingest started again rebuilds it as rejected
 * from the topic (no second record, still 409 on confirm).
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
class InvoiceRejectIT {

  private static final String PREFIX = "it-reject.";
  private static final String ID = "30712345671-A-00003-00012345";
  private static final Path HOME = IngestItSupport.tempHome("almacen-reject-it-");

  private final HttpClient http = HttpClient.newHttpClient();
  private final Topics topics = Topics.withPrefix(PREFIX);

  @Test
  void shouldPublishOneRejectedRecordAndKeepItRejectedWhenIngestStartsAgain() throws Exception {
    // given the topics, and an invoice read from a phone photo that waits for review
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", KafkaBrokerExtension.bootstrapServers()))) {
      TopicProvisioner.ensureTopics(admin, topics, new TopicSettings(PREFIX, 1, (short) 1, 1));
    }
    IngestItSupport.publishInvoice(topics, waitingForReview());

    try (ConfigurableApplicationContext ingest = IngestItSupport.startIngest(HOME, PREFIX)) {
      String base = IngestItSupport.baseOf(ingest);

      // when the shop worker rejects it, twice (a double click), and someone then tries to confirm
      HttpResponse<String> rejected = send(base, "/reject", "{\"reason\":\"Es de otro local\"}");
      HttpResponse<String> again = send(base, "/reject", "");
      HttpResponse<String> confirm = send(base, "/confirm", "{\"ivaTotal\":2142.00}");

      // then
      assertThat(rejected.statusCode()).isEqualTo(202);
      assertThat(rejected.body())
          .contains(
              "\"status\":\"REJECTED\"",
              "\"rejectReason\":\"Es de otro local\"",
              "\"duplicate\":false");
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).contains("\"status\":\"REJECTED\"", "\"duplicate\":true");
      assertThat(confirm.statusCode()).isEqualTo(409);
      assertThat(confirm.body()).contains("\"error\":\"INVOICE_IS_REJECTED\"");
    }
    List<ConsumerRecord<String, Invoice>> records = readAll(topics.invoices, 2);
    assertThat(records).hasSize(2);
    ConsumerRecord<String, Invoice> decision = records.get(1);
    assertThat(decision.key()).isEqualTo(ID);
    assertThat(decision.value().getStatus()).isEqualTo(InvoiceStatus.REJECTED);
    assertThat(decision.value().getRejectReason()).isEqualTo("Es de otro local");
    assertThat(decision.value().getUser()).isEqualTo("it");
    assertThat(decision.value().getLines()).isEqualTo(records.get(0).value().getLines());
    // stamped like every invoice ingest publishes (its arrival), after the record it decides on
    assertThat(decision.timestamp()).isGreaterThanOrEqualTo(records.get(0).timestamp());
    assertThat(
            new String(
                decision.headers().lastHeader("schema-fingerprint").value(),
                StandardCharsets.UTF_8))
        .isEqualTo(EventSchemas.fingerprintHex(Invoice.getClassSchema()));

    // and when ingest starts again, it knows the invoice was rejected from the topic alone
    try (ConfigurableApplicationContext restarted = IngestItSupport.startIngest(HOME, PREFIX)) {
      String base = IngestItSupport.baseOf(restarted);
      assertThat(send(base, "/confirm", "{\"ivaTotal\":2142.00}").statusCode()).isEqualTo(409);
      HttpResponse<String> rejectAgain = send(base, "/reject", "{\"reason\":\"otra vez\"}");
      assertThat(rejectAgain.statusCode()).isEqualTo(200);
      assertThat(rejectAgain.body()).contains("\"rejectReason\":\"Es de otro local\"");
    }
    assertThat(readAll(topics.invoices, 2)).hasSize(2);
  }

  private static Invoice waitingForReview() {
    return Invoice.newBuilder()
        .setInvoiceId(ID)
        .setSupplier(new Supplier("30-71234567-1", "Distribuidora Sur SA"))
        .setType(InvoiceType.A)
        .setPointOfSale(3)
        .setNumber(12345L)
        .setIssueDate(LocalDate.of(2025, 10, 15))
        .setBranch("central")
        .setPricesIncludeIva(false)
        .setLines(
            List.of(
                new InvoiceLine(
                    null,
                    "YM-1",
                    "Yerba mate 1 kg",
                    Decimals.qty(new BigDecimal("12")),
                    Decimals.unitCost(new BigDecimal("850")),
                    Decimals.rate(new BigDecimal("21")),
                    Decimals.money(new BigDecimal("10200")),
                    Decimals.rate(BigDecimal.ZERO))))
        .setNetTotal(Decimals.money(new BigDecimal("10200")))
        .setIvaTotal(Decimals.money(new BigDecimal("2100")))
        .setOtherTaxes(Decimals.money(BigDecimal.ZERO))
        .setTotal(Decimals.money(new BigDecimal("12342")))
        .setStatus(InvoiceStatus.NEEDS_REVIEW)
        .setIssues(List.of("Línea 1: producto sin SKU"))
        .setConfidence(0.61)
        .setSource(new InvoiceSource(SourceKind.PHOTO, "ab12", false))
        .setReceivedAt(Instant.parse("2025-10-20T15:00:00Z"))
        .setKind(InvoiceKind.INVOICE)
        .setUser("telefono")
        .build();
  }

  private HttpResponse<String> send(String base, String action, String json)
      throws IOException, InterruptedException {
    String token = IngestItSupport.token(HOME, Set.of(Role.STOCK));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/invoices/" + ID + action))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30));
    if (json.isEmpty()) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic, int expected) {
    return CommittedRecords.atLeast(
        KafkaBrokerExtension.bootstrapServers(),
        topic.name(),
        topic.keySerde().deserializer(),
        topic.valueSerde().deserializer(),
        expected,
        Duration.ofSeconds(20));
  }
}
