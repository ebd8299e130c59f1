package io.tianshu.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.FieldError;
import io.tianshu.core.ForbiddenException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.ValidationException;
import io.tianshu.org.AccessService;
import io.tianshu.org.Grant;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitInput;
import io.tianshu.org.OrgUnitStatus;
import io.tianshu.org.OrgUnitType;
import io.tianshu.org.UserInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrgAndAccessLogicTest {
  private final InMemoryStores db = new InMemoryStores();
  private final Set<Long> plantsWithMaterials = new java.util.HashSet<>();
  private final OrgLogic org =
      new OrgLogic(
          db.org,
          Clock.fixed(Instant.parse("2026-11-21T08:00:00Z"), ZoneOffset.UTC),
          List.of(plantId -> plantsWithMaterials.contains(plantId) ? "3 materials" : null));
  private final AccessLogic access = new AccessLogic(db.userStore, db.org, db.userDirectory);
  private final CallerContext admin = CallerContext.system();

  private OrgUnit plant(String code) {
    return org.create(
        admin, new OrgUnitInput(OrgUnitType.PLANT, code, code + "厂", null, null, null, null));
  }

  @Test
  void buildsTheHierarchyAndChecksParentTypes() {
    OrgUnit p = plant("P1");
    OrgUnit ws =
        org.create(
            admin, new OrgUnitInput(OrgUnitType.WORKSHOP, "WS1", "冲压车间", null, p.id(), null, null));
    OrgUnit line =
        org.create(
            admin, new OrgUnitInput(OrgUnitType.LINE, "L1", "一线", null, ws.id(), null, null));
    assertThat(line.plantId()).isEqualTo(p.id());
    assertThat(ws.status()).isEqualTo(OrgUnitStatus.ACTIVE);
    assertThatThrownBy(
            () ->
                org.create(
                    admin,
                    new OrgUnitInput(
                        OrgUnitType.WORK_CENTER, "WC1", "工位", null, ws.id(), null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .contains("wrong_parent_type"));
    assertThat(org.listUnits(admin, p.id())).extracting(OrgUnit::code).containsExactly("WS1", "L1");
    assertThat(db.audit).contains("CREATE OrgUnit P1", "CREATE OrgUnit WS1", "CREATE OrgUnit L1");
  }

  @Test
  void plantCodesAreUniqueInTheGroupAndUnitCodesInThePlant() {
    OrgUnit p1 = plant("P1");
    OrgUnit p2 = plant("P2");
    assertThatThrownBy(() -> plant("P1"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsExactly(
                        new FieldError("code", "duplicate", "is already used / 编码已存在")));
    org.create(
        admin, new OrgUnitInput(OrgUnitType.WORKSHOP, "WS", "车间", null, p1.id(), null, null));
    // The same workshop code in another plant is fine.
    org.create(
        admin, new OrgUnitInput(OrgUnitType.WORKSHOP, "WS", "车间", null, p2.id(), null, null));
  }

  @Test
  void updateNeedsTheCurrentVersion() {
    OrgUnit p = plant("P1");
    OrgUnit changed =
        org.update(
            admin, p.id(), new OrgUnitInput(null, "P1", "新名", "New", null, null, p.version()));
    assertThat(changed.version()).isEqualTo(p.version() + 1);
    assertThat(changed.name()).isEqualTo("新名");
    assertThatThrownBy(
            () ->
                org.update(
                    admin,
                    p.id(),
                    new OrgUnitInput(null, "P1", "再改", null, null, null, p.version())))
        .isInstanceOf(ConflictException.class);
    assertThat(org.get(admin, p.id()).name()).isEqualTo("新名");
  }

  @Test
  void aPlantWithChildrenDependentsOrGrantsIsNotDeleted() {
    OrgUnit p = plant("P1");
    org.create(admin, new OrgUnitInput(OrgUnitType.WORKSHOP, "WS", "车间", null, p.id(), null, null));
    assertThatThrownBy(() -> org.delete(admin, p.id(), 0))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.getMessage()).contains("units below"));
    OrgUnit withMaterials = plant("P2");
    plantsWithMaterials.add(withMaterials.id());
    assertThatThrownBy(() -> org.delete(admin, withMaterials.id(), 0))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.getMessage()).contains("3 materials"));
    OrgUnit granted = plant("P3");
    access.createUser(
        admin,
        new UserInput(
            "wu", "Secret-1234", null, List.of(new Grant(granted.id(), PlantRole.VIEWER))));
    assertThatThrownBy(() -> org.delete(admin, granted.id(), 0))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.getMessage()).contains("granted to 1"));
    assertThat(org.get(admin, withMaterials.id())).isNotNull();
    assertThat(org.get(admin, granted.id())).isNotNull();
    OrgUnit empty = plant("P4");
    org.delete(admin, empty.id(), 0);
    assertThatThrownBy(() -> org.get(admin, empty.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void onlyGroupAdminsChangeThePlantRecordItself() {
    OrgUnit p = plant("P1");
    CallerContext plantAdmin =
        new CallerContext("wang", false, Map.of(p.id(), PlantRole.PLANT_ADMIN));
    assertThatThrownBy(
            () ->
                org.update(
                    plantAdmin, p.id(), new OrgUnitInput(null, "P9", "改名", null, null, null, 0L)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> org.delete(plantAdmin, p.id(), 0))
        .isInstanceOf(ForbiddenException.class);
    // ...but they run the units inside it.
    OrgUnit ws =
        org.create(
            plantAdmin,
            new OrgUnitInput(OrgUnitType.WORKSHOP, "WS", "车间", null, p.id(), null, null));
    org.update(plantAdmin, ws.id(), new OrgUnitInput(null, "WS", "总装车间", null, null, null, 0L));
    assertThat(org.get(admin, p.id()).code()).isEqualTo("P1");
  }

  @Test
  void grantsScopeWhatAUserSeesAndDoes() {
    OrgUnit a = plant("A");
    OrgUnit b = plant("B");
    access.createUser(
        admin,
        new UserInput(
            "zhang.san", "Secret-1234", "张三", List.of(new Grant(a.id(), PlantRole.PLANNER))));
    assertThat(db.directory.get("zhang.san"))
        .containsExactlyInAnyOrder(AccessService.USER_ROLE, "ssh");
    CallerContext zhang = access.callerFor("zhang.san", Set.of(AccessService.USER_ROLE));
    assertThat(zhang.isGroupAdmin()).isFalse();
    assertThat(zhang.grants()).isEqualTo(Map.of(a.id(), PlantRole.PLANNER));
    assertThat(org.get(zhang, a.id()).code()).isEqualTo("A");
    assertThatThrownBy(() -> org.get(zhang, b.id())).isInstanceOf(NotFoundException.class);
    assertThat(org.listPlants(zhang, null, new PageRequest(0, 10, "code", true)).items())
        .extracting(OrgUnit::code)
        .containsExactly("A");
    // A planner is no plant administrator: may not add a workshop, nor create plants.
    assertThatThrownBy(
            () ->
                org.create(
                    zhang,
                    new OrgUnitInput(OrgUnitType.WORKSHOP, "W", "W", null, a.id(), null, null)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> plant2(zhang)).isInstanceOf(ForbiddenException.class);
    assertThat(access.callerFor("root", Set.of("admin")).isGroupAdmin()).isTrue();
  }

  private OrgUnit plant2(CallerContext caller) {
    return org.create(
        caller, new OrgUnitInput(OrgUnitType.PLANT, "X", "X", null, null, null, null));
  }

  @Test
  void plantAdminsGrantOnlyTheirOwnPlants() {
    OrgUnit a = plant("A");
    OrgUnit b = plant("B");
    CallerContext adminOfA =
        new CallerContext("wang", false, Map.of(a.id(), PlantRole.PLANT_ADMIN));
    access.createUser(
        adminOfA,
        new UserInput("li.si", "Secret-1234", null, List.of(new Grant(a.id(), PlantRole.VIEWER))));
    // Plant B is invisible to A's administrator: reported as an unknown plant.
    assertThatThrownBy(
            () ->
                access.createUser(
                    adminOfA,
                    new UserInput(
                        "zhao", "Secret-1234", null, List.of(new Grant(b.id(), PlantRole.VIEWER)))))
        .isInstanceOf(ValidationException.class);
    access.setGrants(
        admin,
        "li.si",
        List.of(new Grant(a.id(), PlantRole.VIEWER), new Grant(b.id(), PlantRole.VIEWER)));
    // A's admin upgrades the grant in A and keeps the grant in B untouched.
    var changed =
        access.setGrants(adminOfA, "li.si", List.of(new Grant(a.id(), PlantRole.PLANNER)));
    assertThat(access.getUser(admin, "li.si").grants())
        .containsExactlyInAnyOrder(
            new Grant(a.id(), PlantRole.PLANNER), new Grant(b.id(), PlantRole.VIEWER));
    // The answer to a plant administrator shows the grants of their plants only.
    assertThat(changed.grants()).containsExactly(new Grant(a.id(), PlantRole.PLANNER));
    assertThat(access.listUsers(adminOfA).get(0).grants())
        .containsExactly(new Grant(a.id(), PlantRole.PLANNER));
    CallerContext adminOfB =
        new CallerContext("zhou", false, Map.of(b.id(), PlantRole.PLANT_ADMIN));
    assertThat(
            access
                .setGrants(adminOfB, "li.si", List.of(new Grant(b.id(), PlantRole.PLANNER)))
                .grants())
        .containsExactly(new Grant(b.id(), PlantRole.PLANNER));
    // A user with no grant in the administrator's plants does not exist for them.
    access.createUser(admin, new UserInput("qian", "Secret-1234", null, List.of()));
    assertThatThrownBy(() -> access.setGrants(adminOfA, "qian", List.of()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void weakOrDuplicateUsersAreRejectedWithEveryField() {
    db.directory.put("admin", Set.of("admin"));
    assertThatThrownBy(
            () -> access.createUser(admin, new UserInput("admin", "short", null, List.of())))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(
                        tuple("username", "duplicate"), tuple("password", "too_short")));
    assertThatThrownBy(
            () ->
                access.createUser(admin, new UserInput("Bad Name", "Secret-1234", null, List.of())))
        .isInstanceOf(ValidationException.class);
    assertThat(db.users).isEmpty();
    assertThatThrownBy(() -> access.deleteUser(admin, "system"))
        .isInstanceOf(ForbiddenException.class);
  }
}
