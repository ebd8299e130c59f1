package io.tianshu.execution.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.FieldError;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.LineStockRule;
import io.tianshu.execution.MaterialFlowService;
import io.tianshu.execution.MaterialIssue;
import io.tianshu.execution.MaterialIssueInput;
import io.tianshu.execution.MergedIssueInput;
import io.tianshu.execution.MergedMaterialIssue;
import io.tianshu.execution.MergedPickList;
import io.tianshu.execution.PickList;
import io.tianshu.execution.Replenishment;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderComponent;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.execution.engine.Backflush;
import io.tianshu.execution.engine.MergedIssue;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.MovementInput;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import io.tianshu.inventory.StockStatus;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.JtaTransactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Pick lists, issues and returns, kit issue and line-side replenishment: plain JDBC on the issue
 * tables in one JTA transaction per call, which the inventory postings join.
 */
@Component(service = MaterialFlowService.class)
public class MaterialFlowServiceImpl implements MaterialFlowService {
  private static final Set<WorkOrderStatus> ISSUABLE =
      EnumSet.of(WorkOrderStatus.RELEASED, WorkOrderStatus.STARTED, WorkOrderStatus.COMPLETED);

  private final JtaTransactions tx;
  private final InventoryService inventory;
  private final ExecutionService execution;

  @Activate
  public MaterialFlowServiceImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference Database database,
      @Reference InventoryService inventory,
      @Reference ExecutionService execution) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
    this.inventory = inventory;
    this.execution = execution;
  }

  @Override
  public PickList pickList(CallerContext caller, long workOrderId) {
    WorkOrder w = execution.get(caller, workOrderId);
    List<PickList.Line> lines = new ArrayList<>();
    for (WorkOrderComponent k : w.components()) {
      BigDecimal open = k.requiredQuantity().subtract(k.issuedQuantity()).max(BigDecimal.ZERO);
      List<PickList.Lot> lots = new ArrayList<>();
      BigDecimal shortage = BigDecimal.ZERO;
      if (open.signum() > 0 && w.issueLocationId() != null) {
        for (Backflush.LotTake t :
            Backflush.pickLots(
                lots(caller, w.plantId(), k.materialId(), w.issueLocationId()), open)) {
          if (t.lot() == null) {
            shortage = t.quantity();
          } else {
            lots.add(new PickList.Lot(t.lot(), t.quantity()));
          }
        }
      } else {
        shortage = open;
      }
      lines.add(
          new PickList.Line(
              k.id(),
              k.materialId(),
              k.materialCode(),
              k.requiredQuantity(),
              k.issuedQuantity(),
              open,
              k.backflush(),
              lots,
              shortage));
    }
    return new PickList(w.id(), w.code(), w.issueLocationId(), lines);
  }

  @Override
  public MaterialIssue issue(CallerContext caller, long workOrderId, MaterialIssueInput in) {
    Validation v = new Validation();
    v.code("issueKey", in.issueKey(), 64);
    String kind = in.kind() == null ? "" : in.kind().trim().toUpperCase(Locale.ROOT);
    if (!Set.of("ISSUE", "RETURN", "KIT").contains(kind)) {
      v.add("kind", "invalid", "ISSUE, RETURN or KIT / 类型无效");
    }
    List<MaterialIssueInput.Line> lines = in.lines() == null ? List.of() : in.lines();
    if (!kind.equals("KIT") && lines.isEmpty()) {
      v.add("lines", "required", "at least one line / 至少一行");
    }
    for (int i = 0; i < lines.size(); i++) {
      MaterialIssueInput.Line l = lines.get(i);
      v.required("lines[" + i + "].componentId", l.componentId());
      v.positive("lines[" + i + "].quantity", l.quantity());
      v.optionalText("lines[" + i + "].lot", l.lot(), 64);
    }
    v.throwIfInvalid();
    WorkOrder outside = execution.get(caller, workOrderId);
    caller.require(outside.plantId(), PlantRole.OPERATOR, "WorkOrder", workOrderId);
    return tx.write(
        c -> {
          WorkOrder w = ExecutionServiceImpl.lockAny(c, caller, workOrderId, PlantRole.OPERATOR);
          Optional<MaterialIssue> earlier = byKey(c, w.plantId(), in.issueKey());
          if (mergedByKey(c, w.plantId(), in.issueKey()).isPresent()) {
            throw new ValidationException(
                "issueKey", "reused", "was already used for a merged issue / 编号已用于合并发料");
          }
          if (earlier.isPresent()) {
            if (earlier.get().workOrderId() != workOrderId || !earlier.get().kind().equals(kind)) {
              throw new ValidationException(
                  "issueKey", "reused", "was already used for another issue / 编号已用于其他发料");
            }
            return earlier.get();
          }
          if (!ISSUABLE.contains(w.status())) {
            throw new ConflictException(
                "A " + w.status() + " order takes no material / 工单状态为 " + w.status() + "，不能发退料");
          }
          long issueId = insertIssue(c, w, in.issueKey(), kind, caller.username());
          List<MaterialIssue.Line> posted = new ArrayList<>();
          if (kind.equals("KIT")) {
            kit(c, caller, w, issueId, posted);
          } else {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
              MaterialIssueInput.Line l = lines.get(i);
              WorkOrderComponent k = component(w, l.componentId());
              Long location = l.locationId() != null ? l.locationId() : w.issueLocationId();
              if (k == null) {
                errors.add(
                    new FieldError(
                        "lines[" + i + "].componentId",
                        "not_found",
                        "not a line of the order / 非本工单用料"));
              } else if (location == null) {
                errors.add(
                    new FieldError(
                        "lines[" + i + "].locationId",
                        "required",
                        "the order has no issue location / 须指定库位"));
              } else if (kind.equals("RETURN") && l.quantity().compareTo(k.issuedQuantity()) > 0) {
                errors.add(
                    new FieldError(
                        "lines[" + i + "].quantity",
                        "more_than_issued",
                        "only "
                            + k.issuedQuantity().stripTrailingZeros().toPlainString()
                            + " was issued / 超过已发数量"));
              }
            }
            if (!errors.isEmpty()) {
              throw new ValidationException(errors);
            }
            for (MaterialIssueInput.Line l : lines) {
              WorkOrderComponent k = component(w, l.componentId());
              long location = l.locationId() != null ? l.locationId() : w.issueLocationId();
              if (kind.equals("ISSUE")) {
                take(c, caller, w, issueId, k, location, l.lot(), l.quantity(), posted);
              } else {
                String lot = l.lot() == null ? "" : l.lot();
                inventory.post(
                    caller,
                    new MovementInput(
                        "RECEIPT",
                        k.materialId(),
                        l.quantity(),
                        location,
                        null,
                        lot,
                        null,
                        "AVAILABLE",
                        null,
                        w.code() + "/RETURN"));
                record(c, w, issueId, k, location, lot, l.quantity().negate(), posted);
              }
            }
          }
          AuditTrail.writeJdbc(
              c,
              caller,
              "WorkOrder",
              w.id(),
              w.plantId(),
              "MATERIAL_" + kind,
              null,
              Map.of("issueKey", in.issueKey(), "lines", posted.size()));
          return new MaterialIssue(issueId, in.issueKey(), w.id(), kind, posted, false);
        });
  }

  /** Issues everything still open of the order's components that are not backflushed. */
  private void kit(
      Connection c,
      CallerContext caller,
      WorkOrder w,
      long issueId,
      List<MaterialIssue.Line> posted)
      throws SQLException {
    if (w.issueLocationId() == null) {
      throw new ValidationException(
          "issueLocationId",
          "required",
          "a kit is issued from the order's issue location / 工单无发料库位");
    }
    for (WorkOrderComponent k : w.components()) {
      BigDecimal open = k.requiredQuantity().subtract(k.issuedQuantity());
      if (!k.backflush() && open.signum() > 0) {
        take(c, caller, w, issueId, k, w.issueLocationId(), null, open, posted);
      }
    }
  }

  /** Issues from one lot, or lots first in first out when none is named. */
  private void take(
      Connection c,
      CallerContext caller,
      WorkOrder w,
      long issueId,
      WorkOrderComponent k,
      long location,
      String lot,
      BigDecimal quantity,
      List<MaterialIssue.Line> posted)
      throws SQLException {
    List<Backflush.LotTake> takes =
        lot != null
            ? List.of(new Backflush.LotTake(lot, quantity))
            : Backflush.pickLots(lots(caller, w.plantId(), k.materialId(), location), quantity);
    for (Backflush.LotTake t : takes) {
      String l = t.lot() == null ? "" : t.lot();
      inventory.post(
          caller,
          new MovementInput(
              "ISSUE",
              k.materialId(),
              t.quantity(),
              location,
              null,
              l,
              null,
              "AVAILABLE",
              null,
              w.code() + "/ISSUE"));
      record(c, w, issueId, k, location, l, t.quantity(), posted);
    }
  }

  /** The issue line, the order BOM's issued quantity and the genealogy (negative for returns). */
  private static void record(
      Connection c,
      WorkOrder w,
      long issueId,
      WorkOrderComponent k,
      long location,
      String lot,
      BigDecimal signed,
      List<MaterialIssue.Line> posted)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO material_issue_line (issue_id, component_id, material_id, location_id,"
                + " lot, quantity) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, issueId);
      ps.setLong(2, k.id());
      ps.setLong(3, k.materialId());
      ps.setLong(4, location);
      ps.setString(5, lot);
      ps.setBigDecimal(6, signed);
      ps.executeUpdate();
    }
    WorkOrderStore.addIssued(c, k.id(), signed);
    if (!lot.isEmpty()) {
      WorkOrderStore.insertGenealogy(
          c,
          w.plantId(),
          w.materialId(),
          w.lot(),
          k.materialId(),
          lot,
          signed,
          w.id(),
          null,
          Instant.now());
    }
    posted.add(new MaterialIssue.Line(k.id(), k.materialId(), location, lot, signed));
  }

  private List<Backflush.LotStock> lots(
      CallerContext caller, long plantId, long materialId, long location) {
    List<Backflush.LotStock> lots = new ArrayList<>();
    for (StockBalance b :
        inventory
            .stock(
                caller,
                new StockFilter(plantId, materialId, location, StockStatus.AVAILABLE, null),
                new PageRequest(0, PageRequest.MAX_LIMIT, "id", true))
            .items()) {
      if (b.serial() == null || b.serial().isEmpty()) {
        lots.add(new Backflush.LotStock(b.lot(), b.quantity()));
      }
    }
    return lots;
  }

  private static WorkOrderComponent component(WorkOrder w, long id) {
    return w.components().stream().filter(k -> k.id() == id).findFirst().orElse(null);
  }

  private static long insertIssue(Connection c, WorkOrder w, String key, String kind, String user)
      throws SQLException {
    return insertIssue(c, w, key, kind, user, null);
  }

  private static long insertIssue(
      Connection c, WorkOrder w, String key, String kind, String user, Long mergedId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO material_issue (plant_id, issue_key, work_order_id, kind, created_at,"
                + " username, merged_issue_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, w.plantId());
      ps.setString(2, key);
      ps.setLong(3, w.id());
      ps.setString(4, kind);
      ps.setTimestamp(5, Timestamp.from(Instant.now()));
      ps.setString(6, user);
      if (mergedId == null) {
        ps.setNull(7, java.sql.Types.BIGINT);
      } else {
        ps.setLong(7, mergedId);
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static Optional<MaterialIssue> byKey(Connection c, long plantId, String key)
      throws SQLException {
    long id;
    long order;
    String kind;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, work_order_id, kind FROM material_issue WHERE plant_id = ? AND issue_key"
                + " = ?")) {
      ps.setLong(1, plantId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        id = rs.getLong(1);
        order = rs.getLong(2);
        kind = rs.getString(3);
      }
    }
    return Optional.of(new MaterialIssue(id, key, order, kind, issueLines(c, id), true));
  }

  private static List<MaterialIssue.Line> issueLines(Connection c, long id) throws SQLException {
    List<MaterialIssue.Line> lines = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT component_id, material_id, location_id, lot, quantity FROM material_issue_line"
                + " WHERE issue_id = ? ORDER BY id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(
              new MaterialIssue.Line(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getBigDecimal(5)));
        }
      }
    }
    return lines;
  }

  // ---- merged issue (合并发料)

  /** At most this many orders in one merged issue or pick list. */
  private static final int MAX_ORDERS = 200;

  /**
   * One inventory posting per order, lot and component line, referenced by the order's code (so
   * that each order's stock documents stay its own, as with a single issue), and one material_issue
   * per order pointing to the merged issue. Orders are locked in id order so that two merged issues
   * over overlapping orders cannot deadlock. Lots are picked per issue location, first in first out
   * for all the orders served from it, and a shortage anywhere refuses the whole issue before
   * anything is written.
   */
  @Override
  public MergedMaterialIssue mergedIssue(CallerContext caller, MergedIssueInput in) {
    Validation v = new Validation();
    v.code("issueKey", in.issueKey(), 64);
    v.required("materialId", in.materialId());
    List<MergedIssueInput.Order> orders = in.orders() == null ? List.of() : in.orders();
    if (orders.isEmpty()) {
      v.add("orders", "required", "at least one order / 至少一个工单");
    } else if (orders.size() > MAX_ORDERS) {
      v.add("orders", "too_many", "at most " + MAX_ORDERS + " orders / 工单过多");
    }
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < orders.size(); i++) {
      MergedIssueInput.Order o = orders.get(i);
      if (o == null) {
        v.add("orders[" + i + "]", "required", "is required / 必填");
        continue;
      }
      v.required("orders[" + i + "].workOrderId", o.workOrderId());
      if (o.quantity() != null) {
        v.positive("orders[" + i + "].quantity", o.quantity());
      }
      if (o.workOrderId() != null && !seen.add(o.workOrderId())) {
        v.add("orders[" + i + "].workOrderId", "duplicate", "listed twice / 工单重复");
      }
    }
    v.throwIfInvalid();
    Long plant = null;
    for (int i = 0; i < orders.size(); i++) {
      WorkOrder outside = execution.get(caller, orders.get(i).workOrderId());
      if (plant == null) {
        plant = outside.plantId();
      } else if (plant != outside.plantId()) {
        v.add("orders[" + i + "].workOrderId", "other_plant", "orders of one plant / 须同一工厂");
      }
    }
    v.throwIfInvalid();
    long plantId = plant;
    caller.require(plantId, PlantRole.OPERATOR, "Plant", plantId);
    long materialId = in.materialId();
    return tx.write(
        c -> {
          Map<Long, WorkOrder> locked = new TreeMap<>();
          for (Long id : new TreeSet<>(seen)) {
            locked.put(id, ExecutionServiceImpl.lockAny(c, caller, id, PlantRole.OPERATOR));
          }
          Optional<MergedMaterialIssue> earlier = mergedByKey(c, plantId, in.issueKey());
          if (earlier.isPresent()) {
            if (earlier.get().materialId() != materialId
                || !seen.containsAll(orderSet(earlier.get()))) {
              throw new ValidationException(
                  "issueKey", "reused", "was already used for another issue / 编号已用于其他发料");
            }
            return earlier.get();
          }
          if (byKey(c, plantId, in.issueKey()).isPresent()) {
            throw new ValidationException(
                "issueKey", "reused", "was already used for another issue / 编号已用于其他发料");
          }
          if (in.locationId() != null && !locationInPlant(c, in.locationId(), plantId)) {
            throw new ValidationException(
                "locationId", "not_found", "no such location in the plant / 工厂无此库位");
          }
          List<FieldError> errors = new ArrayList<>();
          Map<Long, List<MergedIssue.ComponentOpen>> linesOf = new LinkedHashMap<>();
          Map<Long, List<MergedIssue.Order>> byLocation = new TreeMap<>();
          Map<Long, Long> locationOf = new LinkedHashMap<>();
          for (int i = 0; i < orders.size(); i++) {
            MergedIssueInput.Order o = orders.get(i);
            WorkOrder w = locked.get(o.workOrderId());
            String field = "orders[" + i + "]";
            if (!ISSUABLE.contains(w.status())) {
              errors.add(
                  new FieldError(
                      field + ".workOrderId",
                      "status",
                      "a " + w.status() + " order takes no material / 工单状态不能发料"));
              continue;
            }
            List<MergedIssue.ComponentOpen> lines = openLines(w, materialId);
            Long location = in.locationId() != null ? in.locationId() : w.issueLocationId();
            if (lines.isEmpty()) {
              errors.add(
                  new FieldError(
                      field + ".workOrderId",
                      "not_in_bom",
                      "the order has no line of the material issued by hand / 工单无此手工发料用料"));
            } else if (location == null) {
              errors.add(
                  new FieldError(
                      field + ".workOrderId",
                      "no_location",
                      "the order has no issue location; give locationId / 工单无发料库位"));
            } else {
              BigDecimal q = o.quantity() != null ? o.quantity() : MergedIssue.open(lines);
              linesOf.put(w.id(), lines);
              locationOf.put(w.id(), location);
              byLocation
                  .computeIfAbsent(location, k -> new ArrayList<>())
                  .add(new MergedIssue.Order(w.id(), w.startDate(), q));
            }
          }
          if (!errors.isEmpty()) {
            throw new ValidationException(errors);
          }
          Map<Long, MergedIssue.Allocation> allocations = new TreeMap<>();
          BigDecimal total = BigDecimal.ZERO;
          List<String> short_ = new ArrayList<>();
          for (var e : byLocation.entrySet()) {
            MergedIssue.Allocation a =
                MergedIssue.allocate(e.getValue(), lots(caller, plantId, materialId, e.getKey()));
            allocations.put(e.getKey(), a);
            total = total.add(a.total());
            if (a.shortage().signum() > 0) {
              short_.add(
                  a.shortage().stripTrailingZeros().toPlainString()
                      + " short at location "
                      + e.getKey());
            }
          }
          if (total.signum() == 0) {
            throw new ValidationException(
                "orders", "nothing_open", "the orders need none of the material / 工单无待发数量");
          }
          if (!short_.isEmpty()) {
            throw new ConflictException(
                "Not enough stock for the merged issue ("
                    + String.join(", ", short_)
                    + "); nothing was issued / 库存不足，合并发料未执行");
          }
          long mergedId =
              insertMerged(c, plantId, in.issueKey(), materialId, in.locationId(), total, caller);
          List<MaterialIssue> issues = new ArrayList<>();
          List<MergedIssue.Order> sequence = new ArrayList<>();
          byLocation.values().forEach(sequence::addAll);
          for (MergedIssue.Order o : MergedIssue.sequence(sequence)) {
            long location = locationOf.get(o.workOrderId());
            List<MergedIssue.Share> shares = allocations.get(location).of(o.workOrderId());
            if (shares.isEmpty()) {
              continue;
            }
            WorkOrder w = locked.get(o.workOrderId());
            String key = "M#" + mergedId + "#" + w.id();
            long issueId = insertIssue(c, w, key, "ISSUE", caller.username(), mergedId);
            List<MaterialIssue.Line> posted = new ArrayList<>();
            for (MergedIssue.Posting p :
                MergedIssue.postings(
                    shares, MergedIssue.toComponents(o.quantity(), linesOf.get(w.id())))) {
              WorkOrderComponent k = component(w, p.componentId());
              inventory.post(
                  caller,
                  new MovementInput(
                      "ISSUE",
                      materialId,
                      p.quantity(),
                      location,
                      null,
                      p.lot(),
                      null,
                      "AVAILABLE",
                      null,
                      w.code() + "/MERGED"));
              record(c, w, issueId, k, location, p.lot(), p.quantity(), posted);
            }
            AuditTrail.writeJdbc(
                c,
                caller,
                "WorkOrder",
                w.id(),
                w.plantId(),
                "MATERIAL_MERGED",
                null,
                Map.of(
                    "issueKey", in.issueKey(), "materialId", materialId, "quantity", o.quantity()));
            issues.add(new MaterialIssue(issueId, in.issueKey(), w.id(), "ISSUE", posted, false));
          }
          return new MergedMaterialIssue(
              mergedId, in.issueKey(), plantId, materialId, in.locationId(), total, issues, false);
        });
  }

  /** The order's lines of the material issued by hand, with what each still needs. */
  private static List<MergedIssue.ComponentOpen> openLines(WorkOrder w, long materialId) {
    List<MergedIssue.ComponentOpen> lines = new ArrayList<>();
    for (WorkOrderComponent k : w.components()) {
      if (k.materialId() == materialId && !k.backflush()) {
        lines.add(
            new MergedIssue.ComponentOpen(
                k.id(), k.requiredQuantity().subtract(k.issuedQuantity())));
      }
    }
    return lines;
  }

  private static Set<Long> orderSet(MergedMaterialIssue m) {
    Set<Long> ids = new HashSet<>();
    m.issues().forEach(i -> ids.add(i.workOrderId()));
    return ids;
  }

  private static boolean locationInPlant(Connection c, long location, long plantId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT plant_id FROM stock_location WHERE id = ?")) {
      ps.setLong(1, location);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) == plantId;
      }
    }
  }

  private static long insertMerged(
      Connection c,
      long plantId,
      String key,
      long materialId,
      Long location,
      BigDecimal total,
      CallerContext caller)
      throws SQLException {
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO merged_issue (plant_id, issue_key, material_id, location_id, quantity,"
                + " created_at, username) VALUES (?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, plantId);
      ps.setString(2, key);
      ps.setLong(3, materialId);
      if (location == null) {
        ps.setNull(4, java.sql.Types.BIGINT);
      } else {
        ps.setLong(4, location);
      }
      ps.setBigDecimal(5, total);
      ps.setTimestamp(6, Timestamp.from(Instant.now()));
      ps.setString(7, caller.username());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    AuditTrail.writeJdbc(
        c,
        caller,
        "MergedIssue",
        id,
        plantId,
        AuditTrail.CREATE,
        null,
        Map.of("issueKey", key, "materialId", materialId, "quantity", total));
    return id;
  }

  private static Optional<MergedMaterialIssue> mergedByKey(Connection c, long plantId, String key)
      throws SQLException {
    long id;
    long materialId;
    Long location;
    BigDecimal quantity;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, material_id, location_id, quantity FROM merged_issue WHERE plant_id = ?"
                + " AND issue_key = ?")) {
      ps.setLong(1, plantId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        id = rs.getLong(1);
        materialId = rs.getLong(2);
        location = Jdbc.getLong(rs, "location_id");
        quantity = rs.getBigDecimal(4);
      }
    }
    List<long[]> parts = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, work_order_id FROM material_issue WHERE merged_issue_id = ? ORDER BY id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          parts.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
    }
    List<MaterialIssue> issues = new ArrayList<>();
    for (long[] p : parts) {
      issues.add(new MaterialIssue(p[0], key, p[1], "ISSUE", issueLines(c, p[0]), true));
    }
    return Optional.of(
        new MergedMaterialIssue(id, key, plantId, materialId, location, quantity, issues, true));
  }

  @Override
  public MergedPickList mergedPickList(CallerContext caller, List<Long> workOrderIds) {
    List<Long> ids = workOrderIds == null ? List.of() : workOrderIds;
    Validation v = new Validation();
    if (ids.isEmpty()) {
      v.add("workOrderIds", "required", "at least one order / 至少一个工单");
    } else if (ids.size() > MAX_ORDERS) {
      v.add("workOrderIds", "too_many", "at most " + MAX_ORDERS + " orders / 工单过多");
    } else if (new HashSet<>(ids).size() != ids.size()) {
      v.add("workOrderIds", "duplicate", "an order is listed twice / 工单重复");
    }
    v.throwIfInvalid();
    Map<Long, WorkOrder> orders = new LinkedHashMap<>();
    Long plant = null;
    for (long id : ids) {
      WorkOrder w = execution.get(caller, id);
      if (plant != null && plant != w.plantId()) {
        throw new ValidationException("workOrderIds", "other_plant", "orders of one plant / 须同一工厂");
      }
      plant = w.plantId();
      orders.put(id, w);
    }
    long plantId = plant;
    // (material, location) in the order the orders' lines first name them
    Map<List<Long>, List<MergedIssue.Order>> groups = new LinkedHashMap<>();
    Map<Long, String> materialCodes = new TreeMap<>();
    for (WorkOrder w : orders.values()) {
      Map<Long, BigDecimal> open = new LinkedHashMap<>();
      for (WorkOrderComponent k : w.components()) {
        if (!k.backflush()) {
          materialCodes.put(k.materialId(), k.materialCode());
          BigDecimal o = k.requiredQuantity().subtract(k.issuedQuantity()).max(BigDecimal.ZERO);
          open.merge(k.materialId(), o, BigDecimal::add);
        }
      }
      for (var e : open.entrySet()) {
        List<Long> key = new ArrayList<>();
        key.add(e.getKey());
        key.add(w.issueLocationId());
        groups
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(new MergedIssue.Order(w.id(), w.startDate(), e.getValue()));
      }
    }
    List<MergedPickList.Line> lines = new ArrayList<>();
    for (var g : groups.entrySet()) {
      long materialId = g.getKey().get(0);
      Long location = g.getKey().get(1);
      List<Backflush.LotStock> stock =
          location == null ? List.of() : lots(caller, plantId, materialId, location);
      MergedIssue.Allocation a = MergedIssue.allocate(g.getValue(), stock);
      List<MergedPickList.OrderShare> shares = new ArrayList<>();
      for (MergedIssue.Order o : MergedIssue.sequence(g.getValue())) {
        List<PickList.Lot> lots = new ArrayList<>();
        BigDecimal shortage = BigDecimal.ZERO;
        for (MergedIssue.Share s : a.of(o.workOrderId())) {
          if (s.lot() == null) {
            shortage = shortage.add(s.quantity());
          } else {
            lots.add(new PickList.Lot(s.lot(), s.quantity()));
          }
        }
        shares.add(
            new MergedPickList.OrderShare(
                o.workOrderId(), orders.get(o.workOrderId()).code(), o.quantity(), lots, shortage));
      }
      lines.add(
          new MergedPickList.Line(
              materialId,
              materialCodes.get(materialId),
              location,
              a.total(),
              a.picked().stream().map(t -> new PickList.Lot(t.lot(), t.quantity())).toList(),
              a.shortage(),
              shares));
    }
    return new MergedPickList(ids, lines);
  }

  // ---- line-side stock

  @Override
  public List<LineStockRule> lineStockRules(CallerContext caller, long plantId) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return tx.read(c -> rules(c, plantId));
  }

  private static List<LineStockRule> rules(Connection c, long plantId) throws SQLException {
    List<LineStockRule> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, plant_id, location_id, material_id, min_quantity, max_quantity,"
                + " source_location_id, version FROM line_stock_rule WHERE plant_id = ? ORDER BY"
                + " location_id, material_id")) {
      ps.setLong(1, plantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new LineStockRule(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getBigDecimal(5),
                  rs.getBigDecimal(6),
                  rs.getLong(7),
                  rs.getLong(8)));
        }
      }
    }
    return out;
  }

  @Override
  public LineStockRule putLineStockRule(CallerContext caller, LineStockRule in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.required("locationId", in.locationId());
    v.required("materialId", in.materialId());
    v.required("sourceLocationId", in.sourceLocationId());
    v.required("min", in.min());
    v.positive("max", in.max());
    if (in.min() != null && in.min().signum() < 0) {
      v.add("min", "negative", "must not be negative / 不能为负");
    }
    if (in.min() != null && in.max() != null && in.max().compareTo(in.min()) < 0) {
      v.add("max", "below_min", "must not be below min / 不得小于最小值");
    }
    if (in.locationId() != null && in.locationId().equals(in.sourceLocationId())) {
      v.add("sourceLocationId", "same", "must differ from the line location / 须与线边库位不同");
    }
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.PLANNER, "Plant", in.plantId());
    return tx.write(
        c -> {
          for (var e :
              Map.of("locationId", in.locationId(), "sourceLocationId", in.sourceLocationId())
                  .entrySet()) {
            try (PreparedStatement ps =
                c.prepareStatement("SELECT plant_id FROM stock_location WHERE id = ?")) {
              ps.setLong(1, e.getValue());
              try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != in.plantId()) {
                  throw new ValidationException(
                      e.getKey(), "not_found", "no such location in the plant / 工厂无此库位");
                }
              }
            }
          }
          int updated;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE line_stock_rule SET min_quantity = ?, max_quantity = ?,"
                      + " source_location_id = ?, version = version + 1 WHERE location_id = ? AND"
                      + " material_id = ?")) {
            ps.setBigDecimal(1, in.min());
            ps.setBigDecimal(2, in.max());
            ps.setLong(3, in.sourceLocationId());
            ps.setLong(4, in.locationId());
            ps.setLong(5, in.materialId());
            updated = ps.executeUpdate();
          }
          if (updated == 0) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO line_stock_rule (plant_id, location_id, material_id,"
                        + " min_quantity, max_quantity, source_location_id, version) VALUES (?, ?,"
                        + " ?, ?, ?, ?, 0)")) {
              ps.setLong(1, in.plantId());
              ps.setLong(2, in.locationId());
              ps.setLong(3, in.materialId());
              ps.setBigDecimal(4, in.min());
              ps.setBigDecimal(5, in.max());
              ps.setLong(6, in.sourceLocationId());
              ps.executeUpdate();
            }
          }
          LineStockRule saved =
              rules(c, in.plantId()).stream()
                  .filter(
                      r ->
                          r.locationId().equals(in.locationId())
                              && r.materialId().equals(in.materialId()))
                  .findFirst()
                  .orElseThrow();
          AuditTrail.writeJdbc(
              c,
              caller,
              "LineStockRule",
              saved.id(),
              in.plantId(),
              updated == 0 ? AuditTrail.CREATE : AuditTrail.UPDATE,
              null,
              Map.of("min", in.min(), "max", in.max()));
          return saved;
        });
  }

  @Override
  public List<Replenishment> replenish(CallerContext caller, long plantId, boolean execute) {
    caller.require(plantId, execute ? PlantRole.OPERATOR : PlantRole.VIEWER, "Plant", plantId);
    return tx.write(
        c -> {
          List<Replenishment> out = new ArrayList<>();
          for (LineStockRule r : rules(c, plantId)) {
            BigDecimal onHand = sum(lots(caller, plantId, r.materialId(), r.locationId()));
            if (onHand.compareTo(r.min()) >= 0) {
              continue;
            }
            List<Backflush.LotStock> source =
                lots(caller, plantId, r.materialId(), r.sourceLocationId());
            BigDecimal quantity = r.max().subtract(onHand).min(sum(source));
            if (quantity.signum() <= 0) {
              out.add(
                  new Replenishment(
                      r.id(),
                      r.materialId(),
                      r.locationId(),
                      r.sourceLocationId(),
                      onHand,
                      r.min(),
                      r.max(),
                      BigDecimal.ZERO,
                      false));
              continue;
            }
            if (execute) {
              for (Backflush.LotTake t : Backflush.pickLots(source, quantity)) {
                inventory.post(
                    caller,
                    new MovementInput(
                        "TRANSFER",
                        r.materialId(),
                        t.quantity(),
                        r.sourceLocationId(),
                        r.locationId(),
                        t.lot(),
                        null,
                        "AVAILABLE",
                        null,
                        "PULL " + r.id()));
              }
              AuditTrail.writeJdbc(
                  c,
                  caller,
                  "LineStockRule",
                  r.id(),
                  plantId,
                  "REPLENISH",
                  null,
                  Map.of("quantity", quantity));
            }
            out.add(
                new Replenishment(
                    r.id(),
                    r.materialId(),
                    r.locationId(),
                    r.sourceLocationId(),
                    onHand,
                    r.min(),
                    r.max(),
                    quantity,
                    execute));
          }
          return out;
        });
  }

  private static BigDecimal sum(List<Backflush.LotStock> lots) {
    BigDecimal s = BigDecimal.ZERO;
    for (Backflush.LotStock l : lots) {
      s = s.add(l.quantity());
    }
    return s;
  }
}
