package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.events.Invoice;
import almacen.events.InvoiceStatus;
import almacen.events.Unit;
import almacen.ingest.publish.IngestMetrics;
import almacen.support.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code POST /api/invoices/{id}/reject}: out of the review queue, final, moves nothing. */
class InvoiceRejectControllerTest {

  private static final String ID = "30712345671-A-00003-00012345";
  private static final String REJECT = "/api/invoices/" + ID + "/reject";

  private final WebFixture web =
      new WebFixture().withProduct("ALM000001", "Yerba mate 1 kg", null, Unit.UNIT, "21");

  @AfterEach
  void signOut() {
    SignedIn.out();
  }

  @Test
  void shouldPublishItAsRejectedWithTheReasonAndWhoWhenAnInvoiceWaitingForReviewIsRejected()
      throws Exception {
    // given an invoice a phone uploaded, waiting for review; encargado (central) rejects it
    web.ledger.apply(
        Invoice.newBuilder(InvoiceControllerTest.needsReview(new BigDecimal("2100.00")))
            .setUser("telefono")
            .build());
    SignedIn.as("encargado", Role.STOCK, "central");

    // when
    web.mvc
        .perform(
            post(REJECT)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"  Es de otro local  \"}"))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.invoiceId").value(ID))
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.rejectReason").value("Es de otro local"))
        .andExpect(jsonPath("$.duplicate").value(false))
        .andExpect(jsonPath("$.issues[0]").value("IVA misread"))
        .andExpect(jsonPath("$.total").value(12300.00));
    assertThat(web.publisher.events()).hasSize(1);
    Invoice published = (Invoice) web.publisher.events().get(0).value();
    assertThat(web.publisher.events().get(0).key()).isEqualTo(ID);
    assertThat(published.getStatus()).isEqualTo(InvoiceStatus.REJECTED);
    assertThat(published.getRejectReason()).isEqualTo("Es de otro local");
    assertThat(published.getUser()).isEqualTo("encargado");
    assertThat(published.getReceivedAt()).isEqualTo(Instant.parse("2025-10-20T15:00:00Z"));
    assertThat(published.getSource().getSha256()).isEqualTo("ab12");
    assertThat(web.ledger.byId(ID).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.REJECTED);
    assertThat(
            web.counter(IngestMetrics.INVOICES, "outcome", "REJECTED_IN_REVIEW", "reason", "none"))
        .isEqualTo(1.0);
  }

  @Test
  void shouldRejectWithoutAReasonWhenNoBodyIsSent() throws Exception {
    // given
    web.ledger.apply(InvoiceControllerTest.needsReview(new BigDecimal("2100.00")));

    // when
    web.mvc
        .perform(post(REJECT))
        // then
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.rejectReason").doesNotExist());
    assertThat(((Invoice) web.publisher.events().get(0).value()).getRejectReason()).isNull();
  }

  @Test
  void shouldAnswerTheRejectedInvoiceAndPublishNothingWhenItIsRejectedAgain() throws Exception {
    // given an invoice already rejected for a reason
    web.ledger.apply(InvoiceControllerTest.needsReview(new BigDecimal("2100.00")));
    web.mvc
        .perform(
            post(REJECT)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Repetida\"}"))
        .andExpect(status().isAccepted());

    // when it is rejected again (a double click, another screen), with another reason
    web.mvc
        .perform(
            post(REJECT).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Otra\"}"))
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.duplicate").value(true))
        .andExpect(jsonPath("$.rejectReason").value("Repetida"));
    assertThat(web.publisher.events()).hasSize(1);
  }

  @Test
  void shouldAnswer409InSpanishAndPublishNothingWhenARejectedInvoiceIsConfirmed() throws Exception {
    // given
    web.ledger.apply(InvoiceControllerTest.needsReview(new BigDecimal("2100.00")));
    web.mvc.perform(post(REJECT)).andExpect(status().isAccepted());

    // when
    web.mvc
        .perform(
            post("/api/invoices/" + ID + "/confirm")
                .header("Accept-Language", "es-AR")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ivaTotal\":2142.00,\"total\":12342.00}"))
        // then
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("INVOICE_IS_REJECTED"))
        .andExpect(
            jsonPath("$.message")
                .value("Esta factura se rechazó en la revisión: ya no se puede confirmar."));
    assertThat(web.publisher.events()).hasSize(1);
    assertThat(web.ledger.byId(ID).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.REJECTED);
  }

  @Test
  void shouldAnswer409NamingTheReasonWhenARejectedInvoiceIsConfirmedInEnglish() throws Exception {
    // given
    web.ledger.apply(InvoiceControllerTest.needsReview(new BigDecimal("2100.00")));
    web.mvc
        .perform(
            post(REJECT)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Mercadería devuelta\"}"))
        .andExpect(status().isAccepted());

    // when / then
    web.mvc
        .perform(
            post("/api/invoices/" + ID + "/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"total\":12342.00}"))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.message")
                .value(
                    "Invoice "
                        + ID
                        + " was rejected in review (Mercadería devuelta) and cannot be confirmed"));
  }

  @Test
  void shouldAnswer409AndPublishNothingWhenAConfirmedInvoiceIsRejected() throws Exception {
    // given a typed invoice, CONFIRMED
    web.mvc
        .perform(
            post("/api/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .content(InvoiceControllerTest.TYPED))
        .andExpect(status().isAccepted());

    // when
    web.mvc
        .perform(post(REJECT).header("Accept-Language", "es"))
        // then
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("INVOICE_IS_CONFIRMED"))
        .andExpect(
            jsonPath("$.message")
                .value(
                    "Esta factura ya está confirmada y movió stock y costos: no se puede rechazar."
                        + " Si devolviste mercadería, cargá la nota de crédito."));
    assertThat(web.publisher.events()).hasSize(1);
    assertThat(web.ledger.byId(ID).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.CONFIRMED);
  }

  @Test
  void shouldAnswer404WhenTheInvoiceIsUnknown() throws Exception {
    // given / when / then
    web.mvc
        .perform(post("/api/invoices/30712345671-A-00003-00099999/reject"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.error").value("NOT_FOUND"));
    assertThat(web.publisher.events()).isEmpty();
  }

  @Test
  void shouldAnswer400NamingTheReasonWhenItIsTooLong() throws Exception {
    // given
    web.ledger.apply(InvoiceControllerTest.needsReview(new BigDecimal("2100.00")));

    // when / then
    web.mvc
        .perform(
            post(REJECT)
                .header("Accept-Language", "es")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"" + "x".repeat(201) + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("INVALID_TEXT"))
        .andExpect(jsonPath("$.field").value("reason"))
        .andExpect(jsonPath("$.message").value("El motivo puede tener hasta 200 caracteres."));
    assertThat(web.publisher.events()).isEmpty();
  }

  @Test
  void shouldAnswer403AndPublishNothingWhenANorteUserRejectsACentralInvoice() throws Exception {
    // given
    web.ledger.apply(InvoiceControllerTest.needsReview(new BigDecimal("2100.00")));
    SignedIn.as("deposito2", Role.STOCK, "norte");

    // when / then
    web.mvc
        .perform(post(REJECT))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.error").value("FORBIDDEN_BRANCH"));
    assertThat(web.publisher.events()).isEmpty();
    assertThat(web.ledger.byId(ID).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.NEEDS_REVIEW);
  }

  @Test
  void shouldAnswerTheRejectedInvoiceAsADuplicateWhenTheSameInvoiceIsTypedAgain() throws Exception {
    // given
    web.ledger.apply(InvoiceControllerTest.needsReview(new BigDecimal("2100.00")));
    web.mvc.perform(post(REJECT)).andExpect(status().isAccepted());

    // when
    web.mvc
        .perform(
            post("/api/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .content(InvoiceControllerTest.TYPED))
        // then: nothing moves; the answer says it was rejected
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duplicate").value(true))
        .andExpect(jsonPath("$.status").value("REJECTED"));
    assertThat(web.publisher.events()).hasSize(1);
  }

  @Test
  void shouldAnswer503AndKeepItInTheQueueWhenTheBrokerIsDown() throws Exception {
    // given
    web.ledger.apply(InvoiceControllerTest.needsReview(new BigDecimal("2100.00")));
    web.publisher.brokerDown(true);

    // when / then
    web.mvc.perform(post(REJECT)).andExpect(status().isServiceUnavailable());
    assertThat(web.ledger.byId(ID).orElseThrow().getStatus()).isEqualTo(InvoiceStatus.NEEDS_REVIEW);
  }
}
