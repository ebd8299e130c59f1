package io.tianshu.routing.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.org.OrgUnitType;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.routing.AlternativeWorkCenter;
import io.tianshu.routing.NetworkLink;
import io.tianshu.routing.NetworkOperation;
import io.tianshu.routing.NetworkProblem;
import io.tianshu.routing.OperationLink;
import io.tianshu.routing.Routing;
import io.tianshu.routing.RoutingInput;
import io.tianshu.routing.RoutingNetwork;
import io.tianshu.routing.RoutingOperation;
import io.tianshu.routing.RoutingOperationInput;
import io.tianshu.routing.RoutingSchedule;
import io.tianshu.routing.Schedule;
import io.tianshu.routing.ScheduledOperation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of routing versions, free of OSGi and JPA. One instance per transaction. */
public final class RoutingLogic {
  static final String ENTITY = "Routing";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final RoutingStore store;
  private final Facts facts;

  public RoutingLogic(RoutingStore store, Facts facts) {
    this.store = store;
    this.facts = facts;
  }

  public Routing get(CallerContext caller, long id) {
    return store
        .find(id)
        .filter(r -> caller.canRead(r.plantId()))
        .orElseThrow(() -> new NotFoundException(ENTITY, id));
  }

  public Page<Routing> list(CallerContext caller, Long plantId, Long materialId, PageRequest page) {
    if (plantId != null && !caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return store.list(caller.readablePlants(), plantId, materialId, page);
  }

  public Routing effective(CallerContext caller, long materialId, long plantId, LocalDate date) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return store.versions(plantId, materialId).stream()
        .filter(r -> r.validAt(date))
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Routing of material " + materialId + " in plant " + plantId + " at " + date,
                    materialId));
  }

  public Routing create(CallerContext caller, RoutingInput in) {
    if (in.plantId() == null) {
      throw new ValidationException("plantId", "required", "is required / 必填");
    }
    long plantId = in.plantId();
    if (facts.unit(plantId).filter(u -> u.type() == OrgUnitType.PLANT).isEmpty()
        || !caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    caller.require(plantId, PlantRole.PLANNER, "Plant", plantId);
    Validation v = new Validation();
    if (in.materialId() == null) {
      v.add("materialId", "required", "is required / 必填");
    } else {
      Optional<Long> owner = facts.materialOwners().get(in.materialId());
      if (owner == null || (owner.isPresent() && owner.get() != plantId)) {
        v.add("materialId", "unknown_material", "no such material here / 物料不存在");
      }
    }
    v.code("revision", in.revision(), 16).optionalText("description", in.description(), 200);
    v.required("validFrom", in.validFrom());
    if (in.validFrom() != null && in.validTo() != null && !in.validTo().isAfter(in.validFrom())) {
      v.add("validTo", "before_start", "must be after validFrom / 失效日期须晚于生效日期");
    }
    List<RoutingOperation> ops = new ArrayList<>();
    List<RoutingOperationInput> given = in.operations() == null ? List.of() : in.operations();
    if (given.isEmpty()) {
      v.add("operations", "required", "at least one operation / 至少一道工序");
    }
    for (int i = 0; i < given.size(); i++) {
      RoutingOperation op = operation(v, "operations[" + i + "]", given.get(i), plantId);
      ops.add(op);
    }
    if (v.isValid()) {
      // The network rules (numbers, links, cycles, a single end) belong to the engine.
      for (NetworkProblem p : RoutingNetwork.validate(network(ops))) {
        String field = p.index() < 0 ? "operations" : "operations[" + p.index() + "]";
        if (p.code().contains("link")
            || p.code().contains("predecessor")
            || p.code().contains("overlap")
            || p.code().contains("lag")) {
          field += ".predecessors";
        } else if (p.code().equals("duplicate_op_no") || p.code().equals("invalid_op_no")) {
          field += ".opNo";
        }
        v.add(field, p.code(), p.message());
      }
    }
    v.throwIfInvalid();
    store.lockPlant(plantId);
    List<Routing> versions = store.versions(plantId, in.materialId());
    for (Routing r : versions) {
      if (r.revision().equals(in.revision())) {
        throw new ValidationException(
            "revision", "duplicate", "this revision exists already / 该版本已存在");
      }
      if (overlaps(r.validFrom(), r.validTo(), in.validFrom(), in.validTo())) {
        throw new ValidationException(
            "validFrom",
            "overlapping_versions",
            "overlaps revision "
                + r.revision()
                + " ("
                + r.validFrom()
                + " – "
                + (r.validTo() == null ? "…" : r.validTo())
                + ") / 与版本 "
                + r.revision()
                + " 的有效期重叠");
      }
    }
    Routing created =
        store.insert(
            new Routing(
                null,
                plantId,
                in.materialId(),
                in.revision(),
                in.description(),
                in.validFrom(),
                in.validTo(),
                ops,
                0,
                null,
                null),
            caller.username());
    store.audit(caller, created.id(), plantId, AuditTrail.CREATE, null, snapshot(created));
    return created;
  }

  /** Ends a version at {@code validTo} (exclusive): only earlier, so no overlap can follow. */
  public Routing endVersion(CallerContext caller, long id, LocalDate validTo, long version) {
    Routing old = get(caller, id);
    caller.require(old.plantId(), PlantRole.PLANNER, ENTITY, id);
    Validation v = new Validation();
    v.earlierEnd("validTo", validTo, old.validFrom(), old.validTo()).throwIfInvalid();
    if (old.version() != version) {
      throw ConflictException.staleVersion(ENTITY, id, version);
    }
    store.lockPlant(old.plantId());
    Routing saved = store.endVersion(id, validTo);
    store.audit(caller, id, old.plantId(), AuditTrail.UPDATE, snapshot(old), snapshot(saved));
    return saved;
  }

  public void delete(CallerContext caller, long id, long version) {
    Routing old = get(caller, id);
    caller.require(old.plantId(), PlantRole.PLANNER, ENTITY, id);
    if (old.version() != version) {
      throw ConflictException.staleVersion(ENTITY, id, version);
    }
    store.lockPlant(old.plantId());
    store.delete(id);
    store.audit(caller, id, old.plantId(), AuditTrail.DELETE, snapshot(old), null);
  }

  /** Schedules a routing; pure, no store access beyond what was read. */
  public static RoutingSchedule schedule(Routing r, double quantity) {
    Schedule s = RoutingNetwork.build(network(r.operations())).schedule(quantity);
    List<ScheduledOperation> ops = new ArrayList<>();
    for (RoutingOperation o : r.operations()) {
      ops.add(
          new ScheduledOperation(
              o.opNo(),
              o.workCenterId(),
              s.earliestStart(o.opNo()),
              s.earliestFinish(o.opNo()),
              s.latestStart(o.opNo()),
              s.latestFinish(o.opNo()),
              s.slack(o.opNo()),
              s.load(o.opNo())));
    }
    return new RoutingSchedule(r.id(), quantity, s.leadTime(), ops, s.criticalPath());
  }

  static List<NetworkOperation> network(List<RoutingOperation> ops) {
    List<NetworkOperation> result = new ArrayList<>();
    for (RoutingOperation o : ops) {
      List<NetworkLink> links = new ArrayList<>();
      for (OperationLink l : o.predecessors()) {
        links.add(
            new NetworkLink(
                l.predecessorOpNo(),
                l.overlapPercent().doubleValue(),
                l.lagMinutes().doubleValue()));
      }
      result.add(
          new NetworkOperation(
              o.opNo(),
              o.setupMinutes().doubleValue(),
              o.runMinutes().doubleValue(),
              o.queueMinutes().doubleValue(),
              o.moveMinutes().doubleValue(),
              links));
    }
    return result;
  }

  private RoutingOperation operation(
      Validation v, String path, RoutingOperationInput in, long plantId) {
    if (in == null) {
      v.add(path, "required", "is required / 必填");
      return null;
    }
    v.required(path + ".opNo", in.opNo()).text(path + ".description", in.description(), 200);
    checkWorkCenter(v, path + ".workCenterId", in.workCenterId(), plantId, true);
    BigDecimal setup = time(v, path + ".setupMinutes", in.setupMinutes());
    BigDecimal run = time(v, path + ".runMinutes", in.runMinutes());
    BigDecimal queue = time(v, path + ".queueMinutes", in.queueMinutes());
    BigDecimal move = time(v, path + ".moveMinutes", in.moveMinutes());
    List<OperationLink> links = new ArrayList<>();
    List<OperationLink> givenLinks = in.predecessors() == null ? List.of() : in.predecessors();
    for (int j = 0; j < givenLinks.size(); j++) {
      OperationLink l = givenLinks.get(j);
      String lp = path + ".predecessors[" + j + "]";
      if (l == null || l.predecessorOpNo() == null) {
        v.add(lp + ".predecessorOpNo", "required", "is required / 必填");
        continue;
      }
      BigDecimal overlap = l.overlapPercent() == null ? BigDecimal.ZERO : l.overlapPercent();
      if (overlap.signum() < 0 || overlap.compareTo(HUNDRED) >= 0) {
        v.add(lp + ".overlapPercent", "out_of_range", "0 to under 100 / 须在 0 到 100 之间");
      }
      links.add(
          new OperationLink(
              l.predecessorOpNo(),
              overlap,
              l.lagMinutes() == null ? BigDecimal.ZERO : l.lagMinutes()));
    }
    List<AlternativeWorkCenter> alts = new ArrayList<>();
    List<AlternativeWorkCenter> givenAlts =
        in.alternatives() == null ? List.of() : in.alternatives();
    for (int j = 0; j < givenAlts.size(); j++) {
      AlternativeWorkCenter a = givenAlts.get(j);
      String ap = path + ".alternatives[" + j + "]";
      if (a == null) {
        v.add(ap, "required", "is required / 必填");
        continue;
      }
      checkWorkCenter(v, ap + ".workCenterId", a.workCenterId(), plantId, true);
      if (a.workCenterId() != null && a.workCenterId().equals(in.workCenterId())) {
        v.add(
            ap + ".workCenterId",
            "same_as_primary",
            "is the operation's own work centre / 与主工作中心相同");
      }
      if (a.runMinutes() != null && a.runMinutes().signum() < 0) {
        v.add(ap + ".runMinutes", "negative", "must not be negative / 不能为负");
      }
      alts.add(a);
    }
    if (in.opNo() == null || in.workCenterId() == null) {
      return null;
    }
    return new RoutingOperation(
        in.opNo(),
        in.description(),
        in.workCenterId(),
        setup,
        run,
        queue,
        move,
        Boolean.TRUE.equals(in.outsourced()),
        links,
        alts);
  }

  private void checkWorkCenter(
      Validation v, String field, Long id, long plantId, boolean required) {
    if (id == null) {
      if (required) {
        v.add(field, "required", "is required / 必填");
      }
      return;
    }
    if (facts
        .unit(id)
        .filter(u -> u.type() == OrgUnitType.WORK_CENTER && u.plantId() == plantId)
        .isEmpty()) {
      v.add(field, "unknown_work_center", "no such work centre in this plant / 本工厂无此工作中心");
    }
  }

  private static BigDecimal time(Validation v, String field, BigDecimal value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    if (value.signum() < 0) {
      v.add(field, "negative", "must not be negative / 不能为负");
    }
    return value;
  }

  static boolean overlaps(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
    return (aTo == null || bFrom.isBefore(aTo)) && (bTo == null || aFrom.isBefore(bTo));
  }

  static Map<String, Object> snapshot(Routing r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("materialId", r.materialId());
    m.put("revision", r.revision());
    m.put("validFrom", r.validFrom());
    m.put("validTo", r.validTo());
    List<Map<String, Object>> ops = new ArrayList<>();
    for (RoutingOperation o : r.operations()) {
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("opNo", o.opNo());
      op.put("workCenterId", o.workCenterId());
      op.put("setupMinutes", o.setupMinutes());
      op.put("runMinutes", o.runMinutes());
      ops.add(op);
    }
    m.put("operations", ops);
    return m;
  }
}
