package io.tianshu.integration.internal;

import io.tianshu.execution.WorkOrder;
import io.tianshu.integration.b2mml.B2mml;
import io.tianshu.integration.b2mml.B2mmlReader;
import io.tianshu.integration.b2mml.B2mmlWriter;
import io.tianshu.masterdata.Material;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.DataFormatName;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The {@code b2mml} Camel data format (docs/integration/b2mml.md). Marshal: a {@link Material} or a
 * list of them becomes a {@code SyncMaterialDefinition}, a {@link WorkOrder} or a list of them a
 * {@code ProductionSchedule} (header {@value #PLANT_CODE} names the plant for {@code
 * HierarchyScope}, {@value #SCHEDULE_ID} the schedule's id). Unmarshal: a B2MML document becomes
 * the list of mapped records ({@code B2mmlMaterial}, {@code B2mmlReport} or {@code
 * B2mmlEquipment}); header {@value #DOCUMENT} is set to the document's root element name. A
 * document that is not valid fails the exchange with a {@code ValidationException} listing every
 * element path.
 */
public final class B2mmlDataFormat extends ServiceSupport implements DataFormat, DataFormatName {
  public static final String NAME = "b2mml";
  public static final String PLANT_CODE = "B2mmlPlantCode";
  public static final String SCHEDULE_ID = "B2mmlScheduleId";
  public static final String DOCUMENT = "B2mmlDocument";

  @Override
  public String getDataFormatName() {
    return NAME;
  }

  @Override
  public void marshal(Exchange exchange, Object graph, OutputStream stream) throws Exception {
    List<?> items = graph instanceof Collection<?> c ? new ArrayList<>(c) : List.of(graph);
    String plantCode = exchange.getMessage().getHeader(PLANT_CODE, String.class);
    String xml;
    if (!items.isEmpty() && items.stream().allMatch(Material.class::isInstance)) {
      Map<Long, String> plantCodes = new HashMap<>();
      for (Object o : items) {
        Material m = (Material) o;
        if (m.plantId() != null && plantCode != null) {
          plantCodes.put(m.plantId(), plantCode);
        }
      }
      xml =
          B2mmlWriter.materials(
              items.stream().map(Material.class::cast).toList(),
              plantCodes,
              "Tianshu",
              Instant.now());
    } else if (!items.isEmpty() && items.stream().allMatch(WorkOrder.class::isInstance)) {
      String id = exchange.getMessage().getHeader(SCHEDULE_ID, String.class);
      xml =
          B2mmlWriter.productionSchedule(
              id == null ? exchange.getExchangeId() : id,
              plantCode,
              items.stream().map(WorkOrder.class::cast).toList(),
              Map.of(),
              ZoneId.systemDefault(),
              Instant.now());
    } else {
      throw new IllegalArgumentException(
          "b2mml marshals Material or WorkOrder records (or a list of one kind), not "
              + (items.isEmpty() ? "an empty list" : items.get(0).getClass().getName())
              + " / b2mml 只能转换物料或工单");
    }
    stream.write(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
    String xml = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    return unmarshal(exchange, xml);
  }

  /** The mapped records of {@code xml}, by its root element. */
  static Object unmarshal(Exchange exchange, String xml) {
    String root = B2mml.rootName(xml);
    if (exchange != null) {
      exchange.getMessage().setHeader(DOCUMENT, root);
    }
    if (root.endsWith("MaterialDefinition") || root.equals("MaterialInformation")) {
      return B2mmlReader.materials(xml);
    }
    if (root.endsWith("ProductionPerformance")) {
      return B2mmlReader.performance(xml);
    }
    if (root.equals("Equipment") || root.equals("EquipmentInformation")) {
      return B2mmlReader.equipment(xml);
    }
    throw new IllegalArgumentException(
        "/"
            + root
            + ": b2mml reads MaterialDefinition, ProductionPerformance and Equipment documents"
            + " / 不支持的 B2MML 文档类型");
  }

  @Override
  protected void doStart() {
    // stateless
  }

  @Override
  protected void doStop() {
    // stateless
  }
}
