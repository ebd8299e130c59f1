package io.tianshu.planning.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Validation;
import io.tianshu.planning.Allocation;
import io.tianshu.planning.AllocationInput;
import io.tianshu.planning.ConfirmationInput;
import io.tianshu.planning.Forecast;
import io.tianshu.planning.ForecastInput;
import io.tianshu.planning.ForecastSplit;
import io.tianshu.planning.ForecastSplitInput;
import io.tianshu.planning.PlanParameter;
import io.tianshu.planning.PlanParameterInput;
import io.tianshu.planning.Receipt;
import io.tianshu.planning.ReceiptInput;
import io.tianshu.planning.SafetyStockLevel;
import io.tianshu.planning.SalesOrder;
import io.tianshu.planning.SalesOrderInput;
import io.tianshu.planning.engine.LotSizing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Planning parameters, forecasts, sales order lines and scheduled receipts on plain JDBC. Every
 * write checks the caller's PLANNER role in the plant, validates all fields at once and writes its
 * audit row on the same connection (the caller's transaction).
 */
final class PlanData {
  static final Set<String> PROCUREMENTS = Set.of("MAKE", "BUY", "TRANSFER");
  static final Set<String> STRATEGIES = Set.of("MTS", "MTO", "ATO");
  static final Set<String> RECEIPT_KINDS =
      Set.of("PURCHASE", "PRODUCTION", "TRANSFER", "REQUISITION");
  private static final double MAX_QUANTITY = 1e15;

  private PlanData() {}

  /** The material's code, when it is group-owned or owned by the plant; null otherwise. */
  static String materialCode(Connection c, long materialId, long plantId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT code FROM material WHERE id = ? AND (owner_plant_id = 0 OR owner_plant_id = ?)")) {
      ps.setLong(1, materialId);
      ps.setLong(2, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String requireMaterial(Connection c, Long materialId, long plantId)
      throws SQLException {
    String code = materialCode(c, materialId, plantId);
    if (code == null) {
      throw new io.tianshu.core.ValidationException(
          "materialId",
          "not_found",
          "material " + materialId + " is not known in the plant / 工厂中无此物料");
    }
    return code;
  }

  private static void quantity(Validation v, String field, Double value, boolean positive) {
    if (value == null) {
      return;
    }
    if (!Double.isFinite(value) || value < 0 || value > MAX_QUANTITY || positive && value == 0) {
      v.add(
          field,
          "invalid_value",
          (positive ? "must be > 0" : "must be >= 0") + " / " + (positive ? "必须大于 0" : "不能为负"));
    }
  }

  private static void days(Validation v, String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      v.add(field, "invalid_value", "must be in [" + min + ", " + max + "] / 超出范围");
    }
  }

  private static double or(Double d, double dflt) {
    return d == null ? dflt : d;
  }

  private static int or(Integer i, int dflt) {
    return i == null ? dflt : i;
  }

  private static String text(String s) {
    return s == null ? "" : s.trim();
  }

  /**
   * Rows of {@code table} (alias x) of a plant with their material's code ({@code m.code}),
   * optionally of one material and one id.
   */
  private static <T> List<T> list(
      Connection c,
      String table,
      long plantId,
      Long materialId,
      Long id,
      String orderBy,
      Sql.Row<T> row)
      throws SQLException {
    String sql =
        "SELECT x.*, m.code FROM "
            + table
            + " x JOIN material m ON m.id = x.material_id WHERE x.plant_id = ?"
            + (materialId == null ? "" : " AND x.material_id = ?")
            + (id == null ? "" : " AND x.id = ?")
            + " ORDER BY "
            + orderBy;
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setLong(i++, plantId);
      if (materialId != null) {
        ps.setLong(i++, materialId);
      }
      if (id != null) {
        ps.setLong(i, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.map(rs));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- parameters

  static PlanParameter putParameter(Connection c, CallerContext caller, PlanParameterInput in)
      throws SQLException {
    Validation v = new Validation();
    v.required("plantId", in.plantId()).required("materialId", in.materialId());
    String procurement =
        in.procurement() == null ? "MAKE" : in.procurement().trim().toUpperCase(Locale.ROOT);
    if (!PROCUREMENTS.contains(procurement)) {
      v.add("procurement", "invalid_value", "MAKE, BUY or TRANSFER / 只能是 MAKE、BUY 或 TRANSFER");
    }
    if ("TRANSFER".equals(procurement)) {
      if (in.sourcePlantId() == null) {
        v.add("sourcePlantId", "required", "TRANSFER needs a source plant / 调拨须指定来源工厂");
      } else if (in.sourcePlantId().equals(in.plantId())) {
        v.add("sourcePlantId", "invalid_value", "a plant cannot source from itself / 来源工厂不能是本厂");
      }
    } else if (in.sourcePlantId() != null) {
      v.add("sourcePlantId", "invalid_value", "only TRANSFER has a source plant / 仅调拨需要来源工厂");
    }
    String strategy = in.strategy() == null ? "MTS" : in.strategy().trim().toUpperCase(Locale.ROOT);
    if (!STRATEGIES.contains(strategy)) {
      v.add("strategy", "invalid_value", "MTS, MTO or ATO / 只能是 MTS、MTO 或 ATO");
    }
    String lot =
        in.lotSizing() == null ? "LOT_FOR_LOT" : in.lotSizing().trim().toUpperCase(Locale.ROOT);
    LotSizing lotSizing = null;
    try {
      lotSizing = LotSizing.valueOf(lot);
    } catch (IllegalArgumentException e) {
      v.add(
          "lotSizing",
          "invalid_value",
          "LOT_FOR_LOT, FIXED_QUANTITY or PERIOD_ORDER_QUANTITY / 批量规则无效");
    }
    days(v, "leadTimeDays", in.leadTimeDays(), 0, 3650);
    days(v, "periodDays", in.periodDays(), 0, 3650);
    days(v, "demandFenceDays", in.demandFenceDays(), 0, 3650);
    days(v, "planningFenceDays", in.planningFenceDays(), 0, 3650);
    quantity(v, "fixedQuantity", in.fixedQuantity(), false);
    quantity(v, "minimumQuantity", in.minimumQuantity(), false);
    quantity(v, "maximumQuantity", in.maximumQuantity(), false);
    quantity(v, "multipleQuantity", in.multipleQuantity(), false);
    quantity(v, "safetyStock", in.safetyStock(), false);
    if (in.yieldPercent() != null && !(in.yieldPercent() > 0 && in.yieldPercent() <= 100)) {
      v.add("yieldPercent", "invalid_value", "must be in (0, 100] / 成品率须在 (0, 100] 之内");
    }
    if (lotSizing == LotSizing.FIXED_QUANTITY && !(or(in.fixedQuantity(), 0) > 0)) {
      v.add("fixedQuantity", "required", "FIXED_QUANTITY needs a fixed quantity > 0 / 固定批量须大于 0");
    }
    if (lotSizing == LotSizing.PERIOD_ORDER_QUANTITY && or(in.periodDays(), 0) < 1) {
      v.add("periodDays", "required", "PERIOD_ORDER_QUANTITY needs periodDays >= 1 / 期间天数至少 1");
    }
    List<SafetyStockLevel> steps =
        in.safetyStockSteps() == null ? List.of() : in.safetyStockSteps();
    java.util.Set<java.time.LocalDate> stepDates = new java.util.HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      SafetyStockLevel step = steps.get(i);
      String at = "safetyStockSteps[" + i + "]";
      if (step == null) {
        v.add(at, "required", "is required / 必填");
        continue;
      }
      v.required(at + ".from", step.from()).required(at + ".quantity", step.quantity());
      quantity(v, at + ".quantity", step.quantity(), false);
      if (step.from() != null && !stepDates.add(step.from())) {
        v.add(at + ".from", "duplicate", "two steps on one date / 同一日期有两个安全库存");
      }
    }
    double max = or(in.maximumQuantity(), 0);
    if (max > 0 && max < or(in.minimumQuantity(), 0)) {
      v.add("maximumQuantity", "invalid_value", "below the minimum / 小于最小批量");
    }
    v.throwIfInvalid();
    long plant = in.plantId();
    Sql.requirePlanner(caller, plant);
    String code = requireMaterial(c, in.materialId(), plant);
    if (in.sourcePlantId() != null) {
      if (!caller.canRead(in.sourcePlantId()) || !isPlant(c, in.sourcePlantId())) {
        throw new io.tianshu.core.ValidationException(
            "sourcePlantId", "not_found", "no such plant / 来源工厂不存在");
      }
      if (materialCode(c, in.materialId(), in.sourcePlantId()) == null) {
        throw new io.tianshu.core.ValidationException(
            "materialId",
            "not_found",
            "the material is not known in the source plant (use a group material) / 来源工厂中无此物料");
      }
    }
    Long current = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT version FROM plan_parameter WHERE plant_id = ? AND material_id = ? FOR UPDATE")) {
      ps.setLong(1, plant);
      ps.setLong(2, in.materialId());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          current = rs.getLong(1);
        }
      }
    }
    long version;
    Timestamp now = Timestamp.from(Instant.now());
    if (current == null) {
      if (in.version() != null) {
        throw new NotFoundException("PlanParameter", plant + "/" + in.materialId());
      }
      version = 0;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO plan_parameter (procurement, lead_time_days, lot_sizing, fixed_quantity,"
                  + " period_days, minimum_quantity, maximum_quantity, multiple_quantity,"
                  + " safety_stock, yield_percent, phantom, mps, version, updated_at, updated_by,"
                  + " plant_id, material_id, source_plant_id, demand_fence_days,"
                  + " planning_fence_days, strategy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bindParameter(ps, in, procurement, lot, strategy, version, now, caller.username(), true);
        ps.executeUpdate();
      }
    } else {
      if (in.version() == null) {
        throw new ConflictException(
            "planning parameters exist already; send the version last read / 计划参数已存在，请带上版本号");
      }
      if (in.version() != current.longValue()) {
        throw ConflictException.staleVersion(
            "PlanParameter", plant + "/" + in.materialId(), current);
      }
      version = current + 1;
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE plan_parameter SET procurement = ?, lead_time_days = ?, lot_sizing = ?,"
                  + " fixed_quantity = ?, period_days = ?, minimum_quantity = ?,"
                  + " maximum_quantity = ?, multiple_quantity = ?, safety_stock = ?,"
                  + " yield_percent = ?, phantom = ?, mps = ?, version = ?, updated_at = ?,"
                  + " updated_by = ?, source_plant_id = ?, demand_fence_days = ?,"
                  + " planning_fence_days = ?, strategy = ? WHERE plant_id = ? AND material_id = ?")) {
        bindParameter(ps, in, procurement, lot, strategy, version, now, caller.username(), false);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM safety_stock_step WHERE plant_id = ? AND material_id = ?")) {
      ps.setLong(1, plant);
      ps.setLong(2, in.materialId());
      ps.executeUpdate();
    }
    List<SafetyStockLevel> sorted = new ArrayList<>(steps);
    sorted.sort(java.util.Comparator.comparing(SafetyStockLevel::from));
    if (!sorted.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO safety_stock_step (plant_id, material_id, effective_from, quantity)"
                  + " VALUES (?, ?, ?, ?)")) {
        for (SafetyStockLevel step : sorted) {
          ps.setLong(1, plant);
          ps.setLong(2, in.materialId());
          ps.setDate(3, Sql.date(step.from()));
          ps.setDouble(4, step.quantity());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    PlanParameter p =
        new PlanParameter(
            plant,
            in.materialId(),
            code,
            procurement,
            in.sourcePlantId(),
            or(in.leadTimeDays(), 0),
            lot,
            or(in.fixedQuantity(), 0),
            or(in.periodDays(), 0),
            or(in.minimumQuantity(), 0),
            or(in.maximumQuantity(), 0),
            or(in.multipleQuantity(), 0),
            or(in.safetyStock(), 0),
            or(in.yieldPercent(), 100),
            Boolean.TRUE.equals(in.phantom()),
            Boolean.TRUE.equals(in.mps()),
            or(in.demandFenceDays(), 0),
            or(in.planningFenceDays(), 0),
            strategy,
            List.copyOf(sorted),
            version);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("material", code);
    after.put("procurement", procurement);
    if (in.sourcePlantId() != null) {
      after.put("sourcePlantId", in.sourcePlantId());
    }
    after.put("leadTimeDays", p.leadTimeDays());
    after.put("lotSizing", lot);
    after.put("strategy", strategy);
    if (!sorted.isEmpty()) {
      after.put("safetyStockSteps", sorted.size());
    }
    after.put("safetyStock", p.safetyStock());
    Sql.audit(
        c,
        caller,
        "PlanParameter",
        plant + "/" + in.materialId(),
        plant,
        current == null ? "CREATE" : "UPDATE",
        after);
    return p;
  }

  /** AVAILABLE stock of a plant per material (quarantined and blocked stock left out). */
  static Map<Long, Double> availableStock(Connection c, long plantId) throws SQLException {
    Map<Long, Double> out = new java.util.HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT material_id, SUM(quantity) FROM stock_balance WHERE plant_id = ?"
                + " AND status = 'AVAILABLE' GROUP BY material_id")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), Math.max(0, rs.getDouble(2)));
        }
      }
    }
    return out;
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static boolean isPlant(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM org_unit WHERE id = ? AND unit_type = 'PLANT'")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void bindParameter(
      PreparedStatement ps,
      PlanParameterInput in,
      String procurement,
      String lot,
      String strategy,
      long version,
      Timestamp now,
      String user,
      boolean insert)
      throws SQLException {
    ps.setString(1, procurement);
    ps.setInt(2, or(in.leadTimeDays(), 0));
    ps.setString(3, lot);
    ps.setDouble(4, or(in.fixedQuantity(), 0));
    ps.setInt(5, or(in.periodDays(), 0));
    ps.setDouble(6, or(in.minimumQuantity(), 0));
    ps.setDouble(7, or(in.maximumQuantity(), 0));
    ps.setDouble(8, or(in.multipleQuantity(), 0));
    ps.setDouble(9, or(in.safetyStock(), 0));
    ps.setDouble(10, or(in.yieldPercent(), 100));
    ps.setBoolean(11, Boolean.TRUE.equals(in.phantom()));
    ps.setBoolean(12, Boolean.TRUE.equals(in.mps()));
    ps.setLong(13, version);
    ps.setTimestamp(14, now);
    ps.setString(15, user);
    // insert: plant, material, source, fences, strategy; update: source, fences, strategy, plant,
    // material
    int source = insert ? 18 : 16;
    int key = insert ? 16 : 20;
    ps.setLong(key, in.plantId());
    ps.setLong(key + 1, in.materialId());
    if (in.sourcePlantId() == null) {
      ps.setNull(source, java.sql.Types.BIGINT);
    } else {
      ps.setLong(source, in.sourcePlantId());
    }
    ps.setInt(source + 1, or(in.demandFenceDays(), 0));
    ps.setInt(source + 2, or(in.planningFenceDays(), 0));
    ps.setString(source + 3, strategy);
  }

  static List<PlanParameter> parameters(Connection c, long plantId, Long materialId)
      throws SQLException {
    Map<Long, List<SafetyStockLevel>> steps = safetyStockSteps(c, plantId);
    return list(
        c,
        "plan_parameter",
        plantId,
        materialId,
        null,
        "m.code",
        rs ->
            new PlanParameter(
                rs.getLong("plant_id"),
                rs.getLong("material_id"),
                rs.getString("code"),
                rs.getString("procurement"),
                nullableLong(rs, "source_plant_id"),
                rs.getInt("lead_time_days"),
                rs.getString("lot_sizing"),
                rs.getDouble("fixed_quantity"),
                rs.getInt("period_days"),
                rs.getDouble("minimum_quantity"),
                rs.getDouble("maximum_quantity"),
                rs.getDouble("multiple_quantity"),
                rs.getDouble("safety_stock"),
                rs.getDouble("yield_percent"),
                rs.getBoolean("phantom"),
                rs.getBoolean("mps"),
                rs.getInt("demand_fence_days"),
                rs.getInt("planning_fence_days"),
                rs.getString("strategy"),
                steps.getOrDefault(rs.getLong("material_id"), List.of()),
                rs.getLong("version")));
  }

  /** The date-effective safety stock steps of a plant's materials, by date. */
  static Map<Long, List<SafetyStockLevel>> safetyStockSteps(Connection c, long plantId)
      throws SQLException {
    Map<Long, List<SafetyStockLevel>> out = new java.util.HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT material_id, effective_from, quantity FROM safety_stock_step"
                + " WHERE plant_id = ? ORDER BY material_id, effective_from")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new SafetyStockLevel(rs.getDate(2).toLocalDate(), rs.getDouble(3)));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- forecasts

  static final Set<String> PERIODS = Set.of("DAY", "WEEK", "MONTH");

  static Forecast addForecast(Connection c, CallerContext caller, ForecastInput in)
      throws SQLException {
    Validation v = new Validation();
    v.required("plantId", in.plantId())
        .required("date", in.date())
        .required("quantity", in.quantity());
    if (in.materialId() == null && in.materialGroupId() == null) {
      v.add("materialId", "required", "materialId or materialGroupId is required / 须指定物料或物料组");
    } else if (in.materialId() != null && in.materialGroupId() != null) {
      v.add(
          "materialGroupId",
          "invalid_value",
          "give materialId or materialGroupId, not both / 物料与物料组只能指定其一");
    }
    quantity(v, "quantity", in.quantity(), false);
    v.optionalText("customer", in.customer(), 64)
        .optionalText("channel", in.channel(), 64)
        .optionalText("region", in.region(), 64);
    String period = in.period() == null ? "DAY" : in.period().trim().toUpperCase(Locale.ROOT);
    if (!PERIODS.contains(period)) {
      v.add("period", "invalid_value", "DAY, WEEK or MONTH / 只能是 DAY、WEEK 或 MONTH");
    }
    v.throwIfInvalid();
    Sql.requirePlanner(caller, in.plantId());
    String code = null;
    String groupCode = null;
    if (in.materialId() != null) {
      code = requireMaterial(c, in.materialId(), in.plantId());
    } else {
      groupCode = requireGroup(c, in.materialGroupId(), in.plantId());
      if (!hasSplit(c, in.plantId(), in.materialGroupId())) {
        throw new io.tianshu.core.ValidationException(
            "materialGroupId",
            "invalid_value",
            "no forecast split for the group in the plant / 该物料组在工厂中没有预测分解比例");
      }
    }
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO forecast (plant_id, material_id, forecast_date, quantity, customer,"
                + " channel, region, created_at, created_by, period, material_group_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, in.plantId());
      if (in.materialId() == null) {
        ps.setNull(2, java.sql.Types.BIGINT);
      } else {
        ps.setLong(2, in.materialId());
      }
      ps.setDate(3, Sql.date(in.date()));
      ps.setDouble(4, in.quantity());
      ps.setString(5, text(in.customer()));
      ps.setString(6, text(in.channel()));
      ps.setString(7, text(in.region()));
      ps.setTimestamp(8, Timestamp.from(Instant.now()));
      ps.setString(9, caller.username());
      ps.setString(10, period);
      if (in.materialGroupId() == null) {
        ps.setNull(11, java.sql.Types.BIGINT);
      } else {
        ps.setLong(11, in.materialGroupId());
      }
      ps.executeUpdate();
      id = generatedId(ps);
    }
    Forecast f =
        new Forecast(
            id,
            in.plantId(),
            in.materialId(),
            code,
            in.date(),
            in.quantity(),
            text(in.customer()),
            text(in.channel()),
            text(in.region()),
            period,
            in.materialGroupId(),
            groupCode);
    Map<String, Object> after = new LinkedHashMap<>();
    if (code != null) {
      after.put("material", code);
    } else {
      after.put("materialGroup", groupCode);
    }
    after.put("date", in.date().toString());
    after.put("quantity", in.quantity());
    after.put("period", period);
    Sql.audit(c, caller, "Forecast", id, in.plantId(), "CREATE", after);
    return f;
  }

  /** The group's code, when it is group-owned or owned by the plant; else a 400 on the field. */
  private static String requireGroup(Connection c, long groupId, long plantId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT code FROM material_group WHERE id = ?"
                + " AND (owner_plant_id = 0 OR owner_plant_id = ?)")) {
      ps.setLong(1, groupId);
      ps.setLong(2, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getString(1);
        }
      }
    }
    throw new io.tianshu.core.ValidationException(
        "materialGroupId",
        "not_found",
        "material group " + groupId + " is not known in the plant / 工厂中无此物料组");
  }

  private static boolean hasSplit(Connection c, long plantId, long groupId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM forecast_split WHERE plant_id = ? AND group_id = ?"
                + " FETCH FIRST 1 ROWS ONLY")) {
      ps.setLong(1, plantId);
      ps.setLong(2, groupId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  // ---------------------------------------------------------------- forecast splits

  /** Percents must sum to 100 within this. */
  static final double SPLIT_TOLERANCE = 0.01;

  static ForecastSplit putForecastSplit(Connection c, CallerContext caller, ForecastSplitInput in)
      throws SQLException {
    Validation v = new Validation();
    v.required("plantId", in.plantId()).required("groupId", in.groupId());
    List<ForecastSplitInput.Line> lines = in.lines() == null ? List.of() : in.lines();
    if (lines.isEmpty()) {
      v.add("lines", "required", "at least one material / 至少一个物料");
    }
    Set<Long> seen = new java.util.HashSet<>();
    double sum = 0;
    boolean summable = true;
    for (int i = 0; i < lines.size(); i++) {
      ForecastSplitInput.Line l = lines.get(i);
      String at = "lines[" + i + "]";
      if (l == null) {
        v.add(at, "required", "is required / 必填");
        summable = false;
        continue;
      }
      v.required(at + ".materialId", l.materialId()).required(at + ".percent", l.percent());
      if (l.materialId() != null && !seen.add(l.materialId())) {
        v.add(at + ".materialId", "duplicate", "a material twice / 物料重复");
      }
      if (l.percent() == null) {
        summable = false;
      } else if (!Double.isFinite(l.percent()) || l.percent() <= 0 || l.percent() > 100) {
        v.add(at + ".percent", "invalid_value", "must be in (0, 100] / 比例须在 (0, 100] 之内");
        summable = false;
      } else {
        sum += l.percent();
      }
    }
    if (summable && !lines.isEmpty() && Math.abs(sum - 100) > SPLIT_TOLERANCE) {
      v.add("lines", "invalid_value", "percents must sum to 100, were " + sum + " / 比例之和须为 100");
    }
    v.throwIfInvalid();
    long plant = in.plantId();
    Sql.requirePlanner(caller, plant);
    String groupCode = requireGroup(c, in.groupId(), plant);
    Validation members = new Validation();
    List<ForecastSplit.Line> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ForecastSplitInput.Line l = lines.get(i);
      String code = null;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT code FROM material WHERE id = ? AND group_id = ?"
                  + " AND (owner_plant_id = 0 OR owner_plant_id = ?)")) {
        ps.setLong(1, l.materialId());
        ps.setLong(2, in.groupId());
        ps.setLong(3, plant);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            code = rs.getString(1);
          }
        }
      }
      if (code == null) {
        members.add(
            "lines[" + i + "].materialId",
            "invalid_value",
            "material " + l.materialId() + " is not in the group / 物料不属于该物料组");
      } else {
        out.add(new ForecastSplit.Line(l.materialId(), code, l.percent()));
      }
    }
    members.throwIfInvalid();
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM forecast_split WHERE plant_id = ? AND group_id = ?")) {
      ps.setLong(1, plant);
      ps.setLong(2, in.groupId());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO forecast_split (plant_id, group_id, material_id, percent)"
                + " VALUES (?, ?, ?, ?)")) {
      for (ForecastSplit.Line l : out) {
        ps.setLong(1, plant);
        ps.setLong(2, in.groupId());
        ps.setLong(3, l.materialId());
        ps.setBigDecimal(4, java.math.BigDecimal.valueOf(l.percent()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Map<String, Object> percents = new LinkedHashMap<>();
    for (ForecastSplit.Line l : out) {
      percents.put(l.materialCode(), l.percent());
    }
    Sql.audit(
        c,
        caller,
        "ForecastSplit",
        plant + "/" + in.groupId(),
        plant,
        "UPDATE",
        Map.of("group", groupCode, "percents", percents));
    return forecastSplit(c, plant, in.groupId());
  }

  static ForecastSplit forecastSplit(Connection c, long plantId, long groupId) throws SQLException {
    String groupCode;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT code FROM material_group WHERE id = ?"
                + " AND (owner_plant_id = 0 OR owner_plant_id = ?)")) {
      ps.setLong(1, groupId);
      ps.setLong(2, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("MaterialGroup", groupId);
        }
        groupCode = rs.getString(1);
      }
    }
    List<ForecastSplit.Line> lines = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.material_id, m.code, s.percent FROM forecast_split s"
                + " JOIN material m ON m.id = s.material_id"
                + " WHERE s.plant_id = ? AND s.group_id = ? ORDER BY m.code")) {
      ps.setLong(1, plantId);
      ps.setLong(2, groupId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(new ForecastSplit.Line(rs.getLong(1), rs.getString(2), rs.getDouble(3)));
        }
      }
    }
    return new ForecastSplit(plantId, groupId, groupCode, List.copyOf(lines));
  }

  static long generatedId(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  static List<Forecast> forecasts(Connection c, long plantId, Long materialId) throws SQLException {
    String sql =
        "SELECT x.*, m.code, g.code AS group_code FROM forecast x"
            + " LEFT JOIN material m ON m.id = x.material_id"
            + " LEFT JOIN material_group g ON g.id = x.material_group_id WHERE x.plant_id = ?"
            + (materialId == null ? "" : " AND x.material_id = ?")
            + " ORDER BY m.code, g.code, x.forecast_date, x.id";
    List<Forecast> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, plantId);
      if (materialId != null) {
        ps.setLong(2, materialId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Forecast(
                  rs.getLong("id"),
                  rs.getLong("plant_id"),
                  nullableLong(rs, "material_id"),
                  rs.getString("code"),
                  Sql.date(rs, "forecast_date"),
                  rs.getDouble("quantity"),
                  rs.getString("customer"),
                  rs.getString("channel"),
                  rs.getString("region"),
                  rs.getString("period"),
                  nullableLong(rs, "material_group_id"),
                  rs.getString("group_code")));
        }
      }
    }
    return out;
  }

  static void deleteForecast(Connection c, CallerContext caller, long id) throws SQLException {
    long plant;
    try (PreparedStatement ps = c.prepareStatement("SELECT plant_id FROM forecast WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !caller.canRead(rs.getLong(1))) {
          throw new NotFoundException("Forecast", id);
        }
        plant = rs.getLong(1);
      }
    }
    Sql.requirePlanner(caller, plant);
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM forecast WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    Sql.audit(c, caller, "Forecast", id, plant, "DELETE", null);
  }

  // ---------------------------------------------------------------- sales orders

  static SalesOrder addSalesOrderLine(Connection c, CallerContext caller, SalesOrderInput in)
      throws SQLException {
    Validation v = new Validation();
    v.required("plantId", in.plantId())
        .code("orderNo", in.orderNo(), 40)
        .required("lineNo", in.lineNo())
        .required("materialId", in.materialId())
        .required("requestedDate", in.requestedDate())
        .required("quantity", in.quantity())
        .optionalText("customer", in.customer(), 64);
    quantity(v, "quantity", in.quantity(), true);
    days(v, "lineNo", in.lineNo(), 1, 99999);
    days(v, "priority", in.priority(), 0, 9999);
    v.throwIfInvalid();
    Sql.requirePlanner(caller, in.plantId());
    String code = requireMaterial(c, in.materialId(), in.plantId());
    int priority = or(in.priority(), 100);
    boolean mto = Boolean.TRUE.equals(in.makeToOrder());
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sales_order_line (plant_id, order_no, line_no, customer, material_id,"
                + " requested_date, quantity, priority, make_to_order, status, version,"
                + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, in.plantId());
      ps.setString(2, in.orderNo().trim());
      ps.setInt(3, in.lineNo());
      ps.setString(4, text(in.customer()));
      ps.setLong(5, in.materialId());
      ps.setDate(6, Sql.date(in.requestedDate()));
      ps.setDouble(7, in.quantity());
      ps.setInt(8, priority);
      ps.setBoolean(9, mto);
      ps.setTimestamp(10, Timestamp.from(Instant.now()));
      ps.setString(11, caller.username());
      ps.executeUpdate();
      id = generatedId(ps);
    }
    Sql.audit(
        c,
        caller,
        "SalesOrderLine",
        id,
        in.plantId(),
        "CREATE",
        Map.of(
            "order",
            in.orderNo().trim() + "/" + in.lineNo(),
            "material",
            code,
            "quantity",
            in.quantity()));
    return new SalesOrder(
        id,
        in.plantId(),
        in.orderNo().trim(),
        in.lineNo(),
        text(in.customer()),
        in.materialId(),
        code,
        in.requestedDate(),
        in.quantity(),
        priority,
        mto,
        "OPEN",
        0);
  }

  static List<SalesOrder> salesOrders(Connection c, long plantId, Long materialId, Long id)
      throws SQLException {
    return list(
        c,
        "sales_order_line",
        plantId,
        materialId,
        id,
        "x.order_no, x.line_no",
        rs ->
            new SalesOrder(
                rs.getLong("id"),
                rs.getLong("plant_id"),
                rs.getString("order_no"),
                rs.getInt("line_no"),
                rs.getString("customer"),
                rs.getLong("material_id"),
                rs.getString("code"),
                Sql.date(rs, "requested_date"),
                rs.getDouble("quantity"),
                rs.getInt("priority"),
                rs.getBoolean("make_to_order"),
                rs.getString("status"),
                rs.getLong("version")));
  }

  static SalesOrder closeSalesOrderLine(Connection c, CallerContext caller, long id, long version)
      throws SQLException {
    long plant;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT plant_id FROM sales_order_line WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !caller.canRead(rs.getLong(1))) {
          throw new NotFoundException("SalesOrderLine", id);
        }
        plant = rs.getLong(1);
      }
    }
    Sql.requirePlanner(caller, plant);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sales_order_line SET status = 'CLOSED', version = version + 1"
                + " WHERE id = ? AND version = ? AND status = 'OPEN'")) {
      ps.setLong(1, id);
      ps.setLong(2, version);
      if (ps.executeUpdate() == 0) {
        throw new ConflictException(
            "the line is closed or was changed; reload and retry / 该行已关闭或已被修改，请刷新后重试");
      }
    }
    Sql.audit(c, caller, "SalesOrderLine", id, plant, "UPDATE", Map.of("status", "CLOSED"));
    return salesOrders(c, plant, null, id).get(0);
  }

  // ---------------------------------------------------------------- receipts

  static Receipt addReceipt(Connection c, CallerContext caller, ReceiptInput in)
      throws SQLException {
    Validation v = new Validation();
    v.required("plantId", in.plantId())
        .required("kind", in.kind())
        .text("reference", in.reference(), 64)
        .required("materialId", in.materialId())
        .required("dueDate", in.dueDate())
        .required("quantity", in.quantity());
    String kind = in.kind() == null ? null : in.kind().trim().toUpperCase(Locale.ROOT);
    if (kind != null && !RECEIPT_KINDS.contains(kind)) {
      v.add("kind", "invalid_value", "PURCHASE, PRODUCTION, TRANSFER or REQUISITION / 类型无效");
    }
    quantity(v, "quantity", in.quantity(), true);
    v.throwIfInvalid();
    Sql.requirePlanner(caller, in.plantId());
    String code = requireMaterial(c, in.materialId(), in.plantId());
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO scheduled_receipt (plant_id, kind, reference, material_id, due_date,"
                + " quantity, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, in.plantId());
      ps.setString(2, kind);
      ps.setString(3, in.reference().trim());
      ps.setLong(4, in.materialId());
      ps.setDate(5, Sql.date(in.dueDate()));
      ps.setDouble(6, in.quantity());
      ps.setTimestamp(7, Timestamp.from(Instant.now()));
      ps.setString(8, caller.username());
      ps.executeUpdate();
      id = generatedId(ps);
    }
    Sql.audit(
        c,
        caller,
        "ScheduledReceipt",
        id,
        in.plantId(),
        "CREATE",
        Map.of("reference", in.reference().trim(), "material", code, "quantity", in.quantity()));
    return new Receipt(
        id,
        in.plantId(),
        kind,
        in.reference().trim(),
        in.materialId(),
        code,
        in.dueDate(),
        in.quantity());
  }

  static List<Receipt> receipts(Connection c, long plantId, Long materialId) throws SQLException {
    return list(
        c,
        "scheduled_receipt",
        plantId,
        materialId,
        null,
        "m.code, x.due_date, x.id",
        PlanData::receipt);
  }

  private static Receipt receipt(ResultSet rs) throws SQLException {
    LocalDate due = Sql.date(rs, "due_date");
    java.math.BigDecimal confirmed = rs.getBigDecimal("confirmed_quantity");
    LocalDate confirmedDate = Sql.date(rs, "confirmed_date");
    return new Receipt(
        rs.getLong("id"),
        rs.getLong("plant_id"),
        rs.getString("kind"),
        rs.getString("reference"),
        rs.getLong("material_id"),
        rs.getString("code"),
        due,
        rs.getDouble("quantity"),
        confirmed == null ? null : confirmed.doubleValue(),
        confirmedDate,
        rs.getString("supplier_reference"),
        confirmedDate != null && due != null && confirmedDate.isAfter(due));
  }

  /** Receipt kinds a supplier confirms. */
  static final Set<String> CONFIRMABLE = Set.of("PURCHASE", "REQUISITION");

  /**
   * Records a supplier's confirmation on a PURCHASE or REQUISITION receipt, with its audit row; one
   * that says what the receipt already carries changes nothing (no audit row).
   */
  static Receipt confirmReceipt(
      Connection c, CallerContext caller, long receiptId, ConfirmationInput in)
      throws SQLException {
    Validation v = new Validation();
    v.required("confirmedQuantity", in.confirmedQuantity())
        .required("confirmedDate", in.confirmedDate())
        .optionalText("supplierReference", in.supplierReference(), 64);
    quantity(v, "confirmedQuantity", in.confirmedQuantity(), false);
    v.throwIfInvalid();
    Long plantId = null;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT plant_id FROM scheduled_receipt WHERE id = ?")) {
      ps.setLong(1, receiptId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          plantId = rs.getLong(1);
        }
      }
    }
    if (plantId == null || !caller.canRead(plantId)) {
      throw new NotFoundException("Receipt", receiptId);
    }
    Sql.requirePlanner(caller, plantId);
    Receipt old =
        list(c, "scheduled_receipt", plantId, null, receiptId, "x.id", PlanData::receipt).get(0);
    if (!CONFIRMABLE.contains(old.kind())) {
      throw new io.tianshu.core.ValidationException(
          "receiptId",
          "not_confirmable",
          "only PURCHASE and REQUISITION receipts are confirmed by a supplier, this one is "
              + old.kind()
              + " / 只有采购订单和采购申请可由供应商确认");
    }
    String supplierRef =
        in.supplierReference() == null || in.supplierReference().isBlank()
            ? null
            : in.supplierReference().trim();
    double qty = in.confirmedQuantity();
    if (old.confirmedQuantity() != null
        && old.confirmedQuantity() == qty
        && in.confirmedDate().equals(old.confirmedDate())
        && java.util.Objects.equals(supplierRef, old.supplierReference())) {
      return old;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE scheduled_receipt SET confirmed_quantity = ?, confirmed_date = ?,"
                + " supplier_reference = ?, confirmed_at = ?, confirmed_by = ? WHERE id = ?")) {
      ps.setBigDecimal(1, java.math.BigDecimal.valueOf(qty));
      ps.setDate(2, Sql.date(in.confirmedDate()));
      ps.setString(3, supplierRef);
      ps.setTimestamp(4, Timestamp.from(Instant.now()));
      ps.setString(5, caller.username());
      ps.setLong(6, receiptId);
      ps.executeUpdate();
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("reference", old.reference());
    after.put("material", old.materialCode());
    after.put("confirmedQuantity", qty);
    after.put("confirmedDate", in.confirmedDate().toString());
    after.put("supplierReference", supplierRef);
    after.put("late", in.confirmedDate().isAfter(old.dueDate()));
    Sql.audit(c, caller, "ScheduledReceipt", receiptId, plantId, "CONFIRM", after);
    return list(c, "scheduled_receipt", plantId, null, receiptId, "x.id", PlanData::receipt).get(0);
  }

  // ---------------------------------------------------------------- allocations

  static Allocation addAllocation(Connection c, CallerContext caller, AllocationInput in)
      throws SQLException {
    Validation v = new Validation();
    v.required("plantId", in.plantId())
        .required("materialId", in.materialId())
        .required("requiredDate", in.requiredDate())
        .required("quantity", in.quantity())
        .text("reference", in.reference(), 64);
    quantity(v, "quantity", in.quantity(), true);
    v.throwIfInvalid();
    Sql.requirePlanner(caller, in.plantId());
    String code = requireMaterial(c, in.materialId(), in.plantId());
    String reference = in.reference().trim();
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO material_allocation (plant_id, material_id, required_date, quantity,"
                + " reference, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, in.plantId());
      ps.setLong(2, in.materialId());
      ps.setDate(3, Sql.date(in.requiredDate()));
      ps.setDouble(4, in.quantity());
      ps.setString(5, reference);
      ps.setTimestamp(6, Timestamp.from(Instant.now()));
      ps.setString(7, caller.username());
      ps.executeUpdate();
      id = generatedId(ps);
    }
    Sql.audit(
        c,
        caller,
        "MaterialAllocation",
        id,
        in.plantId(),
        "CREATE",
        Map.of(
            "reference",
            reference,
            "material",
            code,
            "requiredDate",
            in.requiredDate().toString(),
            "quantity",
            in.quantity()));
    return new Allocation(
        id, in.plantId(), in.materialId(), code, in.requiredDate(), in.quantity(), reference);
  }

  static List<Allocation> allocations(Connection c, long plantId, Long materialId)
      throws SQLException {
    return list(
        c,
        "material_allocation",
        plantId,
        materialId,
        null,
        "m.code, x.required_date, x.id",
        rs ->
            new Allocation(
                rs.getLong("id"),
                rs.getLong("plant_id"),
                rs.getLong("material_id"),
                rs.getString("code"),
                Sql.date(rs, "required_date"),
                rs.getDouble("quantity"),
                rs.getString("reference")));
  }

  /** Deletes an allocation (consumed or no longer needed). */
  static void deleteAllocation(Connection c, CallerContext caller, long id) throws SQLException {
    long plant;
    String reference;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT plant_id, reference FROM material_allocation WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !caller.canRead(rs.getLong(1))) {
          throw new NotFoundException("MaterialAllocation", id);
        }
        plant = rs.getLong(1);
        reference = rs.getString(2);
      }
    }
    Sql.requirePlanner(caller, plant);
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM material_allocation WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    Sql.audit(c, caller, "MaterialAllocation", id, plant, "DELETE", Map.of("reference", reference));
  }
}
