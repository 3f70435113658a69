package almacen.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ErrorLanguageTest {

  @ParameterizedTest(name = "{0} {1} → {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "OUT_OF_RANGE | sales[3].lines[0].qty | 400 | La cantidad de la línea 1 de la venta 4 está"
            + " fuera de rango: hasta 1.000.000 (positivo o negativo), con 3 decimales.",
        "OUT_OF_RANGE | qty | 400 | La cantidad está fuera de rango: hasta 1.000.000 (positivo o"
            + " negativo), con 3 decimales.",
        "INVALID_QTY | maxStock | 400 | El stock máximo no puede ser menor que el stock mínimo.",
        "MISSING_FIELD | lines[2].sku | 400 | Falta el dato «SKU» de la línea 3.",
        "MISSING_FIELD | colour | 400 | Falta el dato «colour».",
        "INVALID_CSV | line 7 | 400 | El CSV no es válido en la línea 7 del archivo: revisá las"
            + " comillas y la cantidad de columnas.",
        "BAD_CHECK_DIGIT | NONE | 400 | El dígito verificador del código no coincide: revisá el"
            + " código o escanealo de nuevo.",
        "MALFORMED_BODY | NONE | 400 | El contenido enviado no es un JSON válido con la forma"
            + " esperada.",
        "SOMETHING_NEW | NONE | 409 | Hay un conflicto con un dato existente.",
        "SOMETHING_NEW | NONE | 418 | La solicitud no es válida.",
        "INVALID_FIELD | NONE | 400 | La solicitud tiene un dato inválido.",
        "BROKER_UNAVAILABLE | NONE | 503 | No se puede guardar en este momento; no se guardó nada."
            + " Reintentá en unos segundos.",
      })
  void shouldAnswerInSpanishWhenTheClientPrefersSpanish(
      String code, String field, int status, String expected) {
    // given
    MockHttpServletRequest request = request("es-AR,es;q=0.9,en;q=0.5");

    // when
    ApiError answer =
        ErrorLanguage.localize(new ApiError(code, "english text", field), status, request);

    // then
    assertThat(answer).isEqualTo(new ApiError(code, expected, field));
    assertThat(ErrorLanguage.of(request)).isEqualTo("es-AR");
  }

  @ParameterizedTest(name = "Accept-Language: {0}")
  @CsvSource(
      nullValues = "NONE",
      value = {"NONE", "en", "'en-US,es;q=0.8'", "'pt-BR,pt'", "*"})
  void shouldKeepTheEnglishMessageWhenTheClientDoesNotPreferSpanish(String acceptLanguage) {
    // given
    MockHttpServletRequest request = request(acceptLanguage);
    ApiError error =
        new ApiError("OUT_OF_RANGE", "qty must be between -1000000 and 1000000", "qty");

    // when
    ApiError answer = ErrorLanguage.localize(error, 400, request);

    // then
    assertThat(answer).isSameAs(error);
    assertThat(ErrorLanguage.of(request)).isEqualTo("en");
  }

  @Test
  void shouldHaveASpanishTextWhenTheStatusIsAnyClientOrServerError() {
    // given
    MockHttpServletRequest request = request("es");

    // when / then: every status a client can get has a sentence of its own or of its class
    for (int status = 400; status < 600; status++) {
      assertThat(ErrorLanguage.localize(new ApiError("X", "x", null), status, request).message())
          .as("status %d", status)
          .isNotBlank()
          .doesNotContain("{");
    }
  }

  private static MockHttpServletRequest request(String acceptLanguage) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/sales");
    if (acceptLanguage != null) {
      request.addHeader("Accept-Language", acceptLanguage);
    }
    return request;
  }
}
