package io.tianshu.org.internal;

import io.tianshu.org.UserDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Users and passwords in Karaf's "karaf" JAAS realm (etc/users.properties): SSH, the console and
 * REST all log in against it. The password is hashed the way the realm is configured
 * (etc/org.apache.karaf.jaas.cfg).
 *
 * <p>The file is written here in one piece, to a temporary file renamed over the old one, rather
 * than through Karaf's backing engine: that engine saves once per change (user, then each role)
 * while Karaf's auto-encryption watcher reads and rewrites the same file on every change, and the
 * two together have corrupted it (lost users, a NUL-filled file). A rename is atomic, so a reader
 * sees the old file or the new one, never half of one.
 */
@Component(service = UserDirectory.class)
public class JaasUserDirectory implements UserDirectory {
  static final String REALM = "karaf";
  static final String PROPERTIES_MODULE =
      "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

  private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();

  @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
  void addRealm(JaasRealm realm) {
    realms.add(realm);
  }

  void removeRealm(JaasRealm realm) {
    realms.remove(realm);
  }

  @Override
  public synchronized boolean exists(String username) {
    Pattern line = userLine(username);
    return read(usersFile(options())).stream().anyMatch(l -> line.matcher(l).lookingAt());
  }

  @Override
  public synchronized void add(String username, String password, Set<String> roles) {
    Map<String, ?> options = options();
    // As Karaf's own engine stores it: {CRYPT}hash{CRYPT} when encryption is on.
    String stored = new EncryptionSupport(options).encrypt(password);
    Path file = usersFile(options);
    List<String> lines = without(read(file), username);
    lines.add(username + " = " + stored + "," + String.join(",", new TreeSet<>(roles)));
    write(file, lines);
  }

  @Override
  public synchronized void remove(String username) {
    Path file = usersFile(options());
    write(file, without(read(file), username));
  }

  private static List<String> without(List<String> lines, String username) {
    Pattern line = userLine(username);
    List<String> kept = new ArrayList<>();
    for (String l : lines) {
      if (!line.matcher(l).lookingAt()) {
        kept.add(l);
      }
    }
    return kept;
  }

  /** A properties line defining the user: "name = …" or "name: …" (names need no escaping). */
  private static Pattern userLine(String username) {
    return Pattern.compile("\\s*" + Pattern.quote(username) + "\\s*[=:]");
  }

  private static List<String> read(Path file) {
    try {
      return Files.exists(file)
          ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
          : new ArrayList<>();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static void write(Path file, List<String> lines) {
    try {
      Path tmp = Files.createTempFile(file.getParent(), ".users", ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static Path usersFile(Map<String, ?> options) {
    Object users = options.get("users");
    if (users == null) {
      throw new IllegalStateException("The JAAS realm " + REALM + " names no users file");
    }
    return Paths.get(users.toString());
  }

  /** The options of the properties module of the highest-ranked "karaf" realm. */
  private Map<String, ?> options() {
    JaasRealm realm =
        realms.stream()
            .filter(r -> REALM.equals(r.getName()))
            .max((a, b) -> Integer.compare(a.getRank(), b.getRank()))
            .orElseThrow(() -> new IllegalStateException("No JAAS realm " + REALM));
    for (AppConfigurationEntry entry : realm.getEntries()) {
      // Karaf wraps each module in its ProxyLoginModule and names the real class in an option.
      Object module = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
      String moduleClass = module != null ? module.toString() : entry.getLoginModuleName();
      if (PROPERTIES_MODULE.equals(moduleClass)) {
        return entry.getOptions();
      }
    }
    throw new IllegalStateException("The JAAS realm " + REALM + " has no properties user store");
  }
}
