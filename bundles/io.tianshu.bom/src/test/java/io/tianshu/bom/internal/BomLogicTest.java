package io.tianshu.bom.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.bom.Bom;
import io.tianshu.bom.BomEngine;
import io.tianshu.bom.BomInput;
import io.tianshu.bom.BomLineInput;
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
          Bom s =
              new Bom(
                  (long) stored.size() + 1,
                  b.parentMaterialId(),
                  b.plantId(),
                  b.view(),
                  b.revision(),
                  b.validFrom(),
                  b.validTo(),
                  b.lines(),
                  1);
          stored.add(s);
          return s;
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
}
