package io.tianshu.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerContextTest {
  private final CallerContext planner =
      new CallerContext("li", false, Map.of(1L, PlantRole.PLANNER, 2L, PlantRole.VIEWER));

  @Test
  void rolesIncludeLowerRoles() {
    assertThat(planner.has(1L, PlantRole.VIEWER)).isTrue();
    assertThat(planner.has(1L, PlantRole.PLANNER)).isTrue();
    assertThat(planner.has(1L, PlantRole.PLANT_ADMIN)).isFalse();
    assertThat(planner.has(2L, PlantRole.PLANNER)).isFalse();
  }

  @Test
  void ungrantedPlantIsNotFoundNotForbidden() {
    assertThatThrownBy(() -> planner.require(3L, PlantRole.VIEWER, "Material", 7))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> planner.require(2L, PlantRole.PLANNER, "Material", 7))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void groupAdminSeesEverything() {
    CallerContext admin = new CallerContext("admin", true, Map.of());
    assertThat(admin.has(99L, PlantRole.PLANT_ADMIN)).isTrue();
    assertThat(admin.readablePlants()).isNull();
    assertThat(planner.readablePlants()).containsExactlyInAnyOrder(1L, 2L);
    assertThat(planner.plantsWith(PlantRole.PLANNER)).containsExactly(1L);
  }

  @Test
  void onlyGroupAdminPassesGroupAdminCheck() {
    assertThatThrownBy(planner::requireGroupAdmin).isInstanceOf(ForbiddenException.class);
    CallerContext.system().requireGroupAdmin();
  }

  @Test
  void roleParsingIsLenient() {
    assertThat(PlantRole.parse("plant-admin")).isEqualTo(PlantRole.PLANT_ADMIN);
    assertThat(PlantRole.parse("Viewer")).isEqualTo(PlantRole.VIEWER);
    assertThat(PlantRole.parse("boss")).isNull();
  }
}
