package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.events.AdjustmentReason;
import almacen.events.StockAdjustment;
import almacen.events.StockTransfer;
import almacen.events.Unit;
import almacen.support.security.Role;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

class StockCommandControllerTest {

  private static final String ADJUSTMENT =
      """
      {"adjustmentId":"ADJ-1","branch":"central","sku":"VER000001","delta":-1.250,"reason":"SHRINKAGE",
       "note":"se pudrieron","occurredAt":"2025-10-20T09:00:00-03:00"}""";
  private static final String TRANSFER =
      """
      {"transferId":"TR-1","fromBranch":"central","toBranch":"sucursal-2","sku":"ALM000001","qty":6}""";

  private final WebFixture web =
      new WebFixture()
          .withProduct("ALM000001", "Yerba", null, Unit.UNIT, "21")
          .withProduct("VER000001", "Tomate", null, Unit.KG, "10.5");

  @Test
  void shouldPublishAdjustmentWhenDeltaGiven() throws Exception {
    // given / when
    web.mvc
        .perform(
            post("/api/stock/adjustments")
                .contentType(MediaType.APPLICATION_JSON)
                .content(ADJUSTMENT))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.adjustmentId").value("ADJ-1"));
    StockAdjustment a = (StockAdjustment) web.publisher.events().get(0).value();
    assertThat(a.getDelta()).isEqualTo(new BigDecimal("-1.250"));
    assertThat(a.getCountedQty()).isNull();
    assertThat(a.getReason()).isEqualTo(AdjustmentReason.SHRINKAGE);
  }

  @AfterEach
  void signOut() {
    SignedIn.out();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"/api/stock/adjustments|ADJUSTMENT", "/api/stock/transfers|TRANSFER"})
  void shouldRecordTheSignedInUserNotTheBodysWhenAStockCommandIsPosted(String path, String kind)
      throws Exception {
    // given deposito is signed in; the body names someone else
    SignedIn.as("deposito", Role.STOCK, null);
    String body =
        (kind.equals("ADJUSTMENT") ? ADJUSTMENT : TRANSFER).replace("{", "{\"user\":\"jefe\",");

    // when
    web.mvc
        .perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
        // then
        .andExpect(status().isAccepted());
    Object event = web.publisher.events().get(0).value();
    assertThat(event instanceof StockAdjustment a ? a.getUser() : ((StockTransfer) event).getUser())
        .isEqualTo("deposito");
  }

  @Test
  void shouldDefaultOccurredAtToNowWhenAbsent() throws Exception {
    // given
    String body =
        """
        {"adjustmentId":"ADJ-2","sku":"ALM000001","countedQty":12,"reason":"COUNT"}""";

    // when
    web.mvc
        .perform(
            post("/api/stock/adjustments").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isAccepted());

    // then
    StockAdjustment a = (StockAdjustment) web.publisher.events().get(0).value();
    assertThat(a.getOccurredAt()).isEqualTo(WebFixture.CLOCK.instant());
    assertThat(a.getCountedQty()).isEqualTo(new BigDecimal("12.000"));
    assertThat(a.getBranch()).isEqualTo("central");
  }

  @Test
  void shouldPublishTransferWhenBranchesDiffer() throws Exception {
    // given / when
    web.mvc
        .perform(
            post("/api/stock/transfers").contentType(MediaType.APPLICATION_JSON).content(TRANSFER))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.transferId").value("TR-1"));
    StockTransfer t = (StockTransfer) web.publisher.events().get(0).value();
    assertThat(t.getQty()).isEqualTo(new BigDecimal("6.000"));
    assertThat(t.getToBranch()).isEqualTo("sucursal-2");
  }

  static Stream<Arguments> invalidCommands() {
    return Stream.of(
        Arguments.of(
            "/api/stock/adjustments",
            ADJUSTMENT.replace("\"delta\":-1.250,", ""),
            "INVALID_FIELD",
            "delta"),
        Arguments.of(
            "/api/stock/adjustments",
            ADJUSTMENT.replace("\"delta\":-1.250,", "\"delta\":1,\"countedQty\":2,"),
            "INVALID_FIELD",
            "delta"),
        Arguments.of(
            "/api/stock/adjustments", ADJUSTMENT.replace("-1.250", "0"), "INVALID_QTY", "delta"),
        Arguments.of(
            "/api/stock/adjustments",
            ADJUSTMENT.replace("SHRINKAGE", "THEFT"),
            "INVALID_VALUE",
            "reason"),
        Arguments.of(
            "/api/stock/adjustments",
            ADJUSTMENT.replace("-03:00", ""),
            "INVALID_INSTANT",
            "occurredAt"),
        Arguments.of(
            "/api/stock/adjustments",
            ADJUSTMENT.replace("ADJ-1", " "),
            "MISSING_FIELD",
            "adjustmentId"),
        Arguments.of(
            "/api/stock/transfers",
            TRANSFER.replace("sucursal-2", "central"),
            "INVALID_BRANCH",
            "toBranch"),
        Arguments.of(
            "/api/stock/transfers",
            TRANSFER.replace("\"qty\":6", "\"qty\":1.5"),
            "INVALID_QTY",
            "qty"),
        Arguments.of(
            "/api/stock/transfers",
            TRANSFER.replace("\"qty\":6", "\"qty\":-2"),
            "INVALID_QTY",
            "qty"),
        Arguments.of(
            "/api/stock/transfers",
            TRANSFER.replace(",\"toBranch\":\"sucursal-2\"", ""),
            "MISSING_FIELD",
            "toBranch"),
        Arguments.of(
            "/api/stock/transfers",
            TRANSFER.replace("sucursal-2", "Sucursal 2"),
            "INVALID_BRANCH",
            "toBranch"));
  }

  @ParameterizedTest(name = "{0} {3} → {2}")
  @MethodSource("invalidCommands")
  void shouldAnswer400NamingFieldWhenStockCommandIsInvalid(
      String path, String body, String error, String field) throws Exception {
    // given / when
    web.mvc
        .perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(error))
        .andExpect(jsonPath("$.field").value(field));
    assertThat(web.publisher.events()).isEmpty();
  }
}
