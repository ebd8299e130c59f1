package io.tianshu.integration.b2mml;

import static io.tianshu.integration.b2mml.B2mmlReaderTest.errorsOf;
import static io.tianshu.integration.b2mml.B2mmlReaderTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tianshu.core.FieldError;
import io.tianshu.execution.WorkOrderInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class B2mmlScheduleReaderTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void eachProductionRequestIsAWorkOrder() {
    List<B2mmlRequest> rs = B2mmlReader.schedule(sample("schedule.xml"));
    assertThat(rs).hasSize(2);
    B2mmlRequest first = rs.get(0);
    assertThat(first)
        .isEqualTo(
            new B2mmlRequest(
                "/ProductionSchedule/ProductionRequest[1]",
                "/ProductionSchedule/ProductionRequest[1]/SegmentRequirement[2]"
                    + "/MaterialProducedRequirement",
                "ERP-WO-1001",
                "P1",
                "FG-BRACKET-02",
                "L-2026-1001",
                new BigDecimal("250"),
                "PCS",
                Instant.parse("2026-11-23T00:00:00Z"),
                Instant.parse("2026-11-25T09:00:00Z"),
                "Released"));
    // 17:00 in Shanghai is 09:00 UTC: the due day is the 25th in Shanghai
    assertThat(first.toInput(3, 42, SHANGHAI))
        .isEqualTo(
            new WorkOrderInput(
                3L,
                "ERP-WO-1001",
                null,
                42L,
                new BigDecimal("250"),
                "L-2026-1001",
                LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 11, 25),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    // the day is the server's: 08:00 in Shanghai is still the 22nd in Honolulu
    assertThat(first.toInput(3, 42, ZoneId.of("Pacific/Honolulu")).startDate())
        .isEqualTo(LocalDate.of(2026, 11, 22));
    B2mmlRequest second = rs.get(1);
    // the request's own HierarchyScope wins over the schedule's; no dates: the API's defaults
    assertThat(second.siteCode()).isEqualTo("P2");
    assertThat(second.quantity()).isEqualByComparingTo("40.5");
    assertThat(second.lot()).isNull();
    assertThat(second.unit()).isNull();
    assertThat(second.toInput(4, 42, SHANGHAI).startDate()).isNull();
    assertThat(second.toInput(4, 42, SHANGHAI).dueDate()).isNull();
    assertThat(second.pathOf("quantity"))
        .isEqualTo(
            "/ProductionSchedule/ProductionRequest[2]/SegmentRequirement"
                + "/MaterialProducedRequirement/Quantity/QuantityString");
    assertThat(second.pathOf("code")).isEqualTo("/ProductionSchedule/ProductionRequest[2]/ID");
  }

  @Test
  void everyErrorIsReportedAtItsElementPath() {
    String r1 = "/SyncProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[1]";
    String r2 = "/SyncProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[2]";
    String p2 = r2 + "/SegmentRequirement/MaterialProducedRequirement";
    assertThat(errorsOf(() -> B2mmlReader.schedule(sample("schedule-invalid.xml"))))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            tuple(r1 + "/ID", "invalid_code"),
            tuple(r1 + "/HierarchyScope/EquipmentID", "required"),
            tuple(r1 + "/EndTime", "before_start"),
            tuple(r1 + "/SegmentRequirement/MaterialProducedRequirement", "required"),
            tuple(r2 + "/StartTime", "invalid_datetime"),
            tuple(p2 + "/MaterialDefinitionID", "required"),
            tuple(p2 + "/Quantity/QuantityString", "invalid_value"));
  }

  @Test
  void aRequestIdTwiceInOnePlantIsRefused() {
    String request =
        "<ProductionRequest><ID>WO-1</ID><SegmentRequirement><MaterialProducedRequirement>"
            + "<MaterialDefinitionID>FG</MaterialDefinitionID><Quantity><QuantityString>1"
            + "</QuantityString></Quantity></MaterialProducedRequirement></SegmentRequirement>"
            + "</ProductionRequest>";
    String xml =
        "<ProductionSchedule xmlns=\"http://www.mesa.org/xml/B2MML\"><HierarchyScope>"
            + "<EquipmentID>P1</EquipmentID></HierarchyScope>"
            + request
            + request
            + "</ProductionSchedule>";
    assertThat(errorsOf(() -> B2mmlReader.schedule(xml)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("/ProductionSchedule/ProductionRequest[2]/ID", "duplicate"));
  }

  @Test
  void otherDocumentsAndDoctypesAreRefused() {
    assertThat(errorsOf(() -> B2mmlReader.schedule(sample("performance.xml"))))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("/ProductionPerformance", "unexpected_document"));
    assertThat(errorsOf(() -> B2mmlReader.schedule(sample("xxe.xml"))))
        .extracting(FieldError::code)
        .containsExactly("malformed");
    assertThat(
            errorsOf(
                () ->
                    B2mmlReader.schedule(
                        "<ProductionSchedule xmlns=\"http://www.mesa.org/xml/B2MML\"/>")))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("/ProductionSchedule/ProductionRequest", "required"));
  }
}
