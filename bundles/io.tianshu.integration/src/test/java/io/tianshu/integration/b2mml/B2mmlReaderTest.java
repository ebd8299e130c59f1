package io.tianshu.integration.b2mml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.FieldError;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.OperationReportInput;
import io.tianshu.masterdata.MaterialInput;
import io.tianshu.masterdata.MaterialType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class B2mmlReaderTest {

  static String sample(String name) {
    try (InputStream in = B2mmlReaderTest.class.getResourceAsStream("/b2mml/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<FieldError> errorsOf(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e.fieldErrors();
    }
    throw new AssertionError("expected a ValidationException");
  }

  @Test
  void aSyncMaterialDefinitionMapsOntoMaterialInputs() {
    List<B2mmlMaterial> ms = B2mmlReader.materials(sample("material-sync.xml"));
    assertThat(ms).hasSize(2);
    B2mmlMaterial steel = ms.get(0);
    assertThat(steel.path()).isEqualTo("/SyncMaterialDefinition/DataArea/MaterialDefinition[1]");
    assertThat(steel.toInput(null, null, null, null))
        .isEqualTo(
            new MaterialInput(
                "RM-STEEL-01",
                "冷轧钢板 1.0mm",
                "Cold-rolled steel sheet 1.0mm",
                "PURCHASED",
                "KG",
                null,
                null,
                null,
                null));
    assertThat(steel.siteCode()).isNull();
    B2mmlMaterial bracket = ms.get(1);
    // the first class that names a Tianshu type wins; the unit from ValueString
    assertThat(bracket.type()).isEqualTo(MaterialType.MANUFACTURED);
    assertThat(bracket.baseUnit()).isEqualTo("PCS");
    assertThat(bracket.name()).isEqualTo("支架总成");
    assertThat(bracket.nameEn()).isNull();
    assertThat(bracket.siteCode()).isEqualTo("P1");
    assertThat(bracket.toInput(7L, 3L, "ACTIVE", 4L))
        .isEqualTo(
            new MaterialInput(
                "FG-BRACKET-02", "支架总成", null, "MANUFACTURED", "PCS", 3L, "ACTIVE", 7L, 4L));
  }

  @Test
  void aSingleMaterialDefinitionIsADocumentToo() {
    String xml =
        "<MaterialDefinition xmlns='http://www.mesa.org/xml/B2MML'><ID>M1</ID>"
            + "<Description languageID='en'>Bolt</Description>"
            + "<MaterialDefinitionProperty><ID>baseunitofmeasure</ID><Value>"
            + "<UnitOfMeasure>PCS</UnitOfMeasure></Value></MaterialDefinitionProperty>"
            + "<MaterialClassID>purchased</MaterialClassID></MaterialDefinition>";
    B2mmlMaterial m = B2mmlReader.materials(xml).get(0);
    assertThat(m.path()).isEqualTo("/MaterialDefinition");
    assertThat(m.name()).isEqualTo("Bolt");
    assertThat(m.nameEn()).isEqualTo("Bolt");
    assertThat(m.type()).isEqualTo(MaterialType.PURCHASED);
  }

  @Test
  void everyErrorIsListedWithItsElementPath() {
    List<FieldError> errors = errorsOf(() -> B2mmlReader.materials(sample("material-invalid.xml")));
    String md = "/SyncMaterialDefinition/DataArea/MaterialDefinition";
    assertThat(errors)
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(md + "[1]/ID", "required"),
            org.assertj.core.groups.Tuple.tuple(md + "[2]/ID", "invalid_code"),
            org.assertj.core.groups.Tuple.tuple(md + "[2]/MaterialDefinitionProperty", "required"),
            org.assertj.core.groups.Tuple.tuple(md + "[2]/MaterialClassID", "unknown_class"));
    assertThat(errors).allSatisfy(e -> assertThat(e.message()).contains(" / "));
  }

  @Test
  void theNamespaceTheDocumentTypeAndTheVerbAreChecked() {
    assertThat(
            errorsOf(
                () ->
                    B2mmlReader.materials("<MaterialDefinition><ID>M1</ID></MaterialDefinition>")))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/MaterialDefinition", "namespace"));
    assertThat(
            errorsOf(
                () ->
                    B2mmlReader.materials(
                        "<ProductionSchedule xmlns='http://www.mesa.org/xml/B2MML'/>")))
        .extracting(FieldError::code)
        .containsExactly("unexpected_document");
    assertThat(
            errorsOf(
                () ->
                    B2mmlReader.materials(
                        "<ProcessMaterialDefinition xmlns='http://www.mesa.org/xml/B2MML'>"
                            + "<DataArea/></ProcessMaterialDefinition>")))
        .extracting(FieldError::field)
        .containsExactly(
            "/ProcessMaterialDefinition/DataArea/Process",
            "/ProcessMaterialDefinition/DataArea/MaterialDefinition");
  }

  @Test
  void doctypesAndExternalEntitiesAreRefused() {
    List<FieldError> errors = errorsOf(() -> B2mmlReader.materials(sample("xxe.xml")));
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).field()).isEqualTo("/");
    assertThat(errors.get(0).code()).isEqualTo("malformed");
    assertThat(errors.get(0).message()).doesNotContain("root:");
    assertThat(errorsOf(() -> B2mmlReader.materials("<a>")).get(0).code()).isEqualTo("malformed");
    assertThat(errorsOf(() -> B2mmlReader.materials(" ")).get(0).code()).isEqualTo("required");
  }

  @Test
  void aProductionPerformanceMapsOntoOperationReports() {
    List<B2mmlReport> reports = B2mmlReader.performance(sample("performance.xml"));
    assertThat(reports).hasSize(2);
    B2mmlReport first = reports.get(0);
    assertThat(first.workOrderCode()).isEqualTo("WO-1001");
    assertThat(first.siteCode()).isEqualTo("P1");
    assertThat(first.reportKey()).isEqualTo("b2mml/RESP-1001/SR-10");
    assertThat(first.toInput(42L))
        .isEqualTo(
            new OperationReportInput(
                "b2mml/RESP-1001/SR-10",
                42L,
                10,
                new BigDecimal("95"),
                new BigDecimal("3"),
                new BigDecimal("2"),
                null,
                null,
                "PRESS-01",
                "zhang.san",
                null,
                Instant.parse("2026-11-22T00:00:00Z"),
                Instant.parse("2026-11-22T02:30:00Z")));
    B2mmlReport second = reports.get(1);
    assertThat(second.operationSeq()).isEqualTo(20);
    assertThat(second.good()).isEqualByComparingTo("40.5");
    assertThat(second.scrap()).isEqualByComparingTo("0");
    assertThat(second.startedAt()).isNull();
    // deterministic: the same document gives the same keys
    assertThat(B2mmlReader.performance(sample("performance.xml")).get(1).reportKey())
        .isEqualTo(second.reportKey())
        .isEqualTo("b2mml/RESP-1001/SR-20");
  }

  @Test
  void anIdThatIsNoValidKeyIsHashedDeterministically() {
    B2mmlReport r =
        new B2mmlReport(
            "/x",
            "Response #1 of a very long partner id",
            "seg 10",
            "WO",
            null,
            10,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(r.reportKey()).startsWith("b2mml-").hasSize(54).matches("[A-Za-z0-9._/-]+");
    assertThat(r.reportKey())
        .isEqualTo(
            new B2mmlReport(
                    "/y",
                    "Response #1 of a very long partner id",
                    "seg 10",
                    "WO2",
                    null,
                    20,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)
                .reportKey());
  }

  @Test
  void badQuantitiesDatesAndNumbersAreListed() {
    List<FieldError> errors =
        errorsOf(() -> B2mmlReader.performance(sample("performance-invalid.xml")));
    String sr = "/ProductionPerformance/ProductionResponse/SegmentResponse";
    assertThat(errors)
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/ProductionPerformance/ProductionResponse/ProductionRequestID", "required"),
            org.assertj.core.groups.Tuple.tuple(sr + "/ProcessSegmentID", "invalid_number"),
            org.assertj.core.groups.Tuple.tuple(sr + "/ActualStartTime", "invalid_datetime"),
            org.assertj.core.groups.Tuple.tuple(
                sr + "/MaterialProducedActual/Quantity/DataType", "invalid_type"),
            org.assertj.core.groups.Tuple.tuple(
                sr + "/MaterialProducedActual/Quantity/QuantityString", "invalid_number"));
  }

  @Test
  void anEquipmentHierarchyIsRead() {
    List<B2mmlEquipment> read = B2mmlReader.equipment(sample("equipment.xml"));
    assertThat(read.get(0).children().get(0).path())
        .isEqualTo("/EquipmentInformation/Equipment/Equipment");
    List<B2mmlEquipment> roots = plain(read);
    assertThat(roots)
        .containsExactly(
            new B2mmlEquipment(
                "P1",
                "一厂",
                "Site",
                List.of(
                    new B2mmlEquipment(
                        "WS-A",
                        "冲压车间",
                        "Area",
                        List.of(new B2mmlEquipment("L1", null, "ProductionLine", null))))));
  }

  /** Equipment without element paths and classes, for comparing trees. */
  static List<B2mmlEquipment> plain(List<B2mmlEquipment> es) {
    return es.stream()
        .map(e -> new B2mmlEquipment(e.id(), e.description(), e.level(), plain(e.children())))
        .toList();
  }

  @Test
  void theRootNameRoutesADocument() {
    assertThat(B2mml.rootName(sample("performance.xml"))).isEqualTo("ProductionPerformance");
    assertThatThrownBy(() -> B2mml.rootName("nope")).isInstanceOf(ValidationException.class);
  }
}
