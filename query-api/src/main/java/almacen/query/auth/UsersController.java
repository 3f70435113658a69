package almacen.query.auth;

import almacen.events.User;
import almacen.support.security.AuthenticatedUser;
import almacen.support.security.RequiresRole;
import almacen.support.security.Role;
import almacen.support.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET/POST /api/users}, {@code PUT /api/users/{username}} (admin): the dashboard's users.
 * Answers never carry a password or its hash.
 */
@RestController
@RequiresRole(Role.ADMIN)
public class UsersController {

  private final UserAdmin admin;

  UsersController(UserAdmin admin) {
    this.admin = admin;
  }

  /** A user as the API shows it. */
  public record UserView(
      String username, List<String> roles, String branch, boolean active, Instant updatedAt) {
    static UserView of(User user) {
      return new UserView(
          user.getUsername(),
          List.copyOf(user.getRoles()),
          user.getBranch(),
          user.getActive(),
          user.getUpdatedAt());
    }
  }

  public record CreateRequest(String username, String password, List<String> roles, String branch) {
    @Override
    public String toString() {
      return "CreateRequest[" + username + ", roles=" + roles + ", branch=" + branch + "]";
    }
  }

  @GetMapping(path = "/api/users", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<UserView> list() {
    return admin.list().stream().map(UserView::of).toList();
  }

  @PostMapping(
      path = "/api/users",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<UserView> create(
      @RequestBody CreateRequest body, AuthenticatedUser caller) {
    if (body == null) {
      throw ApiException.badRequest("MISSING_FIELD", "A JSON body is required", null);
    }
    User user =
        admin.create(
            body.username(), body.password(), body.roles(), body.branch(), caller.subject());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/api/users/" + user.getUsername())
        .body(UserView.of(user));
  }

  /**
   * {@code {"roles"?,"password"?,"branch"?,"active"?}}: an absent field stays; {@code "branch":
   * null} (or "") makes the user one of every branch.
   */
  @PutMapping(
      path = "/api/users/{username}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public UserView update(
      @PathVariable String username, @RequestBody JsonNode body, AuthenticatedUser caller) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("MISSING_FIELD", "A JSON object is required", null);
    }
    UserAdmin.Change change =
        new UserAdmin.Change(
            roles(body.get("roles")),
            text(body.get("password"), "password"),
            body.has("branch"),
            text(body.get("branch"), "branch"),
            active(body.get("active")));
    return UserView.of(admin.update(username, change, caller.subject()));
  }

  private static List<String> roles(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw ApiException.badRequest("INVALID_FIELD", "roles must be a list of roles", "roles");
    }
    List<String> roles = new ArrayList<>();
    for (JsonNode role : node) {
      roles.add(role.isString() ? role.stringValue() : role.toString());
    }
    return roles;
  }

  private static String text(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw ApiException.badRequest("INVALID_FIELD", field + " must be a string", field);
    }
    return node.stringValue();
  }

  private static Boolean active(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      throw ApiException.badRequest("INVALID_FIELD", "active must be true or false", "active");
    }
    return node.booleanValue();
  }
}
