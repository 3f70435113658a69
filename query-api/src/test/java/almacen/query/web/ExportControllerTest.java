package almacen.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.domain.Decimals;
import almacen.events.MovementType;
import almacen.events.Product;
import almacen.events.StockLevel;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import almacen.events.Unit;
import almacen.query.QueryConfig;
import almacen.query.cluster.Cluster;
import almacen.query.read.ReadModel;
import almacen.query.read.StoreReader;
import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import almacen.support.web.ApiErrorHandler;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/** ?locale and ?branch of the CSV exports, on one instance over in-memory stores. */
class ExportControllerTest {

  private static final Instant NOON = Instant.parse("2026-03-10T15:00:00Z");
  private final Map<String, KeyValueStore<String, ?>> stores = new HashMap<>();
  private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>(props());
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    StoreReader reader =
        new StoreReader() {
          @Override
          @SuppressWarnings("unchecked")
          public <V, T> T read(
              String store,
              java.util.function.Function<ReadOnlyKeyValueStore<String, V>, T> query) {
            return query.apply((ReadOnlyKeyValueStore<String, V>) store(store));
          }
        };
    Routing alone =
        new Routing(
            new Cluster(() -> null, null, Duration.ofSeconds(1)), JsonMapper.builder().build());
    ReadModel model =
        new ReadModel(reader, Clock.fixed(NOON, ZoneOffset.UTC), QueryConfig.BUENOS_AIRES);
    mvc =
        MockMvcBuilders.standaloneSetup(new ExportController(model, alone))
            .setControllerAdvice(new ApiErrorHandler())
            .build();
    this.<Product>store(StoreNames.QUERY_PRODUCTS)
        .put(
            "ALM000001",
            Product.newBuilder()
                .setSku("ALM000001")
                .setName("+Yerba 1 kg")
                .setCategory("Infusiones")
                .setEan(null)
                .setUnit(Unit.UNIT)
                .setMinStock(Decimals.qty(new BigDecimal("5")))
                .setMaxStock(null)
                .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
                .setMarkupPct(null)
                .setActive(true)
                .setUpdatedAt(NOON)
                .build());
    this.<StockLevel>store(StoreNames.QUERY_STOCK_LEVELS)
        .put("central|ALM000001", level("central", "-2.5"));
    this.<StockLevel>store(StoreNames.QUERY_STOCK_LEVELS)
        .put("norte|ALM000001", level("norte", "4"));
  }

  @Test
  void shouldAnswerOneBranchWithBomSemicolonsAndDecimalCommaWhenLocaleIsEsAr() throws Exception {
    // when
    byte[] body = export("/api/export/stock.csv?branch=central&locale=es-AR");

    // then
    assertThat(new String(body, StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFF"
                + "branch;sku;name;category;unit;onHand;minStock;maxStock;status;avgCost;stockValue;dailySales28d;"
                + "daysOfCover;reorderQty;listPrice;updatedAt\n"
                + "central;ALM000001;\"'+Yerba 1 kg\";Infusiones;UNIT;-2,500;5,000;;NEGATIVE;100,0000;0,00;0,000;;5,000;;"
                + "10/03/2026 12:00:00\n");
  }

  @Test
  void shouldHeadTheMovementsWithUsuarioInEsArAndUserInPlainWhenExported() throws Exception {
    // given a sale by caja1
    this.<StockMovement>store(StoreNames.QUERY_MOVEMENTS)
        .put(
            "central|ALM000001|0000000000000000001",
            StockMovement.newBuilder()
                .setMovementId("S1#1:SALE")
                .setBranch("central")
                .setSku("ALM000001")
                .setType(MovementType.SALE)
                .setDelta(Decimals.qty(new BigDecimal("-1")))
                .setBefore(Decimals.qty(new BigDecimal("3")))
                .setAfter(Decimals.qty(new BigDecimal("2")))
                .setUnitCost(Decimals.unitCost(new BigDecimal("100")))
                .setSourceRef("S1#1")
                .setOccurredAt(NOON)
                .setSequence(1)
                .setUser("caja1")
                .build());

    // when
    String esAr =
        new String(export("/api/export/movements.csv?locale=es-AR"), StandardCharsets.UTF_8);
    String plain = new String(export("/api/export/movements.csv"), StandardCharsets.UTF_8);

    // then
    assertThat(esAr)
        .isEqualTo(
            "\uFEFF"
                + "Sucursal;SKU;Secuencia;Movimiento;Tipo;Cantidad;Antes;Después;Costo unitario;"
                + "Origen;Fecha;Usuario\n"
                + "central;ALM000001;1;S1#1:SALE;SALE;-1,000;3,000;2,000;100,0000;S1#1;"
                + "10/03/2026 12:00:00;caja1\n");
    assertThat(plain)
        .isEqualTo(
            "branch,sku,sequence,movementId,type,delta,before,after,unitCost,sourceRef,occurredAt,user\n"
                + "central,ALM000001,1,S1#1:SALE,SALE,-1.000,3.000,2.000,100.0000,S1#1,"
                + "2026-03-10T12:00:00-03:00,caja1\n");
  }

  @Test
  void shouldSayTheAnswerIsSpanishOnlyWhenLocaleIsEsAr() throws Exception {
    // then
    mvc.perform(get("/api/export/stock.csv?locale=es-AR"))
        .andExpect(header().string("Content-Language", "es-AR"));
    mvc.perform(get("/api/export/stock.csv")).andExpect(header().doesNotExist("Content-Language"));
    mvc.perform(get("/api/export/stock.csv?locale=fr-FR"))
        .andExpect(header().string("Content-Language", "en"));
  }

  @Test
  void shouldAnswerEveryBranchInPlainCsvWhenNeitherBranchNorLocaleIsGiven() throws Exception {
    // when
    String body = new String(export("/api/export/stock.csv"), StandardCharsets.UTF_8);

    // then
    assertThat(body.lines()).hasSize(3).first().asString().startsWith("branch,sku,name,");
    assertThat(body)
        .doesNotStartWith("\uFEFF")
        .contains(
            "\ncentral,ALM000001,\"'+Yerba 1 kg\",Infusiones,UNIT,-2.500,", "\nnorte,ALM000001,");
  }

  @Test
  void shouldRefuseWithBadRequestWhenLocaleIsUnknown() throws Exception {
    // then
    mvc.perform(get("/api/export/movements.csv?locale=fr-FR"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("BAD_PARAMETER"))
        .andExpect(jsonPath("$.field").value("locale"));
    mvc.perform(get("/api/export/stock.csv?branch=Central!"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("branch"));
  }

  private byte[] export(String path) throws Exception {
    MvcResult started = mvc.perform(get(path)).andReturn();
    return mvc.perform(asyncDispatch(started))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static StockLevel level(String branch, String onHand) {
    BigDecimal on = Decimals.qty(new BigDecimal(onHand));
    BigDecimal avg = Decimals.unitCost(new BigDecimal("100"));
    return StockLevel.newBuilder()
        .setBranch(branch)
        .setSku("ALM000001")
        .setOnHand(on)
        .setAvgCost(avg)
        .setStockValue(Decimals.money(on.max(BigDecimal.ZERO).multiply(avg)))
        .setStatus(on.signum() < 0 ? StockStatus.NEGATIVE : StockStatus.LOW)
        .setMinStock(Decimals.qty(new BigDecimal("5")))
        .setMaxStock(null)
        .setCatalogued(true)
        .setDailySales28d(Decimals.qty(BigDecimal.ZERO))
        .setDaysOfCover(null)
        .setReorderQty(Decimals.qty(new BigDecimal("5")))
        .setMovements(1)
        .setStatusSince(NOON)
        .setUpdatedAt(NOON)
        .build();
  }

  @SuppressWarnings("unchecked")
  private <V> KeyValueStore<String, V> store(String name) {
    return (KeyValueStore<String, V>)
        stores.computeIfAbsent(
            name,
            n -> {
              KeyValueStore<String, Object> s =
                  Stores.keyValueStoreBuilder(
                          Stores.inMemoryKeyValueStore(n),
                          Serdes.String(),
                          (Serde<Object>) serde(n))
                      .withLoggingDisabled()
                      .build();
              s.init(context.getStateStoreContext(), s);
              return s;
            });
  }

  private static Serde<?> serde(String store) {
    Topics topics = Topics.defaults();
    return switch (store) {
      case StoreNames.QUERY_PRODUCTS -> topics.products.valueSerde();
      case StoreNames.QUERY_STOCK_LEVELS -> topics.stockLevels.valueSerde();
      case StoreNames.QUERY_PRICES -> topics.prices.valueSerde();
      case StoreNames.QUERY_MOVEMENTS -> topics.stockMovements.valueSerde();
      default -> throw new IllegalArgumentException("No serde for " + store);
    };
  }

  private static Properties props() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "export-controller-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return p;
  }
}
