package io.tianshu.execution.internal;

import io.tianshu.change.ImpactContributor;
import io.tianshu.change.ImpactItem;
import io.tianshu.change.ImpactRequest;
import io.tianshu.core.CallerContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What an engineering change touches on the floor: open work orders of a changed material
 * (OPEN_WORK_ORDER, the quantity still to deliver) and open work orders whose order BOM holds a
 * changed material (WORK_ORDER_COMPONENT, the quantity still to issue). Released orders carry their
 * own BOM copy, so a change does not reach them by itself: these are the orders to review.
 */
@Component(service = ImpactContributor.class)
public class WorkOrderImpact implements ImpactContributor {
  private final DataSource dataSource;

  @Activate
  public WorkOrderImpact(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "execution";
  }

  @Override
  public List<ImpactItem> contribute(CallerContext caller, ImpactRequest request) {
    if (request.materials().isEmpty()) {
      return List.of();
    }
    String in = request.materials().stream().map(String::valueOf).collect(Collectors.joining(","));
    List<ImpactItem> items = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      query(
          c,
          "SELECT w.plant_id, w.material_id, w.code, w.status, w.quantity - w.completed_quantity -"
              + " w.scrap_quantity, w.unit, w.start_date FROM work_order w WHERE w.material_id IN ("
              + in
              + ") AND w.status IN ('PLANNED', 'RELEASED', 'STARTED')",
          "OPEN_WORK_ORDER",
          caller,
          request,
          items);
      query(
          c,
          "SELECT w.plant_id, k.material_id, w.code, w.status, k.required_quantity -"
              + " k.issued_quantity, m.base_uom, w.start_date FROM work_order_component k JOIN"
              + " work_order w ON w.id = k.work_order_id JOIN material m ON m.id = k.material_id"
              + " WHERE k.material_id IN ("
              + in
              + ") AND w.status IN ('RELEASED', 'STARTED')",
          "WORK_ORDER_COMPONENT",
          caller,
          request,
          items);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return items;
  }

  private void query(
      Connection c,
      String sql,
      String kind,
      CallerContext caller,
      ImpactRequest request,
      List<ImpactItem> items)
      throws SQLException {
    Set<Long> readable = caller.readablePlants();
    try (PreparedStatement ps = c.prepareStatement(sql + " ORDER BY w.code");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long plant = rs.getLong(1);
        if ((request.plantId() != null && plant != request.plantId())
            || (readable != null && !readable.contains(plant))) {
          continue;
        }
        items.add(
            new ImpactItem(
                kind,
                rs.getLong(2),
                "WO " + rs.getString(3),
                rs.getBigDecimal(5).max(java.math.BigDecimal.ZERO),
                rs.getString(6),
                rs.getString(4) + ", start " + rs.getDate(7) + " / 工单 " + rs.getString(4),
                name()));
      }
    }
  }
}
