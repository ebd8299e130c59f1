package io.tianshu.bom.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.bom.Bom;
import io.tianshu.bom.BomEngine;
import io.tianshu.bom.BomInput;
import io.tianshu.bom.BomLineInput;
import io.tianshu.bom.BomOutputInput;
import io.tianshu.bom.BomView;
import io.tianshu.core.CallerContext;
import io.tianshu.core.FieldError;
import io.tianshu.core.ForbiddenException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
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

class BomLogicTest {
  static final long PLANT = 10, OTHER = 11;
  // Group materials 1..4; 5 belongs to PLANT, 6 to OTHER; 7 is weighed in KG.
  static final Map<Long, MaterialRef> MATERIALS =
      Map.of(
          1L, new MaterialRef(1, null, "PCS"),
          2L, new MaterialRef(2, null, "PCS"),
          3L, new MaterialRef(3, null, "PCS"),
          4L, new MaterialRef(4, null, "PCS"),
          5L, new MaterialRef(5, PLANT, "PCS"),
          6L, new MaterialRef(6, OTHER, "PCS"),
          7L, new MaterialRef(7, null, "KG"));

  private final List<Bom> stored = new ArrayList<>();
  private final List<String> audit = new ArrayList<>();
  private final BomStore store =
      new BomStore() {
        @Override
        public Optional<Bom> find(long id) {
          return stored.stream().filter(b -> b.id() == id).findFirst();
        }

        @Override
        public Page<Bom> list(
            Set<Long> plants, Long parentId, Long plantId, BomView view, PageRequest page) {
          return new Page<>(stored, 0, stored.size(), stored.size());
        }

        @Override
        public List<Bom> versions(BomView view, Long plantId) {
          return stored.stream()
              .filter(b -> b.view() == view)
              .filter(b -> b.plantId() == null || b.plantId().equals(plantId))
              .toList();
        }

        @Override
        public List<Bom> allVersions(BomView view) {
          return stored.stream().filter(b -> b.view() == view).toList();
        }

        @Override
        public Bom insert(Bom b, String createdBy) {
          Bom s = copy(b, (long) stored.size() + 1, b.allocatedPlantIds(), 1);
          stored.add(s);
          return s;
        }

        @Override
        public Bom allocate(long id, List<Long> plantIds) {
          Bom old = find(id).orElseThrow();
          Bom changed = copy(old, id, plantIds, old.version() + 1);
          stored.set(stored.indexOf(old), changed);
          return changed;
        }

        @Override
        public Bom endVersion(long id, java.time.LocalDate validTo) {
          Bom o = find(id).orElseThrow();
          Bom changed =
              new Bom(
                  o.id(),
                  o.parentMaterialId(),
                  o.plantId(),
                  o.view(),
                  o.revision(),
                  o.validFrom(),
                  validTo,
                  o.serialFrom(),
                  o.serialTo(),
                  o.allocatedPlantIds(),
                  o.lines(),
                  o.outputs(),
                  o.version() + 1);
          stored.set(stored.indexOf(o), changed);
          return changed;
        }

        @Override
        public void lockView(BomView view) {
          audit.add("lock " + view);
        }

        @Override
        public long countOwnedBy(long plantId) {
          return stored.stream().filter(b -> Objects.equals(b.plantId(), plantId)).count();
        }

        @Override
        public void delete(long id) {
          stored.removeIf(b -> b.id() == id);
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
        public boolean plantExists(long plantId) {
          return plantId == PLANT || plantId == OTHER;
        }

        @Override
        public Optional<BigDecimal> toBase(long materialId, BigDecimal quantity, String unit) {
          // G → KG only.
          return unit.equals("G") && MATERIALS.get(materialId).baseUnit().equals("KG")
              ? Optional.of(quantity.movePointLeft(3))
              : Optional.empty();
        }
      };

  private final BomLogic logic = new BomLogic(store, materials);
  private final CallerContext admin = CallerContext.system();
  private final CallerContext planner =
      new CallerContext("li", false, Map.of(PLANT, PlantRole.PLANNER));

  private static Bom copy(Bom b, long id, List<Long> allocation, long version) {
    return new Bom(
        id,
        b.parentMaterialId(),
        b.plantId(),
        b.view(),
        b.revision(),
        b.validFrom(),
        b.validTo(),
        b.serialFrom(),
        b.serialTo(),
        allocation,
        b.lines(),
        b.outputs(),
        version);
  }

  private static BomInput bom(long parent, Long plant, String rev, long... components) {
    List<BomLineInput> lines = new ArrayList<>();
    for (long c : components) {
      lines.add(new BomLineInput(c, BigDecimal.ONE, null, null, null, null));
    }
    return new BomInput(parent, plant, null, rev, LocalDate.of(2020, 1, 1), null, lines);
  }

  @Test
  void aPlantBomReplacesTheGroupBomOfItsParent() {
    logic.create(admin, bom(1, null, "G", 2, 3));
    logic.create(planner, bom(1, PLANT, "P", 2, 5));
    BomEngine group =
        BomEngine.build(BomLogic.scope(store.allVersions(BomView.MANUFACTURING), null));
    BomEngine plant =
        BomEngine.build(BomLogic.scope(store.allVersions(BomView.MANUFACTURING), PLANT));
    LocalDate at = LocalDate.of(2026, 1, 1);
    assertThat(group.summarised(1, 1, at)).containsOnlyKeys(2L, 3L);
    assertThat(plant.summarised(1, 1, at)).containsOnlyKeys(2L, 5L);
    assertThat(audit).filteredOn(a -> a.startsWith("CREATE")).hasSize(2);
    assertThat(audit).filteredOn(a -> a.startsWith("lock MANUFACTURING")).hasSize(2);
  }

  @Test
  void aVersionOnlyEndsEarlierAndAtItsVersion() {
    Bom b = logic.create(planner, bom(1, PLANT, "P", 2));
    // Valid from 2020-01-01, open-ended: it may end on 2027-01-01 (a date breakpoint).
    Bom ended = logic.endVersion(planner, b.id(), LocalDate.of(2027, 1, 1), b.version());
    assertThat(ended.validTo()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(ended.version()).isEqualTo(b.version() + 1);
    // Not later than it ends now, not at or before its start, not at a stale version.
    assertThatThrownBy(
            () -> logic.endVersion(planner, b.id(), LocalDate.of(2028, 1, 1), ended.version()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("extends"));
    assertThatThrownBy(
            () -> logic.endVersion(planner, b.id(), LocalDate.of(2020, 1, 1), ended.version()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("before_start"));
    assertThatThrownBy(
            () -> logic.endVersion(planner, b.id(), LocalDate.of(2026, 1, 1), b.version()))
        .isInstanceOf(io.tianshu.core.ConflictException.class);
    assertThat(audit).filteredOn(a -> a.startsWith("UPDATE")).hasSize(1);
  }

  @Test
  void aGroupBomMayNotCloseACycleInsideAPlantsSet() {
    // In PLANT, 1 is made of 2; a group BOM 2 → 1 is harmless for the group but a cycle there.
    logic.create(planner, bom(1, PLANT, "P", 2));
    assertThatThrownBy(() -> logic.create(admin, bom(2, null, "G", 1)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).extracting(FieldError::code).containsExactly("cycle"));
    assertThat(stored).hasSize(1);
  }

  @Test
  void ownersRolesAndEveryBadFieldAreChecked() {
    assertThatThrownBy(() -> logic.create(planner, bom(1, null, "G", 2)))
        .isInstanceOf(ForbiddenException.class);
    BomInput bad =
        new BomInput(
            6L,
            PLANT,
            "NOPE",
            "",
            null,
            null,
            List.of(
                new BomLineInput(6L, BigDecimal.ONE, null, null, null, null),
                new BomLineInput(2L, BigDecimal.ZERO, null, new BigDecimal("-1"), null, null),
                new BomLineInput(7L, BigDecimal.ONE, "M", null, null, null)));
    assertThatThrownBy(() -> logic.create(planner, bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "view",
                        "parentMaterialId",
                        "revision",
                        "validFrom",
                        "lines[0].componentMaterialId",
                        "lines[1].quantityPer",
                        "lines[1].scrapPercent",
                        "lines[2].unit"));
    assertThat(stored).isEmpty();
  }

  @Test
  void linesAreStoredInTheComponentsBaseUnit() {
    BomInput in =
        new BomInput(
            1L,
            null,
            "COSTING",
            "A",
            LocalDate.of(2020, 1, 1),
            null,
            List.of(
                new BomLineInput(
                    7L, new BigDecimal("500"), "G", new BigDecimal("2.5"), true, "OP10")));
    Bom b = logic.create(admin, in);
    assertThat(b.view()).isEqualTo(BomView.COSTING);
    assertThat(b.lines().get(0).quantityPer()).isEqualByComparingTo("0.5");
    assertThat(b.lines().get(0).unit()).isEqualTo("KG");
    assertThat(b.lines().get(0).phantom()).isTrue();
    assertThatThrownBy(() -> logic.create(admin, in))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("duplicate"));
  }

  // ------------------------------------------------------------------ group BOM allocation

  private static BomInput allocated(
      long parent, String rev, List<Long> plants, long... components) {
    BomInput b = bom(parent, null, rev, components);
    return new BomInput(
        b.parentMaterialId(),
        null,
        null,
        rev,
        b.validFrom(),
        null,
        null,
        null,
        plants,
        b.lines(),
        null);
  }

  private Set<Long> explode(Long plant, long top) {
    return BomEngine.build(BomLogic.scope(store.allVersions(BomView.MANUFACTURING), plant))
        .summarised(top, 1, LocalDate.of(2026, 1, 1))
        .keySet();
  }

  @Test
  void anAllocatedGroupBomAppliesOnlyInItsPlants() {
    // Group BOM 1 → 2 allocated to PLANT: PLANT explodes 1 to {2}; OTHER and the group see no BOM.
    Bom g = logic.create(admin, allocated(1, "G", List.of(PLANT), 2));
    assertThat(g.allocatedPlantIds()).containsExactly(PLANT);
    assertThat(explode(PLANT, 1)).containsExactly(2L);
    assertThat(explode(OTHER, 1)).isEmpty();
    assertThat(explode(null, 1)).isEmpty();
    // A shared group BOM of 3 applies everywhere; PLANT's own BOM of 3 still replaces it there.
    logic.create(admin, bom(3, null, "G", 4));
    logic.create(planner, bom(3, PLANT, "P", 5));
    assertThat(explode(OTHER, 3)).containsExactly(4L);
    assertThat(explode(null, 3)).containsExactly(4L);
    assertThat(explode(PLANT, 3)).containsExactly(5L);
  }

  @Test
  void groupVersionsAllocatedToDisjointPlantsMayShareAWindow() {
    logic.create(admin, allocated(1, "A", List.of(PLANT), 2));
    logic.create(admin, allocated(1, "B", List.of(OTHER), 3));
    assertThat(explode(PLANT, 1)).containsExactly(2L);
    assertThat(explode(OTHER, 1)).containsExactly(3L);
    // A third version shared with every plant overlaps both inside each plant's set.
    assertThatThrownBy(() -> logic.create(admin, bom(1, null, "C", 4)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("overlap"));
    // Re-allocating B to PLANT as well would overlap A there: refused, nothing changed.
    Bom b = stored.get(1);
    assertThatThrownBy(() -> logic.allocate(admin, b.id(), List.of(OTHER, PLANT), b.version()))
        .isInstanceOf(ValidationException.class);
    assertThat(stored.get(1).allocatedPlantIds()).containsExactly(OTHER);
    long audits = audit.stream().filter(a -> a.startsWith("UPDATE")).count();
    assertThat(audits).isZero();
    // Moving B from OTHER to nowhere-but-OTHER is a no-op change that passes and is audited once.
    Bom moved = logic.allocate(admin, b.id(), List.of(OTHER), b.version());
    assertThat(moved.version()).isEqualTo(b.version() + 1);
    assertThat(audit).filteredOn(a -> a.startsWith("UPDATE")).hasSize(1);
  }

  @Test
  void allocationIsCheckedAndForGroupAdminsOnly() {
    Bom g = logic.create(admin, bom(1, null, "G", 2));
    Bom p = logic.create(planner, bom(3, PLANT, "P", 5));
    assertThatThrownBy(() -> logic.allocate(planner, g.id(), List.of(PLANT), g.version()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> logic.allocate(admin, g.id(), List.of(PLANT, 99L, PLANT), g.version()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("plantIds[1]", "plantIds[2]"));
    assertThatThrownBy(() -> logic.allocate(admin, p.id(), List.of(PLANT), p.version()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("not_group_bom"));
    assertThatThrownBy(() -> logic.allocate(admin, g.id(), List.of(PLANT), g.version() + 5))
        .isInstanceOf(io.tianshu.core.ConflictException.class);
    assertThat(stored.get(0).allocatedPlantIds()).isEmpty();
  }

  // ------------------------------------------------------------------ co- and by-products

  private static BomInput withOutputs(List<BomLineInput> lines, BomOutputInput... outputs) {
    return new BomInput(
        1L,
        null,
        null,
        "O",
        LocalDate.of(2020, 1, 1),
        null,
        null,
        null,
        null,
        lines,
        List.of(outputs));
  }

  private static BomLineInput one(long component) {
    return new BomLineInput(component, BigDecimal.ONE, null, null, null, null);
  }

  @Test
  void coProductSharesLeaveTheParentTheRest() {
    // Co-products 3 (25 %) and 4 (15 %), by-product 7: the parent keeps 100 - 25 - 15 = 60 %.
    Bom b =
        logic.create(
            admin,
            withOutputs(
                List.of(one(2)),
                new BomOutputInput(3L, new BigDecimal("0.5"), "CO_PRODUCT", new BigDecimal("25")),
                new BomOutputInput(4L, BigDecimal.ONE, "CO_PRODUCT", new BigDecimal("15")),
                new BomOutputInput(7L, new BigDecimal("0.2"), "BY_PRODUCT", null)));
    assertThat(b.outputs()).hasSize(3);
    assertThat(b.getParentCostSharePercent()).isEqualByComparingTo("60");
    assertThat(b.outputs().get(2).costSharePercent()).isEqualByComparingTo("0");
    assertThat(b.outputs().get(2).unit()).isEqualTo("KG");
  }

  @Test
  void everyBadOutputFieldIsListed() {
    // Shares 60 + 40 = 100: not under 100. 2 is a component, 1 the parent, 6 another plant's.
    BomInput bad =
        withOutputs(
            List.of(one(2)),
            new BomOutputInput(3L, BigDecimal.ONE, "CO_PRODUCT", new BigDecimal("60")),
            new BomOutputInput(4L, BigDecimal.ONE, "CO_PRODUCT", new BigDecimal("40")),
            new BomOutputInput(2L, BigDecimal.ONE, "CO_PRODUCT", new BigDecimal("0")),
            new BomOutputInput(1L, BigDecimal.ZERO, "BY_PRODUCT", new BigDecimal("5")),
            new BomOutputInput(6L, BigDecimal.ONE, "SIDE", null),
            new BomOutputInput(3L, BigDecimal.ONE, "BY_PRODUCT", null));
    assertThatThrownBy(() -> logic.create(admin, bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(f -> f.field() + "/" + f.code())
                    .containsExactly(
                        "outputs/share_total",
                        "outputs[2].materialId/is_component",
                        "outputs[2].costSharePercent/not_positive",
                        "outputs[3].materialId/is_parent",
                        "outputs[3].quantityPer/not_positive",
                        "outputs[3].costSharePercent/by_product_share",
                        "outputs[4].materialId/unknown_material",
                        "outputs[4].kind/invalid_value",
                        "outputs[5].materialId/duplicate"));
    assertThat(stored).isEmpty();
    assertThat(audit).isEmpty();
  }
}
