package almacen.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of a service with springdoc declares how its API is called: a bearer JWT on
 * every operation (an operation without one, such as the login, says so with an empty
 * {@code @SecurityRequirements}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.configuration.SpringDocConfiguration")
public class OpenApiSecurity {

  /** The scheme's name in {@code components.securitySchemes}. */
  public static final String SCHEME = "bearer";

  @Bean
  OpenAPI almacenOpenApi() {
    return new OpenAPI()
        .components(
            new Components()
                .addSecuritySchemes(
                    SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "Access token from POST /api/auth/login (query-api) or scripts/token")))
        .addSecurityItem(new SecurityRequirement().addList(SCHEME));
  }
}
