package io.tianshu.org;

import io.tianshu.core.CallerContext;
import java.util.List;
import java.util.Set;

/** Users, their plant grants, and the caller context every adapter builds from a login. */
public interface AccessService {
  /** The JAAS role that makes a user a group administrator. */
  String GROUP_ADMIN_ROLE = "admin";

  /** The JAAS role every Tianshu user gets; REST and the mom console require it or admin. */
  String USER_ROLE = "tianshu";

  /**
   * The JAAS roles a user created through Tianshu gets: {@link #USER_ROLE}, and Karaf's ssh role so
   * that they may open the console, where the command ACLs let them run mom commands only.
   */
  Set<String> USER_ROLES = Set.of(USER_ROLE, "ssh");

  /**
   * A number that changes whenever a user, a grant or a password changes here, so that adapters
   * caching logins know when to forget them.
   */
  long revision();

  /**
   * The context of an authenticated user: group administrator when they hold {@link
   * #GROUP_ADMIN_ROLE}, otherwise the plants granted to them.
   */
  CallerContext callerFor(String username, Set<String> roles);

  List<User> listUsers(CallerContext caller);

  User getUser(CallerContext caller, String username);

  User createUser(CallerContext caller, UserInput input);

  /** Replaces the user's grants; a plant administrator may change grants of their plants only. */
  User setGrants(CallerContext caller, String username, List<Grant> grants);

  void deleteUser(CallerContext caller, String username);
}
