package io.tianshu.integration.b2mml;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.execution.OperationStatus;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderKind;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialStatus;
import io.tianshu.masterdata.MaterialType;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitStatus;
import io.tianshu.org.OrgUnitType;
import io.tianshu.resource.PlantResource;
import io.tianshu.resource.ResourceStatus;
import io.tianshu.resource.ResourceType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class B2mmlWriterTest {
  private static final Instant T = Instant.parse("2026-11-22T06:00:00Z");

  private static Material material(
      long id, String code, String name, String nameEn, MaterialType type, Long plantId) {
    return new Material(
        id,
        code,
        name,
        nameEn,
        type,
        "PCS",
        null,
        MaterialStatus.ACTIVE,
        plantId,
        1,
        T,
        "a",
        T,
        "a");
  }

  @Test
  void materialsExportAndReadBackTheSame() {
    List<Material> ms =
        List.of(
            material(1, "RM-1", "钢板 <1mm> & 涂层", "Sheet", MaterialType.PURCHASED, null),
            material(2, "FG-2", "支架", null, MaterialType.MANUFACTURED, 9L));
    String xml = B2mmlWriter.materials(ms, Map.of(9L, "P1"), "Tianshu", T);
    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SyncMaterialDefinition")
        .contains("<CreationDateTime>2026-11-22T06:00:00Z</CreationDateTime>")
        .contains("<Description>钢板 &lt;1mm&gt; &amp; 涂层</Description>")
        .contains("<Description languageID=\"en\">Sheet</Description>")
        .contains("<MaterialClassID>MANUFACTURED</MaterialClassID>");
    List<B2mmlMaterial> back = B2mmlReader.materials(xml);
    assertThat(back)
        .extracting(
            B2mmlMaterial::code,
            B2mmlMaterial::name,
            B2mmlMaterial::nameEn,
            B2mmlMaterial::type,
            B2mmlMaterial::baseUnit,
            B2mmlMaterial::siteCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "RM-1", "钢板 <1mm> & 涂层", "Sheet", MaterialType.PURCHASED, "PCS", null),
            org.assertj.core.groups.Tuple.tuple(
                "FG-2", "支架", null, MaterialType.MANUFACTURED, "PCS", "P1"));
  }

  private static WorkOrder order(
      String code, WorkOrderStatus status, List<WorkOrderOperation> ops) {
    return new WorkOrder(
        1,
        9,
        code,
        WorkOrderKind.values()[0],
        status,
        2,
        "FG-2",
        new BigDecimal("100.000"),
        "PCS",
        "L-1",
        LocalDate.of(2026, 11, 23),
        LocalDate.of(2026, 11, 25),
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        null,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        null,
        null,
        null,
        null,
        null,
        T,
        "a",
        1,
        List.of(),
        ops);
  }

  private static WorkOrderOperation op(int seq, String description, Long workCenterId) {
    return new WorkOrderOperation(
        seq,
        seq,
        description,
        workCenterId,
        null,
        null,
        OperationStatus.values()[0],
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void anExportedScheduleReadsBackAsTheSameOrders() {
    String xml =
        B2mmlWriter.productionSchedule(
            "P1-1",
            "P1",
            List.of(
                order(
                    "WO-1",
                    WorkOrderStatus.RELEASED,
                    List.of(op(10, "冲压", 5L), op(20, "焊接", null))),
                order("WO-2", WorkOrderStatus.PLANNED, List.of())),
            Map.of(5L, "WC-PRESS"),
            ZoneId.of("Asia/Shanghai"),
            T);
    List<B2mmlRequest> back = B2mmlReader.schedule(xml);
    assertThat(back)
        .extracting(B2mmlRequest::code, B2mmlRequest::siteCode, B2mmlRequest::materialCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("WO-1", "P1", "FG-2"),
            org.assertj.core.groups.Tuple.tuple("WO-2", "P1", "FG-2"));
    var in = back.get(0).toInput(9, 2, ZoneId.of("Asia/Shanghai"));
    assertThat(in.quantity()).isEqualByComparingTo("100");
    assertThat(in.lot()).isEqualTo("L-1");
    assertThat(in.startDate()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(in.dueDate()).isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(back.get(0).productPath())
        .isEqualTo(
            "/ProductionSchedule/ProductionRequest[1]/SegmentRequirement[2]"
                + "/MaterialProducedRequirement");
  }

  @Test
  void workOrdersExportAsAProductionSchedule() {
    String xml =
        B2mmlWriter.productionSchedule(
            "P1-1",
            "P1",
            List.of(
                order(
                    "WO-1",
                    WorkOrderStatus.RELEASED,
                    List.of(op(20, "焊接", null), op(10, "冲压", 5L))),
                order("WO-2", WorkOrderStatus.PLANNED, List.of())),
            Map.of(5L, "WC-PRESS"),
            ZoneId.of("Asia/Shanghai"),
            T);
    assertThat(xml)
        .isEqualTo(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ProductionSchedule xmlns="http://www.mesa.org/xml/B2MML">
              <ID>P1-1</ID>
              <HierarchyScope>
                <EquipmentID>P1</EquipmentID>
                <EquipmentElementLevel>Site</EquipmentElementLevel>
              </HierarchyScope>
              <PublishedDate>2026-11-22T06:00:00Z</PublishedDate>
              <EquipmentElementLevel>Site</EquipmentElementLevel>
              <ProductionRequest>
                <ID>WO-1</ID>
                <Description>Lot L-1</Description>
                <StartTime>2026-11-23T00:00:00+08:00</StartTime>
                <EndTime>2026-11-25T00:00:00+08:00</EndTime>
                <RequestState>Released</RequestState>
                <SegmentRequirement>
                  <ID>WO-1-10</ID>
                  <Description>冲压</Description>
                  <ProcessSegmentID>10</ProcessSegmentID>
                  <EquipmentRequirement>
                    <EquipmentID>WC-PRESS</EquipmentID>
                    <EquipmentLevel>WorkCell</EquipmentLevel>
                  </EquipmentRequirement>
                </SegmentRequirement>
                <SegmentRequirement>
                  <ID>WO-1-20</ID>
                  <Description>焊接</Description>
                  <ProcessSegmentID>20</ProcessSegmentID>
                  <MaterialProducedRequirement>
                    <MaterialDefinitionID>FG-2</MaterialDefinitionID>
                    <MaterialLotID>L-1</MaterialLotID>
                    <Quantity>
                      <QuantityString>100</QuantityString>
                      <DataType>decimal</DataType>
                      <UnitOfMeasure>PCS</UnitOfMeasure>
                    </Quantity>
                  </MaterialProducedRequirement>
                </SegmentRequirement>
              </ProductionRequest>
              <ProductionRequest>
                <ID>WO-2</ID>
                <Description>Lot L-1</Description>
                <StartTime>2026-11-23T00:00:00+08:00</StartTime>
                <EndTime>2026-11-25T00:00:00+08:00</EndTime>
                <RequestState>Forecast</RequestState>
                <SegmentRequirement>
                  <ID>WO-2</ID>
                  <EarliestStartTime>2026-11-23T00:00:00+08:00</EarliestStartTime>
                  <LatestEndTime>2026-11-25T00:00:00+08:00</LatestEndTime>
                  <MaterialProducedRequirement>
                    <MaterialDefinitionID>FG-2</MaterialDefinitionID>
                    <MaterialLotID>L-1</MaterialLotID>
                    <Quantity>
                      <QuantityString>100</QuantityString>
                      <DataType>decimal</DataType>
                      <UnitOfMeasure>PCS</UnitOfMeasure>
                    </Quantity>
                  </MaterialProducedRequirement>
                </SegmentRequirement>
              </ProductionRequest>
            </ProductionSchedule>
            """);
  }

  private static OrgUnit unit(long id, OrgUnitType type, String code, Long parent) {
    return new OrgUnit(
        id,
        type,
        code,
        code + " name",
        null,
        parent,
        1L,
        OrgUnitStatus.values()[0],
        1,
        T,
        "a",
        T,
        "a");
  }

  @Test
  void theEquipmentHierarchyExportsNestedWithLevels() {
    OrgUnit plant = unit(1, OrgUnitType.PLANT, "P1", null);
    List<OrgUnit> units =
        List.of(
            unit(2, OrgUnitType.WORKSHOP, "WS", 1L),
            unit(3, OrgUnitType.LINE, "L1", 2L),
            unit(4, OrgUnitType.WORK_CENTER, "WC", 3L));
    List<PlantResource> resources =
        List.of(
            new PlantResource(
                7L,
                1,
                "PRESS-01",
                "压机",
                ResourceType.MACHINE,
                ResourceStatus.values()[0],
                4L,
                null,
                1,
                null,
                null,
                1,
                T,
                "a",
                T,
                "a"),
            new PlantResource(
                8L,
                1,
                "GAUGE-01",
                "卡尺",
                ResourceType.GAUGE,
                ResourceStatus.values()[0],
                null,
                null,
                1,
                null,
                null,
                1,
                T,
                "a",
                T,
                "a"));
    String xml = B2mmlWriter.equipment(plant, units, resources, T);
    List<B2mmlEquipment> back = B2mmlReaderTest.plain(B2mmlReader.equipment(xml));
    assertThat(back)
        .containsExactly(
            new B2mmlEquipment(
                "P1",
                "P1 name",
                "Site",
                List.of(
                    new B2mmlEquipment(
                        "WS",
                        "WS name",
                        "Area",
                        List.of(
                            new B2mmlEquipment(
                                "L1",
                                "L1 name",
                                "ProductionLine",
                                List.of(
                                    new B2mmlEquipment(
                                        "WC",
                                        "WC name",
                                        "WorkCell",
                                        List.of(
                                            new B2mmlEquipment(
                                                "PRESS-01", "压机", "Unit", List.of()))))))),
                    new B2mmlEquipment("GAUGE-01", "卡尺", "Unit", List.of()))));
    assertThat(xml).contains("<EquipmentClassID>MACHINE</EquipmentClassID>");
  }
}
