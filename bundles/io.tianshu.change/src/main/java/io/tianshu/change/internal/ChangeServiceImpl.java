package io.tianshu.change.internal;

import io.tianshu.bom.Bom;
import io.tianshu.bom.BomInput;
import io.tianshu.bom.BomItem;
import io.tianshu.bom.BomLineInput;
import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.change.BomChange;
import io.tianshu.change.BreakpointType;
import io.tianshu.change.ChangeInput;
import io.tianshu.change.ChangeService;
import io.tianshu.change.ChangeStatus;
import io.tianshu.change.EngineeringChange;
import io.tianshu.change.ImpactContributor;
import io.tianshu.change.ImpactItem;
import io.tianshu.change.ImpactRequest;
import io.tianshu.change.RoutingChange;
import io.tianshu.change.internal.ChangeRules.Window;
import io.tianshu.change.internal.store.ChangeEntity;
import io.tianshu.change.internal.store.JpaChangeStore;
import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.FieldError;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.org.OrgService;
import io.tianshu.org.PlantDependents;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.Transactions;
import io.tianshu.routing.Routing;
import io.tianshu.routing.RoutingInput;
import io.tianshu.routing.RoutingService;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Change orders. A release runs in one JTA transaction of this unit into which the BOM and routing
 * services' own writes join (one shared connection, one commit): ending the old versions, creating
 * the new ones and marking the change released happen together or not at all.
 */
@Component(service = {ChangeService.class, PlantDependents.class})
public class ChangeServiceImpl implements ChangeService, PlantDependents {
  static final String ENTITY = "EngineeringChange";
  private static final PageRequest ALL = new PageRequest(0, 500, "id", true);

  private final JpaTemplate jpa;
  private final BomService boms;
  private final RoutingService routings;
  private final MasterDataService masterData;
  private final OrgService orgs;
  private final List<ImpactContributor> contributors = new CopyOnWriteArrayList<>();

  @Activate
  public ChangeServiceImpl(
      @Reference(target = "(osgi.unit.name=tianshu-change)") JpaTemplate jpa,
      @Reference Database database,
      @Reference BomService boms,
      @Reference RoutingService routings,
      @Reference MasterDataService masterData,
      @Reference OrgService orgs) {
    this.jpa = jpa;
    this.boms = boms;
    this.routings = routings;
    this.masterData = masterData;
    this.orgs = orgs;
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addContributor(ImpactContributor c) {
    contributors.add(c);
  }

  void removeContributor(ImpactContributor c) {
    contributors.remove(c);
  }

  // ------------------------------------------------------------------ writing the order

  @Override
  public EngineeringChange create(CallerContext caller, ChangeInput in) {
    Long plant = in.plantId();
    requireOwner(caller, plant, PlantRole.PLANNER, plant == null ? 0L : plant);
    if (plant != null && !plantExists(plant)) {
      throw new NotFoundException("Plant", plant);
    }
    Validation v = new Validation();
    BreakpointType type = ChangeRules.check(v, in);
    checkMaterials(caller, v, in);
    return Transactions.write(
        jpa,
        em -> {
          JpaChangeStore store = new JpaChangeStore(em);
          if (in.number() != null && store.numberTaken(owner(plant), in.number(), null)) {
            v.add("number", "duplicate", "this change number exists / 变更单号已存在");
          }
          v.throwIfInvalid();
          ChangeEntity e = new ChangeEntity();
          fill(e, in, type);
          setOwner(e, plant);
          e.status(ChangeStatus.DRAFT.name());
          store.insert(e, new JpaChangeStore.Content(boms(in), routings(in)), caller.username());
          EngineeringChange created = store.read(e);
          store.audit(caller, e.id(), plant, AuditTrail.CREATE, null, snapshot(created));
          return created;
        });
  }

  @Override
  public EngineeringChange update(CallerContext caller, long id, ChangeInput in) {
    EngineeringChange old = get(caller, id);
    requireOwner(caller, old.plantId(), PlantRole.PLANNER, id);
    Validation v = new Validation();
    if (in.plantId() != null && !in.plantId().equals(old.plantId())) {
      v.add("plantId", "immutable", "cannot move to another plant / 不能改到其他工厂");
    }
    v.required("version", in.version());
    BreakpointType type = ChangeRules.check(v, in);
    checkMaterials(caller, v, in);
    return Transactions.write(
        jpa,
        em -> {
          JpaChangeStore store = new JpaChangeStore(em);
          ChangeEntity e = store.lock(id);
          if (in.number() != null && store.numberTaken(owner(old.plantId()), in.number(), id)) {
            v.add("number", "duplicate", "this change number exists / 变更单号已存在");
          }
          v.throwIfInvalid();
          checkVersion(e, in.version());
          ChangeStatus status = ChangeStatus.valueOf(e.status());
          if (status != ChangeStatus.DRAFT) {
            // An edit invalidates the evaluation: evaluated → draft; later statuses are frozen.
            ChangeRules.move(status, ChangeStatus.DRAFT);
          }
          fill(e, in, type);
          e.status(ChangeStatus.DRAFT.name());
          e.evaluatedAt(null);
          store.save(
              e, caller.username(), "content", new JpaChangeStore.Content(boms(in), routings(in)));
          store.save(e, caller.username(), "impact", List.of());
          EngineeringChange saved = store.read(e);
          store.audit(caller, id, old.plantId(), AuditTrail.UPDATE, snapshot(old), snapshot(saved));
          return saved;
        });
  }

  @Override
  public EngineeringChange get(CallerContext caller, long id) {
    return Transactions.read(
        jpa,
        em ->
            new JpaChangeStore(em)
                .find(id)
                .filter(c -> c.plantId() == null || caller.canRead(c.plantId()))
                .orElseThrow(() -> new NotFoundException(ENTITY, id)));
  }

  @Override
  public java.util.Optional<EngineeringChange> findByNumber(
      CallerContext caller, Long plantId, String number) {
    if (number == null || number.isBlank() || (plantId != null && !caller.canRead(plantId))) {
      return java.util.Optional.empty();
    }
    return Transactions.read(
        jpa, em -> new JpaChangeStore(em).findByNumber(owner(plantId), number));
  }

  @Override
  public Page<EngineeringChange> list(
      CallerContext caller, Long plantId, ChangeStatus status, PageRequest page) {
    if (plantId != null && !caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return Transactions.read(
        jpa, em -> new JpaChangeStore(em).list(caller.readablePlants(), plantId, status, page));
  }

  // ------------------------------------------------------------------ the lifecycle

  @Override
  public EngineeringChange evaluate(CallerContext caller, long id, long version) {
    EngineeringChange c = get(caller, id);
    requireOwner(caller, c.plantId(), PlantRole.PLANNER, id);
    ChangeRules.move(c.status(), ChangeStatus.EVALUATED);
    LocalDate at = breakpointDate(c);
    // What a release would refuse is found now, and the affected materials with it.
    Set<Long> affected = new LinkedHashSet<>();
    Validation v = new Validation();
    for (int i = 0; i < c.boms().size(); i++) {
      BomChange b = c.boms().get(i);
      List<Bom> versions = bomVersions(caller, c.plantId(), b);
      String path = "boms[" + i + "]";
      collect(v, () -> plannedEnd(c, path, windowsOfBoms(versions), b.newRevision(), at));
      List<BomLineInput> oldLines = linesAt(versions, at);
      affected.addAll(ChangeRules.affected(b.parentMaterialId(), oldLines, b.lines()));
    }
    for (int i = 0; i < c.routings().size(); i++) {
      RoutingChange r = c.routings().get(i);
      String path = "routings[" + i + "]";
      collect(
          v,
          () ->
              plannedEnd(
                  c,
                  path,
                  windowsOfRoutings(routingVersions(caller, c.plantId(), r)),
                  r.newRevision(),
                  at));
      affected.add(r.materialId());
    }
    v.throwIfInvalid();
    List<ImpactItem> impact = new ArrayList<>();
    ImpactRequest request = new ImpactRequest(c.plantId(), affected, at);
    for (ImpactContributor contributor : contributors) {
      impact.addAll(contributor.contribute(caller, request));
    }
    return transition(
        caller,
        id,
        version,
        ChangeStatus.EVALUATED,
        PlantRole.PLANNER,
        (e, store) -> {
          e.evaluatedAt(Timestamp.from(Instant.now()));
          store.save(e, caller.username(), "impact", impact);
        });
  }

  @Override
  public EngineeringChange approve(CallerContext caller, long id, long version) {
    return transition(
        caller,
        id,
        version,
        ChangeStatus.APPROVED,
        PlantRole.PLANT_ADMIN,
        (e, store) -> e.approvedBy(caller.username()));
  }

  @Override
  public EngineeringChange reject(CallerContext caller, long id, long version) {
    return transition(
        caller, id, version, ChangeStatus.REJECTED, PlantRole.PLANT_ADMIN, (e, s) -> {});
  }

  @Override
  public EngineeringChange cancel(CallerContext caller, long id, long version) {
    return transition(caller, id, version, ChangeStatus.CANCELLED, PlantRole.PLANNER, (e, s) -> {});
  }

  @Override
  public EngineeringChange release(CallerContext caller, long id, long version) {
    EngineeringChange c = get(caller, id);
    requireOwner(caller, c.plantId(), PlantRole.PLANNER, id);
    return Transactions.write(
        jpa,
        em -> {
          JpaChangeStore store = new JpaChangeStore(em);
          ChangeEntity e = store.lock(id);
          checkVersion(e, version);
          ChangeRules.move(ChangeStatus.valueOf(e.status()), ChangeStatus.RELEASED);
          LocalDate at = breakpointDate(c);
          if (c.breakpoint() != BreakpointType.SERIAL && at.isBefore(LocalDate.now())) {
            throw new ValidationException(
                "effectiveDate",
                "past",
                "the breakpoint date has passed; edit the change / 断点日期已过");
          }
          List<Long> bomIds = new ArrayList<>();
          for (int i = 0; i < c.boms().size(); i++) {
            BomChange b = c.boms().get(i);
            String path = "boms[" + i + "]";
            bomIds.add(prefixed(path, () -> releaseBom(caller, c, b, path, at)));
          }
          List<Long> routingIds = new ArrayList<>();
          for (int i = 0; i < c.routings().size(); i++) {
            RoutingChange r = c.routings().get(i);
            String path = "routings[" + i + "]";
            routingIds.add(prefixed(path, () -> releaseRouting(caller, c, r, path, at)));
          }
          e.status(ChangeStatus.RELEASED.name());
          e.releasedAt(Timestamp.from(Instant.now()));
          store.save(
              e, caller.username(), "released", new JpaChangeStore.Released(bomIds, routingIds));
          EngineeringChange released = store.read(e);
          store.audit(caller, id, c.plantId(), AuditTrail.UPDATE, snapshot(c), snapshot(released));
          return released;
        });
  }

  private long releaseBom(
      CallerContext caller, EngineeringChange c, BomChange b, String path, LocalDate at) {
    List<Bom> versions = bomVersions(caller, c.plantId(), b);
    Window end = plannedEnd(c, path, windowsOfBoms(versions), b.newRevision(), at);
    if (end != null) {
      boms.endVersion(caller, end.id(), at, end.version());
    }
    boolean serial = c.breakpoint() == BreakpointType.SERIAL;
    Bom created =
        boms.create(
            caller,
            new BomInput(
                b.parentMaterialId(),
                c.plantId(),
                b.view(),
                b.newRevision(),
                at,
                null,
                serial ? c.serialFrom() : null,
                null,
                null,
                b.lines(),
                b.outputs()));
    return created.id();
  }

  private long releaseRouting(
      CallerContext caller, EngineeringChange c, RoutingChange r, String path, LocalDate at) {
    List<Routing> versions = routingVersions(caller, c.plantId(), r);
    Window end = plannedEnd(c, path, windowsOfRoutings(versions), r.newRevision(), at);
    if (end != null) {
      routings.endVersion(caller, end.id(), at, end.version());
    }
    return routings
        .create(
            caller,
            new RoutingInput(
                c.plantId(),
                r.materialId(),
                r.newRevision(),
                r.description(),
                at,
                null,
                r.operations()))
        .id();
  }

  /**
   * The version a breakpoint ends, or null; a serial breakpoint ends none (it adds an exception).
   */
  private static Window plannedEnd(
      EngineeringChange c, String path, List<Window> versions, String revision, LocalDate at) {
    if (c.breakpoint() == BreakpointType.SERIAL) {
      for (Window w : versions) {
        if (w.revision().equals(revision)) {
          throw new ValidationException(
              path + ".newRevision", "duplicate", "this revision exists already / 该版本已存在");
        }
      }
      return null;
    }
    return ChangeRules.versionToEnd(path, versions, revision, at).orElse(null);
  }

  private static LocalDate breakpointDate(EngineeringChange c) {
    return c.effectiveDate() != null ? c.effectiveDate() : LocalDate.now();
  }

  // ------------------------------------------------------------------ helpers

  private interface Step {
    void apply(ChangeEntity e, JpaChangeStore store);
  }

  private EngineeringChange transition(
      CallerContext caller, long id, long version, ChangeStatus to, PlantRole role, Step step) {
    EngineeringChange old = get(caller, id);
    requireOwner(caller, old.plantId(), role, id);
    return Transactions.write(
        jpa,
        em -> {
          JpaChangeStore store = new JpaChangeStore(em);
          ChangeEntity e = store.lock(id);
          checkVersion(e, version);
          ChangeRules.move(ChangeStatus.valueOf(e.status()), to);
          e.status(to.name());
          step.apply(e, store);
          store.save(e, caller.username(), null, null);
          EngineeringChange saved = store.read(e);
          store.audit(caller, id, old.plantId(), AuditTrail.UPDATE, snapshot(old), snapshot(saved));
          return saved;
        });
  }

  /** Errors of a nested service carry the change's path: lines[0] becomes boms[2].lines[0]. */
  private static long prefixed(String path, Supplier<Long> step) {
    try {
      return step.get();
    } catch (ValidationException e) {
      List<FieldError> errors = new ArrayList<>();
      for (FieldError fe : e.fieldErrors()) {
        errors.add(
            new FieldError(
                fe.field().startsWith(path) ? fe.field() : path + "." + fe.field(),
                fe.code(),
                fe.message()));
      }
      throw new ValidationException(errors);
    }
  }

  private static void collect(Validation v, Runnable check) {
    try {
      check.run();
    } catch (ValidationException e) {
      e.fieldErrors().forEach(fe -> v.add(fe.field(), fe.code(), fe.message()));
    }
  }

  private List<Bom> bomVersions(CallerContext caller, Long plant, BomChange b) {
    BomView view =
        b.view() == null || b.view().isBlank()
            ? BomView.MANUFACTURING
            : BomView.valueOf(b.view().trim());
    return boms.list(caller, b.parentMaterialId(), plant, view, ALL).items().stream()
        .filter(x -> plant == null ? x.plantId() == null : plant.equals(x.plantId()))
        .toList();
  }

  private List<Routing> routingVersions(CallerContext caller, Long plant, RoutingChange r) {
    return routings.list(caller, plant, r.materialId(), ALL).items();
  }

  private static List<Window> windowsOfBoms(List<Bom> versions) {
    return versions.stream()
        .map(
            b ->
                new Window(
                    b.id(),
                    b.revision(),
                    b.validFrom(),
                    b.validTo(),
                    b.serialFrom() != null || b.serialTo() != null,
                    b.version()))
        .toList();
  }

  private static List<Window> windowsOfRoutings(List<Routing> versions) {
    return versions.stream()
        .map(r -> new Window(r.id(), r.revision(), r.validFrom(), r.validTo(), false, r.version()))
        .toList();
  }

  /** The lines of the unranged version in effect at the date, as inputs (for the comparison). */
  private static List<BomLineInput> linesAt(List<Bom> versions, LocalDate at) {
    for (Bom b : versions) {
      boolean ranged = b.serialFrom() != null || b.serialTo() != null;
      if (!ranged
          && !at.isBefore(b.validFrom())
          && (b.validTo() == null || at.isBefore(b.validTo()))) {
        List<BomLineInput> lines = new ArrayList<>();
        for (BomItem i : b.lines()) {
          lines.add(
              new BomLineInput(
                  i.componentMaterialId(),
                  i.quantityPer(),
                  null,
                  i.scrapPercent(),
                  i.phantom(),
                  i.operationRef()));
        }
        return lines;
      }
    }
    return List.of();
  }

  private void checkMaterials(CallerContext caller, Validation v, ChangeInput in) {
    List<BomChange> bomList = boms(in);
    for (int i = 0; i < bomList.size(); i++) {
      BomChange b = bomList.get(i);
      if (b != null && b.parentMaterialId() != null && !visible(caller, b.parentMaterialId())) {
        v.add(
            "boms[" + i + "].parentMaterialId",
            "unknown_material",
            "no such material here / 物料不存在");
      }
      if (b != null && b.view() != null && !b.view().isBlank()) {
        try {
          BomView.valueOf(b.view().trim());
        } catch (IllegalArgumentException ex) {
          v.add("boms[" + i + "].view", "invalid_value", "unknown BOM view / BOM 视图无效");
        }
      }
    }
    List<RoutingChange> routingList = routings(in);
    for (int i = 0; i < routingList.size(); i++) {
      RoutingChange r = routingList.get(i);
      if (r != null && r.materialId() != null && !visible(caller, r.materialId())) {
        v.add(
            "routings[" + i + "].materialId", "unknown_material", "no such material here / 物料不存在");
      }
    }
  }

  private boolean visible(CallerContext caller, long materialId) {
    try {
      masterData.getMaterial(caller, materialId);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private boolean plantExists(long plantId) {
    try {
      return orgs.plantExists(plantId);
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static void requireOwner(CallerContext caller, Long plant, PlantRole role, Object id) {
    if (plant == null) {
      caller.requireGroupAdmin();
    } else {
      caller.require(plant, role, ENTITY, id);
    }
  }

  private static void checkVersion(ChangeEntity e, Long expected) {
    if (expected == null || e.version() != expected) {
      throw ConflictException.staleVersion(ENTITY, e.id(), expected == null ? -1 : expected);
    }
  }

  private static long owner(Long plant) {
    return plant == null ? 0L : plant;
  }

  private static void setOwner(ChangeEntity e, Long plant) {
    e.owner(owner(plant));
  }

  private static void fill(ChangeEntity e, ChangeInput in, BreakpointType type) {
    e.number(in.number());
    e.title(in.title());
    e.reason(in.reason());
    e.breakpoint(type.name());
    e.effectiveDate(JpaChangeStore.date(in.effectiveDate()));
    e.serialFrom(in.serialFrom());
    e.transitionQuantity(in.transitionQuantity());
  }

  private static List<BomChange> boms(ChangeInput in) {
    return in.boms() == null ? List.of() : in.boms();
  }

  private static List<RoutingChange> routings(ChangeInput in) {
    return in.routings() == null ? List.of() : in.routings();
  }

  static Map<String, Object> snapshot(EngineeringChange c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", c.number());
    m.put("status", c.status());
    m.put("breakpoint", c.breakpoint());
    m.put("effectiveDate", c.effectiveDate());
    m.put("serialFrom", c.serialFrom());
    m.put("boms", c.boms().size());
    m.put("routings", c.routings().size());
    m.put("releasedBomIds", c.releasedBomIds());
    m.put("releasedRoutingIds", c.releasedRoutingIds());
    return m;
  }

  @Override
  public String describe(long plantId) {
    long n = Transactions.read(jpa, em -> new JpaChangeStore(em).countOwnedBy(plantId));
    return n == 0 ? null : n + " engineering changes";
  }
}
