package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.events.Invoice;
import almacen.events.InvoiceKind;
import almacen.events.InvoiceStatus;
import almacen.events.InvoiceType;
import almacen.events.SourceKind;
import almacen.events.Unit;
import almacen.ingest.invoice.InvoiceDraft;
import almacen.ingest.invoice.Issue;
import almacen.ingest.invoice.IssueCode;
import almacen.ingest.invoice.ValidationResult;
import almacen.support.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

class InvoiceControllerTest {

  static final String TYPED =
      """
      {"invoiceId":"ignored","status":"NEEDS_REVIEW","confidence":0.1,"duplicate":true,
       "supplier":{"cuit":"30-71234567-1","name":"Distribuidora Sur SA"},
       "type":"A","pointOfSale":3,"number":12345,"issueDate":"2025-10-15","cae":"75412345678901",
       "branch":"central","pricesIncludeIva":false,
       "lines":[{"sku":"ALM000001","supplierCode":"YM-1","description":"Yerba mate 1 kg","qty":12,
                 "unitCost":850.00,"ivaRatePct":21,"lineTotal":10200.00}],
       "netTotal":10200.00,"ivaTotal":2142.00,"otherTaxes":0,"total":12342.00}""";

  private final WebFixture web =
      new WebFixture().withProduct("ALM000001", "Yerba mate 1 kg", null, Unit.UNIT, "21");

  @Test
  void shouldConfirmAndPublishWhenTypedInvoiceIsConsistent() throws Exception {
    // given / when
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(TYPED))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.invoiceId").value("30712345671-A-00003-00012345"))
        .andExpect(jsonPath("$.status").value("CONFIRMED"))
        .andExpect(jsonPath("$.confidence").value(1.0))
        .andExpect(jsonPath("$.duplicate").value(false))
        .andExpect(jsonPath("$.issues.length()").value(0))
        .andExpect(jsonPath("$.source.kind").value("MANUAL"))
        .andExpect(jsonPath("$.source.sha256").doesNotExist())
        .andExpect(jsonPath("$.source.qr").value(false))
        .andExpect(jsonPath("$.lines[0].lineTotal").value(10200.00))
        .andExpect(jsonPath("$.kind").value("INVOICE"))
        .andExpect(jsonPath("$.lines[0].discountPct").value(0.0));
    Invoice published = (Invoice) web.publisher.events().get(0).value();
    assertThat(published.getKind()).isEqualTo(InvoiceKind.INVOICE);
    assertThat(published.getStatus()).isEqualTo(InvoiceStatus.CONFIRMED);
    assertThat(published.getIvaTotal()).isEqualTo(new BigDecimal("2142.00"));
    assertThat(web.publisher.events().get(0).timestamp())
        .isEqualTo(Instant.parse("2025-10-15T03:00:00Z"));
    assertThat(web.counter("almacen.ingest.invoices", "outcome", "CONFIRMED", "reason", "none"))
        .isEqualTo(1.0);
  }

  @Test
  void shouldAnswer200WithExistingAndDuplicateTrueWhenSameInvoiceIdComesAgain() throws Exception {
    // given
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(TYPED))
        .andExpect(status().isAccepted());

    // when
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(TYPED))
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duplicate").value(true))
        .andExpect(jsonPath("$.status").value("CONFIRMED"));
    assertThat(web.publisher.events()).hasSize(1);
  }

  @Test
  void shouldAnswer422WithEveryReasonWhenTotalsDisagree() throws Exception {
    // given
    String body = TYPED.replace("\"ivaTotal\":2142.00", "\"ivaTotal\":2000.00");

    // when
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(body))
        // then
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.error").value("INVOICE_REJECTED"))
        .andExpect(jsonPath("$.invoiceId").value("30712345671-A-00003-00012345"))
        .andExpect(
            jsonPath("$.issues[0]")
                .value(
                    "ivaTotal 2000.00 differs from the IVA computed per rate 2142.00 by more than $ 1.00"))
        .andExpect(
            jsonPath("$.issues[1]")
                .value(
                    "total 12342.00 differs from netTotal + ivaTotal + otherTaxes = 12200.00 by more than $ 1.00"));
    assertThat(web.publisher.events()).isEmpty();
    assertThat(web.counter("almacen.ingest.invoices", "outcome", "REJECTED", "reason", "iva_total"))
        .isEqualTo(1.0);
  }

  @Test
  void shouldAnswer422WhenLineProductIsUnknown() throws Exception {
    // given
    String body =
        TYPED.replace("\"sku\":\"ALM000001\",", "").replace("Yerba mate 1 kg", "Yerba desconocida");

    // when
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(body))
        // then
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.issues.length()").value(1))
        .andExpect(
            jsonPath("$.issues[0]")
                .value(org.hamcrest.Matchers.startsWith("line 1: product not identified")));
  }

  @Test
  void shouldAnswer422WhenIssueDateIsAfterTomorrow() throws Exception {
    // given
    String body = TYPED.replace("2025-10-15", "2025-10-22");

    // when / then
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.issues[0]").value("issueDate 2025-10-22 is after tomorrow (2025-10-21)"));
  }

  /** TYPED with a 10 % bonificación on its line: 12 × 850 × 0.9 = 9180. */
  static final String DISCOUNTED =
      TYPED
          .replace("\"lineTotal\":10200.00", "\"discountPct\":10,\"lineTotal\":9180.00")
          .replace("\"netTotal\":10200.00", "\"netTotal\":9180.00")
          .replace("\"ivaTotal\":2142.00", "\"ivaTotal\":1927.80")
          .replace("\"total\":12342.00", "\"total\":11107.80");

  @Test
  void shouldConfirmWithTheDiscountWhenALineHasABonificacion() throws Exception {
    // given / when
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(DISCOUNTED))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CONFIRMED"))
        .andExpect(jsonPath("$.lines[0].unitCost").value(850.00))
        .andExpect(jsonPath("$.lines[0].discountPct").value(10))
        .andExpect(jsonPath("$.lines[0].lineTotal").value(9180.00));
    Invoice published = (Invoice) web.publisher.events().get(0).value();
    assertThat(published.getLines().get(0).getDiscountPct()).isEqualTo(new BigDecimal("10.00"));
  }

  @Test
  void shouldAnswer422WhenTheLineTotalIgnoresTheDiscount() throws Exception {
    // given the bonificación, but the line total of the undiscounted price
    String body =
        TYPED.replace("\"lineTotal\":10200.00", "\"discountPct\":10,\"lineTotal\":10200.00");
    // when / then
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.issues[0]")
                .value(
                    "line 1: qty × unitCost × (1 − 10 %) = 9180.00 differs from lineTotal 10200.00"
                        + " by more than $ 1.00"));
    assertThat(web.publisher.events()).isEmpty();
  }

  @Test
  void shouldKeepACreditNoteApartFromTheInvoiceWithTheSameNumber() throws Exception {
    // given the invoice 0003-00012345 is in
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(TYPED))
        .andExpect(status().isAccepted());
    String note = TYPED.replace("\"type\":\"A\"", "\"kind\":\"CREDIT_NOTE\",\"type\":\"A\"");

    // when a credit note with the same supplier, point of sale and number comes
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(note))
        // then it is its own document, published, not a duplicate
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.invoiceId").value("30712345671-NC-A-00003-00012345"))
        .andExpect(jsonPath("$.kind").value("CREDIT_NOTE"))
        .andExpect(jsonPath("$.duplicate").value(false));
    Invoice published = (Invoice) web.publisher.events().get(1).value();
    assertThat(published.getKind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
    assertThat(web.publisher.events().get(1).key()).isEqualTo("30712345671-NC-A-00003-00012345");

    // and the same note again is the duplicate
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(note))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duplicate").value(true));
    assertThat(web.publisher.events()).hasSize(2);
  }

  @Test
  void shouldNameADebitNoteNdWhenTypedAsOne() throws Exception {
    // given / when
    web.mvc
        .perform(
            post("/api/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .content(TYPED.replace("\"type\":\"A\"", "\"kind\":\"debit_note\",\"type\":\"A\"")))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.invoiceId").value("30712345671-ND-A-00003-00012345"))
        .andExpect(jsonPath("$.kind").value("DEBIT_NOTE"));
  }

  @ParameterizedTest(name = "discountPct {0} → {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "100, OUT_OF_RANGE, La bonificación de la línea 1 tiene que ser de 0 % a menos de 100 %.",
    "-5, OUT_OF_RANGE, La bonificación de la línea 1 tiene que ser de 0 % a menos de 100 %.",
    "10.125, INVALID_RATE, La bonificación de la línea 1 admite hasta 2 decimales."
  })
  void shouldAnswer400InSpanishAndPublishNothingWhenTheDiscountIsOutOfBounds(
      String discount, String error, String message) throws Exception {
    // given
    String body =
        TYPED.replace(
            "\"lineTotal\":10200.00", "\"discountPct\":" + discount + ",\"lineTotal\":10200.00");
    // when
    web.mvc
        .perform(
            post("/api/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "es-AR")
                .content(body))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Language", "es-AR"))
        .andExpect(jsonPath("$.error").value(error))
        .andExpect(jsonPath("$.field").value("lines[0].discountPct"))
        .andExpect(jsonPath("$.message").value(message));
    assertThat(web.publisher.events()).isEmpty();
  }

  static Stream<Arguments> invalidInvoices() {
    return Stream.of(
        Arguments.of(
            TYPED.replace("30-71234567-1", "30-71234567-2"), "INVALID_CUIT", "supplier.cuit"),
        Arguments.of(TYPED.replace("\"type\":\"A\"", "\"type\":\"X\""), "INVALID_VALUE", "type"),
        Arguments.of(
            TYPED.replace("\"type\":\"A\"", "\"kind\":\"RECIBO\",\"type\":\"A\""),
            "INVALID_VALUE",
            "kind"),
        Arguments.of(
            TYPED.replace("\"pointOfSale\":3", "\"pointOfSale\":100000"),
            "INVALID_FIELD",
            "pointOfSale"),
        Arguments.of(TYPED.replace("\"number\":12345", "\"number\":0"), "INVALID_FIELD", "number"),
        Arguments.of(TYPED.replace("2025-10-15", "15/10/2025"), "INVALID_DATE", "issueDate"),
        Arguments.of(TYPED.replace("75412345678901", "754"), "INVALID_FIELD", "cae"),
        Arguments.of(
            TYPED.replace("\"ivaRatePct\":21", "\"ivaRatePct\":19"),
            "INVALID_IVA_RATE",
            "lines[0].ivaRatePct"),
        Arguments.of(TYPED.replace("\"qty\":12", "\"qty\":0"), "INVALID_QTY", "lines[0].qty"),
        Arguments.of(
            TYPED.replace("\"lineTotal\":10200.00", "\"lineTotal\":10200.001"),
            "INVALID_MONEY",
            "lines[0].lineTotal"),
        Arguments.of(TYPED.replace("\"total\":12342.00", "\"total\":-1"), "INVALID_MONEY", "total"),
        Arguments.of(TYPED.replace("\"netTotal\":10200.00,", ""), "MISSING_FIELD", "netTotal"),
        Arguments.of(
            TYPED.replace("\"sku\":\"ALM000001\"", "\"sku\":\"alm 1\""),
            "INVALID_SKU",
            "lines[0].sku"),
        Arguments.of(
            TYPED.replace("\"branch\":\"central\"", "\"branch\":\"CENTRAL\""),
            "INVALID_BRANCH",
            "branch"));
  }

  @ParameterizedTest(name = "{2} → {1}")
  @MethodSource("invalidInvoices")
  void shouldAnswer400NamingFieldWhenTypedInvoiceFieldIsMalformed(
      String body, String error, String field) throws Exception {
    // given / when
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(body))
        // then
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(error))
        .andExpect(jsonPath("$.field").value(field));
  }

  @Test
  void shouldConfirmNeedsReviewInvoiceWhenCorrectionFixesTotals() throws Exception {
    // given: a photo read with a misread IVA total, published as NEEDS_REVIEW
    String id = "30712345671-A-00003-00012345";
    web.ledger.apply(needsReview(new BigDecimal("2100.00")));
    String correction =
        """
        {"ivaTotal":2142.00,"total":12342.00}""";

    // when
    web.mvc
        .perform(
            post("/api/invoices/" + id + "/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .content(correction))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CONFIRMED"))
        .andExpect(jsonPath("$.ivaTotal").value(2142.00))
        .andExpect(jsonPath("$.source.kind").value("PHOTO"))
        .andExpect(jsonPath("$.source.sha256").value("ab12"))
        .andExpect(jsonPath("$.lines[0].sku").value("ALM000001"));
    assertThat(web.ledger.byId(id).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.CONFIRMED);
    assertThat(web.publisher.events()).hasSize(1);
  }

  @Test
  void shouldAnswer422WhenCorrectionIsStillInconsistent() throws Exception {
    // given
    web.ledger.apply(needsReview(new BigDecimal("2100.00")));

    // when / then
    web.mvc
        .perform(
            post("/api/invoices/30712345671-A-00003-00012345/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"cae\":\"75412345678901\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.issues.length()").value(1))
        .andExpect(
            jsonPath("$.issues[0]")
                .value(
                    "ivaTotal 2100.00 differs from the IVA computed per rate 2142.00 by more than $ 1.00"));
    assertThat(web.publisher.events()).isEmpty();
  }

  @Test
  void shouldAnswer422WhenCorrectionNamesAnotherInvoice() throws Exception {
    // given
    web.ledger.apply(needsReview(new BigDecimal("2142.00")));

    // when / then
    web.mvc
        .perform(
            post("/api/invoices/30712345671-A-00003-00012345/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"number\":12346,\"total\":12342.00}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.issues[0]")
                .value(
                    "the corrected invoice is 30712345671-A-00003-00012346, not "
                        + "30712345671-A-00003-00012345; upload or type it as a new invoice"));
  }

  @Test
  void shouldAnswer404WhenConfirmingUnknownInvoiceWithIncompleteBody() throws Exception {
    // given / when / then
    web.mvc
        .perform(
            post("/api/invoices/30712345671-A-00003-00099999/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"total\":1.00}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void shouldConfirmUnknownInvoiceWhenBodyIsComplete() throws Exception {
    // given / when / then
    web.mvc
        .perform(
            post("/api/invoices/30712345671-A-00003-00012345/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .content(TYPED))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("CONFIRMED"));
  }

  @Test
  void shouldAnswerDuplicateWhenConfirmingConfirmedInvoice() throws Exception {
    // given
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(TYPED))
        .andExpect(status().isAccepted());

    // when / then
    web.mvc
        .perform(
            post("/api/invoices/30712345671-A-00003-00012345/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .content(TYPED))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duplicate").value(true));
    assertThat(web.publisher.events()).hasSize(1);
  }

  @AfterEach
  void signOut() {
    SignedIn.out();
  }

  @Test
  void shouldRecordTheSignedInUserNotTheBodysWhenTypedInvoiceIsPublished() throws Exception {
    // given compras is signed in and the body claims another user
    SignedIn.as("compras", Role.STOCK, null);
    String spoofed = TYPED.replace("\"invoiceId\":\"ignored\",", "\"user\":\"jefe\",");

    // when
    web.mvc
        .perform(post("/api/invoices").contentType(MediaType.APPLICATION_JSON).content(spoofed))
        // then
        .andExpect(status().isAccepted());
    assertThat(((Invoice) web.publisher.events().get(0).value()).getUser()).isEqualTo("compras");
  }

  @Test
  void shouldRecordTheConfirmingUserWhenAReviewQueueInvoiceIsConfirmed() throws Exception {
    // given an invoice a phone uploaded as "telefono", waiting for review; encargado, bound to its
    // branch, confirms it
    String id = "30712345671-A-00003-00012345";
    web.ledger.apply(
        Invoice.newBuilder(needsReview(new BigDecimal("2100.00"))).setUser("telefono").build());
    SignedIn.as("encargado", Role.STOCK, "central");

    // when
    web.mvc
        .perform(
            post("/api/invoices/" + id + "/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ivaTotal\":2142.00,\"total\":12342.00}"))
        // then
        .andExpect(status().isAccepted());
    assertThat(((Invoice) web.publisher.events().get(0).value()).getUser()).isEqualTo("encargado");
  }

  @ParameterizedTest(name = "body {0}")
  @ValueSource(
      strings = {
        "{\"ivaTotal\":2142.00,\"total\":12342.00}",
        "{\"ivaTotal\":2142.00,\"total\":12342.00,\"branch\":\"norte\"}"
      })
  void shouldAnswer403AndPublishNothingWhenANorteUserConfirmsACentralInvoice(String correction)
      throws Exception {
    // given a central invoice waiting for review, and a user bound to norte
    String id = "30712345671-A-00003-00012345";
    web.ledger.apply(needsReview(new BigDecimal("2100.00")));
    SignedIn.as("deposito2", Role.STOCK, "norte");

    // when
    web.mvc
        .perform(
            post("/api/invoices/" + id + "/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .content(correction))
        // then
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("FORBIDDEN_BRANCH"))
        .andExpect(
            jsonPath("$.message")
                .value(
                    "Your user may only write for branch norte; this request is for branch central"));
    assertThat(web.publisher.events()).isEmpty();
    assertThat(web.ledger.byId(id).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.NEEDS_REVIEW);
  }

  static Invoice needsReview(BigDecimal ivaTotal) {
    InvoiceDraft draft =
        new InvoiceDraft(
            "30-71234567-1",
            "Distribuidora Sur SA",
            InvoiceType.A,
            3,
            12345L,
            LocalDate.parse("2025-10-15"),
            null,
            "central",
            false,
            List.of(
                new InvoiceDraft.Line(
                    "ALM000001",
                    "YM-1",
                    "Yerba mate 1 kg",
                    new BigDecimal("12"),
                    new BigDecimal("850.00"),
                    new BigDecimal("21"),
                    new BigDecimal("10200.00"))),
            new BigDecimal("10200.00"),
            ivaTotal,
            BigDecimal.ZERO,
            new BigDecimal("12300.00"),
            new InvoiceDraft.Source(SourceKind.PHOTO, "ab12", true),
            0.62,
            null);
    ValidationResult result =
        new ValidationResult(
            "30712345671-A-00003-00012345",
            draft,
            false,
            new BigDecimal("10200.00"),
            new BigDecimal("2142.00"),
            List.of(new Issue(IssueCode.IVA_TOTAL, "IVA misread")));
    return result.toEvent(Instant.parse("2025-10-20T15:00:00Z"));
  }
}
