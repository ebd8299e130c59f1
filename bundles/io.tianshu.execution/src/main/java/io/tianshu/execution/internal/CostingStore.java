package io.tianshu.execution.internal;

import io.tianshu.execution.MaterialPrice;
import io.tianshu.execution.OverheadRule;
import io.tianshu.execution.WorkCenterRate;
import io.tianshu.execution.WorkOrderCost;
import io.tianshu.execution.WorkOrderCost.ByProductCredit;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.execution.engine.CostAllocation;
import io.tianshu.execution.engine.CostElements;
import io.tianshu.execution.engine.CostMaterialVariance;
import io.tianshu.execution.engine.CostOverheadBase;
import io.tianshu.execution.engine.CostOverheadVariance;
import io.tianshu.execution.engine.CostSubcontractFee;
import io.tianshu.execution.engine.CostVariances;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The costing tables through plain JDBC, on the connection of the caller's transaction. */
final class CostingStore {
  private static final int QTY_SCALE = 10;

  private CostingStore() {}

  // ---- prices

  private static final String PRICE_SELECT =
      "SELECT id, plant_id, material_id, standard_price, moving_average_price, valid_from,"
          + " valid_to, updated_at, updated_by FROM material_price";

  /** Replaces the price with the same start or adds one; returns its id. */
  static long upsertPrice(
      Connection c,
      long plantId,
      long materialId,
      BigDecimal standard,
      BigDecimal movingAverage,
      LocalDate from,
      LocalDate to,
      Instant at,
      String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE material_price SET standard_price = ?, moving_average_price = ?, valid_to = ?,"
                + " updated_at = ?, updated_by = ? WHERE plant_id = ? AND material_id = ? AND"
                + " valid_from = ?")) {
      ps.setBigDecimal(1, standard);
      ps.setBigDecimal(2, movingAverage);
      setDate(ps, 3, to);
      ps.setTimestamp(4, Timestamp.from(at));
      ps.setString(5, user);
      ps.setLong(6, plantId);
      ps.setLong(7, materialId);
      ps.setDate(8, Date.valueOf(from));
      if (ps.executeUpdate() == 0) {
        try (PreparedStatement ins =
            c.prepareStatement(
                "INSERT INTO material_price (plant_id, material_id, standard_price,"
                    + " moving_average_price, valid_from, valid_to, updated_at, updated_by) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?)")) {
          ins.setLong(1, plantId);
          ins.setLong(2, materialId);
          ins.setBigDecimal(3, standard);
          ins.setBigDecimal(4, movingAverage);
          ins.setDate(5, Date.valueOf(from));
          setDate(ins, 6, to);
          ins.setTimestamp(7, Timestamp.from(at));
          ins.setString(8, user);
          ins.executeUpdate();
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM material_price WHERE plant_id = ? AND material_id = ? AND valid_from"
                + " = ?")) {
      ps.setLong(1, plantId);
      ps.setLong(2, materialId);
      ps.setDate(3, Date.valueOf(from));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static MaterialPrice price(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PRICE_SELECT + " WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return price(rs);
      }
    }
  }

  /** Prices of a plant, optionally of one material and in effect on a date. */
  static List<MaterialPrice> prices(Connection c, long plantId, Long materialId, LocalDate date)
      throws SQLException {
    StringBuilder sql = new StringBuilder(PRICE_SELECT).append(" WHERE plant_id = ?");
    List<Object> args = new ArrayList<>(List.of(plantId));
    if (materialId != null) {
      sql.append(" AND material_id = ?");
      args.add(materialId);
    }
    if (date != null) {
      sql.append(" AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)");
      args.add(Date.valueOf(date));
      args.add(Date.valueOf(date));
    }
    sql.append(" ORDER BY material_id, valid_from");
    List<MaterialPrice> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(price(rs));
        }
      }
    }
    return out;
  }

  /** The price of each material in effect on the date: the one that started last. */
  static Map<Long, CostAssembly.Price> pricesOn(Connection c, long plantId, LocalDate date)
      throws SQLException {
    Map<Long, CostAssembly.Price> out = new HashMap<>();
    for (MaterialPrice p : prices(c, plantId, null, date)) {
      // ordered by start: the last one wins
      out.put(p.materialId(), new CostAssembly.Price(p.standardPrice(), p.movingAveragePrice()));
    }
    return out;
  }

  private static MaterialPrice price(ResultSet rs) throws SQLException {
    Date to = rs.getDate("valid_to");
    return new MaterialPrice(
        rs.getLong("id"),
        rs.getLong("plant_id"),
        rs.getLong("material_id"),
        rs.getBigDecimal("standard_price"),
        rs.getBigDecimal("moving_average_price"),
        rs.getDate("valid_from").toLocalDate(),
        to == null ? null : to.toLocalDate(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("updated_by"));
  }

  // ---- work centres

  /** The plant of an org unit of type WORK_CENTER, or empty. */
  static Optional<Long> workCenterPlant(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT plant_id FROM org_unit WHERE id = ? AND unit_type = 'WORK_CENTER'")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  static void upsertRate(Connection c, WorkCenterRate r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE work_center_rate SET labour_rate = ?, machine_rate = ?, crew_size = ?,"
                + " updated_at = ?, updated_by = ? WHERE work_center_id = ?")) {
      ps.setBigDecimal(1, r.labourRatePerHour());
      ps.setBigDecimal(2, r.machineRatePerHour());
      ps.setBigDecimal(3, r.crewSize());
      ps.setTimestamp(4, Timestamp.from(r.updatedAt()));
      ps.setString(5, r.updatedBy());
      ps.setLong(6, r.workCenterId());
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO work_center_rate (work_center_id, plant_id, labour_rate, machine_rate,"
                + " crew_size, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, r.workCenterId());
      ps.setLong(2, r.plantId());
      ps.setBigDecimal(3, r.labourRatePerHour());
      ps.setBigDecimal(4, r.machineRatePerHour());
      ps.setBigDecimal(5, r.crewSize());
      ps.setTimestamp(6, Timestamp.from(r.updatedAt()));
      ps.setString(7, r.updatedBy());
      ps.executeUpdate();
    }
  }

  static List<WorkCenterRate> rates(Connection c, long plantId) throws SQLException {
    List<WorkCenterRate> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT work_center_id, plant_id, labour_rate, machine_rate, crew_size, updated_at,"
                + " updated_by FROM work_center_rate WHERE plant_id = ? ORDER BY work_center_id")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new WorkCenterRate(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getBigDecimal(3),
                  rs.getBigDecimal(4),
                  rs.getBigDecimal(5),
                  rs.getTimestamp(6).toInstant(),
                  rs.getString(7)));
        }
      }
    }
    return out;
  }

  // ---- overhead rules

  static void replaceRules(
      Connection c, long plantId, List<OverheadRule> rules, Instant at, String user)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM overhead_rule WHERE plant_id = ?")) {
      ps.setLong(1, plantId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO overhead_rule (plant_id, seq, name, base, rate, standard_rate,"
                + " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int seq = 0;
      for (OverheadRule r : rules) {
        ps.setLong(1, plantId);
        ps.setInt(2, ++seq);
        ps.setString(3, r.name());
        ps.setString(4, r.base());
        ps.setBigDecimal(5, r.rate());
        ps.setBigDecimal(6, r.standardRate());
        ps.setTimestamp(7, Timestamp.from(at));
        ps.setString(8, user);
        ps.executeUpdate();
      }
    }
  }

  static List<OverheadRule> rules(Connection c, long plantId) throws SQLException {
    List<OverheadRule> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT name, base, rate, standard_rate FROM overhead_rule WHERE plant_id = ? ORDER"
                + " BY seq")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new OverheadRule(
                  rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
        }
      }
    }
    return out;
  }

  // ---- what the order consumed and did

  /**
   * Stock movement lines of the order: documents of the plant whose reference is the order code
   * (product receipt), the code + "/ISSUE" or "/RETURN" (issued or returned by hand) or the code +
   * "/" + one of its operations (backflush).
   */
  static List<CostAssembly.LedgerLine> ledger(
      Connection c, long plantId, String code, List<Integer> seqs) throws SQLException {
    List<CostAssembly.LedgerLine> out = new ArrayList<>();
    String like = code.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%";
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.reference, m.material_id, m.quantity FROM stock_document d JOIN"
                + " stock_movement m ON m.document_id = d.id WHERE d.plant_id = ? AND"
                + " (d.reference = ? OR d.reference LIKE ? ESCAPE '!') ORDER BY m.id")) {
      ps.setLong(1, plantId);
      ps.setString(2, code);
      ps.setString(3, like);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String ref = rs.getString(1);
          if (!ref.equals(code)) {
            String suffix = ref.substring(code.length() + 1);
            // ISSUE and RETURN: components issued or returned by hand (pick list, kit)
            if (!suffix.equals("ISSUE")
                && !suffix.equals("RETURN")
                && seqs.stream().noneMatch(s -> String.valueOf(s).equals(suffix))) {
              continue;
            }
          }
          out.add(new CostAssembly.LedgerLine(rs.getLong(2), rs.getBigDecimal(3)));
        }
      }
    }
    return out;
  }

  static List<CostAssembly.ReportTime> reportTimes(Connection c, long orderId) throws SQLException {
    List<CostAssembly.ReportTime> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT operation_seq, good_quantity, scrap_quantity, rework_quantity,"
                + " work_started_at, work_ended_at FROM operation_report WHERE work_order_id = ?"
                + " ORDER BY id")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp s = rs.getTimestamp(5);
          Timestamp e = rs.getTimestamp(6);
          out.add(
              new CostAssembly.ReportTime(
                  rs.getInt(1),
                  rs.getBigDecimal(2),
                  rs.getBigDecimal(3),
                  rs.getBigDecimal(4),
                  s == null ? null : s.toInstant(),
                  e == null ? null : e.toInstant()));
        }
      }
    }
    return out;
  }

  // ---- stored cost

  static void deleteCost(Connection c, long orderId) throws SQLException {
    for (String t : List.of("work_order_cost_line", "work_order_cost")) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM " + t + " WHERE work_order_id = ?")) {
        ps.setLong(1, orderId);
        ps.executeUpdate();
      }
    }
  }

  static void insertCost(Connection c, WorkOrderCost k) throws SQLException {
    CostVariances v = k.variances();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO work_order_cost (work_order_id, plant_id, order_status, price_date,"
                + " main_quantity, time_source, labour_minutes, machine_minutes,"
                + " std_labour_minutes, std_machine_minutes, material_cost, labour_cost,"
                + " machine_cost, overhead_cost, std_material_cost, std_labour_cost,"
                + " std_machine_cost, std_overhead_cost, material_at_standard,"
                + " material_at_moving_average, material_price_var, material_usage_var,"
                + " labour_rate_var, labour_efficiency_var, machine_spending_var,"
                + " machine_efficiency_var, overhead_spending_var, overhead_efficiency_var,"
                + " by_product_credit, joint_cost, notes, computed_at, computed_by) VALUES (?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?)")) {
      int i = 0;
      ps.setLong(++i, k.workOrderId());
      ps.setLong(++i, k.plantId());
      ps.setString(++i, k.orderStatus().name());
      ps.setDate(++i, Date.valueOf(k.priceDate()));
      ps.setBigDecimal(++i, k.mainQuantity());
      ps.setString(++i, k.timeSource());
      for (BigDecimal d :
          List.of(
              k.labourMinutes(),
              k.machineMinutes(),
              k.standardLabourMinutes(),
              k.standardMachineMinutes())) {
        ps.setBigDecimal(++i, d.setScale(6, RoundingMode.HALF_UP));
      }
      for (CostElements e : List.of(k.actual(), k.standard())) {
        ps.setBigDecimal(++i, e.material());
        ps.setBigDecimal(++i, e.labour());
        ps.setBigDecimal(++i, e.machine());
        ps.setBigDecimal(++i, e.overhead());
      }
      ps.setBigDecimal(++i, k.materialAtStandard());
      ps.setBigDecimal(++i, k.materialAtMovingAverage());
      for (BigDecimal d :
          List.of(
              v.materialPrice(),
              v.materialUsage(),
              v.labourRate(),
              v.labourEfficiency(),
              v.machineSpending(),
              v.machineEfficiency(),
              v.overheadSpending(),
              v.overheadEfficiency(),
              k.byProductCredit(),
              k.jointCost())) {
        ps.setBigDecimal(++i, d);
      }
      String notes = String.join("\n", k.notes());
      ps.setString(
          ++i, notes.isEmpty() ? null : notes.substring(0, Math.min(2000, notes.length())));
      ps.setTimestamp(++i, Timestamp.from(k.computedAt()));
      ps.setString(++i, k.computedBy());
      ps.executeUpdate();
    }
    // The fifth element came later (V18); its variance is actual - standard, so it is not kept.
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE work_order_cost SET subcontract_cost = ?, std_subcontract_cost = ? WHERE"
                + " work_order_id = ?")) {
      ps.setBigDecimal(1, k.actual().subcontract());
      ps.setBigDecimal(2, k.standard().subcontract());
      ps.setLong(3, k.workOrderId());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO work_order_cost_line (work_order_id, line_no, line_kind, item_id, name,"
                + " base, actual_quantity, standard_quantity, unit_price, actual_cost,"
                + " standard_cost, variance_a, variance_b) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?)")) {
      int line = 0;
      for (CostMaterialVariance m : v.materials()) {
        line(
            ps,
            k.workOrderId(),
            ++line,
            "MATERIAL",
            Long.valueOf(m.materialId()),
            null,
            null,
            m.actualQuantity(),
            m.standardQuantity(),
            m.standardPrice(),
            m.actualCost(),
            m.standardCost(),
            m.priceVariance(),
            m.usageVariance());
      }
      for (CostOverheadVariance o : v.overheads()) {
        line(
            ps,
            k.workOrderId(),
            ++line,
            "OVERHEAD",
            null,
            o.ruleName(),
            o.base().name(),
            o.actualBase(),
            o.standardBase(),
            null,
            o.actualCost(),
            o.standardCost(),
            o.spendingVariance(),
            o.efficiencyVariance());
      }
      for (CostAllocation a : k.allocations()) {
        line(
            ps,
            k.workOrderId(),
            ++line,
            "ALLOCATION",
            Long.valueOf(a.productId()),
            a.mainProduct() ? "MAIN" : "CO_PRODUCT",
            null,
            a.quantity(),
            a.weight(),
            a.unitCost(),
            a.allocatedCost(),
            null,
            null,
            null);
      }
      for (ByProductCredit b : k.byProducts()) {
        line(
            ps,
            k.workOrderId(),
            ++line,
            "BY_PRODUCT",
            b.materialId(),
            null,
            null,
            b.quantity(),
            null,
            b.unitCredit(),
            b.credit(),
            null,
            null,
            null);
      }
    }
  }

  private static void line(
      PreparedStatement ps,
      long orderId,
      int lineNo,
      String kind,
      Long item,
      String name,
      String base,
      BigDecimal actualQty,
      BigDecimal stdQty,
      BigDecimal unitPrice,
      BigDecimal actualCost,
      BigDecimal stdCost,
      BigDecimal varA,
      BigDecimal varB)
      throws SQLException {
    ps.setLong(1, orderId);
    ps.setInt(2, lineNo);
    ps.setString(3, kind);
    if (item == null) {
      ps.setNull(4, Types.BIGINT);
    } else {
      ps.setLong(4, item);
    }
    ps.setString(5, name);
    ps.setString(6, base);
    ps.setBigDecimal(7, qty(actualQty));
    ps.setBigDecimal(8, qty(stdQty));
    ps.setBigDecimal(9, unitPrice == null ? null : unitPrice.setScale(6, RoundingMode.HALF_UP));
    ps.setBigDecimal(10, actualCost);
    ps.setBigDecimal(11, stdCost);
    ps.setBigDecimal(12, varA);
    ps.setBigDecimal(13, varB);
    ps.executeUpdate();
  }

  private static BigDecimal qty(BigDecimal d) {
    return d == null ? null : d.setScale(QTY_SCALE, RoundingMode.HALF_UP);
  }

  /** The stored cost of an order with the order's code. */
  static Optional<WorkOrderCost> cost(Connection c, long orderId, String code) throws SQLException {
    List<CostMaterialVariance> materials = new ArrayList<>();
    List<CostOverheadVariance> overheads = new ArrayList<>();
    List<CostAllocation> allocations = new ArrayList<>();
    List<ByProductCredit> byProducts = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT line_kind, item_id, name, base, actual_quantity, standard_quantity,"
                + " unit_price, actual_cost, standard_cost, variance_a, variance_b FROM"
                + " work_order_cost_line WHERE work_order_id = ? ORDER BY line_no")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long item = rs.getLong(2);
          BigDecimal aq = strip(rs.getBigDecimal(5));
          BigDecimal sq = strip(rs.getBigDecimal(6));
          BigDecimal price = strip(rs.getBigDecimal(7));
          switch (rs.getString(1)) {
            case "MATERIAL" ->
                materials.add(
                    new CostMaterialVariance(
                        String.valueOf(item),
                        aq,
                        sq,
                        price,
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10),
                        rs.getBigDecimal(11)));
            case "OVERHEAD" ->
                overheads.add(
                    new CostOverheadVariance(
                        rs.getString(3),
                        CostOverheadBase.valueOf(rs.getString(4)),
                        aq,
                        sq,
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10),
                        rs.getBigDecimal(11)));
            case "ALLOCATION" ->
                allocations.add(
                    new CostAllocation(
                        String.valueOf(item),
                        "MAIN".equals(rs.getString(3)),
                        aq,
                        sq,
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(7).setScale(4, RoundingMode.HALF_UP)));
            default -> byProducts.add(new ByProductCredit(item, aq, price, rs.getBigDecimal(8)));
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM work_order_cost WHERE work_order_id = ?")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        CostElements actual =
            new CostElements(
                rs.getBigDecimal("material_cost"),
                rs.getBigDecimal("labour_cost"),
                rs.getBigDecimal("machine_cost"),
                rs.getBigDecimal("overhead_cost"),
                rs.getBigDecimal("subcontract_cost"));
        CostElements standard =
            new CostElements(
                rs.getBigDecimal("std_material_cost"),
                rs.getBigDecimal("std_labour_cost"),
                rs.getBigDecimal("std_machine_cost"),
                rs.getBigDecimal("std_overhead_cost"),
                rs.getBigDecimal("std_subcontract_cost"));
        CostVariances v =
            new CostVariances(
                rs.getBigDecimal("material_price_var"),
                rs.getBigDecimal("material_usage_var"),
                rs.getBigDecimal("labour_rate_var"),
                rs.getBigDecimal("labour_efficiency_var"),
                rs.getBigDecimal("machine_spending_var"),
                rs.getBigDecimal("machine_efficiency_var"),
                rs.getBigDecimal("overhead_spending_var"),
                rs.getBigDecimal("overhead_efficiency_var"),
                materials,
                overheads,
                actual.subcontract().subtract(standard.subcontract()));
        String notes = rs.getString("notes");
        return Optional.of(
            new WorkOrderCost(
                orderId,
                code,
                rs.getLong("plant_id"),
                WorkOrderStatus.valueOf(rs.getString("order_status")),
                rs.getDate("price_date").toLocalDate(),
                strip(rs.getBigDecimal("main_quantity")),
                rs.getString("time_source"),
                strip(rs.getBigDecimal("labour_minutes")),
                strip(rs.getBigDecimal("machine_minutes")),
                strip(rs.getBigDecimal("std_labour_minutes")),
                strip(rs.getBigDecimal("std_machine_minutes")),
                actual,
                standard,
                actual.total(),
                standard.total(),
                v.total(),
                rs.getBigDecimal("material_at_standard"),
                rs.getBigDecimal("material_at_moving_average"),
                v,
                byProducts,
                rs.getBigDecimal("by_product_credit"),
                rs.getBigDecimal("joint_cost"),
                allocations,
                notes == null ? List.of() : List.of(notes.split("\n")),
                true,
                rs.getTimestamp("computed_at").toInstant(),
                rs.getString("computed_by")));
      }
    }
  }

  private static BigDecimal strip(BigDecimal d) {
    return d == null ? null : new BigDecimal(d.stripTrailingZeros().toPlainString());
  }

  private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
    if (d == null) {
      ps.setNull(i, Types.DATE);
    } else {
      ps.setDate(i, Date.valueOf(d));
    }
  }

  /**
   * The processing fees (委外加工费) of the order's outsourcing receipts, in the order they were
   * received.
   */
  static List<CostSubcontractFee> subcontractFees(Connection c, long orderId) throws SQLException {
    List<CostSubcontractFee> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT operation_seq, through_seq, supplier, quantity + scrap_quantity, fee FROM"
                + " outsourcing_movement WHERE work_order_id = ? AND kind = 'RECEIVE' ORDER BY"
                + " id")) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CostSubcontractFee(
                  rs.getInt(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getBigDecimal(4),
                  rs.getBigDecimal(5)));
        }
      }
    }
    return out;
  }
}
