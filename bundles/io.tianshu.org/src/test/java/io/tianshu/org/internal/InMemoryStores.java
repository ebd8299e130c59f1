package io.tianshu.org.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.org.Grant;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitType;
import io.tianshu.org.User;
import io.tianshu.org.UserDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Map-backed stores with the same contracts as the JPA ones, for millisecond tests. */
final class InMemoryStores {
  final Map<Long, OrgUnit> units = new TreeMap<>();
  final Map<String, User> users = new TreeMap<>();
  final List<String> audit = new ArrayList<>();
  final Map<String, Set<String>> directory = new HashMap<>();
  long nextId = 1;

  final OrgStore org =
      new OrgStore() {
        @Override
        public Optional<OrgUnit> find(long id) {
          return Optional.ofNullable(units.get(id));
        }

        @Override
        public Optional<OrgUnit> findPlantByCode(String code) {
          return units.values().stream()
              .filter(u -> u.type() == OrgUnitType.PLANT && u.code().equals(code))
              .findFirst();
        }

        @Override
        public boolean codeTaken(long scope, String code, Long exceptId) {
          return units.values().stream()
              .anyMatch(
                  u ->
                      (u.type() == OrgUnitType.PLANT ? 0L : u.plantId()) == scope
                          && u.code().equals(code)
                          && !u.id().equals(exceptId));
        }

        @Override
        public Page<OrgUnit> listPlants(Set<Long> plantIds, String q, PageRequest page) {
          List<OrgUnit> all =
              units.values().stream()
                  .filter(u -> u.type() == OrgUnitType.PLANT)
                  .filter(u -> plantIds == null || plantIds.contains(u.id()))
                  .filter(u -> q == null || u.code().contains(q) || u.name().contains(q))
                  .sorted(Comparator.comparing(OrgUnit::code))
                  .toList();
          List<OrgUnit> slice = all.stream().skip(page.offset()).limit(page.limit()).toList();
          return new Page<>(slice, page.offset(), page.limit(), all.size());
        }

        @Override
        public List<OrgUnit> listUnits(long plantId) {
          return units.values().stream()
              .filter(u -> u.type() != OrgUnitType.PLANT && u.plantId() == plantId)
              .toList();
        }

        @Override
        public boolean hasChildren(long id) {
          return units.values().stream().anyMatch(u -> Long.valueOf(id).equals(u.parentId()));
        }

        @Override
        public long grantCount(long plantId) {
          return users.values().stream()
              .flatMap(u -> u.grants().stream())
              .filter(g -> g.plantId() == plantId)
              .count();
        }

        @Override
        public OrgUnit insert(OrgUnit u) {
          long id = nextId++;
          OrgUnit stored =
              new OrgUnit(
                  id,
                  u.type(),
                  u.code(),
                  u.name(),
                  u.nameEn(),
                  u.parentId(),
                  u.type() == OrgUnitType.PLANT ? id : u.plantId(),
                  u.status(),
                  0,
                  u.createdAt(),
                  u.createdBy(),
                  u.updatedAt(),
                  u.updatedBy());
          units.put(id, stored);
          return stored;
        }

        @Override
        public OrgUnit update(OrgUnit u) {
          OrgUnit stored =
              new OrgUnit(
                  u.id(),
                  u.type(),
                  u.code(),
                  u.name(),
                  u.nameEn(),
                  u.parentId(),
                  u.plantId(),
                  u.status(),
                  u.version() + 1,
                  u.createdAt(),
                  u.createdBy(),
                  u.updatedAt(),
                  u.updatedBy());
          units.put(u.id(), stored);
          return stored;
        }

        @Override
        public void delete(long id) {
          units.remove(id);
        }

        @Override
        public void audit(CallerContext caller, String action, OrgUnit before, OrgUnit after) {
          audit.add(action + " OrgUnit " + (after != null ? after : before).code());
        }
      };

  final UserStore userStore =
      new UserStore() {
        @Override
        public Optional<User> find(String username) {
          return Optional.ofNullable(users.get(username));
        }

        @Override
        public List<User> list() {
          return List.copyOf(users.values());
        }

        @Override
        public void insert(User user, String createdBy) {
          users.put(user.username(), user);
        }

        @Override
        public User replaceGrants(String username, List<Grant> grants) {
          User old = users.get(username);
          User changed =
              new User(
                  username,
                  old.displayName(),
                  old.status(),
                  List.copyOf(grants),
                  old.version() + 1);
          users.put(username, changed);
          return changed;
        }

        @Override
        public void delete(String username) {
          users.remove(username);
        }

        @Override
        public void audit(
            CallerContext caller, String action, String username, User before, User after) {
          audit.add(action + " User " + username);
        }
      };

  final UserDirectory userDirectory =
      new UserDirectory() {
        @Override
        public boolean exists(String username) {
          return directory.containsKey(username);
        }

        @Override
        public void add(String username, String password, Set<String> roles) {
          directory.put(username, new HashSet<>(roles));
        }

        @Override
        public void remove(String username) {
          directory.remove(username);
        }
      };
}
