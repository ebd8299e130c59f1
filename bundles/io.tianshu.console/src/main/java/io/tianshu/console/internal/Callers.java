package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ForbiddenException;
import io.tianshu.org.AccessService;
import java.security.AccessController;
import java.util.HashSet;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/** The console user's context, from the JAAS subject the Karaf shell runs commands under. */
final class Callers {
  private Callers() {}

  // Karaf hands the shell's subject through the access-control context; Java 17 still supports it.
  @SuppressWarnings("removal")
  static CallerContext current(AccessService access) {
    Subject subject = Subject.getSubject(AccessController.getContext());
    String user =
        subject == null
            ? null
            : subject.getPrincipals(UserPrincipal.class).stream()
                .map(UserPrincipal::getName)
                .findFirst()
                .orElse(null);
    if (user == null) {
      throw new ForbiddenException("No logged-in user / 未登录");
    }
    Set<String> roles = new HashSet<>();
    subject.getPrincipals(RolePrincipal.class).forEach(r -> roles.add(r.getName()));
    return access.callerFor(user, roles);
  }
}
