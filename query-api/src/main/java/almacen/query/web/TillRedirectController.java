package almacen.query.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /caja}: the till's short address (a bookmark on the counter PC) opens the dashboard's Caja
 * page; the page itself asks for a login when there is no session.
 */
@RestController
class TillRedirectController {

  @GetMapping({"/caja", "/caja/"})
  ResponseEntity<Void> caja() {
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/#/caja")).build();
  }
}
