package io.tianshu.org.internal.store;

import io.tianshu.core.CallerContext;
import io.tianshu.core.PlantRole;
import io.tianshu.org.Grant;
import io.tianshu.org.User;
import io.tianshu.org.internal.AccessLogic;
import io.tianshu.org.internal.UserStore;
import io.tianshu.persistence.AuditTrail;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

/** {@link UserStore} on the caller's EntityManager. */
public final class JpaUserStore implements UserStore {
  private final EntityManager em;

  public JpaUserStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<User> find(String username) {
    AppUserEntity e = em.find(AppUserEntity.class, username);
    return e == null ? Optional.empty() : Optional.of(toRecord(e, grantsOf(username)));
  }

  @Override
  public List<User> list() {
    Map<String, List<Grant>> grants = new HashMap<>();
    for (PlantGrantEntity g :
        em.createQuery(
                "SELECT g FROM PlantGrantEntity g ORDER BY g.plantId", PlantGrantEntity.class)
            .getResultList()) {
      grants.computeIfAbsent(g.username, k -> new ArrayList<>()).add(toGrant(g));
    }
    return em
        .createQuery("SELECT u FROM AppUserEntity u ORDER BY u.username", AppUserEntity.class)
        .getResultList()
        .stream()
        .map(u -> toRecord(u, grants.getOrDefault(u.username, List.of())))
        .toList();
  }

  @Override
  public void insert(User user, String createdBy) {
    AppUserEntity e = new AppUserEntity();
    e.username = user.username();
    e.displayName = user.displayName();
    e.status = user.status();
    e.createdAt = Timestamp.from(Instant.now());
    e.createdBy = createdBy;
    em.persist(e);
    insertGrants(user.username(), user.grants());
    em.flush();
  }

  @Override
  public User replaceGrants(String username, List<Grant> grants) {
    em.createQuery("DELETE FROM PlantGrantEntity g WHERE g.username = :u")
        .setParameter("u", username)
        .executeUpdate();
    insertGrants(username, grants);
    AppUserEntity u = em.find(AppUserEntity.class, username);
    // A grant change is a change of the user: bump its version for optimistic locking.
    em.lock(u, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
    return toRecord(u, grantsOf(username));
  }

  @Override
  public void delete(String username) {
    em.createQuery("DELETE FROM PlantGrantEntity g WHERE g.username = :u")
        .setParameter("u", username)
        .executeUpdate();
    em.remove(em.find(AppUserEntity.class, username));
    em.flush();
  }

  @Override
  public void audit(CallerContext caller, String action, String username, User before, User after) {
    AuditTrail.write(
        em,
        caller,
        "User",
        username,
        null,
        action,
        AccessLogic.snapshot(before),
        AccessLogic.snapshot(after));
  }

  private void insertGrants(String username, List<Grant> grants) {
    for (Grant g : grants) {
      PlantGrantEntity e = new PlantGrantEntity();
      e.username = username;
      e.plantId = g.plantId();
      e.roleName = g.role().name();
      em.persist(e);
    }
  }

  private List<Grant> grantsOf(String username) {
    return em
        .createQuery(
            "SELECT g FROM PlantGrantEntity g WHERE g.username = :u ORDER BY g.plantId",
            PlantGrantEntity.class)
        .setParameter("u", username)
        .getResultList()
        .stream()
        .map(JpaUserStore::toGrant)
        .toList();
  }

  private static Grant toGrant(PlantGrantEntity g) {
    return new Grant(g.plantId, PlantRole.valueOf(g.roleName));
  }

  private static User toRecord(AppUserEntity e, List<Grant> grants) {
    return new User(e.username, e.displayName, e.status, grants, e.version);
  }
}
