package io.tianshu.bom.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.bom.BomEngine;
import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomVersion;
import io.tianshu.bom.StoredSubstitutionGroup;
import io.tianshu.bom.SubstituteInput;
import io.tianshu.bom.SubstitutePartInput;
import io.tianshu.bom.SubstitutionContext;
import io.tianshu.bom.SubstitutionGroupInput;
import io.tianshu.bom.SubstitutionOption;
import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.FieldError;
import io.tianshu.core.ForbiddenException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PlantRole;
import io.tianshu.core.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubstitutionLogicTest {
  static final long PLANT = 10, OTHER = 11;
  // Group materials 1..4, 100, 101; 5 belongs to PLANT, 6 to OTHER.
  static final Map<Long, MaterialRef> MATERIALS =
      Map.of(
          1L, new MaterialRef(1, null, "PCS"),
          2L, new MaterialRef(2, null, "PCS"),
          3L, new MaterialRef(3, null, "PCS"),
          4L, new MaterialRef(4, null, "PCS"),
          5L, new MaterialRef(5, PLANT, "PCS"),
          6L, new MaterialRef(6, OTHER, "PCS"),
          100L, new MaterialRef(100, null, "PCS"),
          101L, new MaterialRef(101, null, "PCS"));

  private final List<StoredSubstitutionGroup> stored = new ArrayList<>();
  private final List<String> audit = new ArrayList<>();
  private final SubstitutionStore store =
      new SubstitutionStore() {
        @Override
        public Optional<StoredSubstitutionGroup> find(long id) {
          return stored.stream().filter(g -> g.id() == id).findFirst();
        }

        @Override
        public List<StoredSubstitutionGroup> list(Set<Long> plants, Long component) {
          return stored.stream()
              .filter(g -> g.plantId() == null || plants == null || plants.contains(g.plantId()))
              .filter(
                  g ->
                      component == null
                          || g.primary().stream().anyMatch(p -> p.materialId() == component))
              .toList();
        }

        @Override
        public StoredSubstitutionGroup insert(StoredSubstitutionGroup g, String createdBy) {
          StoredSubstitutionGroup s =
              new StoredSubstitutionGroup(
                  stored.size() + 1L,
                  g.plantId(),
                  g.parentMaterialId(),
                  g.strategy(),
                  g.customer(),
                  g.orderRef(),
                  g.validFrom(),
                  g.validTo(),
                  g.primary(),
                  g.substitutes(),
                  1);
          stored.add(s);
          return s;
        }

        @Override
        public void delete(long id) {
          stored.removeIf(g -> g.id() == id);
        }

        @Override
        public void audit(
            CallerContext caller,
            Object id,
            Long plantId,
            String action,
            Map<String, ?> before,
            Map<String, ?> after) {
          audit.add(action + " " + id);
        }
      };

  private final Materials materials =
      new Materials() {
        @Override
        public Optional<MaterialRef> find(long id) {
          return Optional.ofNullable(MATERIALS.get(id));
        }

        @Override
        public Optional<BigDecimal> toBase(long materialId, BigDecimal quantity, String unit) {
          return Optional.empty();
        }
      };

  private final SubstitutionLogic logic = new SubstitutionLogic(store, materials);
  private final CallerContext admin = CallerContext.system();
  private final CallerContext planner =
      new CallerContext("li", false, Map.of(PLANT, PlantRole.PLANNER));
  private final CallerContext otherViewer =
      new CallerContext("wang", false, Map.of(OTHER, PlantRole.VIEWER));

  static SubstitutePartInput part(long m, String q) {
    return new SubstitutePartInput(m, new BigDecimal(q));
  }

  static SubstitutionGroupInput group(
      Long plant, Long parent, String strategy, long primary, long... substitutes) {
    List<SubstituteInput> subs = new ArrayList<>();
    for (long s : substitutes) {
      subs.add(new SubstituteInput(null, null, null, List.of(part(s, "1"))));
    }
    return new SubstitutionGroupInput(
        plant, parent, strategy, null, null, null, null, List.of(part(primary, "2")), subs);
  }

  @Test
  void aValidGroupIsStoredAndAuditedOnce() {
    StoredSubstitutionGroup g = logic.create(planner, group(PLANT, 1L, "PRIORITY", 2, 3, 5));
    assertThat(g.plantId()).isEqualTo(PLANT);
    assertThat(g.substitutes()).extracting(s -> s.priority()).containsExactly(1, 2);
    assertThat(audit).containsExactly("CREATE 1");
  }

  @Test
  void everyBadFieldIsListedWithItsPath() {
    SubstitutionGroupInput bad =
        new SubstitutionGroupInput(
            null,
            5L,
            "DESIGNATED",
            " ",
            null,
            LocalDate.of(2026, 6, 1),
            LocalDate.of(2026, 1, 1),
            List.of(part(2, "1"), part(2, "0"), part(6, "1")),
            List.of(
                new SubstituteInput(
                    1, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1), List.of(part(2, "1"))),
                new SubstituteInput(2, null, null, List.of()),
                new SubstituteInput(
                    3, null, null, List.of(part(3, "1"), part(3, "-1"), part(99, "1")))));
    assertThatThrownBy(() -> logic.create(admin, bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(f -> f.field() + "/" + f.code())
                    .containsExactly(
                        "parentMaterialId/unknown_material",
                        "validTo/before_start",
                        "customer/required",
                        "primary[1].materialId/duplicate",
                        "primary[1].quantity/not_positive",
                        "primary[2].materialId/unknown_material",
                        "substitutes[0].validTo/before_start",
                        "substitutes[0].parts[0].materialId/in_primary",
                        "substitutes[1].parts/required",
                        "substitutes[2].parts[1].materialId/duplicate",
                        "substitutes[2].parts[1].quantity/not_positive",
                        "substitutes[2].parts[2].materialId/unknown_material"));
    assertThatThrownBy(
            () ->
                logic.create(
                    admin,
                    new SubstitutionGroupInput(
                        null, null, "NOPE", null, null, null, null, null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("strategy", "primary", "substitutes"));
    assertThat(stored).isEmpty();
    assertThat(audit).isEmpty();
  }

  @Test
  void ownersRolesAndScoping() {
    assertThatThrownBy(() -> logic.create(planner, group(null, null, "PRIORITY", 2, 3)))
        .isInstanceOf(ForbiddenException.class);
    // A plant the planner cannot read does not exist for them.
    assertThatThrownBy(() -> logic.create(planner, group(OTHER, null, "PRIORITY", 2, 3)))
        .isInstanceOf(NotFoundException.class);
    StoredSubstitutionGroup mine = logic.create(planner, group(PLANT, null, "PRIORITY", 2, 5));
    StoredSubstitutionGroup shared = logic.create(admin, group(null, null, "PRIORITY", 1, 3));
    // Plant OTHER's viewer sees the group's group, not PLANT's.
    assertThatThrownBy(() -> logic.get(otherViewer, mine.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> logic.list(otherViewer, null, PLANT))
        .isInstanceOf(NotFoundException.class);
    assertThat(logic.list(otherViewer, null, null)).containsExactly(shared);
    assertThat(logic.list(planner, 2L, null)).containsExactly(mine);
    // A group-owned group may not use a plant's material.
    assertThatThrownBy(() -> logic.create(admin, group(null, null, "PRIORITY", 2, 5)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("substitutes[0].parts[0].materialId"));
    assertThatThrownBy(() -> logic.delete(planner, mine.id(), 7))
        .isInstanceOf(ConflictException.class);
    logic.delete(planner, mine.id(), mine.version());
    assertThat(audit).containsExactly("CREATE 1", "CREATE 2", "DELETE 1");
  }

  @Test
  void aPlantGroupReplacesTheGroupsGroupsForItsPrimaryMaterials() {
    // The group's groups: 2 → 3 and 1 → 4; PLANT's own 2 → 5 replaces the first in PLANT only.
    StoredSubstitutionGroup g2 = logic.create(admin, group(null, null, "PRIORITY", 2, 3));
    StoredSubstitutionGroup g1 = logic.create(admin, group(null, null, "PRIORITY", 1, 4));
    StoredSubstitutionGroup p2 = logic.create(planner, group(PLANT, null, "PRIORITY", 2, 5));
    assertThat(SubstitutionLogic.scope(stored, PLANT)).containsExactly(g1, p2);
    assertThat(SubstitutionLogic.scope(stored, OTHER)).containsExactly(g2, g1);
    assertThat(SubstitutionLogic.scope(stored, null)).containsExactly(g2, g1);
    // 3 of material 2 in PLANT: primary 2 needs 2 per set, so 1.5 sets; substitute 5 ×1 → 1.5.
    List<SubstitutionOption> options =
        SubstitutionServiceImpl.compile(store, PLANT)
            .options(1, 2, 3, SubstitutionContext.at(LocalDate.of(2026, 1, 1)), null);
    assertThat(options).extracting(SubstitutionOption::primary).containsExactly(true, false);
    assertThat(options.get(1).parts().get(0).materialId()).isEqualTo(5L);
    assertThat(options.get(1).parts().get(0).quantity()).isEqualTo(1.5);
  }

  @Test
  void summarisedRequirementsNameTheGroupsThatApply() {
    // A over 2 (×1) and 1 (×1); B over 1. Group g2 (any parent) covers 2; g1 only inside B.
    BomEngine engine =
        BomEngine.build(
            List.of(
                new BomVersion(
                    100,
                    "1",
                    LocalDate.of(2020, 1, 1),
                    null,
                    List.of(new BomLine(2, 1, 0, false), new BomLine(1, 1, 0, false))),
                new BomVersion(
                    101,
                    "1",
                    LocalDate.of(2020, 1, 1),
                    null,
                    List.of(new BomLine(1, 1, 0, false)))));
    StoredSubstitutionGroup g2 = logic.create(admin, group(null, null, "PRIORITY", 2, 3));
    logic.create(admin, group(null, 101L, "PRIORITY", 1, 4));
    var subs = SubstitutionServiceImpl.compile(store, null);
    LocalDate at = LocalDate.of(2026, 1, 1);
    Set<Long> reachedFromA = engine.reached(100, at, null);
    assertThat(Alternatives.groupIds(engine, subs, reachedFromA, 2, at, null))
        .containsExactly(g2.id());
    assertThat(Alternatives.groupIds(engine, subs, reachedFromA, 1, at, null)).isEmpty();
    assertThat(Alternatives.groupIds(engine, subs, engine.reached(101, at, null), 1, at, null))
        .containsExactly(2L);
    assertThat(Objects.requireNonNull(stored)).hasSize(2);
  }
}
