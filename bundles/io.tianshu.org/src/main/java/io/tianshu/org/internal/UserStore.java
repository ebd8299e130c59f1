package io.tianshu.org.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.org.Grant;
import io.tianshu.org.User;
import java.util.List;
import java.util.Optional;

/** Users' profiles and grants in the Tianshu database. */
public interface UserStore {
  Optional<User> find(String username);

  List<User> list();

  void insert(User user, String createdBy);

  /** Replaces the user's grants and returns the user with its version incremented. */
  User replaceGrants(String username, List<Grant> grants);

  void delete(String username);

  void audit(CallerContext caller, String action, String username, User before, User after);
}
