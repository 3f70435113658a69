package almacen.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.domain.Decimals;
import almacen.events.LabelPrint;
import almacen.events.Price;
import almacen.events.PriceReason;
import almacen.events.Product;
import almacen.events.TaxRegime;
import almacen.events.Unit;
import almacen.query.QueryConfig;
import almacen.query.QueryTopology;
import almacen.query.cluster.Cluster;
import almacen.query.read.LabelsModel;
import almacen.query.read.StoreReader;
import almacen.query.write.CommittedWriter;
import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.security.AuthenticatedUser;
import almacen.support.security.Role;
import almacen.support.web.ApiErrorHandler;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/** Shelf labels end to end on one instance: price events through the topology to the API. */
class LabelsControllerTest {

  /** 2026-03-10 15:00 in Buenos Aires. */
  private static final Instant NOW = Instant.parse("2026-03-10T18:00:00Z");

  private static final Instant T1 = Instant.parse("2026-03-09T12:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-10T12:00:00Z");

  private final Topics topics = Topics.defaults();
  private final List<LabelPrint> written = new ArrayList<>();
  private TopologyTestDriver driver;
  private MockMvc mvc;

  @BeforeEach
  void setUp() throws Exception {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "labels-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("labels-ttd-").toString());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    driver = new TopologyTestDriver(QueryTopology.build(QueryConfig.defaults(), topics), props);
    StoreReader reader =
        new StoreReader() {
          @Override
          @SuppressWarnings("unchecked")
          public <V, T> T read(String store, Function<ReadOnlyKeyValueStore<String, V>, T> query) {
            return query.apply(
                (ReadOnlyKeyValueStore<String, V>) (Object) driver.getKeyValueStore(store));
          }
        };
    // the writer commits to the topic the global store is fed from, as the broker would
    CommittedWriter writer =
        new CommittedWriter() {
          @Override
          @SuppressWarnings("unchecked")
          public <V> void write(Topic<String, V> topic, String key, V value) {
            written.add((LabelPrint) value);
            pipe(topic, key, value);
          }
        };
    Routing alone =
        new Routing(
            new Cluster(() -> null, null, Duration.ofSeconds(1)), JsonMapper.builder().build());
    LabelsController controller =
        new LabelsController(
            new LabelsModel(reader, QueryConfig.BUENOS_AIRES),
            alone,
            writer,
            topics,
            Clock.fixed(NOW, ZoneOffset.UTC),
            QueryConfig.defaults());
    mvc =
        MockMvcBuilders.standaloneSetup(controller)
            .setControllerAdvice(new ApiErrorHandler())
            .build();
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void shouldListEachChangedPriceOnceWithTheOldPriceWhenPricesChange() throws Exception {
    // given a sku priced twice (the second a change), a re-pricing to the same price, and a new sku
    pipe(
        topics.products,
        "ALM000001",
        product("ALM000001", "Yerba Playadito 1 kg", "7790387000016", Unit.UNIT));
    pipe(topics.products, "FIA000001", product("FIA000001", "Queso cremoso", null, Unit.KG));
    price("ALM000001", "3500", T1);
    price("ALM000001", "3990", T2);
    price("ALM000001", "3990", T2.plusSeconds(60));
    price("FIA000001", "12500", T2);

    // when / then: ordered by name; pricePerKg only for the product sold by weight
    mvc.perform(get("/api/labels?branch=central"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(2))
        .andExpect(jsonPath("$.items[0].sku").value("FIA000001"))
        .andExpect(jsonPath("$.items[0].unit").value("KG"))
        .andExpect(jsonPath("$.items[0].listPrice").value(12500.00))
        .andExpect(jsonPath("$.items[0].previousListPrice").isEmpty())
        .andExpect(jsonPath("$.items[0].pricePerKg").value(12500.00))
        .andExpect(jsonPath("$.items[1].sku").value("ALM000001"))
        .andExpect(jsonPath("$.items[1].name").value("Yerba Playadito 1 kg"))
        .andExpect(jsonPath("$.items[1].ean").value("7790387000016"))
        .andExpect(jsonPath("$.items[1].listPrice").value(3990.00))
        .andExpect(jsonPath("$.items[1].previousListPrice").value(3500.00))
        .andExpect(jsonPath("$.items[1].pricePerKg").doesNotExist())
        .andExpect(jsonPath("$.items[1].changedAt").value("2026-03-10T09:00:00-03:00"));
  }

  @Test
  void shouldListOnlyLaterChangesWhenTheBranchMarkedItsLabelsPrinted() throws Exception {
    // given
    pipe(topics.products, "ALM000001", product("ALM000001", "Yerba", "7790387000016", Unit.UNIT));
    pipe(topics.products, "ALM000002", product("ALM000002", "Azúcar", null, Unit.UNIT));
    price("ALM000001", "3500", T1);
    price("ALM000002", "1200", T2);

    // when the branch marks its labels printed between the two changes
    mvc.perform(
            post("/api/labels/printed")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"branch\":\"central\",\"printedAt\":\"2026-03-09T20:00:00-03:00\"}")
                .requestAttr(
                    AuthenticatedUser.ATTRIBUTE,
                    new AuthenticatedUser("ana", Set.of(Role.STOCK), NOW.plusSeconds(600))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.branch").value("central"))
        .andExpect(jsonPath("$.printedAt").value("2026-03-09T20:00:00-03:00"));

    // then the mark is committed with who made it, and only the later change is due there
    assertThat(written)
        .containsExactly(
            LabelPrint.newBuilder()
                .setBranch("central")
                .setPrintedAt(Instant.parse("2026-03-09T23:00:00Z"))
                .setUser("ana")
                .setRecordedAt(NOW)
                .build());
    mvc.perform(get("/api/labels?branch=central"))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].sku").value("ALM000002"));
    mvc.perform(get("/api/labels?branch=norte")).andExpect(jsonPath("$.items.length()").value(2));
    mvc.perform(get("/api/labels?branch=central&since=2026-03-01T00:00:00-03:00"))
        .andExpect(jsonPath("$.items.length()").value(2));
  }

  @Test
  void shouldPrintTheDueLabelsOnAnA4SheetWhenThePdfIsAsked() throws Exception {
    // given
    pipe(
        topics.products,
        "ALM000001",
        product("ALM000001", "Yerba Playadito 1 kg", "7790387000016", Unit.UNIT));
    pipe(topics.products, "FIA000001", product("FIA000001", "Queso cremoso", null, Unit.KG));
    price("ALM000001", "1234.56", T1);
    price("FIA000001", "12500", T2);

    // when
    byte[] pdf =
        mvc.perform(get("/api/labels.pdf?branch=central"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        "attachment; filename=\"etiquetas-central-2026-03-10.pdf\""))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    // then
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f);
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Yerba Playadito 1 kg")
          .contains("$ 1.234,56")
          .contains("$ 12.500,00 / kg")
          .contains("Precio por kg: $ 12.500,00")
          .contains("10/03/2026")
          .contains("7790387000016");
    }
  }

  @Test
  void shouldRefuseWithoutWritingWhenTheMarkIsInvalid() throws Exception {
    // when / then
    mvc.perform(
            post("/api/labels/printed")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"printedAt\":\"2026-03-09T20:00:00-03:00\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("MISSING_FIELD"))
        .andExpect(jsonPath("$.field").value("branch"));
    mvc.perform(
            post("/api/labels/printed")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"branch\":\"central\",\"printedAt\":\"2026-03-11T20:00:00-03:00\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("INVALID_INSTANT"));
    mvc.perform(
            post("/api/labels/printed")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"branch\":\"Central!\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("BAD_BRANCH"));
    mvc.perform(get("/api/labels?since=yesterday"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("since"));
    assertThat(written).isEmpty();
  }

  private void price(String sku, String listPrice, Instant effectiveAt) {
    pipe(
        topics.priceHistory,
        sku,
        Price.newBuilder()
            .setSku(sku)
            .setListPrice(Decimals.money(new BigDecimal(listPrice)))
            .setUnitCost(Decimals.unitCost(new BigDecimal("100")))
            .setCostBasis(Decimals.unitCost(new BigDecimal("100")))
            .setCostDate(LocalDate.parse("2026-03-01"))
            .setCostInvoiceId("30712345671-A-00003-00012345")
            .setInflationFactor(Decimals.factor(new BigDecimal("1.025")))
            .setHorizonDate(LocalDate.parse("2026-03-31"))
            .setMarkupPct(Decimals.rate(new BigDecimal("35")))
            .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
            .setTaxRegime(TaxRegime.RI)
            .setRoundingStep(Decimals.money(new BigDecimal("10")))
            .setEffectiveAt(effectiveAt)
            .setReason(PriceReason.COST)
            .build());
  }

  private static Product product(String sku, String name, String ean, Unit unit) {
    return Product.newBuilder()
        .setSku(sku)
        .setName(name)
        .setCategory("Almacén")
        .setEan(ean)
        .setUnit(unit)
        .setMinStock(Decimals.qty(BigDecimal.ONE))
        .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
        .setActive(true)
        .setUpdatedAt(T1)
        .build();
  }

  private <V> void pipe(Topic<String, V> topic, String key, V value) {
    TestInputTopic<String, V> in =
        driver.createInputTopic(
            topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    in.pipeInput(key, value);
  }
}
