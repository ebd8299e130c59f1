package io.tianshu.org.internal;

import io.tianshu.org.UserDirectory;
import java.security.SecureRandom;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the {@code admin} user on first start, since the distribution ships no user at all: the
 * password comes from TIANSHU_ADMIN_PASSWORD, or is generated and shown once.
 *
 * <p>Registered as a service only so that {@link AccessServiceImpl}, and with it every login
 * through REST or the console, waits until the user is written: Karaf rewrites users.properties in
 * place, and a login reading it half-written has corrupted it.
 */
@Component(immediate = true, service = AdminBootstrap.class)
public class AdminBootstrap {
  static final String ADMIN = "admin";
  static final String ENV = "TIANSHU_ADMIN_PASSWORD";
  // Karaf's own roles, so that the administrator may use SSH and every console command.
  static final Set<String> ADMIN_ROLES =
      Set.of("admin", "manager", "viewer", "systembundles", "ssh");
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  @Activate
  public AdminBootstrap(@Reference UserDirectory directory) {
    if (directory.exists(ADMIN)) {
      return;
    }
    String fromEnv = System.getenv(ENV);
    if (fromEnv != null && !fromEnv.isBlank() && fromEnv.length() < AccessLogic.MIN_PASSWORD) {
      LOG.error(
          "{} is shorter than {} characters and was ignored; a password is generated instead",
          ENV,
          AccessLogic.MIN_PASSWORD);
      fromEnv = null;
    }
    boolean generated = fromEnv == null || fromEnv.isBlank();
    String password = generated ? generate(20) : fromEnv;
    directory.add(ADMIN, password, ADMIN_ROLES);
    if (generated) {
      String banner =
          "\n==================================================================\n"
              + " Tianshu first start: created user 'admin' with password\n"
              + "   "
              + password
              + "\n Shown once; change it with jaas commands, or set "
              + ENV
              + " before the first start.\n"
              + " 天枢首次启动：已创建管理员 admin，密码如上，仅显示一次。\n"
              + "==================================================================";
      System.out.println(banner);
      LOG.warn(banner);
    } else {
      LOG.info("Tianshu first start: created user 'admin' with the password from {}", ENV);
    }
  }

  static String generate(int length) {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
