package io.tianshu.org.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.org.AccessService;
import io.tianshu.org.Grant;
import io.tianshu.org.User;
import io.tianshu.org.UserDirectory;
import io.tianshu.org.UserInput;
import io.tianshu.org.internal.store.JpaOrgStore;
import io.tianshu.org.internal.store.JpaUserStore;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.Transactions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * OSGi adapter for {@link AccessLogic}. Caller contexts are cached per user and role set, since
 * every request needs one; any change of users or grants clears the cache.
 */
@Component(service = AccessService.class)
public class AccessServiceImpl implements AccessService {
  private final JpaTemplate jpa;
  private final UserDirectory directory;
  private final Map<String, CallerContext> callers = new ConcurrentHashMap<>();
  private final AtomicLong revision = new AtomicLong();

  @Activate
  public AccessServiceImpl(
      @Reference(target = "(osgi.unit.name=tianshu-org)") JpaTemplate jpa,
      @Reference Database database,
      @Reference UserDirectory directory,
      @Reference AdminBootstrap adminCreated) {
    this.jpa = jpa;
    this.directory = directory;
  }

  @Override
  public CallerContext callerFor(String username, Set<String> roles) {
    String key = username + "\u0000" + new java.util.TreeSet<>(roles);
    return callers.computeIfAbsent(key, k -> read(logic -> logic.callerFor(username, roles)));
  }

  @Override
  public long revision() {
    return revision.get();
  }

  @Override
  public List<User> listUsers(CallerContext caller) {
    return read(logic -> logic.listUsers(caller));
  }

  @Override
  public User getUser(CallerContext caller, String username) {
    return read(logic -> logic.getUser(caller, username));
  }

  @Override
  public User createUser(CallerContext caller, UserInput input) {
    return change(logic -> logic.createUser(caller, input));
  }

  @Override
  public User setGrants(CallerContext caller, String username, List<Grant> grants) {
    return change(logic -> logic.setGrants(caller, username, grants));
  }

  @Override
  public void deleteUser(CallerContext caller, String username) {
    change(
        logic -> {
          logic.deleteUser(caller, username);
          return null;
        });
  }

  private <R> R change(Function<AccessLogic, R> work) {
    try {
      return Transactions.write(jpa, em -> work.apply(logic(em)));
    } finally {
      callers.clear();
      revision.incrementAndGet();
    }
  }

  private <R> R read(Function<AccessLogic, R> work) {
    return Transactions.read(jpa, em -> work.apply(logic(em)));
  }

  private AccessLogic logic(EntityManager em) {
    return new AccessLogic(new JpaUserStore(em), new JpaOrgStore(em), directory);
  }
}
