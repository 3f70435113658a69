package almacen.support.security;

import almacen.support.web.ApiException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one rule of branch-bound users: a user whose directory entry names a branch may only write
 * for that branch. Write endpoints call {@link #require(String)} with the branch of the request
 * (the sending branch of a transfer); any other branch → 403 with a message that names both. A
 * request without a branch-bound user (admin of every branch, a machine token, security off in a
 * slice test) passes.
 */
public final class BranchAccess {

  private BranchAccess() {}

  /**
   * Lets the request write for {@code branch} only when its user is not bound to another one.
   *
   * @param branch the branch the request writes for; null when the request names none (an invoice
   *     confirmation keeps its draft's branch), which this check lets pass
   * @throws ApiException 403 {@code FORBIDDEN_BRANCH} when the current user is bound to another
   *     branch
   */
  public static void require(String branch) {
    Optional<String> own = currentBranch();
    if (branch != null && own.isPresent() && !own.get().equals(branch)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "FORBIDDEN_BRANCH",
          "Your user may only write for branch "
              + own.get()
              + "; this request is for branch "
              + branch,
          "branch");
    }
  }

  /** The branch the current user is bound to, empty for a user of every branch. */
  public static Optional<String> currentBranch() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
      return Optional.ofNullable(user.branch());
    }
    return Optional.empty();
  }
}
