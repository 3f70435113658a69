package almacen.support.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles allowed on an endpoint (any of them; {@link Role#ADMIN} is always allowed). An endpoint
 * under /api/** without this annotation needs only a valid token.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {
  Role[] value();
}
