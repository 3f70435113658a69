package almacen.query.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.domain.Decimals;
import almacen.events.Product;
import almacen.events.Unit;
import almacen.query.DailyCell;
import almacen.query.QueryConfig;
import almacen.query.cluster.Cluster;
import almacen.query.read.AnalyticsModel;
import almacen.query.read.StoreReader;
import almacen.schemas.StoreNames;
import almacen.schemas.Topics;
import almacen.support.web.ApiErrorHandler;
import java.math.BigDecimal;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parameters and JSON of the supplier and analytics endpoints, on one instance over in-memory
 * stores.
 */
class AnalyticsControllerTest {

  /** 15:00 in Buenos Aires on 2026-03-10. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-10T18:00:00Z"), ZoneOffset.UTC);

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
    AnalyticsController controller =
        new AnalyticsController(new AnalyticsModel(reader), alone, CLOCK, QueryConfig.defaults());
    mvc =
        MockMvcBuilders.standaloneSetup(controller)
            .setControllerAdvice(new ApiErrorHandler())
            .build();
  }

  @ParameterizedTest
  @CsvSource({
    "/api/analytics/sales?from=2026-13-01,                        BAD_DATE,   from",
    "/api/analytics/sales?to=10/03/2026,                          BAD_DATE,   to",
    "/api/analytics/margin?from=2026-03-11&to=2026-03-10,         BAD_RANGE,  from",
    "/api/analytics/top-products?from=2025-02-03&to=2026-03-10,   BAD_RANGE,  to",
    "/api/analytics/purchases?from=2026-02-30,                    BAD_DATE,   from",
    "/api/analytics/top-products?limit=0,                         BAD_LIMIT,  limit",
    "/api/analytics/top-products?limit=101,                       BAD_LIMIT,  limit",
    "/api/analytics/sales?branch=Central,                         BAD_BRANCH, branch",
    "/api/suppliers/30-7123,                                      BAD_CUIT,   cuit"
  })
  void shouldAnswer400WithTheErrorJsonWhenAParameterIsWrong(String url, String code, String field)
      throws Exception {
    // when / then
    mvc.perform(get(url))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(code))
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.message").isNotEmpty());
  }

  @Test
  void shouldAnswerA400DayRangeWhenItIsTheLongestAllowed() throws Exception {
    // when / then 2025-02-04..2026-03-10 is 400 days, both ends included
    mvc.perform(get("/api/analytics/sales?from=2025-02-04&to=2026-03-10"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.days.length()").value(400));
  }

  @Test
  void shouldAnswerTheLast30DaysOfAllBranchesWhenNoRangeIsGiven() throws Exception {
    // when / then today in Buenos Aires is 2026-03-10
    mvc.perform(get("/api/analytics/sales"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("2026-02-09"))
        .andExpect(jsonPath("$.to").value("2026-03-10"))
        .andExpect(jsonPath("$.branch").doesNotExist())
        .andExpect(jsonPath("$.days.length()").value(30))
        .andExpect(jsonPath("$.days[29].day").value("2026-03-10"));
  }

  @Test
  void shouldAnswerMarginPerCategoryAsPlainNumbersWhenCellsExist() throws Exception {
    // given 3 units sold for 4500 that cost 3150 at their average cost
    this.<Product>store(StoreNames.QUERY_PRODUCTS)
        .put("ALM000001", product("ALM000001", "Almacén"));
    this.<DailyCell>store(StoreNames.QUERY_ANALYTICS_SALES)
        .put(
            "2026-03-09|central|ALM000001",
            new DailyCell(new BigDecimal("3.000"), new BigDecimal("4500.00000"), 5));
    this.<DailyCell>store(StoreNames.QUERY_ANALYTICS_COSTS)
        .put(
            "2026-03-09|central|ALM000001",
            new DailyCell(new BigDecimal("3.000"), new BigDecimal("3150.0000000"), 9));

    // when / then
    mvc.perform(get("/api/analytics/margin?from=2026-03-01&to=2026-03-10&branch=central"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.branch").value("central"))
        .andExpect(jsonPath("$.sales").value(4500.00))
        .andExpect(jsonPath("$.cost").value(3150.00))
        .andExpect(jsonPath("$.margin").value(1350.00))
        .andExpect(jsonPath("$.marginPct").value(30.00))
        .andExpect(jsonPath("$.categories[0].category").value("Almacén"))
        .andExpect(jsonPath("$.categories[0].qty").value(3));
    mvc.perform(get("/api/analytics/top-products?from=2026-03-01&to=2026-03-10&limit=1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].sku").value("ALM000001"))
        .andExpect(jsonPath("$.items[0].amount").value(4500.00))
        .andExpect(jsonPath("$.items.length()").value(1));
  }

  @Test
  void shouldAnswer404WhenNoConfirmedInvoiceNamesTheCuit() throws Exception {
    // when / then
    mvc.perform(get("/api/suppliers/30712345671"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.error").value("NOT_FOUND"));
    mvc.perform(get("/api/suppliers"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(0));
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
      case StoreNames.QUERY_INVOICES -> topics.invoices.valueSerde();
      case StoreNames.QUERY_ANALYTICS_SALES, StoreNames.QUERY_ANALYTICS_COSTS -> DailyCell.SERDE;
      default -> throw new IllegalArgumentException("No serde for " + store);
    };
  }

  private static Product product(String sku, String category) {
    return Product.newBuilder()
        .setSku(sku)
        .setName("Azúcar 1 kg")
        .setCategory(category)
        .setEan(null)
        .setUnit(Unit.UNIT)
        .setMinStock(Decimals.qty(BigDecimal.ONE))
        .setMaxStock(null)
        .setIvaRatePct(Decimals.rate(new BigDecimal("21")))
        .setMarkupPct(null)
        .setActive(true)
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }

  private static Properties props() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-controller-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return p;
  }
}
