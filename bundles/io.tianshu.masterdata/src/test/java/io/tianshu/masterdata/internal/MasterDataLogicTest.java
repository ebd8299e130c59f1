package io.tianshu.masterdata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.FieldError;
import io.tianshu.core.ForbiddenException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Quantity;
import io.tianshu.core.ValidationException;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.masterdata.MaterialInput;
import io.tianshu.masterdata.MaterialStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MasterDataLogicTest {
  private static final long PLANT_A = 1000L;
  private static final long PLANT_B = 2000L;
  private final FakeStore store = new FakeStore();
  private final MasterDataLogic logic =
      new MasterDataLogic(store, Clock.systemUTC(), id -> id == PLANT_A || id == PLANT_B);
  private final CallerContext admin = CallerContext.system();
  private final CallerContext plannerA =
      new CallerContext("li", false, Map.of(PLANT_A, PlantRole.PLANNER));

  private MaterialInput input(String code, Long plant) {
    return new MaterialInput(
        code, "钢板", "Steel sheet", "PURCHASED", "PCS", null, null, plant, null);
  }

  @Test
  void codesAreUniquePerOwner() {
    logic.createMaterial(admin, input("M-1", PLANT_A));
    logic.createMaterial(admin, input("M-1", PLANT_B));
    logic.createMaterial(admin, input("M-1", null));
    assertThatThrownBy(() -> logic.createMaterial(plannerA, input("M-1", PLANT_A)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("duplicate"));
    assertThat(store.materials).hasSize(3);
  }

  @Test
  void everyBadFieldIsReportedAndNothingStored() {
    MaterialInput bad = new MaterialInput("", "", null, "NOPE", "XX", null, "GONE", PLANT_A, null);
    assertThatThrownBy(() -> logic.createMaterial(admin, bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("code", "name", "type", "status", "baseUnit"));
    assertThat(store.materials).isEmpty();
    assertThat(store.audit).isEmpty();
  }

  @Test
  void plantScopingHidesOtherPlantsAndGroupDataNeedsGroupAdmin() {
    Material a = logic.createMaterial(admin, input("A-1", PLANT_A));
    Material b = logic.createMaterial(admin, input("B-1", PLANT_B));
    Material g = logic.createMaterial(admin, input("G-1", null));
    assertThat(logic.getMaterial(plannerA, a.id()).code()).isEqualTo("A-1");
    assertThat(logic.getMaterial(plannerA, g.id()).code()).isEqualTo("G-1");
    assertThatThrownBy(() -> logic.getMaterial(plannerA, b.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            logic
                .listMaterials(
                    plannerA,
                    new MaterialFilter(null, null, null, null),
                    new PageRequest(0, 50, "code", true))
                .items())
        .extracting(Material::code)
        .containsExactlyInAnyOrder("A-1", "G-1");
    assertThatThrownBy(() -> logic.createMaterial(plannerA, input("B-2", PLANT_B)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> logic.createMaterial(plannerA, input("G-2", null)))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void updatesCheckTheVersionAndAuditBeforeAndAfter() {
    Material a = logic.createMaterial(admin, input("A-1", PLANT_A));
    MaterialInput change =
        new MaterialInput("A-1", "厚钢板", null, "PURCHASED", "KG", null, "BLOCKED", null, 0L);
    Material changed = logic.updateMaterial(plannerA, a.id(), change);
    assertThat(changed.version()).isEqualTo(1);
    assertThat(changed.status()).isEqualTo(MaterialStatus.BLOCKED);
    assertThatThrownBy(() -> logic.updateMaterial(plannerA, a.id(), change))
        .isInstanceOf(ConflictException.class);
    assertThat(store.audit)
        .containsExactly("CREATE Material " + a.id(), "UPDATE Material " + a.id());
    assertThatThrownBy(() -> logic.deleteMaterial(plannerA, a.id(), 0))
        .isInstanceOf(ConflictException.class);
    logic.deleteMaterial(plannerA, a.id(), 1);
    assertThat(store.materials).isEmpty();
  }

  @Test
  void convertsAlongChainsBothWays() {
    assertThat(logic.convert(admin, Quantity.of("1.5", "T"), "G", null))
        .isEqualTo(new Quantity(new BigDecimal("1.5E+6"), "G"));
    assertThat(logic.convert(admin, Quantity.of("250", "G"), "KG", null).value())
        .isEqualByComparingTo("0.25");
    assertThatThrownBy(() -> logic.convert(admin, Quantity.of("1", "KG"), "M", null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void conversionsRejectCyclesZeroFactorsAndCrossDimensionGlobals() {
    assertThatThrownBy(
            () -> logic.createConversion(admin, "T", "G", new BigDecimal("1000000"), null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.getMessage()).contains("T → KG → G"));
    assertThatThrownBy(() -> logic.createConversion(admin, "BOX", "PCS", BigDecimal.ZERO, null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("not_positive"));
    assertThatThrownBy(() -> logic.createConversion(admin, "PCS", "KG", BigDecimal.TEN, null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("dimension_mismatch"));
    // Per material, 1 PCS of this sheet weighs 2.5 KG; 1 BOX holds 12.
    Material sheet = logic.createMaterial(admin, input("SHEET", PLANT_A));
    logic.createConversion(plannerA, "PCS", "KG", new BigDecimal("2.5"), sheet.id());
    logic.createConversion(plannerA, "BOX", "PCS", new BigDecimal("12"), sheet.id());
    assertThat(logic.convert(plannerA, Quantity.of("2", "BOX"), "G", sheet.id()).value())
        .isEqualByComparingTo("60000");
    // Globally BOX → PCS would now close a cycle inside the sheet's own graph.
    assertThatThrownBy(() -> logic.createConversion(admin, "BOX", "PCS", BigDecimal.TEN, null))
        .isInstanceOf(ValidationException.class);
    // Deleting the material takes its own conversions with it: BOX → PCS is free again globally.
    logic.deleteMaterial(admin, sheet.id(), sheet.version());
    assertThat(store.materialConversions()).isEmpty();
    logic.createConversion(admin, "BOX", "PCS", BigDecimal.TEN, null);
    // Without the material the global graph has no PCS → KG conversion.
    assertThatThrownBy(() -> logic.convert(admin, Quantity.of("1", "PCS"), "KG", null))
        .isInstanceOf(ValidationException.class);
  }
}
