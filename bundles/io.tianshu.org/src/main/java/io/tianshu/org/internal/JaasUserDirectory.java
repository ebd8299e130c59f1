package io.tianshu.org.internal;

import io.tianshu.org.UserDirectory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Users and passwords in Karaf's "karaf" JAAS realm (etc/users.properties), which hashes them when
 * encryption is enabled in etc/org.apache.karaf.jaas.cfg. SSH, the console and REST all log in
 * against this realm.
 */
@Component(service = UserDirectory.class)
public class JaasUserDirectory implements UserDirectory {
  static final String REALM = "karaf";

  private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
  private final List<BackingEngineFactory> factories = new CopyOnWriteArrayList<>();

  @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
  void addRealm(JaasRealm realm) {
    realms.add(realm);
  }

  void removeRealm(JaasRealm realm) {
    realms.remove(realm);
  }

  @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
  void addFactory(BackingEngineFactory factory) {
    factories.add(factory);
  }

  void removeFactory(BackingEngineFactory factory) {
    factories.remove(factory);
  }

  // Karaf's properties engine loads, changes and rewrites the whole file: one change at a time.
  @Override
  public synchronized boolean exists(String username) {
    return engine().listUsers().stream().map(UserPrincipal::getName).anyMatch(username::equals);
  }

  @Override
  public synchronized void add(String username, String password, Set<String> roles) {
    BackingEngine engine = engine();
    engine.addUser(username, password);
    for (String role : roles) {
      engine.addRole(username, role);
    }
  }

  @Override
  public synchronized void remove(String username) {
    engine().deleteUser(username);
  }

  /** The backing engine of the highest-ranked "karaf" realm's first module that has one. */
  private BackingEngine engine() {
    JaasRealm realm =
        realms.stream()
            .filter(r -> REALM.equals(r.getName()))
            .max((a, b) -> Integer.compare(a.getRank(), b.getRank()))
            .orElseThrow(() -> new IllegalStateException("No JAAS realm " + REALM));
    for (AppConfigurationEntry entry : realm.getEntries()) {
      // Karaf wraps each module in its ProxyLoginModule and names the real class in an option.
      Object module = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
      String moduleClass = module != null ? module.toString() : entry.getLoginModuleName();
      for (BackingEngineFactory factory : factories) {
        if (factory.getModuleClass().equals(moduleClass)) {
          return factory.build(entry.getOptions());
        }
      }
    }
    throw new IllegalStateException("The JAAS realm " + REALM + " has no user store to manage");
  }
}
