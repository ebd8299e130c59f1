package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tianshu.core.FieldError;
import io.tianshu.core.ValidationException;
import io.tianshu.integration.b2mml.B2mmlReader;
import io.tianshu.org.OrgUnitType;
import io.tianshu.resource.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquipmentPlanTest {
  static String sample(String name) {
    try (InputStream in = EquipmentPlanTest.class.getResourceAsStream("/b2mml/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final String NS = "<EquipmentInformation xmlns=\"http://www.mesa.org/xml/B2MML\">";

  @Test
  void theHierarchyBecomesUnitsAndResourcesParentsFirst() {
    List<EquipmentPlan.Item> items =
        EquipmentPlan.of(B2mmlReader.equipment(sample("equipment-import.xml")));
    assertThat(items)
        .extracting(
            EquipmentPlan.Item::siteCode,
            EquipmentPlan.Item::unitType,
            EquipmentPlan.Item::resourceType,
            EquipmentPlan.Item::code,
            EquipmentPlan.Item::name,
            EquipmentPlan.Item::parentCode,
            EquipmentPlan.Item::workCenterCode)
        .containsExactly(
            tuple("P1", OrgUnitType.WORKSHOP, null, "WS-PRESS", "冲压车间", null, null),
            tuple("P1", OrgUnitType.LINE, null, "L1", "冲压一线", "WS-PRESS", null),
            tuple("P1", OrgUnitType.WORK_CENTER, null, "WC-PRESS", "冲压工位", "L1", null),
            tuple("P1", null, ResourceType.MACHINE, "PRESS-01", "800吨压机", "WC-PRESS", "WC-PRESS"),
            tuple("P1", null, ResourceType.MOULD, "DIE-07", "支架模具", "WC-PRESS", "WC-PRESS"),
            // no Description: the code is the name; no work centre above: a plant resource
            tuple("P1", null, ResourceType.GAUGE, "GAUGE-01", "GAUGE-01", null, null));
    assertThat(items.get(3).path())
        .isEqualTo(
            "/EquipmentInformation/Equipment/Equipment/Equipment[1]/Equipment/Equipment"
                + "/Equipment[1]");
  }

  @Test
  void levelsWithoutATianshuCounterpartAndBadClassesAreRefusedWithTheirPaths() {
    String xml =
        NS
            + "<Equipment><ID>P1</ID><EquipmentLevel>Site</EquipmentLevel>"
            + "<Equipment><ID>L9</ID><EquipmentLevel>ProductionLine</EquipmentLevel></Equipment>"
            + "<Equipment><ID>TANK-1</ID><EquipmentLevel>StorageUnit</EquipmentLevel></Equipment>"
            + "<Equipment><ID>X-1</ID><EquipmentLevel>Unit</EquipmentLevel>"
            + "<EquipmentClassID>Robot</EquipmentClassID></Equipment>"
            + "<Equipment><ID>bad code</ID><EquipmentLevel>Area</EquipmentLevel></Equipment>"
            + "</Equipment>"
            + "<Equipment><ID>WS</ID><EquipmentLevel>Area</EquipmentLevel></Equipment>"
            + "</EquipmentInformation>";
    ValidationException e = thrown(() -> EquipmentPlan.of(B2mmlReader.equipment(xml)));
    String site = "/EquipmentInformation/Equipment[1]";
    assertThat(e.fieldErrors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            tuple(site + "/Equipment[1]/EquipmentLevel", "wrong_parent_level"),
            tuple(site + "/Equipment[2]/EquipmentLevel", "unsupported_level"),
            tuple(site + "/Equipment[3]/EquipmentClassID", "unknown_class"),
            tuple(site + "/Equipment[4]/ID", "invalid_code"),
            tuple("/EquipmentInformation/Equipment[2]/EquipmentLevel", "unsupported_level"));
  }

  @Test
  void aCodeTwiceInASiteIsRefused() {
    String unit = "<Equipment><ID>M-1</ID><EquipmentLevel>Unit</EquipmentLevel></Equipment>";
    String xml =
        NS
            + "<Equipment><ID>P1</ID><EquipmentLevel>Site</EquipmentLevel>"
            + unit
            + unit
            + "</Equipment></EquipmentInformation>";
    ValidationException e = thrown(() -> EquipmentPlan.of(B2mmlReader.equipment(xml)));
    assertThat(e.fieldErrors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("/EquipmentInformation/Equipment/Equipment[2]/ID", "duplicate"));
  }

  static ValidationException thrown(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("expected a ValidationException");
  }
}
