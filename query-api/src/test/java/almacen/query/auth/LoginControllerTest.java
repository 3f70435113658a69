package almacen.query.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.support.security.AuthenticatedUser;
import almacen.support.security.KeyRing;
import almacen.support.security.RateLimitFilter;
import almacen.support.security.RateLimiter;
import almacen.support.security.Role;
import almacen.support.security.TokenIssuer;
import almacen.support.security.TokenVerifier;
import almacen.support.web.ApiErrorHandler;
import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class LoginControllerTest {

  private static final Instant NOW = Instant.parse("2025-10-15T12:00:00Z");

  @TempDir Path home;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private KeyRing ring;
  private String adminPassword;
  private MockMvc mvc;

  @BeforeEach
  void setUp() throws Exception {
    BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    ring = KeyRing.loadOrCreate(home.resolve("keys"));
    UserDirectory users = UserDirectory.load(home, true, encoder, new SecureRandom());
    adminPassword = Files.readString(home.resolve("admin-password")).trim();
    RateLimiter limiter =
        new RateLimiter(
            Map.of(RateLimitFilter.LOGIN, 10, RateLimitFilter.LOGIN_USER, 10), clock, 1000);
    LoginController controller =
        new LoginController(
            new LoginService(users, encoder),
            new TokenIssuer(ring, clock),
            Duration.ofHours(8),
            limiter);
    mvc =
        MockMvcBuilders.standaloneSetup(controller)
            .setControllerAdvice(new ApiErrorHandler())
            .addFilters(new RateLimitFilter(limiter))
            .build();
  }

  @Test
  void shouldIssueTokenForBothServicesWhenCredentialsAreRight() throws Exception {
    // when
    String body =
        mvc.perform(
                post("/api/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.expiresAt").value("2025-10-15T20:00:00Z"))
            .andExpect(jsonPath("$.roles[0]").value("admin"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    // then
    String token = JsonPath.read(body, "$.accessToken");
    for (String audience : new String[] {"ingest", "query"}) {
      AuthenticatedUser user = new TokenVerifier(ring, audience, clock).verify(token);
      assertThat(user.subject()).isEqualTo("admin");
      assertThat(user.roles()).containsExactly(Role.ADMIN);
    }
  }

  @Test
  void shouldAnswer401WithSameMessageWhenPasswordIsWrongOrUserUnknown() throws Exception {
    // given
    String expected =
        "{\"error\":\"UNAUTHORIZED\",\"message\":\"Wrong username or password\",\"field\":null}";

    // when / then
    mvc.perform(
            post("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"admin\",\"password\":\"" + adminPassword + "x\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().json(expected, true));
    mvc.perform(
            post("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"nadie\",\"password\":\"" + adminPassword + "\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().json(expected, true));
  }

  @Test
  void shouldAnswer401WhenPasswordIsLongerThanBcryptReads() throws Exception {
    // given: the right password followed by padding past 72 bytes
    String tooLong = adminPassword + "x".repeat(80);

    // when / then
    mvc.perform(
            post("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"admin\",\"password\":\"" + tooLong + "\"}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void shouldAnswer400NamingTheFieldWhenPasswordIsMissing() throws Exception {
    mvc.perform(
            post("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"admin\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .json(
                    "{\"error\":\"MISSING_FIELD\",\"message\":\"password is required\",\"field\":\"password\"}",
                    true));
  }

  @Test
  void shouldAnswer429WhenEleventhLoginInAMinuteFromOneClient() throws Exception {
    // given: ten wrong attempts
    for (int i = 0; i < 10; i++) {
      mvc.perform(
              post("/api/auth/login")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"username\":\"admin\",\"password\":\"guess" + i + "\"}"))
          .andExpect(status().isUnauthorized());
    }

    // when / then: even the right password is refused until the bucket refills
    mvc.perform(
            post("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "6"))
        .andExpect(jsonPath("$.error").value("RATE_LIMITED"));
  }

  @Test
  void shouldAnswer429WhenOneUsernameIsGuessedFromManyAddresses() throws Exception {
    // given: ten wrong attempts on one username, each from another address
    for (int i = 0; i < 10; i++) {
      int n = i;
      mvc.perform(
              post("/api/auth/login")
                  .contentType(MediaType.APPLICATION_JSON)
                  .with(
                      request -> {
                        request.setRemoteAddr("10.0.0." + (n + 1));
                        return request;
                      })
                  .content("{\"username\":\" Admin \",\"password\":\"guess" + i + "\"}"))
          .andExpect(status().isUnauthorized());
    }

    // when / then: the eleventh, from a fresh address, is refused for that username
    mvc.perform(
            post("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .with(
                    request -> {
                      request.setRemoteAddr("10.0.1.1");
                      return request;
                    })
                .content("{\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}"))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.error").value("RATE_LIMITED"))
        .andExpect(jsonPath("$.field").value("username"));
  }
}
