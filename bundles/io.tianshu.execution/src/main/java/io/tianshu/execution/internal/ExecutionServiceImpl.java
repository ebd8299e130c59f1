package io.tianshu.execution.internal;

import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.bom.ExplosionRow;
import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.DomainEvent;
import io.tianshu.core.EventPublisher;
import io.tianshu.core.FieldError;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.ComponentInput;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.FirstReport;
import io.tianshu.execution.LotTrace;
import io.tianshu.execution.OperationInput;
import io.tianshu.execution.OperationMergeInput;
import io.tianshu.execution.OperationReport;
import io.tianshu.execution.OperationReportInput;
import io.tianshu.execution.OperationReported;
import io.tianshu.execution.OperationSplitInput;
import io.tianshu.execution.OperationStatus;
import io.tianshu.execution.OrderTracking;
import io.tianshu.execution.OutsourcedWork;
import io.tianshu.execution.OutsourcingInput;
import io.tianshu.execution.ProductInspection;
import io.tianshu.execution.ProductReceipt;
import io.tianshu.execution.SerialTrace;
import io.tianshu.execution.TraceDirection;
import io.tianshu.execution.TraceLink;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderComponent;
import io.tianshu.execution.WorkOrderInput;
import io.tianshu.execution.WorkOrderKind;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.execution.engine.Backflush;
import io.tianshu.execution.engine.OperationFlow;
import io.tianshu.execution.engine.OperationPart;
import io.tianshu.execution.engine.OperationQuantities;
import io.tianshu.execution.engine.OperationSplit;
import io.tianshu.execution.engine.Overlap;
import io.tianshu.execution.engine.SerialGenealogy;
import io.tianshu.execution.engine.WorkOrderLifecycle;
import io.tianshu.execution.engine.WorkOrderLifecycle.Action;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.MovementInput;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import io.tianshu.inventory.StockStatus;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.JtaTransactions;
import io.tianshu.planning.PlanningService;
import io.tianshu.planning.Receipt;
import io.tianshu.routing.OperationLink;
import io.tianshu.routing.Routing;
import io.tianshu.routing.RoutingOperation;
import io.tianshu.routing.RoutingService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Work orders in the server: plain JDBC on the execution tables, in one JTA transaction per call
 * that the inventory postings (backflush, receipt of product) join, so that a report and its stock
 * movements are one unit. The quantity rules are the engines' ({@link OperationFlow}, {@link
 * Backflush}, {@link WorkOrderLifecycle}); this class reads, checks rights, applies and writes.
 */
@Component(service = ExecutionService.class)
public class ExecutionServiceImpl implements ExecutionService {
  private static final int QTY_SCALE = 6;
  private static final String ENTITY = "WorkOrder";

  private final JtaTransactions tx;
  private final MasterDataService masterData;
  private final InventoryService inventory;
  private final BomService boms;
  private final RoutingService routings;
  private final PlanningService planning;
  private final EventPublisher events;

  /** Final inspection (quality), asked before finished product goes into stock. */
  @Reference(
      cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
      policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
  private volatile List<ProductInspection> inspections = List.of();

  @Activate
  public ExecutionServiceImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference Database database,
      @Reference MasterDataService masterData,
      @Reference InventoryService inventory,
      @Reference BomService boms,
      @Reference RoutingService routings,
      @Reference PlanningService planning,
      @Reference EventPublisher events) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
    this.masterData = masterData;
    this.inventory = inventory;
    this.boms = boms;
    this.routings = routings;
    this.planning = planning;
    this.events = events;
  }

  // ---- reads

  @Override
  public Page<WorkOrder> list(
      CallerContext caller,
      Long plantId,
      WorkOrderStatus status,
      Long materialId,
      PageRequest page) {
    if (plantId != null && !caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return tx.read(
        c -> WorkOrderStore.list(c, caller.readablePlants(), plantId, status, materialId, page));
  }

  @Override
  public WorkOrder get(CallerContext caller, long id) {
    WorkOrder w = tx.read(c -> WorkOrderStore.find(c, id, true)).orElse(null);
    if (w == null || !caller.canRead(w.plantId())) {
      throw new NotFoundException(ENTITY, id);
    }
    return w;
  }

  @Override
  public java.util.Optional<WorkOrder> findByCode(CallerContext caller, long plantId, String code) {
    new Validation().text("code", code, 40).throwIfInvalid();
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return tx.read(
        c -> {
          Long id = WorkOrderStore.idByCode(c, plantId, code.trim());
          return id == null ? java.util.Optional.empty() : WorkOrderStore.find(c, id, true);
        });
  }

  @Override
  public List<io.tianshu.execution.RunningOperation> runningOperations(
      CallerContext caller, long plantId, String station, Long workCenterId) {
    RunningQuery q = RunningQuery.of(station, workCenterId);
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return tx.read(c -> WorkOrderStore.runningOperations(c, plantId, q));
  }

  @Override
  public Page<OperationReport> reports(CallerContext caller, long workOrderId, PageRequest page) {
    get(caller, workOrderId);
    return tx.read(c -> WorkOrderStore.reports(c, workOrderId, page));
  }

  // ---- create

  @Override
  public WorkOrder create(CallerContext caller, WorkOrderInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.required("materialId", in.materialId());
    v.positive("quantity", in.quantity());
    if (in.code() != null) {
      v.code("code", in.code(), 40);
    }
    if (in.lot() != null) {
      v.code("lot", in.lot(), 64);
    }
    v.optionalText("lineCode", in.lineCode(), 40);
    v.optionalText("salesOrder", in.salesOrder(), 64);
    if (in.supplier() != null) {
      v.code("supplier", in.supplier(), 40);
    }
    WorkOrderKind kind = WorkOrderKind.STANDARD;
    if (in.kind() != null) {
      try {
        kind = WorkOrderKind.valueOf(in.kind().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        v.add("kind", "invalid", "STANDARD, REWORK or BATCH / 工单类型无效");
      }
    }
    LocalDate start = in.startDate() == null ? LocalDate.now() : in.startDate();
    LocalDate due = in.dueDate() == null ? start : in.dueDate();
    if (due.isBefore(start)) {
      v.add("dueDate", "before_start", "must not be before the start date / 完工日期不得早于开工日期");
    }
    if (in.quantity() != null && in.quantity().scale() > QTY_SCALE) {
      v.add("quantity", "too_precise", "at most 6 decimals / 最多 6 位小数");
    }
    throwIf(v);
    caller.require(in.plantId(), PlantRole.PLANNER, "Plant", in.plantId());
    Material m = material(caller, in.materialId(), "materialId");
    checkLocations(caller, in.plantId(), in.issueLocationId(), in.receiveLocationId());
    if (in.receiptId() != null
        && planning.receipts(caller, in.plantId(), m.id()).stream()
            .noneMatch(r -> r.id() == in.receiptId() && "PRODUCTION".equals(r.kind()))) {
      throw new ValidationException(
          "receiptId",
          "not_found",
          "no PRODUCTION receipt of this material in the plant / 工厂无此物料的生产计划");
    }
    WorkOrderKind k = kind;
    long id =
        tx.write(
            c -> {
              if (in.code() != null && WorkOrderStore.codeTaken(c, in.plantId(), in.code())) {
                throw new ValidationException(
                    "code", "taken", "is already used in this plant / 工单号已存在");
              }
              if (in.receiptId() != null) {
                String taken =
                    WorkOrderStore.ordersOfReceipts(c, List.of(in.receiptId())).get(in.receiptId());
                if (taken != null) {
                  throw new ValidationException(
                      "receiptId",
                      "taken",
                      "already has work order " + taken + " / 该计划已下达工单 " + taken);
                }
              }
              long newId =
                  WorkOrderStore.insertOrder(
                      c,
                      new WorkOrderStore.NewOrder(
                          in.plantId(),
                          in.code(),
                          k,
                          m.id(),
                          in.quantity().setScale(QTY_SCALE, RoundingMode.UNNECESSARY),
                          m.baseUnit(),
                          in.lot(),
                          start,
                          due,
                          in.lineCode(),
                          in.issueLocationId(),
                          in.receiveLocationId(),
                          in.receiptId(),
                          in.salesOrder(),
                          null,
                          !Boolean.FALSE.equals(in.backflush()),
                          in.supplier(),
                          Instant.now(),
                          caller.username()));
              audit(
                  c,
                  caller,
                  newId,
                  in.plantId(),
                  AuditTrail.CREATE,
                  Map.of("materialId", m.id(), "quantity", in.quantity(), "kind", k.name()));
              if (in.receiptId() != null) {
                // the order is the supply from now on: planning drops the receipt, in this
                // transaction
                planning.takeOverReceipts(
                    caller, in.plantId(), List.of(in.receiptId()), "WorkOrder " + newId);
              }
              return newId;
            });
    publish(caller, id, in.plantId(), "CREATED");
    return get(caller, id);
  }

  @Override
  public List<WorkOrder> createFromReceipts(
      CallerContext caller,
      long plantId,
      List<Long> receiptIds,
      Long issueLocationId,
      Long receiveLocationId) {
    caller.require(plantId, PlantRole.PLANNER, "Plant", plantId);
    if (receiptIds == null || receiptIds.isEmpty()) {
      throw new ValidationException("receiptIds", "required", "is required / 必填");
    }
    Map<Long, Receipt> byId = new HashMap<>();
    for (Receipt r : planning.receipts(caller, plantId, null)) {
      byId.put(r.id(), r);
    }
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < receiptIds.size(); i++) {
      Receipt r = byId.get(receiptIds.get(i));
      if (r == null) {
        errors.add(new FieldError("receiptIds[" + i + "]", "not_found", "no such receipt / 无此计划"));
      } else if (!"PRODUCTION".equals(r.kind())) {
        errors.add(
            new FieldError(
                "receiptIds[" + i + "]", "not_production", "is not a PRODUCTION receipt / 非生产计划"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    checkLocations(caller, plantId, issueLocationId, receiveLocationId);
    Map<Long, Material> materials = new HashMap<>();
    for (Long rid : receiptIds) {
      Receipt r = byId.get(rid);
      materials.computeIfAbsent(r.materialId(), id -> material(caller, id, "receiptIds"));
    }
    List<Long> ids =
        tx.write(
            c -> {
              Map<Long, String> taken = WorkOrderStore.ordersOfReceipts(c, receiptIds);
              if (!taken.isEmpty()) {
                List<FieldError> dup = new ArrayList<>();
                for (int i = 0; i < receiptIds.size(); i++) {
                  String code = taken.get(receiptIds.get(i));
                  if (code != null) {
                    dup.add(
                        new FieldError(
                            "receiptIds[" + i + "]",
                            "taken",
                            "already has work order " + code + " / 已下达工单 " + code));
                  }
                }
                throw new ValidationException(dup);
              }
              List<Long> made = new ArrayList<>();
              Instant now = Instant.now();
              for (Long rid : receiptIds) {
                Receipt r = byId.get(rid);
                Material m = materials.get(r.materialId());
                long id =
                    WorkOrderStore.insertOrder(
                        c,
                        new WorkOrderStore.NewOrder(
                            plantId,
                            null,
                            WorkOrderKind.STANDARD,
                            m.id(),
                            BigDecimal.valueOf(r.quantity())
                                .setScale(QTY_SCALE, RoundingMode.HALF_UP),
                            m.baseUnit(),
                            null,
                            r.dueDate().isBefore(LocalDate.now()) ? r.dueDate() : LocalDate.now(),
                            r.dueDate(),
                            null,
                            issueLocationId,
                            receiveLocationId,
                            r.id(),
                            r.reference(),
                            null,
                            true,
                            null,
                            now,
                            caller.username()));
                audit(c, caller, id, plantId, AuditTrail.CREATE, Map.of("receiptId", r.id()));
                made.add(id);
              }
              planning.takeOverReceipts(
                  caller, plantId, receiptIds, "WorkOrders " + made.toString());
              return made;
            });
    List<WorkOrder> out = new ArrayList<>();
    for (Long id : ids) {
      publish(caller, id, plantId, "CREATED");
      out.add(get(caller, id));
    }
    return out;
  }

  // ---- lifecycle

  @Override
  public WorkOrder release(CallerContext caller, long id, long version) {
    WorkOrder w = forChange(caller, id, version, PlantRole.PLANNER, Action.RELEASE);
    if (w.receiveLocationId() == null) {
      throw new ValidationException(
          "receiveLocationId",
          "required",
          "is needed to release: where the product goes / 下达前须指定入库库位");
    }
    List<ExplosionRow> rows;
    try {
      rows =
          boms.indented(
              caller,
              w.materialId(),
              w.plantId(),
              BomView.MANUFACTURING,
              w.startDate(),
              null,
              1.0,
              5000);
    } catch (NotFoundException e) {
      rows = List.of();
    }
    List<OrderComponent> components = orderBom(rows);
    Routing routing = null;
    try {
      routing = routings.effective(caller, w.materialId(), w.plantId(), w.startDate());
    } catch (NotFoundException e) {
      routing = null;
    }
    List<RoutingOperation> ops = routing == null ? List.of() : routing.operations();
    Routing chosen = routing;
    tx.write(
        c -> {
          WorkOrder locked = lockFor(c, caller, id, version, PlantRole.PLANNER, Action.RELEASE);
          BigDecimal qty = locked.quantity();
          int lineNo = 0;
          boolean backflush = locked.backflush() && locked.issueLocationId() != null;
          for (OrderComponent oc : components) {
            lineNo += 10;
            BigDecimal required =
                oc.quantityWithScrap().multiply(qty).setScale(QTY_SCALE, RoundingMode.HALF_UP);
            WorkOrderStore.insertComponent(
                c,
                id,
                lineNo,
                oc.materialId(),
                oc.quantityPer(),
                oc.scrapPercent(),
                required,
                null,
                backflush);
          }
          List<Integer> seqs = new ArrayList<>();
          for (RoutingOperation op : ops) {
            seqs.add(op.opNo());
          }
          if (seqs.isEmpty()) {
            seqs.add(10);
          }
          List<OperationQuantities> q = OperationFlow.release(seqs, qty);
          for (int i = 0; i < q.size(); i++) {
            RoutingOperation op = ops.isEmpty() ? null : ops.get(i);
            OperationLink link = linkToPrevious(ops, i);
            WorkOrderStore.insertOperation(
                c,
                id,
                q.get(i).seq(),
                op == null ? "Production / 生产" : nz(op.description(), "Operation " + op.opNo()),
                op == null ? null : op.workCenterId(),
                op == null ? BigDecimal.ZERO : op.setupMinutes(),
                op == null ? BigDecimal.ZERO : op.runMinutes(),
                op != null && op.outsourced(),
                q.get(i),
                link == null
                    ? null
                    : link.overlapPercent() == null ? BigDecimal.ZERO : link.overlapPercent(),
                link == null ? null : link.lagMinutes());
          }
          WorkOrderStore.update(
              c, id, "status = ?, released_at = ?", WorkOrderStatus.RELEASED.name(), Instant.now());
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("status", "RELEASED");
          after.put("components", components.size());
          after.put("operations", seqs.size());
          after.put("routingId", chosen == null ? null : chosen.id());
          audit(c, caller, id, locked.plantId(), "RELEASE", after);
          return null;
        });
    publish(caller, id, w.plantId(), "RELEASED");
    return get(caller, id);
  }

  /**
   * The routing's explicit link from operation {@code i} to the operation before it in the order's
   * sequence, or null. The order routing is a sequence by number: an operation listing that
   * predecessor gets its overlap (null there: 0, finish-to-start) and lag; a routing without links
   * (classic sequence) or a link to another operation leaves the order operation unrestricted, as
   * orders always were (good output may be worked at the next operation at once).
   */
  static OperationLink linkToPrevious(List<RoutingOperation> ops, int i) {
    if (i <= 0 || i >= ops.size() || ops.get(i).predecessors() == null) {
      return null;
    }
    int previous = ops.get(i - 1).opNo();
    for (OperationLink l : ops.get(i).predecessors()) {
      if (l.predecessorOpNo() != null && l.predecessorOpNo() == previous) {
        return l;
      }
    }
    return null;
  }

  /**
   * Refuses to start or report at {@code at} while its overlap holds it (a 4xx naming the field).
   */
  private static void overlapOrThrow(WorkOrder w, List<OperationQuantities> quantities, int at) {
    String why = Overlap.refusal(quantities, at, w.operations().get(at).overlapPercent());
    if (why != null) {
      throw invalid(new IllegalArgumentException(why));
    }
  }

  /** A component of the order BOM: phantoms blown through, quantities per order unit. */
  record OrderComponent(
      long materialId,
      BigDecimal quantityPer,
      BigDecimal scrapPercent,
      BigDecimal quantityWithScrap) {}

  /**
   * The direct components of the explosion, with the components of phantom components in their
   * place (a phantom is never stocked). Rows come depth first, so a stack of the current ancestors
   * says whether every ancestor of a row is a phantom.
   */
  static List<OrderComponent> orderBom(List<ExplosionRow> rows) {
    Map<Long, OrderComponent> merged = new LinkedHashMap<>();
    Deque<Boolean> phantomAncestors = new ArrayDeque<>();
    Deque<Double> perAncestors = new ArrayDeque<>();
    for (ExplosionRow r : rows) {
      while (phantomAncestors.size() >= r.level()) {
        phantomAncestors.pop();
        perAncestors.pop();
      }
      boolean direct = phantomAncestors.stream().allMatch(p -> p);
      double per = r.quantityPer();
      for (double a : perAncestors) {
        per *= a;
      }
      if (direct && !r.phantom()) {
        BigDecimal qp = BigDecimal.valueOf(per).setScale(9, RoundingMode.HALF_UP);
        BigDecimal gross = BigDecimal.valueOf(r.quantity()).setScale(9, RoundingMode.HALF_UP);
        merged.merge(
            r.componentId(),
            new OrderComponent(r.componentId(), qp, scrap(qp, gross), gross),
            (a, b) -> {
              BigDecimal q = a.quantityPer().add(b.quantityPer());
              BigDecimal g = a.quantityWithScrap().add(b.quantityWithScrap());
              return new OrderComponent(a.materialId(), q, scrap(q, g), g);
            });
      }
      phantomAncestors.push(r.phantom());
      perAncestors.push(r.quantityPer());
    }
    return new ArrayList<>(merged.values());
  }

  private static BigDecimal scrap(BigDecimal per, BigDecimal gross) {
    if (per.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return gross
        .divide(per, 8, RoundingMode.HALF_UP)
        .subtract(BigDecimal.ONE)
        .multiply(BigDecimal.valueOf(100))
        .setScale(4, RoundingMode.HALF_UP);
  }

  @Override
  public WorkOrder split(CallerContext caller, long id, BigDecimal quantity, long version) {
    forChange(caller, id, version, PlantRole.PLANNER, Action.SPLIT);
    Validation v = new Validation().positive("quantity", quantity);
    throwIf(v);
    long newId =
        tx.write(
            c -> {
              WorkOrder w = lockFor(c, caller, id, version, PlantRole.PLANNER, Action.SPLIT);
              if (quantity.compareTo(w.quantity()) >= 0) {
                throw new ValidationException(
                    "quantity", "too_large", "must be less than the order quantity / 拆分数量须小于工单数量");
              }
              BigDecimal q = quantity.setScale(QTY_SCALE, RoundingMode.HALF_UP);
              if (w.status() != WorkOrderStatus.PLANNED) {
                List<OperationQuantities> before = WorkOrderStore.quantities(w.operations());
                List<OperationQuantities> after;
                try {
                  after = OperationFlow.reduce(before, q);
                } catch (IllegalArgumentException e) {
                  throw invalid(e);
                }
                WorkOrderStore.updateOperations(c, id, before, after, Instant.now());
              }
              WorkOrderStore.update(c, id, "quantity = ?", w.quantity().subtract(q));
              long child =
                  WorkOrderStore.insertOrder(
                      c,
                      new WorkOrderStore.NewOrder(
                          w.plantId(),
                          null,
                          w.kind(),
                          w.materialId(),
                          q,
                          w.unit(),
                          null,
                          w.startDate(),
                          w.dueDate(),
                          w.lineCode(),
                          w.issueLocationId(),
                          w.receiveLocationId(),
                          null,
                          w.salesOrder(),
                          w.id(),
                          w.backflush(),
                          w.supplier(),
                          Instant.now(),
                          caller.username()));
              audit(
                  c, caller, id, w.plantId(), "SPLIT", Map.of("quantity", q, "newOrderId", child));
              audit(c, caller, child, w.plantId(), AuditTrail.CREATE, Map.of("splitFrom", id));
              return child;
            });
    return get(caller, newId);
  }

  @Override
  public WorkOrder complete(CallerContext caller, long id, String reason, long version) {
    forChange(caller, id, version, PlantRole.PLANNER, Action.COMPLETE);
    Validation v = new Validation().text("reason", reason, 400);
    throwIf(v);
    return transition(
        caller,
        id,
        version,
        Action.COMPLETE,
        "status = ?, completed_at = ?, forced_reason = ?",
        WorkOrderStatus.COMPLETED.name(),
        Instant.now(),
        reason);
  }

  @Override
  public WorkOrder close(CallerContext caller, long id, long version) {
    return transition(
        caller,
        id,
        version,
        Action.CLOSE,
        "status = ?, closed_at = ?",
        WorkOrderStatus.CLOSED.name(),
        Instant.now());
  }

  @Override
  public WorkOrder cancel(CallerContext caller, long id, long version) {
    return transition(
        caller, id, version, Action.CANCEL, "status = ?", WorkOrderStatus.CANCELLED.name());
  }

  private WorkOrder transition(
      CallerContext caller, long id, long version, Action action, String set, Object... args) {
    WorkOrder w = forChange(caller, id, version, PlantRole.PLANNER, action);
    tx.write(
        c -> {
          WorkOrder locked = lockFor(c, caller, id, version, PlantRole.PLANNER, action);
          WorkOrderStore.update(c, id, set, args);
          audit(
              c,
              caller,
              id,
              locked.plantId(),
              action.name(),
              Map.of(
                  "from",
                  locked.status().name(),
                  "to",
                  WorkOrderLifecycle.next(locked.status(), action).name()));
          return null;
        });
    publish(caller, id, w.plantId(), WorkOrderLifecycle.next(w.status(), action).name());
    return get(caller, id);
  }

  // ---- operations

  @Override
  public WorkOrder dispatch(
      CallerContext caller, long id, int seq, String station, String operator, String shift) {
    Validation v = new Validation();
    v.optionalText("station", station, 40);
    v.optionalText("operator", operator, 64);
    v.optionalText("shift", shift, 16);
    throwIf(v);
    WorkOrder w = get(caller, id);
    caller.require(w.plantId(), PlantRole.OPERATOR, ENTITY, id);
    tx.write(
        c -> {
          WorkOrder locked = lockAny(c, caller, id, PlantRole.OPERATOR);
          activeOrThrow(locked);
          operationIndex(locked, seq);
          WorkOrderStore.dispatch(c, id, seq, station, operator, shift);
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("seq", seq);
          after.put("station", station);
          after.put("operator", operator);
          after.put("shift", shift);
          audit(c, caller, id, locked.plantId(), "DISPATCH", after);
          return null;
        });
    return get(caller, id);
  }

  @Override
  public WorkOrder operationAction(CallerContext caller, long id, int seq, String action) {
    String a = action == null ? "" : action.trim().toUpperCase(Locale.ROOT);
    if (!Set.of("START", "PAUSE", "SKIP").contains(a)) {
      throw new ValidationException("action", "invalid", "START, PAUSE or SKIP / 操作无效");
    }
    PlantRole role = a.equals("SKIP") ? PlantRole.PLANNER : PlantRole.OPERATOR;
    WorkOrder w = get(caller, id);
    caller.require(w.plantId(), role, ENTITY, id);
    tx.write(
        c -> {
          WorkOrder locked = lockAny(c, caller, id, role);
          activeOrThrow(locked);
          int at = operationIndex(locked, seq);
          List<OperationQuantities> before = WorkOrderStore.quantities(locked.operations());
          List<OperationQuantities> after;
          BigDecimal completed = BigDecimal.ZERO;
          if (a.equals("START")) {
            overlapOrThrow(locked, before, at);
          }
          try {
            switch (a) {
              case "START" -> after = OperationFlow.setStatus(before, at, OperationStatus.STARTED);
              case "PAUSE" -> after = OperationFlow.setStatus(before, at, OperationStatus.PAUSED);
              default -> {
                OperationFlow.Result r = OperationFlow.skip(before, at);
                after = r.operations();
                completed = r.completed();
              }
            }
          } catch (IllegalArgumentException e) {
            throw invalid(e);
          }
          Instant now = Instant.now();
          WorkOrderStore.updateOperations(c, id, before, after, now);
          if (locked.status() == WorkOrderStatus.RELEASED && !a.equals("PAUSE")) {
            WorkOrderStore.update(
                c, id, "status = ?, started_at = ?", WorkOrderStatus.STARTED.name(), now);
          }
          if (completed.signum() > 0) {
            // skipping the last operations hands over what they held as finished product
            receiveProduct(c, caller, locked, completed, null, now);
          }
          audit(c, caller, id, locked.plantId(), "OPERATION_" + a, Map.of("seq", seq));
          return null;
        });
    return get(caller, id);
  }

  // ---- reports

  @Override
  public OperationReport report(CallerContext caller, OperationReportInput in) {
    Validation v = new Validation();
    v.code("reportKey", in.reportKey(), 64);
    v.required("workOrderId", in.workOrderId());
    v.required("operationSeq", in.operationSeq());
    v.optionalText("reasonCode", in.reasonCode(), 32);
    v.optionalText("station", in.station(), 40);
    v.optionalText("operator", in.operator(), 64);
    v.optionalText("shift", in.shift(), 16);
    if (in.part() != null && in.part() < 0) {
      v.add("part", "range", "must not be negative / 分割号不能为负");
    }
    for (var q :
        Map.of("good", nz(in.good()), "scrap", nz(in.scrap()), "rework", nz(in.rework()))
            .entrySet()) {
      if (q.getValue().signum() < 0) {
        v.add(q.getKey(), "negative", "must not be negative / 不能为负");
      } else if (q.getValue().scale() > QTY_SCALE) {
        v.add(q.getKey(), "too_precise", "at most 6 decimals / 最多 6 位小数");
      }
    }
    if (nz(in.scrap()).signum() > 0 && (in.reasonCode() == null || in.reasonCode().isBlank())) {
      v.add("reasonCode", "required", "is required when scrap is reported / 报废须填原因代码");
    }
    if (in.workStartedAt() != null
        && in.workEndedAt() != null
        && in.workEndedAt().isBefore(in.workStartedAt())) {
      v.add("workEndedAt", "before_start", "must not be before workStartedAt / 结束时间早于开始时间");
    }
    throwIf(v);
    // One light read: the order's plant for the rights check, and a retry after a success (the
    // common case: the client lost the answer) found before any lock is taken.
    WorkOrder w =
        tx.read(c -> WorkOrderStore.find(c, in.workOrderId(), false))
            .filter(o -> caller.canRead(o.plantId()))
            .orElseThrow(() -> new NotFoundException(ENTITY, in.workOrderId()));
    caller.require(w.plantId(), PlantRole.OPERATOR, ENTITY, w.id());
    var earlier = tx.read(c -> WorkOrderStore.reportByKey(c, w.plantId(), in.reportKey()));
    if (earlier.isPresent()) {
      return sameOrder(earlier.get(), in);
    }
    try {
      OperationReport r = tx.write(c -> applyReport(c, caller, in));
      if (r.completedQuantity().signum() > 0) {
        announceIfCompleted(caller, r.workOrderId());
      }
      return r;
    } catch (ConflictException e) {
      // Two sends of one key raced: the loser's insert broke the unique key and rolled back.
      var winner = tx.read(c -> WorkOrderStore.reportByKey(c, w.plantId(), in.reportKey()));
      if (winner.isPresent()) {
        return sameOrder(winner.get(), in);
      }
      throw e;
    }
  }

  private static OperationReport sameOrder(OperationReport r, OperationReportInput in) {
    if (r.workOrderId() != in.workOrderId()
        || r.operationSeq() != in.operationSeq()
        || partNo(r.part()) != partNo(in.part())) {
      throw new ValidationException(
          "reportKey",
          "reused",
          "was already used for another order or operation / 报工编号已用于其他工单或工序");
    }
    return r;
  }

  private static int partNo(Integer part) {
    return part == null ? 0 : part;
  }

  private OperationReport applyReport(Connection c, CallerContext caller, OperationReportInput in)
      throws SQLException {
    WorkOrder w = lockAny(c, caller, in.workOrderId(), PlantRole.OPERATOR);
    var earlier = WorkOrderStore.reportByKey(c, w.plantId(), in.reportKey());
    if (earlier.isPresent()) {
      return sameOrder(earlier.get(), in);
    }
    if (!WorkOrderLifecycle.allowed(w.status(), Action.REPORT)) {
      throw new ValidationException(
          "workOrderId",
          "status",
          "a " + w.status() + " order takes no reports / 状态为 " + w.status() + " 的工单不能报工");
    }
    int at = operationIndex(w, in.operationSeq());
    boolean fromRework = Boolean.TRUE.equals(in.fromRework());
    WorkOrderOperation reportedOp = w.operations().get(at);
    BigDecimal here = reportedOp.inProgress().subtract(reportedOp.atSupplier());
    if (!fromRework
        && reportedOp.atSupplier().signum() > 0
        && nz(in.good()).add(nz(in.scrap())).add(nz(in.rework())).compareTo(here) > 0) {
      throw new ValidationException(
          "good",
          "at_supplier",
          "only "
              + here.stripTrailingZeros().toPlainString()
              + " is in progress here; what the supplier holds comes back as an outsourcing"
              + " receipt / 超过本厂在制数，外协部分须委外收货");
    }
    List<OperationQuantities> before = WorkOrderStore.quantities(w.operations());
    if (!fromRework) {
      overlapOrThrow(w, before, at);
    }
    Integer part = in.part() == null || in.part() == 0 ? null : in.part();
    List<WorkOrderStore.PartRow> partRows = WorkOrderStore.parts(c, w.id(), in.operationSeq());
    OperationFlow.Result r;
    List<OperationPart> partsAfter;
    try {
      OperationFlow.Report report =
          new OperationFlow.Report(at, nz(in.good()), nz(in.scrap()), nz(in.rework()), fromRework);
      partsAfter =
          OperationSplit.report(before.get(at), WorkOrderStore.engineParts(partRows), part, report);
      r = OperationFlow.report(before, report);
    } catch (IllegalArgumentException e) {
      throw invalid(e);
    }
    Instant now = Instant.now();
    if (part != null) {
      WorkOrderStore.writeParts(c, w.id(), in.operationSeq(), partRows, partsAfter, Map.of());
    }
    WorkOrderStore.updateOperations(c, w.id(), before, r.operations(), now);
    OperationReport row =
        new OperationReport(
            0,
            w.plantId(),
            in.reportKey(),
            w.id(),
            in.operationSeq(),
            nz(in.good()),
            nz(in.scrap()),
            nz(in.rework()),
            fromRework,
            r.completed(),
            in.reasonCode(),
            in.station(),
            in.operator(),
            in.shift(),
            in.workStartedAt(),
            in.workEndedAt(),
            now,
            caller.username(),
            false,
            part);
    boolean first = !inspections.isEmpty() && !WorkOrderStore.hasReports(c, w.id());
    long reportId = WorkOrderStore.insertReport(c, row);
    if (first) {
      FirstReport announced =
          new FirstReport(
              w.plantId(),
              w.id(),
              w.code(),
              w.materialId(),
              w.lot(),
              w.quantity(),
              in.operationSeq(),
              w.receiveLocationId());
      for (ProductInspection inspection : inspections) {
        inspection.firstReport(caller, announced);
      }
    }
    if (nz(in.good()).signum() > 0 && !inspections.isEmpty()) {
      OperationReported output =
          new OperationReported(
              w.plantId(),
              w.id(),
              w.code(),
              w.materialId(),
              w.lot(),
              in.operationSeq(),
              nz(in.good()),
              w.receiveLocationId());
      for (ProductInspection inspection : inspections) {
        inspection.operationReported(caller, output);
      }
    }
    if (!fromRework) {
      backflush(c, caller, w, in.operationSeq(), nz(in.good()), nz(in.scrap()), reportId);
    }
    BigDecimal scrapTotal = w.scrapQuantity().add(nz(in.scrap()));
    if (w.status() == WorkOrderStatus.RELEASED) {
      WorkOrderStore.update(
          c, w.id(), "status = ?, started_at = ?", WorkOrderStatus.STARTED.name(), now);
    }
    WorkOrderStore.update(c, w.id(), "scrap_quantity = ?", scrapTotal);
    if (r.completed().signum() > 0) {
      receiveProduct(c, caller, w, r.completed(), reportId, now);
    }
    // a serialized receipt: its units and what went into each (nothing without serials)
    SerialStore.receive(c, w, in.serials(), r.completed(), reportId, now);
    // The order is complete when nothing is left anywhere in its routing.
    boolean finished =
        r.operations().stream()
            .allMatch(
                o -> o.status() == OperationStatus.DONE || o.status() == OperationStatus.SKIPPED);
    if (finished) {
      WorkOrderStore.update(
          c, w.id(), "status = ?, completed_at = ?", WorkOrderStatus.COMPLETED.name(), now);
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("reportKey", in.reportKey());
    after.put("seq", in.operationSeq());
    after.put("good", nz(in.good()));
    after.put("scrap", nz(in.scrap()));
    after.put("rework", nz(in.rework()));
    after.put("completed", r.completed());
    if (part != null) {
      after.put("part", part);
    }
    if (in.serials() != null && !in.serials().isEmpty()) {
      after.put("serials", in.serials().stream().map(u -> u.serial()).toList());
    }
    audit(c, caller, w.id(), w.plantId(), "REPORT", after);
    return new OperationReport(
        reportId,
        row.plantId(),
        row.reportKey(),
        row.workOrderId(),
        row.operationSeq(),
        row.good(),
        row.scrap(),
        row.rework(),
        row.fromRework(),
        row.completedQuantity(),
        row.reasonCode(),
        row.station(),
        row.operator(),
        row.shift(),
        row.workStartedAt(),
        row.workEndedAt(),
        row.reportedAt(),
        row.username(),
        false,
        part);
  }

  /**
   * Consumes the components of the reported operation from the order's issue location, lots first
   * in first out, and records each lot in the produced lot's genealogy. A shortage is refused by
   * inventory (unless the warehouse allows negative stock), which rolls the whole report back.
   */
  void backflush(
      Connection c,
      CallerContext caller,
      WorkOrder w,
      int seq,
      BigDecimal good,
      BigDecimal scrap,
      Long reportId)
      throws SQLException {
    List<Backflush.Component> comps = new ArrayList<>();
    Map<Long, WorkOrderComponent> byLine = new HashMap<>();
    for (WorkOrderComponent k : w.components()) {
      comps.add(
          new Backflush.Component(
              k.id(), k.materialId(), k.quantityPer(), k.operationSeq(), k.backflush()));
      byLine.put(k.id(), k);
    }
    int lastSeq = w.operations().get(w.operations().size() - 1).seq();
    List<Backflush.Line> lines = Backflush.consumption(comps, seq, lastSeq, good, scrap);
    if (lines.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    for (Backflush.Line line : lines) {
      List<Backflush.LotStock> lots = new ArrayList<>();
      for (StockBalance b :
          inventory
              .stock(
                  caller,
                  new StockFilter(
                      w.plantId(),
                      line.materialId(),
                      w.issueLocationId(),
                      StockStatus.AVAILABLE,
                      null),
                  new PageRequest(0, PageRequest.MAX_LIMIT, "id", true))
              .items()) {
        if (b.serial() == null || b.serial().isEmpty()) {
          lots.add(new Backflush.LotStock(b.lot(), b.quantity()));
        }
      }
      for (Backflush.LotTake take : Backflush.pickLots(lots, line.quantity())) {
        String lot = take.lot() == null ? "" : take.lot();
        inventory.post(
            caller,
            new MovementInput(
                "ISSUE",
                line.materialId(),
                take.quantity(),
                w.issueLocationId(),
                null,
                lot,
                null,
                "AVAILABLE",
                null,
                w.code() + "/" + seq));
        if (!lot.isEmpty()) {
          WorkOrderStore.insertGenealogy(
              c,
              w.plantId(),
              w.materialId(),
              w.lot(),
              line.materialId(),
              lot,
              take.quantity(),
              w.id(),
              reportId,
              now);
        }
      }
      WorkOrderStore.addIssued(c, line.lineId(), line.quantity());
    }
  }

  /** Puts finished product into the order's receive location as the order's lot. */
  void receiveProduct(
      Connection c,
      CallerContext caller,
      WorkOrder w,
      BigDecimal quantity,
      Long reportId,
      Instant now)
      throws SQLException {
    ProductReceipt receipt =
        new ProductReceipt(
            w.plantId(),
            w.id(),
            w.code(),
            w.materialId(),
            w.lot(),
            quantity,
            w.receiveLocationId(),
            w.supplier() == null ? "" : w.supplier());
    boolean inspected = false;
    for (ProductInspection inspection : inspections) {
      // every service hears of the receipt, even after one has asked for inspection
      inspected |= inspection.productReceived(caller, receipt);
    }
    inventory.post(
        caller,
        new MovementInput(
            "RECEIPT",
            w.materialId(),
            quantity,
            w.receiveLocationId(),
            null,
            w.lot(),
            null,
            inspected ? "QUARANTINE" : "AVAILABLE",
            null,
            w.code()));
    BigDecimal done = currentCompleted(c, w.id()).add(quantity);
    WorkOrderStore.update(c, w.id(), "completed_quantity = ?", done);
  }

  private static BigDecimal currentCompleted(Connection c, long id) throws SQLException {
    return WorkOrderStore.find(c, id, false).orElseThrow().completedQuantity();
  }

  // ---- outsourcing

  @Override
  public WorkOrder outsourceSend(CallerContext caller, long id, int seq, OutsourcingInput in) {
    Validation v = new Validation();
    v.code("key", in.key(), 64);
    v.code("supplier", in.supplier(), 40);
    v.positive("quantity", in.quantity());
    throwIf(v);
    WorkOrder w = get(caller, id);
    caller.require(w.plantId(), PlantRole.OPERATOR, ENTITY, id);
    tx.write(
        c -> {
          WorkOrder locked = lockAny(c, caller, id, PlantRole.OPERATOR);
          if (outsourcingDone(c, locked, in.key(), "SEND", seq)) {
            return null;
          }
          activeOrThrow(locked);
          int at = operationIndex(locked, seq);
          WorkOrderOperation op = locked.operations().get(at);
          if (op.supplier() != null
              && op.atSupplier().signum() > 0
              && !op.supplier().equals(in.supplier())) {
            throw new ValidationException(
                "supplier",
                "other_supplier",
                "operation "
                    + seq
                    + " has work at "
                    + op.supplier()
                    + " / 该工序已外发给 "
                    + op.supplier());
          }
          BigDecimal held;
          try {
            held =
                io.tianshu.execution.engine.Outsourcing.send(
                    WorkOrderStore.quantities(locked.operations()).get(at),
                    op.atSupplier(),
                    in.quantity());
          } catch (IllegalArgumentException e) {
            throw invalid(e);
          }
          WorkOrderStore.setAtSupplier(c, id, seq, held, in.supplier());
          WorkOrderStore.insertOutsourcing(
              c,
              locked.plantId(),
              in.key(),
              id,
              seq,
              seq,
              in.supplier(),
              "SEND",
              in.quantity(),
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              caller.username());
          if (locked.status() == WorkOrderStatus.RELEASED) {
            WorkOrderStore.update(
                c, id, "status = ?, started_at = ?", WorkOrderStatus.STARTED.name(), Instant.now());
          }
          audit(
              c,
              caller,
              id,
              locked.plantId(),
              "SUPPLIER_SEND",
              Map.of("seq", seq, "supplier", in.supplier(), "quantity", in.quantity()));
          return null;
        });
    return get(caller, id);
  }

  @Override
  public WorkOrder outsourceReceive(CallerContext caller, long id, int seq, OutsourcingInput in) {
    Validation v = new Validation();
    v.code("key", in.key(), 64);
    if (nz(in.good()).signum() < 0) {
      v.add("good", "negative", "must not be negative / 不能为负");
    }
    if (nz(in.scrap()).signum() < 0) {
      v.add("scrap", "negative", "must not be negative / 不能为负");
    }
    if (nz(in.scrap()).signum() > 0 && (in.reasonCode() == null || in.reasonCode().isBlank())) {
      v.add("reasonCode", "required", "is required when scrap is reported / 报废须填原因代码");
    }
    if (nz(in.fee()).signum() < 0) {
      v.add("fee", "negative", "must not be negative / 不能为负");
    }
    throwIf(v);
    WorkOrder w = get(caller, id);
    caller.require(w.plantId(), PlantRole.OPERATOR, ENTITY, id);
    tx.write(
        c -> {
          WorkOrder locked = lockAny(c, caller, id, PlantRole.OPERATOR);
          if (outsourcingDone(c, locked, in.key(), "RECEIVE", seq)) {
            return null;
          }
          activeOrThrow(locked);
          int from = operationIndex(locked, seq);
          int through = in.throughSeq() == null ? from : operationIndex(locked, in.throughSeq());
          WorkOrderOperation op = locked.operations().get(from);
          List<OperationQuantities> before = WorkOrderStore.quantities(locked.operations());
          List<BigDecimal> held = new ArrayList<>();
          for (WorkOrderOperation o : locked.operations()) {
            held.add(o.atSupplier());
          }
          io.tianshu.execution.engine.Outsourcing.Received r;
          try {
            r =
                io.tianshu.execution.engine.Outsourcing.receive(
                    before, held, from, through, nz(in.good()), nz(in.scrap()));
          } catch (IllegalArgumentException e) {
            throw invalid(e);
          }
          Instant now = Instant.now();
          WorkOrderStore.updateOperations(c, id, before, r.operations(), now);
          WorkOrderStore.setAtSupplier(c, id, seq, r.atSupplier().get(from), null);
          BigDecimal total = nz(in.good()).add(nz(in.scrap()));
          for (int i = from; i <= through; i++) {
            boolean last = i == through;
            backflush(
                c,
                caller,
                locked,
                locked.operations().get(i).seq(),
                last ? nz(in.good()) : total,
                last ? nz(in.scrap()) : BigDecimal.ZERO,
                null);
          }
          WorkOrderStore.update(
              c, id, "scrap_quantity = ?", locked.scrapQuantity().add(nz(in.scrap())));
          if (r.completed().signum() > 0) {
            receiveProduct(c, caller, locked, r.completed(), null, now);
          }
          if (r.operations().stream()
              .allMatch(
                  o ->
                      o.status() == OperationStatus.DONE
                          || o.status() == OperationStatus.SKIPPED)) {
            WorkOrderStore.update(
                c, id, "status = ?, completed_at = ?", WorkOrderStatus.COMPLETED.name(), now);
          }
          WorkOrderStore.insertOutsourcing(
              c,
              locked.plantId(),
              in.key(),
              id,
              seq,
              locked.operations().get(through).seq(),
              op.supplier() == null ? "?" : op.supplier(),
              "RECEIVE",
              nz(in.good()),
              nz(in.scrap()),
              nz(in.fee()),
              caller.username());
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("seq", seq);
          after.put("through", locked.operations().get(through).seq());
          after.put("good", nz(in.good()));
          after.put("scrap", nz(in.scrap()));
          after.put("fee", nz(in.fee()));
          audit(c, caller, id, locked.plantId(), "SUPPLIER_RECEIVE", after);
          return null;
        });
    announceIfCompleted(caller, id);
    return get(caller, id);
  }

  /** Tells listeners (costing) that a report or receipt completed the order. */
  private void announceIfCompleted(CallerContext caller, long id) {
    WorkOrder w = get(caller, id);
    if (w.status() == WorkOrderStatus.COMPLETED) {
      publish(caller, id, w.plantId(), WorkOrderStatus.COMPLETED.name());
    }
  }

  /**
   * True when the key was used before for the same movement (a retry: nothing to do); refused when
   * it was used for another one.
   */
  private static boolean outsourcingDone(
      Connection c, WorkOrder w, String key, String kind, int seq) throws SQLException {
    String[] earlier = WorkOrderStore.outsourcingByKey(c, w.plantId(), key);
    if (earlier == null) {
      return false;
    }
    if (!earlier[0].equals(String.valueOf(w.id()))
        || !earlier[1].equals(kind)
        || !earlier[2].equals(String.valueOf(seq))) {
      throw new ValidationException(
          "key", "reused", "was already used for another movement / 编号已用于其他委外单据");
    }
    return true;
  }

  @Override
  public List<OutsourcedWork> outsourcedWork(CallerContext caller, long plantId) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return tx.read(c -> WorkOrderStore.outsourcedWork(c, plantId));
  }

  // ---- order BOM

  @Override
  public WorkOrder editComponent(CallerContext caller, long id, ComponentInput in) {
    Validation v = new Validation();
    v.required("version", in.version());
    if (in.componentId() == null) {
      v.required("materialId", in.materialId());
      v.required("quantityPer", in.quantityPer());
    }
    if (in.quantityPer() != null && in.quantityPer().signum() < 0) {
      v.add("quantityPer", "negative", "must not be negative / 不能为负");
    }
    if (in.scrapPercent() != null
        && (in.scrapPercent().signum() < 0
            || in.scrapPercent().compareTo(BigDecimal.valueOf(100)) >= 0)) {
      v.add("scrapPercent", "range", "0 to under 100 / 须在 0 到 100 之间");
    }
    throwIf(v);
    WorkOrder outside = get(caller, id);
    caller.require(outside.plantId(), PlantRole.PLANNER, ENTITY, id);
    if (in.materialId() != null) {
      material(caller, in.materialId(), "materialId");
    }
    tx.write(
        c -> {
          WorkOrder w = lockAny(c, caller, id, PlantRole.PLANNER);
          if (w.version() != in.version() + 1) {
            throw ConflictException.staleVersion(ENTITY, id, in.version());
          }
          if (w.status() != WorkOrderStatus.RELEASED && w.status() != WorkOrderStatus.STARTED) {
            throw new ConflictException(
                "Only a released or started order's BOM is edited / 只能修改已下达或生产中工单的用料");
          }
          if (in.operationSeq() != null) {
            operationIndex(w, in.operationSeq());
          }
          WorkOrderComponent old =
              in.componentId() == null
                  ? null
                  : w.components().stream()
                      .filter(k -> k.id() == in.componentId())
                      .findFirst()
                      .orElseThrow(
                          () ->
                              new ValidationException(
                                  "componentId", "not_found", "not a line of the order / 非本工单用料"));
          BigDecimal per = in.quantityPer() != null ? in.quantityPer() : old.quantityPer();
          BigDecimal scrap =
              in.scrapPercent() != null
                  ? in.scrapPercent()
                  : old == null ? BigDecimal.ZERO : old.scrapPercent();
          BigDecimal required =
              per.multiply(BigDecimal.ONE.add(scrap.movePointLeft(2)))
                  .multiply(w.quantity())
                  .setScale(QTY_SCALE, RoundingMode.HALF_UP);
          Integer seq =
              in.operationSeq() != null
                  ? in.operationSeq()
                  : old == null ? null : old.operationSeq();
          boolean backflush =
              in.backflush() != null
                  ? in.backflush() && w.issueLocationId() != null
                  : old == null ? w.backflush() && w.issueLocationId() != null : old.backflush();
          Map<String, Object> before = new LinkedHashMap<>();
          if (old == null) {
            int lineNo =
                w.components().stream().mapToInt(WorkOrderComponent::lineNo).max().orElse(0) + 10;
            WorkOrderStore.insertComponent(
                c, id, lineNo, in.materialId(), per, scrap, required, seq, backflush);
          } else {
            before.put("quantityPer", old.quantityPer());
            before.put("scrapPercent", old.scrapPercent());
            before.put("operationSeq", old.operationSeq());
            before.put("backflush", old.backflush());
            WorkOrderStore.updateComponent(c, old.id(), per, scrap, required, seq, backflush);
          }
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("componentId", in.componentId());
          after.put("materialId", old == null ? in.materialId() : old.materialId());
          after.put("quantityPer", per);
          after.put("scrapPercent", scrap);
          after.put("operationSeq", seq);
          after.put("backflush", backflush);
          AuditTrail.writeJdbc(
              c,
              caller,
              ENTITY,
              id,
              w.plantId(),
              "ORDER_BOM",
              before.isEmpty() ? null : before,
              after);
          return null;
        });
    return get(caller, id);
  }

  // ---- order routing (the rules in engine.RoutingEdit, the writes in OrderRoutingEdit)

  @Override
  public WorkOrder changeOperation(CallerContext caller, long id, int seq, OperationInput in) {
    OrderRoutingEdit.validate(in, false);
    WorkOrder outside = get(caller, id);
    caller.require(outside.plantId(), PlantRole.PLANNER, ENTITY, id);
    tx.write(
        c -> {
          OrderRoutingEdit.change(c, caller, id, seq, in);
          return null;
        });
    return get(caller, id);
  }

  @Override
  public WorkOrder insertOperation(CallerContext caller, long id, OperationInput in) {
    OrderRoutingEdit.validate(in, true);
    WorkOrder outside = get(caller, id);
    caller.require(outside.plantId(), PlantRole.PLANNER, ENTITY, id);
    tx.write(
        c -> {
          OrderRoutingEdit.insert(c, caller, id, in);
          return null;
        });
    return get(caller, id);
  }

  @Override
  public WorkOrder removeOperation(CallerContext caller, long id, int seq, long version) {
    WorkOrder outside = get(caller, id);
    caller.require(outside.plantId(), PlantRole.PLANNER, ENTITY, id);
    boolean finished = tx.write(c -> OrderRoutingEdit.remove(c, caller, id, seq, version));
    if (finished) {
      announceIfCompleted(caller, id);
    }
    return get(caller, id);
  }

  // ---- operation split and merge

  @Override
  public WorkOrder splitOperation(CallerContext caller, long id, int seq, OperationSplitInput in) {
    Validation v = new Validation();
    v.required("parts", in == null ? null : in.parts());
    throwIf(v);
    List<BigDecimal> quantities = new ArrayList<>();
    for (int i = 0; i < in.parts().size(); i++) {
      OperationSplitInput.Part p = in.parts().get(i);
      String f = "parts[" + i + "]";
      if (p == null) {
        v.add(f, "required", "is required / 必填");
        continue;
      }
      v.required(f + ".quantity", p.quantity());
      if (p.quantity() != null && p.quantity().signum() <= 0) {
        v.add(f + ".quantity", "range", "must be positive / 数量必须为正");
      } else if (p.quantity() != null && p.quantity().scale() > QTY_SCALE) {
        v.add(f + ".quantity", "too_precise", "at most 6 decimals / 最多 6 位小数");
      }
      v.optionalText(f + ".station", p.station(), 40);
      v.optionalText(f + ".operator", p.operator(), 64);
      v.optionalText(f + ".shift", p.shift(), 16);
      quantities.add(p.quantity());
    }
    if (in.parts().isEmpty()) {
      v.add("parts", "required", "at least one part / 至少分出一份");
    }
    throwIf(v);
    WorkOrder outside = get(caller, id);
    caller.require(outside.plantId(), PlantRole.OPERATOR, ENTITY, id);
    tx.write(
        c -> {
          WorkOrder w = lockForParts(c, caller, id, in.version());
          int at = operationIndex(w, seq);
          OperationQuantities op = WorkOrderStore.quantities(w.operations()).get(at);
          List<WorkOrderStore.PartRow> rows = WorkOrderStore.parts(c, id, seq);
          List<OperationPart> before = WorkOrderStore.engineParts(rows);
          List<OperationPart> after;
          try {
            after = OperationSplit.split(op, before, in.fromPart(), quantities);
          } catch (IllegalArgumentException e) {
            throw invalid(e);
          }
          guardParts(op, after);
          Map<Integer, String[]> dispatch = new HashMap<>();
          int next = before.stream().mapToInt(OperationPart::partNo).max().orElse(0) + 1;
          List<Map<String, Object>> made = new ArrayList<>();
          for (OperationSplitInput.Part p : in.parts()) {
            dispatch.put(next, new String[] {p.station(), p.operator(), p.shift()});
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("part", next);
            m.put("quantity", p.quantity());
            m.put("station", p.station());
            m.put("operator", p.operator());
            m.put("shift", p.shift());
            made.add(m);
            next++;
          }
          WorkOrderStore.writeParts(c, id, seq, rows, after, dispatch);
          Map<String, Object> audit = new LinkedHashMap<>();
          audit.put("seq", seq);
          audit.put("fromPart", in.fromPart() == null ? 0 : in.fromPart());
          audit.put("parts", made);
          AuditTrail.writeJdbc(
              c,
              caller,
              ENTITY,
              id,
              w.plantId(),
              "OPERATION_SPLIT",
              partsAudit(seq, before),
              audit);
          return null;
        });
    return get(caller, id);
  }

  @Override
  public WorkOrder mergeOperation(CallerContext caller, long id, int seq, OperationMergeInput in) {
    OperationMergeInput input = in == null ? new OperationMergeInput(null, null, null) : in;
    WorkOrder outside = get(caller, id);
    caller.require(outside.plantId(), PlantRole.OPERATOR, ENTITY, id);
    tx.write(
        c -> {
          WorkOrder w = lockForParts(c, caller, id, input.version());
          int at = operationIndex(w, seq);
          OperationQuantities op = WorkOrderStore.quantities(w.operations()).get(at);
          List<WorkOrderStore.PartRow> rows = WorkOrderStore.parts(c, id, seq);
          List<OperationPart> before = WorkOrderStore.engineParts(rows);
          List<OperationPart> after;
          try {
            after = OperationSplit.merge(op, before, input.parts(), input.intoPart());
          } catch (IllegalArgumentException e) {
            throw invalid(e);
          }
          guardParts(op, after);
          WorkOrderStore.writeParts(c, id, seq, rows, after, Map.of());
          Map<String, Object> audit = partsAudit(seq, after);
          audit.put(
              "merged", input.parts() == null || input.parts().isEmpty() ? "ALL" : input.parts());
          audit.put("intoPart", input.intoPart() == null ? 0 : input.intoPart());
          AuditTrail.writeJdbc(
              c,
              caller,
              ENTITY,
              id,
              w.plantId(),
              "OPERATION_MERGE",
              partsAudit(seq, before),
              audit);
          return null;
        });
    return get(caller, id);
  }

  private static WorkOrder lockForParts(Connection c, CallerContext caller, long id, Long version)
      throws SQLException {
    WorkOrder w = lockAny(c, caller, id, PlantRole.OPERATOR);
    // the lock itself raised the version by one
    if (version != null && w.version() != version + 1) {
      throw ConflictException.staleVersion(ENTITY, id, version);
    }
    activeOrThrow(w);
    return w;
  }

  /** A bug must roll back, never store parts that do not add up to their operation. */
  private static void guardParts(OperationQuantities op, List<OperationPart> parts) {
    String broken = OperationSplit.violation(op, parts);
    if (broken != null) {
      throw new IllegalStateException("operation split broke the quantities: " + broken);
    }
  }

  private static Map<String, Object> partsAudit(int seq, List<OperationPart> parts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", seq);
    List<Map<String, Object>> list = new ArrayList<>();
    for (OperationPart p : parts) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("part", p.partNo());
      e.put("in", p.in());
      e.put("good", p.good());
      e.put("scrap", p.scrap());
      e.put("rework", p.rework());
      list.add(e);
    }
    m.put("parts", list);
    return m;
  }

  // ---- lines and batches

  @Override
  public WorkOrder transferLine(CallerContext caller, long id, String lineCode, long version) {
    new Validation().code("lineCode", lineCode, 40).throwIfInvalid();
    forChange(caller, id, version, PlantRole.PLANNER, Action.TRANSFER);
    tx.write(
        c -> {
          WorkOrder w = lockFor(c, caller, id, version, PlantRole.PLANNER, Action.TRANSFER);
          WorkOrderStore.update(c, id, "line_code = ?", lineCode);
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("from", w.lineCode());
          after.put("to", lineCode);
          audit(c, caller, id, w.plantId(), "TRANSFER_LINE", after);
          return null;
        });
    return get(caller, id);
  }

  @Override
  public WorkOrder merge(CallerContext caller, List<Long> ids) {
    if (ids == null || ids.size() < 2 || new HashSet<>(ids).size() != ids.size()) {
      throw new ValidationException("ids", "too_few", "two or more different orders / 至少两个不同的工单");
    }
    List<WorkOrder> orders = new ArrayList<>();
    for (Long id : ids) {
      orders.add(get(caller, id));
    }
    WorkOrder first = orders.get(0);
    caller.require(first.plantId(), PlantRole.PLANNER, ENTITY, first.id());
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      WorkOrder w = orders.get(i);
      if (w.plantId() != first.plantId() || w.materialId() != first.materialId()) {
        errors.add(
            new FieldError(
                "ids[" + i + "]", "other_material", "not the same material and plant / 物料或工厂不同"));
      } else if (!WorkOrderLifecycle.allowed(w.status(), Action.MERGE)) {
        errors.add(
            new FieldError(
                "ids[" + i + "]", "status", "is " + w.status() + ", not PLANNED / 非计划状态"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    long batch =
        tx.write(
            c -> {
              BigDecimal total = BigDecimal.ZERO;
              LocalDate start = null;
              LocalDate due = null;
              List<WorkOrder> locked = new ArrayList<>();
              for (Long id : ids) {
                WorkOrder w = lockAny(c, caller, id, PlantRole.PLANNER);
                if (!WorkOrderLifecycle.allowed(w.status(), Action.MERGE)) {
                  throw new ConflictException("Order " + w.code() + " changed meanwhile / 工单已变更");
                }
                locked.add(w);
                total = total.add(w.quantity());
                start = start == null || w.startDate().isBefore(start) ? w.startDate() : start;
                due = due == null || w.dueDate().isBefore(due) ? w.dueDate() : due;
              }
              WorkOrder f = locked.get(0);
              long id =
                  WorkOrderStore.insertOrder(
                      c,
                      new WorkOrderStore.NewOrder(
                          f.plantId(),
                          null,
                          WorkOrderKind.BATCH,
                          f.materialId(),
                          total,
                          f.unit(),
                          null,
                          start,
                          due,
                          f.lineCode(),
                          f.issueLocationId(),
                          f.receiveLocationId(),
                          null,
                          f.salesOrder(),
                          null,
                          f.backflush(),
                          f.supplier(),
                          Instant.now(),
                          caller.username()));
              for (WorkOrder w : locked) {
                WorkOrderStore.update(
                    c, w.id(), "status = ?, parent_id = ?", WorkOrderStatus.CANCELLED.name(), id);
                audit(c, caller, w.id(), w.plantId(), "MERGE", Map.of("into", id));
              }
              audit(c, caller, id, f.plantId(), AuditTrail.CREATE, Map.of("merged", ids));
              return id;
            });
    publish(caller, batch, first.plantId(), "CREATED");
    return get(caller, batch);
  }

  @Override
  public List<io.tianshu.execution.LinePlanEntry> linePlan(
      CallerContext caller, long plantId, LocalDate from, LocalDate to, String line) {
    Validation v = new Validation().required("from", from).required("to", to);
    if (from != null && to != null && to.isBefore(from)) {
      v.add("to", "before_from", "must not be before from / 截止日期早于开始日期");
    }
    if (from != null && to != null && from.plusDays(366).isBefore(to)) {
      v.add("to", "too_long", "at most a year / 最多一年");
    }
    v.throwIfInvalid();
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return tx.read(c -> WorkOrderStore.linePlan(c, plantId, from, to, line));
  }

  // ---- order to delivery

  @Override
  public OrderTracking track(CallerContext caller, long plantId, String orderNo) {
    new Validation().text("orderNo", orderNo, 64).throwIfInvalid();
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    List<io.tianshu.planning.SalesOrder> lines =
        planning.salesOrders(caller, plantId, null).stream()
            .filter(l -> l.orderNo().equals(orderNo))
            .sorted(java.util.Comparator.comparingInt(io.tianshu.planning.SalesOrder::lineNo))
            .toList();
    if (lines.isEmpty()) {
      throw new NotFoundException("SalesOrder", orderNo);
    }
    LocalDate today = LocalDate.now();
    return tx.read(
        c -> {
          List<WorkOrder> orders = WorkOrderStore.ordersOfSalesOrder(c, plantId, orderNo);
          List<OrderTracking.Line> out = new ArrayList<>();
          for (io.tianshu.planning.SalesOrder l : lines) {
            String lineRef = "SO " + orderNo + "/" + l.lineNo();
            List<WorkOrder> mine = new ArrayList<>();
            for (WorkOrder w : orders) {
              boolean forLine =
                  lineRef.equals(w.salesOrder())
                      || (orderNo + "/" + l.lineNo()).equals(w.salesOrder())
                      || (orderNo.equals(w.salesOrder()) && w.materialId() == l.materialId());
              if (forLine && w.status() != WorkOrderStatus.CANCELLED) {
                mine.add(WorkOrderStore.find(c, w.id(), true).orElseThrow());
              }
            }
            BigDecimal completed = BigDecimal.ZERO;
            BigDecimal planned = BigDecimal.ZERO;
            LocalDate expected = null;
            List<String> warnings = new ArrayList<>();
            for (WorkOrder w : mine) {
              completed = completed.add(w.completedQuantity());
              boolean open =
                  w.status() != WorkOrderStatus.COMPLETED && w.status() != WorkOrderStatus.CLOSED;
              planned =
                  planned.add(
                      open ? w.quantity().subtract(w.scrapQuantity()) : w.completedQuantity());
              if (open) {
                expected =
                    expected == null || w.dueDate().isAfter(expected) ? w.dueDate() : expected;
                if (w.dueDate().isAfter(l.requestedDate()) && !warnings.contains("LATE")) {
                  warnings.add("LATE");
                }
                if (w.dueDate().isBefore(today) && !warnings.contains("OVERDUE")) {
                  warnings.add("OVERDUE");
                }
              } else if (w.completedAt() != null) {
                LocalDate done = w.completedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                expected = expected == null || done.isAfter(expected) ? done : expected;
              }
            }
            BigDecimal shipped =
                WorkOrderStore.shipped(c, plantId, l.materialId(), List.of(orderNo, lineRef));
            BigDecimal qty = BigDecimal.valueOf(l.quantity());
            boolean open = "OPEN".equals(l.status());
            if (open && mine.isEmpty() && shipped.signum() == 0) {
              warnings.add("NO_SUPPLY");
            } else if (open && planned.add(shipped).compareTo(qty) < 0 && !mine.isEmpty()) {
              warnings.add("SHORT");
            }
            out.add(
                new OrderTracking.Line(
                    l.id(),
                    l.lineNo(),
                    l.customer(),
                    l.materialId(),
                    l.materialCode(),
                    l.requestedDate(),
                    qty,
                    l.status(),
                    mine,
                    completed,
                    shipped,
                    expected,
                    warnings));
          }
          return new OrderTracking(plantId, orderNo, out);
        });
  }

  // ---- genealogy

  @Override
  public LotTrace trace(
      CallerContext caller, long materialId, String lot, TraceDirection direction, int levels) {
    Validation v = new Validation().text("lot", lot, 64);
    if (levels < 1 || levels > 20) {
      v.add("levels", "range", "must be 1 to 20 / 层数须在 1 到 20 之间");
    }
    throwIf(v);
    boolean backward = direction == TraceDirection.BACKWARD;
    Set<Long> plants = caller.readablePlants();
    return tx.read(
        c -> {
          List<TraceLink> links = new ArrayList<>();
          Set<String> seen = new HashSet<>();
          List<LotTrace.LotRef> frontier =
              List.of(
                  new LotTrace.LotRef(materialId, WorkOrderStore.materialCode(c, materialId), lot));
          seen.add(materialId + "\u0000" + lot);
          List<LotTrace.LotRef> ends = new ArrayList<>();
          boolean truncated = false;
          for (int level = 1; !frontier.isEmpty(); level++) {
            // one query per level for the whole frontier (in chunks), not one per lot
            List<TraceLink> found = WorkOrderStore.edges(c, frontier, backward, plants, level);
            Set<String> linked = new HashSet<>();
            for (TraceLink l : found) {
              linked.add(
                  backward
                      ? l.parentMaterialId() + "\u0000" + l.parentLot()
                      : l.childMaterialId() + "\u0000" + l.childLot());
            }
            List<LotTrace.LotRef> next = new ArrayList<>();
            for (LotTrace.LotRef ref : frontier) {
              if (!linked.contains(ref.materialId() + "\u0000" + ref.lot()) && level > 1) {
                ends.add(ref);
              }
            }
            if (found.isEmpty()) {
              break;
            }
            if (level > levels) {
              truncated = true;
              break;
            }
            links.addAll(found);
            for (TraceLink l : found) {
              long m = backward ? l.childMaterialId() : l.parentMaterialId();
              String code = backward ? l.childMaterialCode() : l.parentMaterialCode();
              String lt = backward ? l.childLot() : l.parentLot();
              if (seen.add(m + "\u0000" + lt)) {
                next.add(new LotTrace.LotRef(m, code, lt));
              }
            }
            frontier = next;
          }
          List<LotTrace.Shipment> shipments = List.of();
          if (!backward) {
            List<LotTrace.LotRef> reached = new ArrayList<>();
            reached.add(new LotTrace.LotRef(materialId, null, lot));
            for (TraceLink l : links) {
              reached.add(new LotTrace.LotRef(l.parentMaterialId(), null, l.parentLot()));
            }
            shipments = WorkOrderStore.shipments(c, reached, plants);
          }
          return new LotTrace(
              materialId, lot, direction, levels, links, ends, truncated, shipments);
        });
  }

  @Override
  public SerialTrace traceSerial(
      CallerContext caller, long materialId, String serial, TraceDirection direction, int levels) {
    Validation v = new Validation().text("serial", serial, 64);
    if (levels < 1 || levels > SerialGenealogy.MAX_LEVELS) {
      v.add("levels", "range", "must be 1 to 20 / 层数须在 1 到 20 之间");
    }
    throwIf(v);
    Set<Long> plants = caller.readablePlants();
    return tx.read(c -> SerialStore.trace(c, materialId, serial, direction, levels, plants));
  }

  // ---- helpers

  /** Reads the order outside the transaction and checks rights, status and version early. */
  private WorkOrder forChange(
      CallerContext caller, long id, long version, PlantRole role, Action action) {
    WorkOrder w = get(caller, id);
    caller.require(w.plantId(), role, ENTITY, id);
    checkState(w, version, action);
    return w;
  }

  /** Locks and re-reads the order in the transaction and checks again: the check that counts. */
  private static WorkOrder lockFor(
      Connection c, CallerContext caller, long id, long version, PlantRole role, Action action)
      throws SQLException {
    WorkOrder w = lockAny(c, caller, id, role);
    // the lock itself raised the version by one
    checkState(w, version + 1, action);
    return w;
  }

  static WorkOrder lockAny(Connection c, CallerContext caller, long id, PlantRole role)
      throws SQLException {
    if (!WorkOrderStore.lock(c, id)) {
      throw new NotFoundException(ENTITY, id);
    }
    WorkOrder w =
        WorkOrderStore.find(c, id, true).orElseThrow(() -> new NotFoundException(ENTITY, id));
    caller.require(w.plantId(), role, ENTITY, id);
    return w;
  }

  private static void checkState(WorkOrder w, long version, Action action) {
    if (w.version() != version) {
      throw ConflictException.staleVersion(ENTITY, w.id(), version);
    }
    if (!WorkOrderLifecycle.allowed(w.status(), action)) {
      try {
        WorkOrderLifecycle.next(w.status(), action);
      } catch (IllegalStateException e) {
        throw new ConflictException(e.getMessage());
      }
    }
  }

  static void activeOrThrow(WorkOrder w) {
    if (w.status() != WorkOrderStatus.RELEASED && w.status() != WorkOrderStatus.STARTED) {
      throw new ConflictException(
          "The order is " + w.status() + "; only released or started orders are worked / 工单未在生产中");
    }
  }

  static int operationIndex(WorkOrder w, int seq) {
    for (int i = 0; i < w.operations().size(); i++) {
      if (w.operations().get(i).seq() == seq) {
        return i;
      }
    }
    throw new ValidationException(
        "operationSeq",
        "not_found",
        "order " + w.code() + " has no operation " + seq + " / 工单无此工序");
  }

  private Material material(CallerContext caller, long id, String field) {
    try {
      return masterData.getMaterial(caller, id);
    } catch (NotFoundException e) {
      throw new ValidationException(field, "not_found", "no such material / 物料不存在");
    }
  }

  private void checkLocations(CallerContext caller, long plantId, Long issue, Long receive) {
    // Inventory checks the locations on every posting; here only that they are this plant's.
    List<FieldError> errors = new ArrayList<>();
    for (var e : new Object[][] {{"issueLocationId", issue}, {"receiveLocationId", receive}}) {
      Long loc = (Long) e[1];
      if (loc == null) {
        continue;
      }
      boolean found = locationOfPlant(plantId, loc);
      if (!found) {
        errors.add(
            new FieldError((String) e[0], "not_found", "no such location in the plant / 工厂无此库位"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private boolean locationOfPlant(long plantId, long locationId) {
    return tx.read(
        c -> {
          try (var ps = c.prepareStatement("SELECT plant_id FROM stock_location WHERE id = ?")) {
            ps.setLong(1, locationId);
            try (var rs = ps.executeQuery()) {
              return rs.next() && rs.getLong(1) == plantId;
            }
          }
        });
  }

  static void audit(
      Connection c,
      CallerContext caller,
      long id,
      long plantId,
      String action,
      Map<String, ?> after)
      throws SQLException {
    AuditTrail.writeJdbc(c, caller, ENTITY, id, plantId, action, null, after);
  }

  private void publish(CallerContext caller, long id, long plantId, String what) {
    events.publish(
        new DomainEvent(
            "execution",
            ENTITY,
            what,
            String.valueOf(id),
            plantId,
            caller.username(),
            Instant.now(),
            Map.of()));
  }

  static ValidationException invalid(IllegalArgumentException e) {
    String m = e.getMessage();
    int colon = m.indexOf(':');
    String field = colon > 0 && colon < 20 ? m.substring(0, colon) : "quantity";
    return new ValidationException(field, "invalid", colon > 0 ? m.substring(colon + 1).trim() : m);
  }

  private static void throwIf(Validation v) {
    v.throwIfInvalid();
  }

  private static BigDecimal nz(BigDecimal d) {
    return d == null ? BigDecimal.ZERO : d;
  }

  private static String nz(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }
}
