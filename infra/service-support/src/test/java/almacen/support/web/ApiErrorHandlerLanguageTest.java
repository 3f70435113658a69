package almacen.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class ApiErrorHandlerLanguageTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Thrower())
          .setControllerAdvice(new ModuleHandler(), new ApiErrorHandler())
          .build();

  @Test
  void shouldAnswerInSpanishWhenTheDashboardAsksInSpanish() throws Exception {
    mvc.perform(get("/range").header("Accept-Language", "es-AR,es;q=0.9"))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Language", "es-AR"))
        .andExpect(jsonPath("$.error").value("OUT_OF_RANGE"))
        .andExpect(jsonPath("$.field").value("lines[0].qty"))
        .andExpect(
            jsonPath("$.message")
                .value(
                    "La cantidad de la línea 1 está fuera de rango: hasta 1.000.000 (positivo o"
                        + " negativo), con 3 decimales."));
  }

  @Test
  void shouldAnswerInEnglishWhenTheClientDoesNotAskForSpanish() throws Exception {
    mvc.perform(get("/range"))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Language", "en"))
        .andExpect(jsonPath("$.message").value("qty must be between -1000000 and 1000000"));
  }

  @Test
  void shouldTranslateTheErrorsOfSpringItselfWhenAParameterIsMissing() throws Exception {
    mvc.perform(get("/param").header("Accept-Language", "es"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("MISSING_PARAMETER"))
        .andExpect(jsonPath("$.message").value("Falta el parámetro «sucursal»."));
  }

  @Test
  void shouldTranslateWhenAModuleHandlerBuildsTheErrorItself() throws Exception {
    mvc.perform(get("/module").header("Accept-Language", "es"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Content-Language", "es-AR"))
        .andExpect(
            jsonPath("$.message")
                .value(
                    "No se puede guardar en este momento; no se guardó nada. Reintentá en unos"
                        + " segundos."));
  }

  @RestController
  static class Thrower {
    @GetMapping("/range")
    String range() {
      throw ApiException.badRequest(
          "OUT_OF_RANGE", "qty must be between -1000000 and 1000000", "lines[0].qty");
    }

    @GetMapping("/param")
    String param(@RequestParam String branch) {
      return branch;
    }

    @GetMapping("/module")
    String module() {
      throw new IllegalStateException("broker down");
    }
  }

  @RestControllerAdvice
  static class ModuleHandler {
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiError> brokerDown(IllegalStateException e) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(new ApiError("BROKER_UNAVAILABLE", "The event log is not reachable", null));
    }
  }
}
