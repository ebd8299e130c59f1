package io.tianshu.org.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ForbiddenException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.org.AccessService;
import io.tianshu.org.Grant;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitType;
import io.tianshu.org.User;
import io.tianshu.org.UserDirectory;
import io.tianshu.org.UserInput;
import io.tianshu.persistence.AuditTrail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules for users and grants: who may grant what, and what a login may see. */
public final class AccessLogic {
  static final String ENTITY = "User";
  private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
  static final int MIN_PASSWORD = 10;

  private final UserStore users;
  private final OrgStore org;
  private final UserDirectory directory;

  public AccessLogic(UserStore users, OrgStore org, UserDirectory directory) {
    this.users = users;
    this.org = org;
    this.directory = directory;
  }

  public CallerContext callerFor(String username, Set<String> roles) {
    if (roles.contains(AccessService.GROUP_ADMIN_ROLE)) {
      return new CallerContext(username, true, Map.of());
    }
    Map<Long, PlantRole> grants = new HashMap<>();
    users.find(username).ifPresent(u -> u.grants().forEach(g -> grants.put(g.plantId(), g.role())));
    return new CallerContext(username, false, grants);
  }

  public List<User> listUsers(CallerContext caller) {
    if (caller.isGroupAdmin()) {
      return users.list();
    }
    Set<Long> administered = caller.plantsWith(PlantRole.PLANT_ADMIN);
    if (administered.isEmpty()) {
      throw new ForbiddenException("Plant administrator required / 需要工厂管理员权限");
    }
    List<User> visible = new ArrayList<>();
    for (User u : users.list()) {
      User mine = visibleTo(caller, u);
      if (mine != null) {
        visible.add(mine);
      }
    }
    return visible;
  }

  public User getUser(CallerContext caller, String username) {
    return listUsers(caller).stream()
        .filter(u -> u.username().equals(username))
        .findFirst()
        .orElseThrow(() -> new NotFoundException(ENTITY, username));
  }

  public User createUser(CallerContext caller, UserInput in) {
    Validation v = new Validation();
    if (in.username() == null || !USERNAME.matcher(in.username()).matches()) {
      v.add(
          "username",
          "invalid",
          "2-64 lower-case letters, digits and . _ -, starting with a letter / 用户名格式无效");
    } else if (users.find(in.username()).isPresent() || directory.exists(in.username())) {
      v.add("username", "duplicate", "is already used / 用户名已存在");
    }
    if (in.password() == null || in.password().length() < MIN_PASSWORD) {
      v.add(
          "password",
          "too_short",
          "must have at least " + MIN_PASSWORD + " characters / 密码至少 " + MIN_PASSWORD + " 位");
    } else if (in.password().equalsIgnoreCase(in.username())) {
      v.add("password", "weak", "must differ from the user name / 密码不能与用户名相同");
    }
    v.optionalText("displayName", in.displayName(), 200);
    List<Grant> grants = in.grants() == null ? List.of() : in.grants();
    validateGrants(caller, v, grants);
    if (!caller.isGroupAdmin() && grants.isEmpty()) {
      throw new ForbiddenException("Group administrator required / 需要集团管理员权限");
    }
    v.throwIfInvalid();
    User user =
        new User(
            in.username(),
            in.displayName() == null ? in.username() : in.displayName(),
            "ACTIVE",
            List.copyOf(grants),
            0);
    users.insert(user, caller.username());
    users.audit(caller, AuditTrail.CREATE, user.username(), null, user);
    // Last: if the realm refuses, the transaction rolls the profile back.
    directory.add(in.username(), in.password(), AccessService.USER_ROLES);
    return user;
  }

  public User setGrants(CallerContext caller, String username, List<Grant> requested) {
    User old = users.find(username).orElseThrow(() -> new NotFoundException(ENTITY, username));
    if (!caller.isGroupAdmin() && visibleTo(caller, old) == null) {
      // A plant administrator manages the users of their plants only; others do not exist for them.
      throw new NotFoundException(ENTITY, username);
    }
    List<Grant> grants = requested == null ? List.of() : requested;
    Validation v = new Validation();
    validateGrants(caller, v, grants);
    v.throwIfInvalid();
    List<Grant> result = new ArrayList<>(grants);
    if (!caller.isGroupAdmin()) {
      // A plant administrator changes grants of their plants only and keeps the others as they are.
      Set<Long> administered = caller.plantsWith(PlantRole.PLANT_ADMIN);
      for (Grant g : old.grants()) {
        if (!administered.contains(g.plantId())) {
          result.add(g);
        }
      }
      if (administered.isEmpty()) {
        throw new ForbiddenException("Plant administrator required / 需要工厂管理员权限");
      }
    }
    User changed = users.replaceGrants(username, result);
    users.audit(caller, AuditTrail.UPDATE, username, old, changed);
    if (caller.isGroupAdmin()) {
      return changed;
    }
    User visible = visibleTo(caller, changed);
    return visible != null
        ? visible
        : new User(
            changed.username(),
            changed.displayName(),
            changed.status(),
            List.of(),
            changed.version());
  }

  /** The user with only the grants of plants the caller administers; null when there are none. */
  private static User visibleTo(CallerContext caller, User u) {
    Set<Long> administered = caller.plantsWith(PlantRole.PLANT_ADMIN);
    List<Grant> mine = u.grants().stream().filter(g -> administered.contains(g.plantId())).toList();
    return mine.isEmpty()
        ? null
        : new User(u.username(), u.displayName(), u.status(), mine, u.version());
  }

  public void deleteUser(CallerContext caller, String username) {
    caller.requireGroupAdmin();
    if (username.equals(caller.username())) {
      throw new ForbiddenException("You cannot delete yourself / 不能删除自己");
    }
    User old = users.find(username).orElseThrow(() -> new NotFoundException(ENTITY, username));
    users.delete(username);
    users.audit(caller, AuditTrail.DELETE, username, old, null);
    directory.remove(username);
  }

  private void validateGrants(CallerContext caller, Validation v, List<Grant> grants) {
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < grants.size(); i++) {
      Grant g = grants.get(i);
      String f = "grants[" + i + "]";
      if (g == null || g.plantId() == null) {
        v.add(f + ".plantId", "required", "is required / 必填");
        continue;
      }
      if (g.role() == null) {
        v.add(f + ".role", "required", "VIEWER, OPERATOR, PLANNER or PLANT_ADMIN / 角色必填");
      }
      if (!seen.add(g.plantId())) {
        v.add(f + ".plantId", "duplicate", "one grant per plant / 每个工厂只能授权一次");
      }
      OrgUnit plant = org.find(g.plantId()).orElse(null);
      if (plant == null || plant.type() != OrgUnitType.PLANT || !caller.canRead(g.plantId())) {
        v.add(f + ".plantId", "unknown_plant", "no such plant / 工厂不存在");
      } else if (!caller.has(g.plantId(), PlantRole.PLANT_ADMIN)) {
        throw new ForbiddenException(
            "Plant administrator of plant " + plant.code() + " required / 需要该工厂管理员权限");
      }
    }
  }

  /** The fields an audit row records: never the password. */
  public static Map<String, Object> snapshot(User u) {
    if (u == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", u.username());
    m.put("displayName", u.displayName());
    m.put("status", u.status());
    List<Map<String, Object>> grants = new ArrayList<>();
    for (Grant g : u.grants()) {
      Map<String, Object> gm = new LinkedHashMap<>();
      gm.put("plantId", g.plantId());
      gm.put("role", g.role());
      grants.add(gm);
    }
    m.put("grants", grants);
    return m;
  }
}
