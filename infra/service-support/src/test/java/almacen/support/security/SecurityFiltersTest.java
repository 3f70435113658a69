package almacen.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import almacen.support.AlmacenSettings;
import almacen.support.web.ApiErrorHandler;
import jakarta.servlet.Filter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The Spring Security filter chain of {@link SecurityConfiguration} in a web context with test
 * controllers: 401/403/429 bodies, roles, users of the directory, headers.
 */
class SecurityFiltersTest {

  private static final Instant NOW = Instant.parse("2025-10-15T12:00:00Z");

  @TempDir Path home;

  private final MutableClock clock = new MutableClock(NOW);
  private final Map<String, UserState> directory = new ConcurrentHashMap<>();
  private AnnotationConfigWebApplicationContext context;
  private TokenIssuer issuer;
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    context = new AnnotationConfigWebApplicationContext();
    context.setServletContext(new MockServletContext());
    TestPropertyValues.of(
            "almacen.mode=local",
            "almacen.home=" + home,
            "almacen.security.audience=ingest",
            "almacen.security.rate-limit.login-per-minute=10",
            "almacen.security.rate-limit.writes-per-minute=3",
            "almacen.security.rate-limit.max-tracked-clients=100")
        .applyTo(context);
    UserStates users = username -> Optional.ofNullable(directory.get(username));
    context.addBeanFactoryPostProcessor(
        beans -> {
          beans.registerSingleton("clock", clock);
          beans.registerSingleton("userStates", users);
        });
    context.register(WebConfig.class);
    context.refresh();
    issuer = context.getBean(TokenIssuer.class);
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
            .build();
  }

  @AfterEach
  void tearDown() {
    context.close();
  }

  @Test
  void shouldAnswer401WithChallengeWhenTokenIsMissing() throws Exception {
    // when / then
    mvc.perform(get("/api/whoami"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"almacen\""))
        .andExpect(
            content()
                .json(
                    "{\"error\":\"UNAUTHORIZED\",\"message\":"
                        + "\"An access token is required: send the header Authorization: Bearer <token>\",\"field\":null}",
                    true));
  }

  @Test
  void shouldAnswer401WithoutEchoingTokenWhenTokenIsBad() throws Exception {
    // given
    String wrongAudience =
        issuer.issue("ana", Set.of(Role.ADMIN), Set.of("query"), Duration.ofMinutes(5));

    // when
    MvcResult result =
        mvc.perform(get("/api/whoami").header("Authorization", "Bearer " + wrongAudience))
            .andExpect(status().isUnauthorized())
            .andExpect(
                header()
                    .string(
                        "WWW-Authenticate", "Bearer realm=\"almacen\", error=\"invalid_token\""))
            .andExpect(header().string("Content-Language", "en"))
            .andReturn();

    // then
    assertThat(result.getResponse().getContentAsString())
        .isEqualTo(
            "{\"error\":\"UNAUTHORIZED\",\"message\":\"The access token is not meant for this service\","
                + "\"field\":null}")
        .doesNotContain(wrongAudience.split("\\.", -1)[1]);
  }

  @Test
  void shouldAnswer401WhenSchemeIsNotBearer() throws Exception {
    mvc.perform(get("/api/whoami").header("Authorization", "Basic YWRtaW46YWRtaW4="))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void shouldAnswer200WithTheUserWhenTokenIsValid() throws Exception {
    // given
    String token =
        issuer.issue("ana", Set.of(Role.VIEWER), Set.of("ingest", "query"), Duration.ofMinutes(5));

    // when / then
    mvc.perform(get("/api/whoami").header("Authorization", "bearer " + token))
        .andExpect(status().isOk())
        .andExpect(content().string("ana [VIEWER]"));
  }

  @Test
  void shouldAnswer403JsonWhenRoleIsNotAllowedOnMethod() throws Exception {
    // given
    String token =
        issuer.issue("ana", Set.of(Role.VIEWER), Set.of("ingest"), Duration.ofMinutes(5));

    // when / then
    mvc.perform(post("/api/sales").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden())
        .andExpect(
            content()
                .json(
                    "{\"error\":\"FORBIDDEN\",\"message\":"
                        + "\"This action needs the role cashier; your token has viewer\",\"field\":null}",
                    true));
  }

  @Test
  void shouldAnswer200WhenRoleIsAllowedOnMethod() throws Exception {
    // given
    String token =
        issuer.issue("caja1", Set.of(Role.CASHIER), Set.of("ingest"), Duration.ofMinutes(5));

    // when / then
    mvc.perform(post("/api/sales").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(content().string("sale by caja1"));
  }

  @Test
  void shouldEnforceClassLevelRoleWhenMethodHasNone() throws Exception {
    // given
    String cashier =
        issuer.issue("caja1", Set.of(Role.CASHIER), Set.of("ingest"), Duration.ofMinutes(5));
    String stock =
        issuer.issue("depo", Set.of(Role.STOCK), Set.of("ingest"), Duration.ofMinutes(5));

    // when / then
    mvc.perform(post("/api/stock/adjustments").header("Authorization", "Bearer " + cashier))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/stock/adjustments").header("Authorization", "Bearer " + stock))
        .andExpect(status().isOk());
  }

  @Test
  void shouldAllowAdminWhenEndpointNamesAnotherRole() throws Exception {
    // given
    String admin =
        issuer.issue("jefe", Set.of(Role.ADMIN), Set.of("ingest"), Duration.ofMinutes(5));

    // when / then
    mvc.perform(post("/api/sales").header("Authorization", "Bearer " + admin))
        .andExpect(status().isOk());
    mvc.perform(post("/api/stock/adjustments").header("Authorization", "Bearer " + admin))
        .andExpect(status().isOk());
  }

  @Test
  void shouldLetLoginAndNonApiPathsPassWhenNoToken() throws Exception {
    mvc.perform(post("/api/auth/login"))
        .andExpect(status().isOk())
        .andExpect(content().string("login"));
    mvc.perform(get("/dashboard"))
        .andExpect(status().isOk())
        .andExpect(content().string("dashboard"));
  }

  @Test
  void shouldRefuseOrRequireTokenWhenLoginPathIsDisguised() throws Exception {
    // when / then: the firewall refuses a path that is not normalised; a near miss needs a token
    mvc.perform(get("/api/auth/login;x=1/../../whoami"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .json(
                    "{\"error\":\"BAD_PATH\",\"message\":\"The request path is not allowed\",\"field\":null}",
                    true));
    mvc.perform(get("/api/auth/login/")).andExpect(status().isUnauthorized());
  }

  @Test
  void shouldAcceptQueryTokenOnlyOnEventStreamWhenGet() throws Exception {
    // given
    String token =
        issuer.issue("ana", Set.of(Role.VIEWER), Set.of("ingest"), Duration.ofMinutes(5));

    // when / then
    mvc.perform(get("/api/events").param("access_token", token)).andExpect(status().isOk());
    mvc.perform(get("/api/whoami").param("access_token", token))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void shouldRefuseEveryTokenWhenServiceHasNoAudience() {
    // given: a service without almacen.security.audience (no verifier)
    TokenAuthenticationProvider noAudience = new TokenAuthenticationProvider(null, UserStates.NONE);
    String token =
        issuer.issue("ana", Set.of(Role.ADMIN), Set.of("ingest", "query"), Duration.ofMinutes(5));

    // when / then
    assertThatThrownBy(() -> noAudience.authenticate(BearerTokenAuthentication.unverified(token)))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("The access token is not meant for this service");
  }

  @Test
  void shouldAnswer401WhenUserOfTokenIsDeactivated() throws Exception {
    // given
    String token =
        issuer.issue("caja1", Set.of(Role.CASHIER), Set.of("ingest"), Duration.ofMinutes(5));
    mvc.perform(get("/api/whoami").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());

    // when
    directory.put("caja1", new UserState("caja1", Set.of(Role.CASHIER), null, false));

    // then
    mvc.perform(get("/api/whoami").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized())
        .andExpect(
            content()
                .json(
                    "{\"error\":\"UNAUTHORIZED\",\"message\":"
                        + "\"The user of this access token has been deactivated\",\"field\":null}",
                    true));
  }

  @Test
  void shouldApplyDirectoryRolesAndBranchWhenSubjectIsADashboardUser() throws Exception {
    // given: a token minted as cashier for a user now demoted to viewer of branch norte
    String token =
        issuer.issue("caja1", Set.of(Role.CASHIER), Set.of("ingest"), Duration.ofMinutes(5));
    directory.put("caja1", new UserState("caja1", Set.of(Role.VIEWER), "norte", true));

    // when / then
    mvc.perform(post("/api/sales").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/whoami").header("Authorization", "Bearer " + token))
        .andExpect(content().string("caja1 [VIEWER] norte"));
  }

  @Test
  void shouldAnswer403ForAnotherBranchWhenUserIsBranchBound() throws Exception {
    // given
    String token =
        issuer.issue("caja1", Set.of(Role.CASHIER), Set.of("ingest"), Duration.ofMinutes(5));
    directory.put("caja1", new UserState("caja1", Set.of(Role.CASHIER), "norte", true));

    // when / then
    mvc.perform(post("/api/branch-sales/norte").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    mvc.perform(post("/api/branch-sales/central").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden())
        .andExpect(
            content()
                .json(
                    "{\"error\":\"FORBIDDEN_BRANCH\",\"message\":"
                        + "\"Your user may only write for branch norte; this request is for branch central\","
                        + "\"field\":\"branch\"}",
                    true));
  }

  @Test
  void shouldAnswer429WithRetryAfterWhenEleventhLoginInAMinute() throws Exception {
    // given
    for (int i = 0; i < 10; i++) {
      mvc.perform(
              post("/api/auth/login")
                  .with(
                      r -> {
                        r.setRemoteAddr("10.0.0.7");
                        return r;
                      }))
          .andExpect(status().isOk());
    }

    // when / then
    mvc.perform(
            post("/api/auth/login")
                .with(
                    r -> {
                      r.setRemoteAddr("10.0.0.7");
                      return r;
                    }))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "6"))
        .andExpect(
            content()
                .json(
                    "{\"error\":\"RATE_LIMITED\",\"message\":\"Too many requests; try again in 6 s\","
                        + "\"field\":null}",
                    true));
    mvc.perform(
            post("/api/auth/login")
                .with(
                    r -> {
                      r.setRemoteAddr("10.0.0.8");
                      return r;
                    }))
        .andExpect(status().isOk());
  }

  @Test
  void shouldLimitWritesButNotReadsWhenConfigured() throws Exception {
    // given: writes 3/min, reads unlimited
    String token =
        issuer.issue("caja1", Set.of(Role.CASHIER), Set.of("ingest"), Duration.ofMinutes(5));
    for (int i = 0; i < 3; i++) {
      mvc.perform(post("/api/sales").header("Authorization", "Bearer " + token))
          .andExpect(status().isOk());
    }

    // when / then
    mvc.perform(post("/api/sales").header("Authorization", "Bearer " + token))
        .andExpect(status().isTooManyRequests());
    for (int i = 0; i < 50; i++) {
      mvc.perform(get("/api/whoami").header("Authorization", "Bearer " + token))
          .andExpect(status().isOk());
    }
  }

  @Test
  void shouldSetSecurityHeadersOnEveryResponseAndNoStoreOnApi() throws Exception {
    // when / then
    mvc.perform(get("/api/whoami"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; "
                        + "style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; "
                        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
        .andExpect(header().string("Cache-Control", "no-store"));
    mvc.perform(get("/dashboard"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().doesNotExist("Cache-Control"));
  }

  @RestController
  static class OpenController {
    @GetMapping("/api/whoami")
    String whoami(AuthenticatedUser user) {
      return user.subject()
          + " "
          + user.roles()
          + (user.branch() == null ? "" : " " + user.branch());
    }

    @GetMapping("/api/events")
    String events() {
      return "events";
    }

    @PostMapping("/api/auth/login")
    String login() {
      return "login";
    }

    @GetMapping("/dashboard")
    String dashboard() {
      return "dashboard";
    }
  }

  @RestController
  static class SalesController {
    @PostMapping("/api/sales")
    @RequiresRole(Role.CASHIER)
    public String sale(AuthenticatedUser user) {
      return "sale by " + user.subject();
    }

    @PostMapping("/api/branch-sales/{branch}")
    @RequiresRole(Role.CASHIER)
    public String branchSale(@PathVariable String branch) {
      BranchAccess.require(branch);
      return "sale for " + branch;
    }
  }

  @RestController
  @RequiresRole(Role.STOCK)
  static class StockController {
    @PostMapping("/api/stock/adjustments")
    public String adjust() {
      return "adjusted";
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebMvc
  @EnableConfigurationProperties(AlmacenSettings.class)
  @Import({
    SecurityConfiguration.class,
    ApiErrorHandler.class,
    OpenController.class,
    SalesController.class,
    StockController.class
  })
  static class WebConfig {}
}
