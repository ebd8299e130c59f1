package io.tianshu.org;

import java.util.Set;

/**
 * Where credentials live (the Karaf JAAS realm in the container). Tianshu never stores passwords
 * itself; the directory hashes them.
 */
public interface UserDirectory {
  boolean exists(String username);

  void add(String username, String password, Set<String> roles);

  void remove(String username);
}
