package io.tianshu.execution.internal;

import static io.tianshu.execution.internal.Jdbc.setLong;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.OperationInput;
import io.tianshu.execution.OperationStatus;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderComponent;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.execution.engine.OperationQuantities;
import io.tianshu.execution.engine.RoutingEdit;
import io.tianshu.persistence.AuditTrail;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits of the order routing (工单工艺路线, the copy made at release), each inside the caller's
 * transaction with the order row locked and one ORDER_ROUTING audit row holding before and after.
 * The quantity rules are {@link RoutingEdit}'s; this class checks input, rights, version and status
 * and writes the rows.
 */
final class OrderRoutingEdit {
  static final String ACTION = "ORDER_ROUTING";
  private static final String ENTITY = "WorkOrder";

  private OrderRoutingEdit() {}

  /** Field checks that need no database; {@code insert} also requires the seq. */
  static void validate(OperationInput in, boolean insert) {
    Validation v = new Validation();
    v.required("version", in.version());
    if (insert) {
      v.required("seq", in.seq());
      if (in.seq() != null && in.seq() <= 0) {
        v.add("seq", "range", "must be positive / 工序号须为正");
      }
    }
    v.optionalText("description", in.description(), 200);
    if (in.description() != null && in.description().isBlank()) {
      v.add("description", "blank", "must not be blank / 不能为空");
    }
    if (in.overlapPercent() != null) {
      if (!insert) {
        v.add("overlapPercent", "insert_only", "is given when inserting an operation / 仅插入工序时可指定");
      } else if (in.overlapPercent().signum() < 0
          || in.overlapPercent().compareTo(new BigDecimal(100)) > 0
          || in.overlapPercent().scale() > 4) {
        v.add("overlapPercent", "range", "0 to 100, at most 4 decimals / 须在 0 到 100 之间");
      }
    }
    time(v, "setupMinutes", in.setupMinutes());
    time(v, "runMinutes", in.runMinutes());
    v.throwIfInvalid();
  }

  private static void time(Validation v, String field, BigDecimal value) {
    if (value == null) {
      return;
    }
    if (value.signum() < 0) {
      v.add(field, "negative", "must not be negative / 不能为负");
    } else if (value.compareTo(new BigDecimal("999999999999999")) > 0 || value.scale() > 4) {
      v.add(field, "range", "at most 15 digits and 4 decimals / 最多 15 位整数、4 位小数");
    }
  }

  /** Locks the order and checks role, version and that its routing may still change. */
  private static WorkOrder lock(Connection c, CallerContext caller, long id, long version)
      throws SQLException {
    WorkOrder w = ExecutionServiceImpl.lockAny(c, caller, id, PlantRole.PLANNER);
    // the lock itself raised the version by one
    if (w.version() != version + 1) {
      throw ConflictException.staleVersion(ENTITY, id, version);
    }
    if (w.status() != WorkOrderStatus.RELEASED && w.status() != WorkOrderStatus.STARTED) {
      throw new ConflictException(
          w.status() == WorkOrderStatus.PLANNED
              ? "A planned order has no routing of its own yet: it is copied at release / 计划状态工单尚未复制工艺路线"
              : "The order is "
                  + w.status()
                  + "; only a released or started order's routing is edited / 只能修改已下达或生产中工单的工艺路线");
    }
    return w;
  }

  private static void checkWorkCenter(Connection c, WorkOrder w, Long workCenterId)
      throws SQLException {
    if (workCenterId == null) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM org_unit WHERE id = ? AND plant_id = ? AND unit_type = 'WORK_CENTER'")) {
      ps.setLong(1, workCenterId);
      ps.setLong(2, w.plantId());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new ValidationException(
              "workCenterId",
              "unknown_work_center",
              "no such work centre in this plant / 本工厂无此工作中心");
        }
      }
    }
  }

  private static Map<String, Object> data(WorkOrderOperation op) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", op.seq());
    m.put("description", op.description());
    m.put("workCenterId", op.workCenterId());
    m.put("setupMinutes", op.setupMinutes());
    m.put("runMinutes", op.runMinutes());
    m.put("outsourced", op.outsourced());
    return m;
  }

  static void change(Connection c, CallerContext caller, long id, int seq, OperationInput in)
      throws SQLException {
    if (in.seq() != null && in.seq() != seq) {
      // reports, outsourcing and components refer to an operation by its seq: it never changes
      throw new ValidationException(
          "seq", "renumber", "an operation keeps its seq; insert a new one instead / 工序号不能修改");
    }
    WorkOrder w = lock(c, caller, id, in.version());
    WorkOrderOperation op = w.operations().get(ExecutionServiceImpl.operationIndex(w, seq));
    checkWorkCenter(c, w, in.workCenterId());
    if (Boolean.FALSE.equals(in.outsourced()) && op.atSupplier().signum() > 0) {
      throw new ValidationException(
          "outsourced",
          "at_supplier",
          "a supplier still holds work of operation " + seq + " / 外协方仍持有本工序在制品");
    }
    String description = in.description() != null ? in.description().trim() : op.description();
    Long workCenterId = in.workCenterId() != null ? in.workCenterId() : op.workCenterId();
    BigDecimal setup = in.setupMinutes() != null ? in.setupMinutes() : op.setupMinutes();
    BigDecimal run = in.runMinutes() != null ? in.runMinutes() : op.runMinutes();
    boolean outsourced = in.outsourced() != null ? in.outsourced() : op.outsourced();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE work_order_operation SET description = ?, work_center_id = ?,"
                + " setup_minutes = ?, run_minutes = ?, outsourced = ?"
                + " WHERE work_order_id = ? AND seq = ?")) {
      ps.setString(1, description);
      setLong(ps, 2, workCenterId);
      ps.setBigDecimal(3, setup);
      ps.setBigDecimal(4, run);
      ps.setBoolean(5, outsourced);
      ps.setLong(6, id);
      ps.setInt(7, seq);
      ps.executeUpdate();
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("change", "CHANGE");
    after.put("seq", seq);
    after.put("description", description);
    after.put("workCenterId", workCenterId);
    after.put("setupMinutes", setup);
    after.put("runMinutes", run);
    after.put("outsourced", outsourced);
    AuditTrail.writeJdbc(c, caller, ENTITY, id, w.plantId(), ACTION, data(op), after);
  }

  static void insert(Connection c, CallerContext caller, long id, OperationInput in)
      throws SQLException {
    WorkOrder w = lock(c, caller, id, in.version());
    int seq = in.seq();
    checkWorkCenter(c, w, in.workCenterId());
    WorkOrderOperation next =
        w.operations().stream().filter(o -> o.seq() > seq).findFirst().orElse(null);
    if (next != null && next.atSupplier().signum() > 0) {
      throw new ValidationException(
          "seq",
          "at_supplier",
          "operation " + next.seq() + " after it has work at a supplier / 后序工序有外协在制品");
    }
    List<OperationQuantities> before = WorkOrderStore.quantities(w.operations());
    List<OperationQuantities> after;
    try {
      after = RoutingEdit.insert(before, seq);
    } catch (IllegalArgumentException e) {
      throw ExecutionServiceImpl.invalid(e);
    }
    guard(after, before);
    List<OperationQuantities> kept = new ArrayList<>(after);
    OperationQuantities added = null;
    for (OperationQuantities q : after) {
      if (q.seq() == seq) {
        added = q;
        kept.remove(q);
      }
    }
    WorkOrderStore.updateOperations(c, id, before, kept, Instant.now());
    String description =
        in.description() != null ? in.description().trim() : "Operation " + seq + " / 工序 " + seq;
    BigDecimal setup = in.setupMinutes() != null ? in.setupMinutes() : BigDecimal.ZERO;
    BigDecimal run = in.runMinutes() != null ? in.runMinutes() : BigDecimal.ZERO;
    boolean outsourced = Boolean.TRUE.equals(in.outsourced());
    WorkOrderStore.insertOperation(
        c,
        id,
        seq,
        description,
        in.workCenterId(),
        setup,
        run,
        outsourced,
        added,
        in.overlapPercent(),
        null);
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("change", "INSERT");
    audit.put("seq", seq);
    audit.put("description", description);
    audit.put("workCenterId", in.workCenterId());
    audit.put("setupMinutes", setup);
    audit.put("runMinutes", run);
    audit.put("outsourced", outsourced);
    audit.put("overlapPercent", in.overlapPercent());
    audit.put("in", added.in());
    audit.put("takenFromSeq", next == null ? null : next.seq());
    AuditTrail.writeJdbc(c, caller, ENTITY, id, w.plantId(), ACTION, null, audit);
  }

  /** Removes the operation; true when the order is finished afterwards. */
  static boolean remove(Connection c, CallerContext caller, long id, int seq, long version)
      throws SQLException {
    WorkOrder w = lock(c, caller, id, version);
    WorkOrderOperation op = w.operations().get(ExecutionServiceImpl.operationIndex(w, seq));
    List<OperationQuantities> before = WorkOrderStore.quantities(w.operations());
    List<OperationQuantities> after;
    int target;
    try {
      after = RoutingEdit.remove(before, seq);
      target = RoutingEdit.componentsMoveTo(before, seq);
    } catch (IllegalArgumentException e) {
      throw ExecutionServiceImpl.invalid(e);
    }
    guard(after, before);
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM work_order_operation WHERE work_order_id = ? AND seq = ?")) {
      ps.setLong(1, id);
      ps.setInt(2, seq);
      ps.executeUpdate();
    }
    List<OperationQuantities> kept = new ArrayList<>(before);
    kept.removeIf(q -> q.seq() == seq);
    Instant now = Instant.now();
    WorkOrderStore.updateOperations(c, id, kept, after, now);
    // Components of the removed operation are consumed where the work now goes instead.
    List<Long> moved = new ArrayList<>();
    for (WorkOrderComponent k : w.components()) {
      if (k.operationSeq() != null && k.operationSeq() == seq) {
        moved.add(k.id());
      }
    }
    if (!moved.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE work_order_component SET operation_seq = ?"
                  + " WHERE work_order_id = ? AND operation_seq = ?")) {
        ps.setInt(1, target);
        ps.setLong(2, id);
        ps.setInt(3, seq);
        ps.executeUpdate();
      }
    }
    boolean finished =
        after.stream()
            .allMatch(
                o -> o.status() == OperationStatus.DONE || o.status() == OperationStatus.SKIPPED);
    if (finished) {
      WorkOrderStore.update(
          c, id, "status = ?, completed_at = ?", WorkOrderStatus.COMPLETED.name(), now);
    }
    Map<String, Object> before0 = data(op);
    before0.put("status", op.status().name());
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("change", "REMOVE");
    audit.put("seq", seq);
    audit.put("componentsMovedTo", moved.isEmpty() ? null : target);
    audit.put("componentIds", moved);
    audit.put("lastSeq", after.get(after.size() - 1).seq());
    AuditTrail.writeJdbc(c, caller, ENTITY, id, w.plantId(), ACTION, before0, audit);
    return finished;
  }

  /**
   * The engine keeps the flow; this refuses to write if it ever did not (a bug must roll back, not
   * store an order whose quantities no longer add up).
   */
  private static void guard(List<OperationQuantities> after, List<OperationQuantities> before) {
    BigDecimal first = before.isEmpty() ? null : before.get(0).in();
    String broken = RoutingEdit.violation(after, first);
    if (broken != null) {
      throw new IllegalStateException("order routing edit broke the quantity flow: " + broken);
    }
  }
}
