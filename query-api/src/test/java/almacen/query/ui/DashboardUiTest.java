package almacen.query.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * UI-ONLY browser tests of the dashboard (NOT end-to-end): a real headless Chromium drives the real
 * static files under src/main/resources/static, but the API answers come from {@link
 * UiStubServer}'s canned JSON, and the ingest-ocr service is a stand-in on a second origin. The
 * page runs under the production CSP (plus the ingest origin in connect-src); any CSP violation or
 * page error fails the test.
 */
@Tag("slow")
class DashboardUiTest {

  private static final Path SHOTS = Paths.get("target", "screenshots");
  private static final String NBSP = "\u00a0";

  private static Playwright playwright;
  private static Browser browser;
  private static UiStubServer server;

  private BrowserContext context;
  private Page page;
  private final List<String> problems = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startBrowser() throws Exception {
    Files.createDirectories(SHOTS);
    server = new UiStubServer();
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
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
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void openPage() {
    server.resetOverrides();
    context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(1280, 860)
                .setLocale("es-AR")
                .setTimezoneId("America/Argentina/Buenos_Aires")
                .setAcceptDownloads(true));
    context.setDefaultTimeout(10_000);
    // the ingest base URL is configurable; point it at the stand-in (a different origin, like :8081
    // in production)
    context.addInitScript(
        "localStorage.setItem('almacen.ingestBase', '" + server.ingestUrl() + "')");
    page = context.newPage();
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy") || m.type().equals("error")) {
            problems.add(m.type() + ": " + m.text());
          }
        });
    page.onPageError(e -> problems.add("pageerror: " + e));
  }

  @AfterEach
  void closePage(TestInfo info) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SHOTS.resolve(info.getTestMethod().orElseThrow().getName() + ".png"))
            .setFullPage(true));
    context.close();
    Assertions.assertThat(problems).as("console errors / CSP violations").isEmpty();
  }

  @Test
  void shouldShowStockWithArgentineMoneyWhenLoggedInThroughTheForm() {
    // given a visitor without a session opening the stock page
    page.navigate(server.baseUrl() + "/#/stock");
    assertThat(page.getByTestId("login-form")).isVisible();

    // when they log in with the form
    logIn();

    // then they land back on the stock table, with es-AR money and Spanish statuses
    Locator yerba = page.getByTestId("stock-row-ALM000001");
    assertThat(yerba.getByTestId("cell-stockValue")).hasText("$" + NBSP + "68.400,00");
    assertThat(yerba.getByTestId("cell-listPrice")).hasText("$" + NBSP + "4.900,00");
    assertThat(page.getByTestId("stock-row-ALM000003").getByTestId("cell-onHand"))
        .hasText("1,25 kg");
    assertThat(page.getByTestId("stock-row-ALM000005").getByTestId("cell-status"))
        .hasText("NEGATIVO");
    assertThat(page.getByTestId("stock-count")).hasText("5 productos");
    Assertions.assertThat(server.requests("GET", "/api/stock"))
        .isNotEmpty()
        .allSatisfy(
            r ->
                Assertions.assertThat(r.authorization()).isEqualTo("Bearer " + UiStubServer.TOKEN));
  }

  @Test
  void shouldListOnlyLowStockWhenTheBajoChipIsPressed() {
    // given a logged-in owner on the stock page
    loggedInAt("#/stock");
    assertThat(page.getByTestId("stock-rows").locator("tr")).hasCount(5);

    // when they press the BAJO chip
    page.getByTestId("chip-LOW").click();

    // then only the two LOW products remain, the chip is pressed, and the API was asked for
    // status=LOW
    assertThat(page.getByTestId("stock-rows").locator("tr")).hasCount(2);
    assertThat(page.getByTestId("chip-LOW")).hasAttribute("aria-pressed", "true");
    assertThat(page.getByTestId("stock-rows").getByTestId("cell-status"))
        .hasText(new String[] {"BAJO", "BAJO"});
    Assertions.assertThat(server.requests("GET", "/api/stock"))
        .anySatisfy(
            r ->
                Assertions.assertThat(r.query()).contains("status=LOW").contains("branch=central"));
    assertThat(page).hasURL(Pattern.compile("#/stock\\?status=LOW$"));
  }

  @Test
  void shouldShowPriceHistoryChartAndBreakdownWhenAProductIsOpened() {
    // given a logged-in owner on the stock page
    loggedInAt("#/stock");

    // when they open the yerba's page from the table
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Yerba mate 1 kg")).click();

    // then the header, the chart, the price breakdown and the Spanish ledger are shown
    assertThat(page.getByTestId("product-name")).hasText("Yerba mate 1 kg");
    assertThat(page.getByTestId("price-chart").locator(".uplot canvas")).hasCount(1);
    Assertions.assertThat(
            page.getByTestId("price-chart")
                .locator(".u-wrap")
                .evaluate("e => getComputedStyle(e).position"))
        .as("uPlot stylesheet applied")
        .isEqualTo("relative");
    assertThat(page.getByTestId("bd-cost")).containsText("$" + NBSP + "2.850,00");
    assertThat(page.getByTestId("bd-cost")).containsText("15/10/2025");
    assertThat(page.getByTestId("bd-inflation")).containsText("× 1,0523");
    assertThat(page.getByTestId("bd-inflation")).containsText("+5,23 %");
    assertThat(page.getByTestId("bd-inflation")).containsText("30/11/2025");
    assertThat(page.getByTestId("bd-markup")).containsText("35 %");
    assertThat(page.getByTestId("bd-iva")).containsText("21 %");
    assertThat(page.getByTestId("bd-rounding")).containsText("$" + NBSP + "10,00");
    assertThat(page.getByTestId("bd-list")).containsText("$" + NBSP + "4.900,00");
    assertThat(page.getByTestId("bd-reason")).containsText("Compra con costo nuevo");
    assertThat(page.getByTestId("movement-m3")).containsText("VENTA");
    assertThat(page.getByTestId("movement-m3")).containsText("15/10/2025 14:05");
    assertThat(page.getByTestId("movement-m0")).containsText("TRANSFERENCIA ENTRADA");
    assertThat(page.getByTestId("movement-m3").getByTestId("movement-user")).hasText("caja1");
    assertThat(page.getByTestId("movement-m1").getByTestId("movement-user")).hasText("—");
    assertThat(page.getByTestId("movement-m2").getByTestId("source-link"))
        .hasAttribute("href", "#/facturas/30712345671-A-00003-00012345");
  }

  @Test
  void shouldUpdateTheRowWithoutReloadingWhenAStockEventArrives() {
    // given a logged-in owner on the stock page with the live stream connected
    loggedInAt("#/stock");
    assertThat(page.getByTestId("live-status")).hasText("En vivo");
    assertThat(page.getByTestId("stock-row-ALM000001").getByTestId("cell-onHand")).hasText("24");
    awaitOpenEventStream();
    page.evaluate("window.__sameDocument = true");

    // when the yerba sells down to 7 and the server pushes the (partial) stock event
    // EventBroadcaster sends
    server.overrideView(
        "ALM000001",
        Canned.STOCK
            .get(0)
            .json()
            .replace("\"onHand\":24", "\"onHand\":7")
            .replace("\"stockValue\":68400.00", "\"stockValue\":19950.00"));
    server.pushEvent(
        "stock",
        """
        {"key":"central|ALM000001","branch":"central","sku":"ALM000001","onHand":7.000,"status":"OK",\
        "updatedAt":"2025-10-15T15:10:00-03:00"}""");

    // then the row changes in place (stock at once, value after re-reading the StockView), with no
    // reload
    Locator yerba = page.getByTestId("stock-row-ALM000001");
    assertThat(yerba.getByTestId("cell-onHand")).hasText("7");
    assertThat(yerba.getByTestId("cell-stockValue")).hasText("$" + NBSP + "19.950,00");
    Assertions.assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);
    Assertions.assertThat(server.requests("GET", "/api/events"))
        .allSatisfy(
            r ->
                Assertions.assertThat(r.authorization()).isEqualTo("Bearer " + UiStubServer.TOKEN));
  }

  @Test
  void shouldGoBackToLoginWhenTheApiAnswers401() {
    // given a session whose token the server no longer accepts
    page.navigate(server.baseUrl() + "/");
    page.evaluate("sessionStorage.setItem('almacen.token', 'expired-token')");

    // when the owner opens the alerts page
    page.navigate(server.baseUrl() + "/#/alertas");

    // then they are sent to the login form with an explanation
    assertThat(page.getByTestId("login-form")).isVisible();
    assertThat(page.getByTestId("login-error")).hasText("Tu sesión venció. Ingresá de nuevo.");
    Assertions.assertThat(page.evaluate("sessionStorage.getItem('almacen.token')")).isNull();
    // the browser logs each refused request; those 401s are this test's premise, not a problem
    Assertions.assertThat(problems).allMatch(p -> p.contains("status of 401"));
    problems.clear();
  }

  @Test
  void shouldShowKpiCardsFromTheSummary() {
    // given / when a logged-in owner on the home page
    loggedInAt("#/");

    // then every card shows the summary value in es-AR format
    assertThat(page.getByTestId("kpi-products-value")).hasText("5");
    assertThat(page.getByTestId("kpi-lowCount-value")).hasText("2");
    assertThat(page.getByTestId("kpi-stockValue-value")).hasText("$" + NBSP + "82.650,00");
    assertThat(page.getByTestId("kpi-salesToday-value")).hasText("$" + NBSP + "153.420,50");
    assertThat(page.getByTestId("kpi-invoicesPendingReview-value")).hasText("1");
    assertThat(page.getByTestId("kpi-lowCount")).hasAttribute("href", "#/stock?status=LOW");
  }

  @Test
  void shouldShowAlertsInSpanishMostSevereFirst() {
    // given / when a logged-in owner on the alerts page
    loggedInAt("#/alertas");

    // then NEGATIVO comes first, then SIN STOCK, then BAJO, with Buenos Aires times
    assertThat(page.getByTestId("alerts-table").getByTestId("alert-kind"))
        .hasText(new String[] {"NEGATIVO", "SIN STOCK", "BAJO"});
    assertThat(page.getByTestId("alert-ALM000002")).containsText("14/10/2025 10:00");
  }

  @Test
  void shouldSendTheCorrectedInvoiceWhenAPhotoIsUploadedAndConfirmed() {
    // given a logged-in owner on the invoices page
    loggedInAt("#/facturas");
    assertThat(page.getByTestId("review-table")).containsText("Distribuidora del Sur SA");

    // when they upload a photo, see the parsed invoice beside it, fix a line and confirm
    page.getByTestId("invoice-file")
        .setInputFiles(new FilePayload("factura.png", "image/png", tinyPng()));
    assertThat(page.getByTestId("inv-image")).isVisible();
    assertThat(page.getByTestId("inv-supplier")).hasValue("Distribuidora del Sur SA");
    assertThat(page.getByTestId("inv-issues")).containsText("Línea 2: producto sin SKU");
    assertThat(page.getByTestId("line-learned-0"))
        .hasText("Corregido según la revisión del 03/12/2026 (se leyó «Yerba mate 1 kq»)");
    assertThat(page.getByTestId("line-learned-1")).hasCount(0);
    assertThat(page.getByTestId("inv-notes"))
        .containsText("Corregido automáticamente por el lector (1)");
    assertThat(page.getByTestId("inv-notes"))
        .containsText("'285000' sin coma decimal leído como 2.850,00");
    assertThat(page.getByTestId("upload-progress")).hasAttribute("value", "100");
    page.getByTestId("line-sku-1").fill("ALM000002");
    page.getByTestId("line-qty-1").fill("11");
    assertThat(page.getByTestId("line-lineTotal-1")).hasValue("12100.00");
    page.getByTestId("inv-use-calculated").click();
    assertThat(page.getByTestId("inv-total")).hasValue("54752.50");
    page.getByTestId("inv-confirm").click();

    // then the typed invoice went to ingest (other origin, with the token) and the owner sees it
    // confirmed
    assertThat(page.getByTestId("inv-saved")).containsText("Factura confirmada");
    Assertions.assertThat(server.requests("POST", "/api/invoices"))
        .hasSize(2)
        .allSatisfy(
            r ->
                Assertions.assertThat(r.authorization()).isEqualTo("Bearer " + UiStubServer.TOKEN));
    UiStubServer.Seen typed = server.requests("POST", "/api/invoices").get(1);
    Assertions.assertThat(typed.contentType()).startsWith("application/json");
    Assertions.assertThat(typed.body())
        .contains(
            "\"sku\":\"ALM000002\"",
            "\"qty\":11",
            "\"lineTotal\":12100",
            "\"total\":54752.5",
            "\"issueDate\":\"2025-10-15\"");
  }

  @Test
  void shouldShowCreditNotesAndTheirBonificacionWhenReviewingAndInTheLedger() {
    // given a logged-in owner on the invoices page, with a credit note waiting for review
    loggedInAt("#/facturas");

    // then the queue names it as a credit note
    assertThat(page.getByTestId("review-" + Canned.NOTE_ID).getByTestId("review-voucher"))
        .hasText("Nota de crédito A 00003-00000007");

    // when they open it
    page.getByTestId("review-" + Canned.NOTE_ID).getByTestId("review-open").click();

    // then the editor shows the kind and the line's bonificación, and recomputes with it
    assertThat(page.getByTestId("inv-kind-badge")).hasText("Nota de crédito");
    assertThat(page.getByTestId("inv-kind")).hasValue("CREDIT_NOTE");
    assertThat(page.getByTestId("line-discountPct-0")).hasValue("10");
    page.getByTestId("line-qty-0").fill("3");
    assertThat(page.getByTestId("line-lineTotal-0")).hasValue("7695.00");

    // and the product's ledger names the return in Spanish, linked to the note
    page.navigate(server.baseUrl() + "/#/producto/ALM000001");
    assertThat(page.getByTestId("movement-m4")).containsText("Devolución a proveedor");
    assertThat(page.getByTestId("movement-m4").getByTestId("source-link"))
        .hasAttribute("href", "#/facturas/" + Canned.NOTE_ID);
  }

  @Test
  void shouldTakeAnInvoiceOutOfTheQueueWithItsReasonWhenRechazarIsConfirmed() {
    // given a logged-in owner on the invoices page, two invoices waiting for review
    loggedInAt("#/facturas");
    Locator row = page.getByTestId("review-" + Canned.REVIEW_ID);
    assertThat(row).isVisible();

    // when they press «Rechazar» on the first, write why and confirm
    row.getByTestId("review-reject").click();
    assertThat(page.getByTestId("reject-reason")).isFocused();
    page.getByTestId("reject-reason").fill("Es de otro local");
    page.getByTestId("reject-confirm").click();

    // then ingest got the reason (other origin, with the token) and the invoice left the queue
    assertThat(page.getByTestId("queue-rejected"))
        .hasText("A 00003-00012399 rechazada: salió de la cola y no mueve stock.");
    assertThat(page.getByTestId("review-" + Canned.REVIEW_ID)).hasCount(0);
    assertThat(page.getByTestId("review-" + Canned.NOTE_ID)).isVisible();
    List<UiStubServer.Seen> rejects =
        server.requests("POST", "/api/invoices/" + Canned.REVIEW_ID + "/reject");
    Assertions.assertThat(rejects).hasSize(1);
    Assertions.assertThat(rejects.get(0).body()).isEqualTo("{\"reason\":\"Es de otro local\"}");
    Assertions.assertThat(rejects.get(0).authorization()).isEqualTo("Bearer " + UiStubServer.TOKEN);

    // and it stays out when the queue is read again before the read side has caught up
    int reads = server.requests("GET", "/api/invoices").size();
    awaitOpenEventStream();
    server.pushEvent("invoice", "{\"invoiceId\":\"" + Canned.REVIEW_ID + "\"}");
    awaitRequestCount("/api/invoices", reads + 1);
    assertThat(page.getByTestId("review-" + Canned.NOTE_ID)).isVisible();
    assertThat(page.getByTestId("review-" + Canned.REVIEW_ID)).hasCount(0);
  }

  @Test
  void shouldRejectFromTheReviewPageAndSayItMovesNothing() {
    // given the review page of an invoice waiting in the queue
    loggedInAt("#/facturas/" + Canned.REVIEW_ID);
    assertThat(page.getByTestId("inv-status")).hasText("A revisar");

    // when it is rejected without a reason
    page.getByTestId("inv-reject").click();
    page.getByTestId("reject-confirm").click();

    // then
    assertThat(page.getByTestId("inv-saved"))
        .hasText("Factura rechazada: salió de la cola de revisión y no mueve stock.");
    assertThat(page.getByTestId("inv-confirm")).isHidden();
    Assertions.assertThat(
            server.requests("POST", "/api/invoices/" + Canned.REVIEW_ID + "/reject").get(0).body())
        .isEqualTo("{}");
  }

  @Test
  void shouldSendTheTurnAndTheCropWhenAPhotoIsReadAgain() throws Exception {
    // given a landscape photo uploaded and read
    loggedInAt("#/facturas");
    page.getByTestId("invoice-file")
        .setInputFiles(new FilePayload("factura.png", "image/png", png(400, 300)));
    assertThat(page.getByTestId("photo-transform")).hasText("Foto tal como se subió.");
    Locator canvas = page.getByTestId("inv-image");

    // when it is turned once, cropped by dragging over it, and read again
    page.getByTestId("photo-rotate").click();
    assertThat(page.getByTestId("photo-transform")).hasText("Foto girada 90°.");
    Assertions.assertThat(canvas.evaluate("c => [c.width, c.height]").toString())
        .isEqualTo("[300, 400]");
    page.getByTestId("photo-crop").click();
    assertThat(page.getByTestId("photo-crop")).hasAttribute("aria-pressed", "true");
    var box = canvas.boundingBox();
    page.mouse().move(box.x + box.width * 0.1, box.y + box.height * 0.2);
    page.mouse().down();
    page.mouse()
        .move(
            box.x + box.width * 0.6,
            box.y + box.height * 0.7,
            new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
    page.mouse().up();
    assertThat(page.getByTestId("photo-transform")).hasText("Foto girada 90° y recortada.");
    page.getByTestId("photo-reread").click();

    // then the photo went again as a preview with rotate and crop, and the new reading is shown
    // with the photo still turned and cropped
    awaitPosts("/api/invoices", 2);
    UiStubServer.Seen again = server.requests("POST", "/api/invoices").get(1);
    Map<String, String> query = queryOf(again.query());
    Assertions.assertThat(query).containsEntry("preview", "true").containsEntry("rotate", "90");
    double[] crop =
        java.util.Arrays.stream(query.get("crop").split(","))
            .mapToDouble(Double::parseDouble)
            .toArray();
    Assertions.assertThat(crop)
        .containsExactly(
            new double[] {0.1, 0.2, 0.5, 0.5}, org.assertj.core.data.Offset.offset(0.01));
    Assertions.assertThat(again.body()).endsWith("files=[factura.png]");
    assertThat(page.getByTestId("photo-transform")).hasText("Foto girada 90° y recortada.");
    assertThat(page.getByTestId("inv-supplier")).hasValue("Distribuidora del Sur SA");
  }

  @Test
  void shouldSendAStackOneByOneWaitingForABusyReaderAndListEveryResult() {
    // given a logged-in owner on the invoices page with a pile of three photos
    loggedInAt("#/facturas");

    // when they pick the three at once and upload them as separate invoices
    page.getByTestId("invoice-file")
        .setInputFiles(
            new FilePayload[] {
              new FilePayload("confirmada.png", "image/png", tinyPng()),
              new FilePayload("ocupada.png", "image/png", tinyPng()),
              new FilePayload("borrosa.png", "image/png", tinyPng())
            });
    page.getByTestId("choose-stack").click();

    // then the second waits for the busy reader as long as it was told, with the progress showing
    assertThat(page.getByTestId("stack-row-1").getByTestId("stack-state"))
        .containsText("Esperando al lector de facturas");
    assertThat(page.getByTestId("stack-count")).hasText("2 de 3");
    // and each file ends with its own result
    assertThat(page.getByTestId("stack-summary"))
        .hasText("Listo: 1 confirmada, 1 a revisar, 1 con error.");
    assertThat(page.getByTestId("stack-count")).hasText("3 de 3");
    assertThat(page.getByTestId("stack-row-0").getByTestId("stack-state")).hasText("Confirmada");
    assertThat(page.getByTestId("stack-row-1").getByTestId("stack-state")).hasText("A revisar");
    assertThat(page.getByTestId("stack-row-2").getByTestId("stack-state")).hasText("Error");
    assertThat(page.getByTestId("stack-row-2").getByTestId("stack-detail"))
        .hasText(
            "No se encontró una factura en la imagen: probá con una foto más nítida y derecha.");
    List<UiStubServer.Seen> sent = server.requests("POST", "/api/invoices");
    Assertions.assertThat(sent)
        .extracting(r -> r.body().replaceAll(".*files=", ""))
        .containsExactly("[confirmada.png]", "[ocupada.png]", "[ocupada.png]", "[borrosa.png]");
    Assertions.assertThat(sent).allSatisfy(r -> Assertions.assertThat(r.query()).isNull());
    Assertions.assertThat(sent.get(2).nanos() - sent.get(1).nanos())
        .as("waited the Retry-After")
        .isGreaterThanOrEqualTo(1_900_000_000L);

    // the browser logs each refused upload; the 503 and the 422 are this test's premise
    Assertions.assertThat(problems)
        .hasSize(2)
        .allMatch(p -> p.contains("status of 503") || p.contains("status of 422"));
    problems.clear();

    // and the one to review opens with its photo, ready to be turned, cropped or rejected
    page.getByTestId("stack-row-1").getByTestId("stack-review").click();
    assertThat(page.getByTestId("photo-tools")).isVisible();
    assertThat(page.getByTestId("inv-reject")).isVisible();
    assertThat(page.getByTestId("inv-status")).hasText("A revisar");
  }

  @Test
  void shouldReadSeveralPhotosAsThePagesOfOneInvoiceWhenThePersonSaysSo() {
    // given
    loggedInAt("#/facturas");

    // when two photos are picked and declared pages of one invoice
    page.getByTestId("invoice-file")
        .setInputFiles(
            new FilePayload[] {
              new FilePayload("pagina1.png", "image/png", tinyPng()),
              new FilePayload("pagina2.png", "image/png", tinyPng())
            });
    page.getByTestId("choose-pages").click();

    // then one preview carries both pages, in order, and the editor says so
    assertThat(page.getByTestId("inv-pages"))
        .hasText("Factura de 2 páginas; se muestra la primera.");
    List<UiStubServer.Seen> sent = server.requests("POST", "/api/invoices");
    Assertions.assertThat(sent).hasSize(1);
    Assertions.assertThat(sent.get(0).query()).isEqualTo("preview=true");
    Assertions.assertThat(sent.get(0).body()).endsWith("files=[pagina1.png, pagina2.png]");
  }

  @Test
  void shouldPostANewMonthWhenTheInflationFormIsSent() {
    // given a logged-in owner on the inflation page
    loggedInAt("#/inflacion");
    assertThat(page.getByTestId("inflation-chart").locator(".uplot canvas")).hasCount(1);
    assertThat(page.getByTestId("inflation-2025-10")).containsText("2,3 %");

    // when they add November
    page.getByLabel("Mes", new Page.GetByLabelOptions().setExact(true)).fill("2025-11");
    page.getByLabel("Inflación del mes (%)", new Page.GetByLabelOptions().setExact(true))
        .fill("2.4");
    page.getByTestId("inflation-save").click();

    // then ingest received the month as JSON
    assertThat(page.getByTestId("inflation-saved")).containsText("11/2025");
    Assertions.assertThat(server.requests("POST", "/api/inflation"))
        .singleElement()
        .satisfies(
            r ->
                Assertions.assertThat(r.body())
                    .isEqualTo("{\"month\":\"2025-11\",\"ratePct\":2.4,\"source\":\"INDEC\"}"));
  }

  @Test
  void shouldPostTheCsvToIngestAndListRefusedLinesWhenAnAdminImportsACatalogue() {
    // given a logged-in admin on the products page
    loggedInAt("#/productos");
    assertThat(page.getByTestId("prod-row-ALM000001")).isVisible();
    String csv =
        "sku,name,category,ean,unit,minStock,ivaRatePct\n"
            + "ALM000002,Azúcar 1 kg,Almacén,,UNIT,5,21\n"
            + "ALM000003,Fideos 500 g,Almacén,,UNIT,5,21\n"
            + "ALM000009,Yerba 500 g,Almacén,7790070410122,UNIT,5,21\n";

    // when they pick a catalogue CSV
    page.getByTestId("prod-import-file")
        .setInputFiles(
            new FilePayload(
                "catalogo.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    // then ingest received the file as is, and the admin reads the outcome in Spanish
    assertThat(page.getByTestId("prod-import-summary"))
        .containsText("2 productos importados, 1 rechazado.");
    assertThat(page.getByTestId("prod-import-rejected-4"))
        .hasText("Línea 4 (ALM000009): El código de barras ya pertenece a otro producto.");
    Assertions.assertThat(server.requests("POST", "/api/products/import"))
        .singleElement()
        .satisfies(
            r -> {
              Assertions.assertThat(r.contentType()).isEqualTo("text/csv");
              Assertions.assertThat(r.body()).isEqualTo(csv);
              Assertions.assertThat(r.authorization()).isEqualTo("Bearer " + UiStubServer.TOKEN);
            });
  }

  @Test
  void shouldAddScannedLinesAndSendTheSaleOnceWhenCobrarIsPressed() {
    // given a cashier at the till
    loggedInAt("#/caja");
    Locator code = page.getByLabel("Código");

    // when a scanner types an EAN twice and a scale label, each followed by Enter
    for (String scan : List.of("7790070410122", "7790070410122", "2012345012509")) {
      code.fill(scan);
      code.press("Enter");
    }

    // then the EAN is one line of 2, the label its own line, and the total is in es-AR money
    assertThat(page.getByTestId("caja-lines").locator("tbody tr")).hasCount(2);
    assertThat(page.getByTestId("caja-qty-0")).hasValue("2");
    assertThat(page.getByTestId("caja-qty-1")).hasValue("1.25");
    assertThat(page.getByTestId("caja-total")).hasText("$" + NBSP + "12.980,00");

    // when the cashier charges it
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cobrar")).click();

    // then ingest received the sale once, with a browser-made saleId, and nothing waits
    assertThat(page.getByTestId("caja-msg")).hasText("Venta de $" + NBSP + "12.980,00 registrada.");
    assertThat(page.getByTestId("caja-pending")).hasText("Sin ventas pendientes");
    Assertions.assertThat(server.requests("POST", "/api/sales"))
        .singleElement()
        .satisfies(
            r ->
                Assertions.assertThat(r.body())
                    .containsPattern("\\{\"saleId\":\"[0-9a-f-]{36}\",\"branch\":\"central\"")
                    .contains(
                        "\"lines\":[{\"sku\":\"ALM000001\",\"qty\":2,\"unitPrice\":1490},"
                            + "{\"sku\":\"FIAM-1\",\"qty\":1.25,\"unitPrice\":8000}]"));
    assertThat(page.getByTestId("caja-total")).hasText("$" + NBSP + "0,00");
  }

  @Test
  void shouldFitAPhoneScreenWithACollapsibleMenu() {
    // given a phone-sized screen
    page.setViewportSize(390, 844);
    loggedInAt("#/stock");
    assertThat(page.getByTestId("nav-stock")).isHidden();

    // when the menu button is pressed
    page.getByTestId("nav-toggle").click();

    // then the menu opens, and nothing is wider than the screen
    assertThat(page.getByTestId("nav-toggle")).hasAttribute("aria-expanded", "true");
    assertThat(page.getByTestId("nav-stock")).isVisible();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("phone-menu-open.png")));
    page.getByTestId("nav-alertas").click();
    assertThat(page.getByTestId("nav-stock")).isHidden();
    assertThat(page.getByTestId("alerts-table")).isVisible();
    Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
        .isLessThanOrEqualTo(390);
  }

  @Test
  void shouldListSuppliersWhenInvoicesWereConfirmed() {
    // given / when a logged-in owner opens the suppliers page from the menu
    loggedInAt("#/");
    page.getByTestId("nav-proveedores").click();

    // then every supplier is listed with es-AR money and dates
    Locator sur = page.getByTestId("supplier-row-30712345671");
    assertThat(sur.getByTestId("cell-name")).containsText("Distribuidora del Sur SA");
    assertThat(sur.getByTestId("cell-name")).containsText("CUIT 30-71234567-1");
    assertThat(sur.getByTestId("cell-lastDate")).hasText("15/10/2025");
    assertThat(sur.getByTestId("cell-lastTotal")).hasText("$" + NBSP + "53.537,00");
    assertThat(sur.getByTestId("cell-total")).hasText("$" + NBSP + "312.450,75");
    assertThat(page.getByTestId("suppliers-count")).hasText("2 proveedores");
    assertThat(page.getByTestId("nav-proveedores")).hasAttribute("aria-current", "page");

    // when they search for a name and then open the other supplier
    page.getByTestId("supplier-search").fill("tandil");
    assertThat(page.getByTestId("supplier-rows").locator("tr")).hasCount(1);
    page.getByTestId("supplier-search").fill("");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Distribuidora del Sur SA"))
        .click();

    // then the detail shows the purchases per month (chart and table) and the last cost of each
    // product
    assertThat(page).hasURL(Pattern.compile("#/proveedores/30712345671$"));
    assertThat(page.getByTestId("supplier-name")).hasText("Distribuidora del Sur SA");
    assertThat(page.getByTestId("supplier-total")).hasText("$" + NBSP + "312.450,75");
    assertThat(page.getByTestId("supplier-chart").locator(".uplot canvas")).hasCount(1);
    assertThat(page.getByTestId("month-2025-09").getByTestId("cell-amount"))
        .hasText("$" + NBSP + "160.913,75");
    assertThat(page.getByTestId("month-2025-09")).containsText("09/2025");
    assertThat(page.getByTestId("supplied-ALM000002").getByTestId("cell-lastUnitCost"))
        .hasText("$" + NBSP + "1.100,50");
    assertThat(page.getByTestId("supplied-ALM000001").getByTestId("cell-lastDate"))
        .hasText("15/10/2025");
    Assertions.assertThat(server.requests("GET", "/api/suppliers/30712345671")).isNotEmpty();
  }

  @Test
  void shouldShowSalesAndMarginWhenARangeIsChosen() {
    // given a logged-in owner on the analysis page, which asks for the last 30 days by default
    loggedInAt("#/analisis");
    java.time.LocalDate today =
        java.time.LocalDate.now(java.time.ZoneId.of("America/Argentina/Buenos_Aires"));
    assertThat(page.getByTestId("range-to")).hasValue(today.toString());
    assertThat(page.getByTestId("range-from")).hasValue(today.minusDays(29).toString());
    assertThat(page.getByTestId("an-sales-value")).hasText("$" + NBSP + "153.420,50");
    Assertions.assertThat(server.requests("GET", "/api/analytics/sales"))
        .anySatisfy(
            r ->
                Assertions.assertThat(r.query())
                    .isEqualTo("from=" + today.minusDays(29) + "&to=" + today + "&branch=central"));

    // when they choose the first half of October
    page.getByTestId("range-from").fill("2025-10-01");
    page.getByTestId("range-to").fill("2025-10-15");
    page.getByTestId("range-apply").click();

    // then every endpoint is asked for that range, and the figures are shown in es-AR format
    assertThat(page.getByTestId("analytics-range"))
        .hasText("Sucursal central · del 01/10/2025 al 15/10/2025");
    assertThat(page).hasURL(Pattern.compile("#/analisis\\?from=2025-10-01&to=2025-10-15$"));
    for (String endpoint : List.of("sales", "top-products", "margin", "purchases")) {
      awaitRequest("/api/analytics/" + endpoint, "from=2025-10-01&to=2025-10-15&branch=central");
    }
    assertThat(page.getByTestId("an-sales-hint")).hasText("182,5 unidades");
    assertThat(page.getByTestId("an-margin-value")).hasText("$" + NBSP + "49.860,30");
    assertThat(page.getByTestId("an-margin-hint")).hasText("32,5 % de las ventas");
    assertThat(page.getByTestId("an-purchases-value")).hasText("$" + NBSP + "71.687,00");
    assertThat(page.getByTestId("sales-chart").locator(".uplot canvas")).hasCount(1);
    assertThat(page.getByTestId("sales-chart-note"))
        .containsText("15/10/2025, $" + NBSP + "105.220,50");
    Locator almacen = page.getByTestId("category-Almacén");
    assertThat(almacen.getByTestId("cell-amount")).hasText("$" + NBSP + "120.500,00");
    assertThat(almacen.getByTestId("cell-share")).hasText("78,5 %");
    assertThat(page.getByTestId("category-none")).containsText("Sin categoría");
    assertThat(page.getByTestId("top-table").getByTestId("cell-rank"))
        .hasText(new String[] {"1", "2", "3"});
    assertThat(page.getByTestId("top-ALM000003").getByTestId("cell-qty")).hasText("2,5");
    assertThat(page.getByTestId("top-ALM000001").getByTestId("cell-amount"))
        .hasText("$" + NBSP + "98.000,00");
    assertThat(page.getByTestId("margin-Fiambrería").getByTestId("cell-marginPct"))
        .hasText("46,55 %");
    assertThat(page.getByTestId("margin-Fiambrería").getByTestId("cell-cost"))
        .hasText("$" + NBSP + "12.250,00");
    assertThat(page.getByTestId("margin-total").getByTestId("cell-margin"))
        .hasText("$" + NBSP + "49.860,30");
    assertThat(page.getByTestId("purchase-30712345671").getByTestId("cell-amount"))
        .hasText("$" + NBSP + "53.537,00");

    // when the range is backwards, it is refused before asking the server
    int asked = server.requests("GET", "/api/analytics/sales").size();
    page.getByTestId("range-from").fill("2025-10-20");
    page.getByTestId("range-apply").click();
    assertThat(page.getByTestId("range-error"))
        .hasText("La fecha \"desde\" es posterior a la fecha \"hasta\".");
    Assertions.assertThat(server.requests("GET", "/api/analytics/sales")).hasSize(asked);

    // and on a phone the page fits the screen
    page.setViewportSize(390, 844);
    assertThat(page.getByTestId("margin-Fiambrería")).isVisible();
    // the chart follows its box a frame later (ResizeObserver)
    page.waitForFunction("document.documentElement.scrollWidth <= 390");
    Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
        .isLessThanOrEqualTo(390);
  }

  // --- helpers
  // ----------------------------------------------------------------------------------------------

  /**
   * The page's requests run in parallel: the last one may reach the stub a moment after the first
   * answer shows.
   */
  private void awaitRequest(String path, String queryPart) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (server.requests("GET", path).stream()
        .noneMatch(r -> r.query() != null && r.query().contains(queryPart))) {
      Assertions.assertThat(System.nanoTime())
          .as("a GET %s with %s", path, queryPart)
          .isLessThan(deadline);
      page.waitForTimeout(20);
    }
  }

  /** The page's POSTs reach the stub a moment after the click. */
  private void awaitPosts(String path, int count) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (server.requests("POST", path).size() < count) {
      Assertions.assertThat(System.nanoTime()).as("%d POST %s", count, path).isLessThan(deadline);
      page.waitForTimeout(20);
    }
  }

  private void awaitRequestCount(String path, int count) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (server.requests("GET", path).size() < count) {
      Assertions.assertThat(System.nanoTime()).as("%d GET %s", count, path).isLessThan(deadline);
      page.waitForTimeout(20);
    }
  }

  private static Map<String, String> queryOf(String raw) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String pair : raw.split("&", -1)) {
      int i = pair.indexOf('=');
      out.put(
          java.net.URLDecoder.decode(pair.substring(0, i), java.nio.charset.StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(
              pair.substring(i + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    return out;
  }

  /** A white landscape photo with a dark band, so turning it shows. */
  private static byte[] png(int width, int height) throws java.io.IOException {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(java.awt.Color.DARK_GRAY);
      g.fillRect(0, 0, width, height / 5);
    } finally {
      g.dispose();
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /**
   * The browser shows "En vivo" when the response headers arrive, a moment before the stub
   * registers the stream.
   */
  private void awaitOpenEventStream() {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (server.openEventStreams() == 0) {
      Assertions.assertThat(System.nanoTime())
          .as("an open /api/events stream")
          .isLessThan(deadline);
      page.waitForTimeout(20);
    }
  }

  private void loggedInAt(String hash) {
    page.navigate(server.baseUrl() + "/" + hash);
    logIn();
    assertThat(page.getByTestId("topbar")).isVisible();
  }

  private void logIn() {
    page.getByLabel("Usuario", new Page.GetByLabelOptions().setExact(true)).fill(UiStubServer.USER);
    page.getByLabel("Contraseña", new Page.GetByLabelOptions().setExact(true))
        .fill(UiStubServer.PASSWORD);
    page.getByTestId("login-submit").click();
    assertThat(page.getByTestId("login-form")).hasCount(0);
  }

  private static byte[] tinyPng() {
    return Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
  }
}
