package io.tianshu.integration.b2mml;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.execution.OperationReport;
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
    return order(1, code, status, ops);
  }

  private static WorkOrder order(
      long id, String code, WorkOrderStatus status, List<WorkOrderOperation> ops) {
    return new WorkOrder(
        id,
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

  private static OperationReport report(
      long id,
      String key,
      long orderId,
      int seq,
      String good,
      String scrap,
      String rework,
      String station,
      String operator,
      Instant started,
      Instant ended,
      Instant reported) {
    return new OperationReport(
        id,
        9,
        key,
        orderId,
        seq,
        new BigDecimal(good),
        new BigDecimal(scrap),
        new BigDecimal(rework),
        false,
        BigDecimal.ZERO,
        null,
        station,
        operator,
        null,
        started,
        ended,
        reported,
        "op",
        false);
  }

  private static final Instant FROM = Instant.parse("2026-11-22T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-23T00:00:00Z");

  /** Two orders, three reports with known numbers (scale 6, as the store gives them). */
  private static String performance() {
    return B2mmlWriter.productionPerformance(
        "P1-1795327200",
        "P1",
        List.of(
            order(1, "WO-1", WorkOrderStatus.STARTED, List.of()),
            order(2, "WO-2", WorkOrderStatus.COMPLETED, List.of()),
            order(3, "WO-3", WorkOrderStatus.STARTED, List.of())),
        List.of(
            report(
                11,
                "R-1",
                1,
                10,
                "95.000000",
                "3.000000",
                "0.000000",
                "PRESS-01",
                "张三",
                Instant.parse("2026-11-22T00:00:00Z"),
                Instant.parse("2026-11-22T02:30:00Z"),
                Instant.parse("2026-11-22T02:31:00Z")),
            report(
                12,
                "R-2",
                1,
                20,
                "7.500000",
                "0.000000",
                "1.250000",
                null,
                null,
                null,
                null,
                Instant.parse("2026-11-22T05:00:00.123456Z")),
            report(
                13,
                "mes/line-1/0042",
                2,
                10,
                "7.000000",
                "1.000000",
                "0.000000",
                null,
                "李四",
                Instant.parse("2026-11-22T06:00:00Z"),
                null,
                Instant.parse("2026-11-22T07:00:00Z"))),
        FROM,
        TO,
        T);
  }

  @Test
  void operationReportsExportAsAProductionPerformance() {
    String xml = performance();
    assertThat(xml)
        .startsWith(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ProductionPerformance xmlns=\"http://www.mesa.org/xml/B2MML\">\n"
                + "  <ID>P1-1795327200</ID>\n"
                + "  <HierarchyScope>\n"
                + "    <EquipmentID>P1</EquipmentID>\n"
                + "    <EquipmentElementLevel>Site</EquipmentElementLevel>\n"
                + "  </HierarchyScope>\n"
                + "  <StartTime>2026-11-22T00:00:00Z</StartTime>\n"
                + "  <EndTime>2026-11-23T00:00:00Z</EndTime>\n"
                + "  <PublishedDate>2026-11-22T06:00:00Z</PublishedDate>\n"
                + "  <ProductionResponse>\n"
                + "    <ID>WO-1</ID>\n"
                + "    <ProductionRequestID>WO-1</ProductionRequestID>\n"
                + "    <SegmentResponse>\n"
                + "      <ID>R-1</ID>\n"
                + "      <ProcessSegmentID>10</ProcessSegmentID>\n"
                + "      <ActualStartTime>2026-11-22T00:00:00Z</ActualStartTime>\n"
                + "      <ActualEndTime>2026-11-22T02:30:00Z</ActualEndTime>\n"
                + "      <PersonnelActual>\n"
                + "        <PersonID>张三</PersonID>\n"
                + "      </PersonnelActual>\n"
                + "      <EquipmentActual>\n"
                + "        <EquipmentID>PRESS-01</EquipmentID>\n"
                + "      </EquipmentActual>\n"
                + "      <MaterialProducedActual>\n"
                + "        <MaterialDefinitionID>FG-2</MaterialDefinitionID>\n"
                + "        <MaterialLotID>L-1</MaterialLotID>\n"
                + "        <Quantity>\n"
                + "          <QuantityString>95</QuantityString>\n"
                + "          <DataType>decimal</DataType>\n"
                + "          <UnitOfMeasure>PCS</UnitOfMeasure>\n"
                + "          <Key>Good</Key>\n"
                + "        </Quantity>\n"
                + "        <Quantity>\n"
                + "          <QuantityString>3</QuantityString>\n"
                + "          <DataType>decimal</DataType>\n"
                + "          <UnitOfMeasure>PCS</UnitOfMeasure>\n"
                + "          <Key>Scrap</Key>\n"
                + "        </Quantity>\n"
                + "      </MaterialProducedActual>\n"
                + "    </SegmentResponse>\n")
        // no end of work given: the time reported, to the second
        .contains(
            "      <ID>R-2</ID>\n"
                + "      <ProcessSegmentID>20</ProcessSegmentID>\n"
                + "      <ActualEndTime>2026-11-22T05:00:00Z</ActualEndTime>\n"
                + "      <MaterialProducedActual>\n")
        .contains(
            "          <QuantityString>7.5</QuantityString>\n"
                + "          <DataType>decimal</DataType>\n"
                + "          <UnitOfMeasure>PCS</UnitOfMeasure>\n"
                + "          <Key>Good</Key>\n"
                + "        </Quantity>\n"
                + "        <Quantity>\n"
                + "          <QuantityString>1.25</QuantityString>\n"
                + "          <DataType>decimal</DataType>\n"
                + "          <UnitOfMeasure>PCS</UnitOfMeasure>\n"
                + "          <Key>Rework</Key>\n")
        .endsWith("  </ProductionResponse>\n</ProductionPerformance>\n");
    // an order without reports in the list has no response; zero scrap and rework are not written
    assertThat(xml).doesNotContain("WO-3").doesNotContain("<QuantityString>0</QuantityString>");
    assertThat(xml.split("<ProductionResponse>", -1)).hasSize(3);
    assertThat(xml.split("<SegmentResponse>", -1)).hasSize(4);
  }

  @Test
  void anExportedPerformanceReadsBackAsTheSameReports() {
    List<B2mmlReport> back = B2mmlReader.performance(performance());
    assertThat(back)
        .extracting(
            B2mmlReport::responseId,
            B2mmlReport::segmentResponseId,
            B2mmlReport::workOrderCode,
            B2mmlReport::siteCode,
            B2mmlReport::operationSeq,
            B2mmlReport::station,
            B2mmlReport::operator,
            B2mmlReport::startedAt,
            B2mmlReport::endedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "WO-1",
                "R-1",
                "WO-1",
                "P1",
                10,
                "PRESS-01",
                "张三",
                Instant.parse("2026-11-22T00:00:00Z"),
                Instant.parse("2026-11-22T02:30:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "WO-1",
                "R-2",
                "WO-1",
                "P1",
                20,
                null,
                null,
                null,
                Instant.parse("2026-11-22T05:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "WO-2",
                "mes/line-1/0042",
                "WO-2",
                "P1",
                10,
                null,
                "李四",
                Instant.parse("2026-11-22T06:00:00Z"),
                Instant.parse("2026-11-22T07:00:00Z")));
    // good, scrap and rework exactly as reported
    assertThat(back.get(0).good()).isEqualByComparingTo("95");
    assertThat(back.get(0).scrap()).isEqualByComparingTo("3");
    assertThat(back.get(0).rework()).isEqualByComparingTo("0");
    assertThat(back.get(1).good()).isEqualByComparingTo("7.5");
    assertThat(back.get(1).scrap()).isEqualByComparingTo("0");
    assertThat(back.get(1).rework()).isEqualByComparingTo("1.25");
    assertThat(back.get(2).good()).isEqualByComparingTo("7");
    assertThat(back.get(2).scrap()).isEqualByComparingTo("1");
    assertThat(back.get(2).rework()).isEqualByComparingTo("0");
    // read back, the reports carry a key of their own (the document's ids), not the original key
    assertThat(back.get(0).reportKey()).isEqualTo("b2mml/WO-1/R-1");
    assertThat(back.get(2).reportKey()).isEqualTo("b2mml/WO-2/mes/line-1/0042");
  }

  @Test
  void aReportOfAnOrderNotGivenIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                B2mmlWriter.productionPerformance(
                    "X",
                    "P1",
                    List.of(order(1, "WO-1", WorkOrderStatus.STARTED, List.of())),
                    List.of(report(1, "R", 5, 10, "1", "0", "0", null, null, null, null, T)),
                    FROM,
                    TO,
                    T))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
