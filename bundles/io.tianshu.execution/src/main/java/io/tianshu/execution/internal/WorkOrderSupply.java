package io.tianshu.execution.internal;

import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.planning.OpenOrderSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Open work orders as planning sees them: what an order has still to deliver (quantity less
 * completed and scrapped) is supply on its due date; what its order BOM has still to receive
 * (required less issued) is demand on its start date. A PLANNED order has no order BOM yet: its
 * needs are those of the BOM in effect on its start date.
 */
@Component(service = OpenOrderSource.class)
public class WorkOrderSupply implements OpenOrderSource {
  private final DataSource dataSource;
  private final BomService boms;

  @Activate
  public WorkOrderSupply(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference BomService boms) {
    this.dataSource = dataSource;
    this.boms = boms;
  }

  private record Row(
      long id,
      String code,
      String status,
      long materialId,
      java.time.LocalDate start,
      java.time.LocalDate due,
      BigDecimal quantity,
      BigDecimal remaining) {}

  @Override
  public List<OpenOrder> openOrders(long plantId) {
    List<Row> rows = new ArrayList<>();
    Map<Long, List<ComponentNeed>> needs = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, code, status, material_id, start_date, due_date, quantity,"
                  + " completed_quantity, scrap_quantity FROM work_order WHERE plant_id = ? AND"
                  + " status IN ('PLANNED', 'RELEASED', 'STARTED') ORDER BY id")) {
        ps.setLong(1, plantId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            BigDecimal q = rs.getBigDecimal(7);
            BigDecimal left = q.subtract(rs.getBigDecimal(8)).subtract(rs.getBigDecimal(9));
            rows.add(
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getDate(5).toLocalDate(),
                    rs.getDate(6).toLocalDate(),
                    q,
                    left.signum() < 0 ? BigDecimal.ZERO : left));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT k.work_order_id, k.id, k.material_id, k.required_quantity -"
                  + " k.issued_quantity FROM work_order_component k JOIN work_order w ON w.id ="
                  + " k.work_order_id WHERE w.plant_id = ? AND w.status IN ('RELEASED',"
                  + " 'STARTED') ORDER BY k.work_order_id, k.line_no")) {
        ps.setLong(1, plantId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            double open = Math.max(0, rs.getDouble(4));
            needs
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new ComponentNeed(rs.getLong(2), rs.getLong(3), open));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    List<OpenOrder> out = new ArrayList<>();
    for (Row r : rows) {
      List<ComponentNeed> n =
          "PLANNED".equals(r.status())
              ? plannedNeeds(plantId, r)
              : needs.getOrDefault(r.id(), List.of());
      out.add(
          new OpenOrder(
              r.id(),
              "WO " + r.code(),
              r.materialId(),
              r.start(),
              r.due(),
              r.remaining().doubleValue(),
              n));
    }
    return out;
  }

  /** The needs of a planned order from the BOM in effect on its start (line ids negative). */
  private List<ComponentNeed> plannedNeeds(long plantId, Row r) {
    List<io.tianshu.bom.ExplosionRow> rows;
    try {
      rows =
          boms.indented(
              CallerContext.system(),
              r.materialId(),
              plantId,
              BomView.MANUFACTURING,
              r.start(),
              null,
              1.0,
              5000);
    } catch (NotFoundException e) {
      return List.of();
    }
    Map<Long, Double> byMaterial = new LinkedHashMap<>();
    for (ExecutionServiceImpl.OrderComponent oc : ExecutionServiceImpl.orderBom(rows)) {
      byMaterial.merge(
          oc.materialId(),
          oc.quantityWithScrap().doubleValue() * r.quantity().doubleValue(),
          Double::sum);
    }
    List<ComponentNeed> out = new ArrayList<>();
    int k = 0;
    for (var e : byMaterial.entrySet()) {
      out.add(new ComponentNeed(-(r.id() * 1000 + ++k), e.getKey(), e.getValue()));
    }
    return out;
  }
}
