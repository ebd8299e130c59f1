package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.CallerContext;
import io.tianshu.core.FieldError;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.OperationReport;
import io.tianshu.execution.OperationReportInput;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderKind;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialInput;
import io.tianshu.masterdata.MaterialStatus;
import io.tianshu.masterdata.MaterialType;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitStatus;
import io.tianshu.org.OrgUnitType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The B2MML inbound commands against in-memory fakes of the domain services. */
class B2mmlCommandsTest {
  private static final CallerContext CALLER = CallerContext.system();
  private static final Instant T = Instant.parse("2026-11-22T00:00:00Z");

  private static String sample(String name) {
    try (InputStream in = B2mmlCommandsTest.class.getResourceAsStream("/b2mml/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T fake(
      Class<T> type, java.util.function.BiFunction<String, Object[], Object> f) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, m, args) -> f.apply(m.getName(), args));
  }

  private static OrgService org() {
    return fake(
        OrgService.class,
        (name, args) -> {
          if (name.equals("getPlantByCode") && "P1".equals(args[1])) {
            return new OrgUnit(
                7L,
                OrgUnitType.PLANT,
                "P1",
                "一厂",
                null,
                null,
                7L,
                OrgUnitStatus.ACTIVE,
                1,
                T,
                "a",
                T,
                "a");
          }
          throw new NotFoundException("Plant", String.valueOf(args[1]));
        });
  }

  /** Materials in memory: list by code, create, update. */
  private static final class Materials {
    final List<Material> rows = new ArrayList<>();
    int writes;

    MasterDataService service() {
      return fake(
          MasterDataService.class,
          (name, args) -> {
            switch (name) {
              case "listMaterials":
                return new Page<>(List.copyOf(rows), 0, 100, rows.size());
              case "createMaterial":
                return save(null, (MaterialInput) args[1]);
              case "updateMaterial":
                return save((Long) args[1], (MaterialInput) args[2]);
              default:
                throw new UnsupportedOperationException(name);
            }
          });
    }

    private Material save(Long id, MaterialInput in) {
      if (!in.baseUnit().equals("PCS") && !in.baseUnit().equals("KG")) {
        throw new ValidationException("baseUnit", "unknown_unit", "no such unit / 计量单位不存在");
      }
      writes++;
      Material m =
          new Material(
              id == null ? rows.size() + 1L : id,
              in.code(),
              in.name(),
              in.nameEn(),
              MaterialType.valueOf(in.type()),
              in.baseUnit(),
              in.groupId(),
              MaterialStatus.ACTIVE,
              in.plantId(),
              in.version() == null ? 0 : in.version() + 1,
              T,
              "a",
              T,
              "a");
      rows.removeIf(r -> r.id().equals(m.id()));
      rows.add(m);
      return m;
    }
  }

  @Test
  void aMaterialDocumentCreatesThenLeavesAloneThenUpdates() {
    Materials store = new Materials();
    B2mmlCommands.MaterialSync cmd = new B2mmlCommands.MaterialSync(store.service(), org());
    String doc = sample("material-sync.xml");
    Map<?, ?> first = (Map<?, ?>) cmd.execute(CALLER, doc);
    assertThat(first.get("created")).isEqualTo(2);
    assertThat(store.rows)
        .extracting(Material::code, Material::plantId, Material::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RM-STEEL-01", null, MaterialType.PURCHASED),
            org.assertj.core.groups.Tuple.tuple("FG-BRACKET-02", 7L, MaterialType.MANUFACTURED));
    Map<?, ?> again = (Map<?, ?>) cmd.execute(CALLER, doc);
    assertThat(again.get("unchanged")).isEqualTo(2);
    assertThat(store.writes).isEqualTo(2);
    Map<?, ?> renamed = (Map<?, ?>) cmd.execute(CALLER, doc.replace("支架总成", "支架总成 B"));
    assertThat(renamed.get("updated")).isEqualTo(1);
    assertThat(store.rows.get(1).name()).isEqualTo("支架总成 B");
    assertThat(store.rows.get(1).version()).isEqualTo(1);
  }

  @Test
  void domainErrorsAndUnknownPlantsAreReportedAtTheElementPath() {
    Materials store = new Materials();
    B2mmlCommands.MaterialSync cmd = new B2mmlCommands.MaterialSync(store.service(), org());
    String doc =
        sample("material-sync.xml")
            .replace("<EquipmentID>P1</EquipmentID>", "<EquipmentID>P9</EquipmentID>")
            .replace("<UnitOfMeasure>KG</UnitOfMeasure>", "<UnitOfMeasure>XX</UnitOfMeasure>");
    ValidationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ValidationException.class, () -> cmd.execute(CALLER, doc));
    assertThat(e.fieldErrors())
        .extracting(FieldError::field)
        .containsExactly(
            "/SyncMaterialDefinition/DataArea/MaterialDefinition[1]/"
                + "MaterialDefinitionProperty[ID='BaseUnitOfMeasure']/Value",
            "/SyncMaterialDefinition/DataArea/MaterialDefinition[2]/HierarchyScope/EquipmentID");
  }

  private static WorkOrder order(long id, String code, WorkOrderStatus status) {
    return new WorkOrder(
        id,
        7,
        code,
        WorkOrderKind.STANDARD,
        status,
        2,
        "FG",
        BigDecimal.TEN,
        "PCS",
        null,
        null,
        null,
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
        List.of());
  }

  @Test
  void aPerformanceDocumentReportsEachSegmentOnItsOrder() {
    List<OperationReportInput> reported = new ArrayList<>();
    List<Object[]> listed = new ArrayList<>();
    ExecutionService execution =
        fake(
            ExecutionService.class,
            (name, args) -> {
              if (name.equals("findByCode")) {
                listed.add(args);
                return Optional.ofNullable(
                    switch ((String) args[2]) {
                      case "WO-0999" -> order(5, "WO-0999", WorkOrderStatus.STARTED);
                      case "WO-1001" -> order(6, "WO-1001", WorkOrderStatus.STARTED);
                      case "WO-0100" -> order(8, "WO-0100", WorkOrderStatus.CLOSED);
                      default -> null;
                    });
              }
              if (name.equals("report")) {
                OperationReportInput in = (OperationReportInput) args[1];
                reported.add(in);
                return new OperationReport(
                    reported.size(),
                    7,
                    in.reportKey(),
                    in.workOrderId(),
                    in.operationSeq(),
                    in.good(),
                    in.scrap(),
                    in.rework(),
                    false,
                    BigDecimal.ZERO,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    T,
                    "a",
                    false,
                    null);
              }
              throw new UnsupportedOperationException(name);
            });
    B2mmlCommands.Performance cmd = new B2mmlCommands.Performance(execution, org());
    Map<?, ?> result = (Map<?, ?>) cmd.execute(CALLER, sample("performance.xml"));
    assertThat((List<?>) result.get("reports")).hasSize(2);
    assertThat(reported)
        .extracting(
            OperationReportInput::reportKey,
            OperationReportInput::workOrderId,
            OperationReportInput::operationSeq)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b2mml/RESP-1001/SR-10", 6L, 10),
            org.assertj.core.groups.Tuple.tuple("b2mml/RESP-1001/SR-20", 6L, 20));
    // looked up once per order by its code, in the document's plant
    assertThat(listed).allSatisfy(a -> assertThat(a[1]).isEqualTo(7L));
    assertThat(listed).hasSize(1);

    // an order that is not there is named by its element
    assertThatThrownBy(
            () -> cmd.execute(CALLER, sample("performance.xml").replace("WO-1001", "WO-4040")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("/ProductionPerformance/ProductionResponse/ProductionRequestID");
    // so is one that takes no reports any more
    assertThatThrownBy(
            () -> cmd.execute(CALLER, sample("performance.xml").replace("WO-1001", "WO-0100")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("work order 'WO-0100'");
  }
}
