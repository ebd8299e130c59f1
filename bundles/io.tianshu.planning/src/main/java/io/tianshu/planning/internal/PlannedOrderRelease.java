package io.tianshu.planning.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.ValidationException;
import io.tianshu.planning.PlanRun;
import io.tianshu.planning.PlanningService;
import io.tianshu.planning.Receipt;
import io.tianshu.planning.ReceiptInput;
import io.tianshu.planning.engine.OrderMerge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Releases a firmed or released run's planned orders as scheduled receipts (PRODUCTION for made,
 * REQUISITION for bought, TRANSFER for transferred items), merging the orders of one material whose
 * due dates lie within the merge window (see {@link OrderMerge}); each planned order remembers its
 * receipt and is never released twice. Plain JDBC on the caller's transaction.
 */
final class PlannedOrderRelease {
  static final int MAX_MERGE_DAYS = 366;

  private PlannedOrderRelease() {}

  static List<Receipt> release(
      Connection c, CallerContext caller, PlanRun run, PlanningService.OrderRelease request)
      throws SQLException {
    int window = request.mergeDays() == null ? 0 : request.mergeDays();
    if (window < 0 || window > MAX_MERGE_DAYS) {
      throw new ValidationException(
          "mergeDays", "invalid_value", "must be in [0, " + MAX_MERGE_DAYS + "] / 超出范围");
    }
    long plant = request.plantId() == null ? run.plantId() : request.plantId();
    Sql.requireRead(caller, plant);
    Sql.requirePlanner(caller, plant);
    if (!run.status().equals("FIRMED") && !run.status().equals("RELEASED")) {
      throw new ConflictException(
          "only a FIRMED or RELEASED run's orders can be released, this one is "
              + run.status()
              + " / 只有已确认或已下达的计划可以下达计划订单");
    }
    Set<Long> wanted = request.orderIds() == null ? null : new HashSet<>(request.orderIds());
    List<OrderMerge.Candidate> candidates = new ArrayList<>();
    Map<Long, String> procurement = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT o.order_id, o.material_id, o.release_date, o.due_date, o.quantity,"
                + " i.procurement FROM planned_order o JOIN plan_item i ON i.run_id = o.run_id"
                + " AND i.plant_id = o.plant_id AND i.material_id = o.material_id"
                + " WHERE o.run_id = ? AND o.plant_id = ? AND o.released_receipt_id IS NULL"
                + (request.materialId() == null ? "" : " AND o.material_id = ?")
                + (request.releaseUntil() == null ? "" : " AND o.release_date <= ?")
                + " ORDER BY o.order_id")) {
      int i = 1;
      ps.setLong(i++, run.id());
      ps.setLong(i++, plant);
      if (request.materialId() != null) {
        ps.setLong(i++, request.materialId());
      }
      if (request.releaseUntil() != null) {
        ps.setDate(i, Sql.date(request.releaseUntil()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          if (wanted != null && !wanted.contains(id)) {
            continue;
          }
          double quantity = rs.getDouble(5);
          if (!(quantity > 0)) {
            continue;
          }
          candidates.add(
              new OrderMerge.Candidate(
                  id,
                  plant,
                  rs.getLong(2),
                  Sql.date(rs, "release_date"),
                  Sql.date(rs, "due_date"),
                  quantity));
          procurement.put(rs.getLong(2), rs.getString(6));
        }
      }
    }
    if (wanted != null && candidates.size() < wanted.size()) {
      Set<Long> found = new HashSet<>();
      candidates.forEach(o -> found.add(o.orderId()));
      wanted.removeAll(found);
      throw new ValidationException(
          "orderIds",
          "not_found",
          "no unreleased planned orders " + wanted + " of the plant in the run / 计划中无这些未下达的计划订单");
    }
    List<Receipt> out = new ArrayList<>();
    for (OrderMerge.Group g : OrderMerge.merge(candidates, window)) {
      String kind =
          switch (procurement.getOrDefault(g.materialId(), "MAKE")) {
            case "BUY" -> "REQUISITION";
            case "TRANSFER" -> "TRANSFER";
            default -> "PRODUCTION";
          };
      String reference =
          "PLN "
              + run.id()
              + "/"
              + g.orderIds().get(0)
              + (g.orderIds().size() > 1 ? " +" + (g.orderIds().size() - 1) : "");
      Receipt r =
          PlanData.addReceipt(
              c,
              caller,
              new ReceiptInput(plant, kind, reference, g.materialId(), g.dueDate(), g.quantity()));
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE planned_order SET released_receipt_id = ? WHERE run_id = ? AND order_id = ?"
                  + " AND released_receipt_id IS NULL")) {
        for (long id : g.orderIds()) {
          ps.setLong(1, r.id());
          ps.setLong(2, run.id());
          ps.setLong(3, id);
          if (ps.executeUpdate() != 1) {
            // Released concurrently by someone else: nothing of this call may stay.
            throw new ConflictException(
                "planned order " + id + " was released meanwhile / 计划订单已被他人下达");
          }
        }
      }
      out.add(r);
    }
    return out;
  }
}
