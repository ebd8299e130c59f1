package io.tianshu.exchange.internal;

import io.tianshu.bom.BomEngine;
import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomOutputKind;
import io.tianshu.bom.BomVersion;
import io.tianshu.bom.BomView;
import io.tianshu.bom.SerialNumbers;
import io.tianshu.core.CallerContext;
import io.tianshu.core.FieldError;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.exchange.ExchangeDocument;
import io.tianshu.exchange.internal.ImportPlan.AlternativePlan;
import io.tianshu.exchange.internal.ImportPlan.BomPlan;
import io.tianshu.exchange.internal.ImportPlan.CalendarPlan;
import io.tianshu.exchange.internal.ImportPlan.CapacityPlan;
import io.tianshu.exchange.internal.ImportPlan.LinePlan;
import io.tianshu.exchange.internal.ImportPlan.LocationPlan;
import io.tianshu.exchange.internal.ImportPlan.MaterialPlan;
import io.tianshu.exchange.internal.ImportPlan.OperationPlan;
import io.tianshu.exchange.internal.ImportPlan.PlantPlan;
import io.tianshu.exchange.internal.ImportPlan.ResourcePlan;
import io.tianshu.exchange.internal.ImportPlan.RoutingPlan;
import io.tianshu.exchange.internal.ImportPlan.StockPlan;
import io.tianshu.exchange.internal.ImportPlan.UnitPlan;
import io.tianshu.exchange.internal.ImportPlan.WarehousePlan;
import io.tianshu.inventory.StockStatus;
import io.tianshu.masterdata.MaterialStatus;
import io.tianshu.masterdata.MaterialType;
import io.tianshu.org.OrgUnitType;
import io.tianshu.resource.CalendarDefinition;
import io.tianshu.resource.ResourceStatus;
import io.tianshu.resource.ResourceType;
import io.tianshu.resource.WorkCalendar;
import io.tianshu.routing.NetworkLink;
import io.tianshu.routing.NetworkOperation;
import io.tianshu.routing.NetworkProblem;
import io.tianshu.routing.OperationLink;
import io.tianshu.routing.RoutingNetwork;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks an exchange document against itself and the database and resolves every code, collecting
 * every error with its JSON path before anything is written. Plain Java: the rules of each domain
 * that matter here (codes, enumerations, references, ownership, roles, BOM cycles and overlaps,
 * calendar and routing-network validity) are applied with the domains' exported engines.
 */
public final class ImportPlanner {
  /** More errors than this are summarised in one last entry. */
  static final int MAX_ERRORS = 1000;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final CallerContext caller;
  private final Existing db;
  private final Validation v = new Validation();
  private final ImportPlan plan = new ImportPlan();
  private long nextKey = -1;

  private final Map<String, Ref> newPlants = new HashMap<>();
  private final Map<String, ImportPlan.UnitPlan> newUnits = new HashMap<>();
  private final Map<String, Ref> newMaterials = new HashMap<>();
  private final Map<Long, String> newMaterialUnits = new HashMap<>();
  private final Map<String, Ref> newCalendars = new HashMap<>();
  private final Set<Long> plantsWithNewDefault = new HashSet<>();
  private final Map<String, Ref> newWarehouses = new HashMap<>();
  private final Map<String, Ref> newLocations = new HashMap<>();

  public ImportPlanner(CallerContext caller, Existing db) {
    this.caller = caller;
    this.db = db;
  }

  /** The plan, or a {@link ValidationException} listing every error. */
  public ImportPlan plan(ExchangeDocument doc) {
    if (doc == null) {
      throw new ValidationException("$", "required", "an exchange document is required / 缺少交换文档");
    }
    if (doc.format() != null && !ExchangeDocument.FORMAT.equals(doc.format())) {
      v.add("$.format", "unsupported_format", "expected " + ExchangeDocument.FORMAT + " / 不支持的格式");
    }
    each(doc.plants(), "$.plants", this::plant);
    each(doc.materials(), "$.materials", this::material);
    each(doc.calendars(), "$.calendars", this::calendar);
    each(doc.capacities(), "$.capacities", this::capacity);
    each(doc.resources(), "$.resources", this::resource);
    each(doc.warehouses(), "$.warehouses", this::warehouse);
    each(doc.boms(), "$.boms", this::bom);
    checkBomSets();
    each(doc.routings(), "$.routings", this::routing);
    each(doc.stock(), "$.stock", this::stock);
    each(doc.planParameters(), "$.planParameters", this::planParameter);
    each(doc.forecasts(), "$.forecasts", this::forecast);
    each(doc.salesOrders(), "$.salesOrders", this::salesOrder);
    each(doc.receipts(), "$.receipts", this::receipt);
    List<FieldError> errors = v.errors();
    if (!errors.isEmpty()) {
      if (errors.size() > MAX_ERRORS) {
        List<FieldError> first = new ArrayList<>(errors.subList(0, MAX_ERRORS));
        first.add(
            new FieldError(
                "$",
                "too_many_errors",
                (errors.size() - MAX_ERRORS)
                    + " more errors / 另有 "
                    + (errors.size() - MAX_ERRORS)
                    + " 个错误"));
        errors = first;
      }
      throw new ValidationException(errors);
    }
    return plan;
  }

  private interface Section<T> {
    void check(String path, T item);
  }

  private <T> void each(List<T> items, String path, Section<T> section) {
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      if (items.get(i) == null) {
        v.add(p, "required", "is required / 必填");
      } else {
        section.check(p, items.get(i));
      }
    }
  }

  // ------------------------------------------------------------------ plants and units

  private void plant(String p, ExchangeDocument.Plant in) {
    if (!caller.isGroupAdmin()) {
      v.add(p, "forbidden", "only a group administrator creates plants / 仅集团管理员可创建工厂");
      return;
    }
    v.code(p + ".code", in.code(), 32).text(p + ".name", in.name(), 200);
    v.optionalText(p + ".nameEn", in.nameEn(), 200);
    if (in.code() == null) {
      return;
    }
    if (db.plantId(in.code()) != null || newPlants.containsKey(in.code())) {
      v.add(p + ".code", "duplicate", "plant exists already / 工厂已存在");
      return;
    }
    Ref plant = Ref.created(nextKey--);
    newPlants.put(in.code(), plant);
    plan.plants.add(new PlantPlan(plant, in.code(), in.name(), in.nameEn()));
    // Units are checked parents first, whatever their order in the document.
    List<ExchangeDocument.Unit> units = in.units() == null ? List.of() : in.units();
    Integer[] order = new Integer[units.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(level(units.get(a)), level(units.get(b))));
    for (int i : order) {
      unit(p + ".units[" + i + "]", plant, in.code(), units.get(i));
    }
  }

  private static int level(ExchangeDocument.Unit u) {
    if (u == null || u.type() == null) {
      return 99;
    }
    try {
      return OrgUnitType.valueOf(u.type().trim().toUpperCase(Locale.ROOT)).ordinal();
    } catch (IllegalArgumentException e) {
      return 99;
    }
  }

  private void unit(String p, Ref plant, String plantCode, ExchangeDocument.Unit in) {
    if (in == null) {
      v.add(p, "required", "is required / 必填");
      return;
    }
    OrgUnitType type = parse(p + ".type", in.type(), OrgUnitType.class, null);
    if (in.type() == null) {
      v.add(p + ".type", "required", "is required / 必填");
    }
    if (type == OrgUnitType.PLANT) {
      v.add(
          p + ".type",
          "invalid_value",
          "a plant's units are workshops, lines, work centres / 类型无效");
      return;
    }
    v.code(p + ".code", in.code(), 32).text(p + ".name", in.name(), 200);
    if (type == null || in.code() == null) {
      return;
    }
    String key = plantCode + "/" + in.code();
    if (newUnits.containsKey(key) || in.code().equals(plantCode)) {
      v.add(p + ".code", "duplicate", "code used twice in the plant / 编码重复");
      return;
    }
    Ref parent;
    if (type == OrgUnitType.WORKSHOP) {
      parent = plant;
      if (in.parent() != null && !in.parent().equals(plantCode)) {
        v.add(p + ".parent", "wrong_parent", "a workshop's parent is the plant / 车间的上级须为工厂");
      }
    } else {
      UnitPlan up = in.parent() == null ? null : newUnits.get(plantCode + "/" + in.parent());
      if (up == null || !up.type().equals(type.parentType().name())) {
        v.add(
            p + ".parent",
            "wrong_parent",
            "must be the code of a " + type.parentType() + " of this plant / 上级单元无效");
        return;
      }
      parent = up.ref();
    }
    UnitPlan u =
        new UnitPlan(
            Ref.created(nextKey--),
            plant,
            parent,
            type.name(),
            type.ordinal(),
            in.code(),
            in.name(),
            in.nameEn());
    newUnits.put(key, u);
    plan.units.add(u);
  }

  /** A plant code the caller may act in with {@code role}; null (with an error) otherwise. */
  private Ref plantRef(String path, String code, PlantRole role) {
    if (code == null || code.isBlank()) {
      v.add(path, "required", "is required / 必填");
      return null;
    }
    Ref created = newPlants.get(code);
    if (created != null) {
      return created;
    }
    Long id = db.plantId(code);
    if (id == null || !caller.canRead(id)) {
      v.add(path, "unknown_plant", "no such plant / 工厂不存在");
      return null;
    }
    if (!caller.has(id, role)) {
      v.add(path, "forbidden", "role " + role + " required in this plant / 需要该工厂的 " + role + " 角色");
      return null;
    }
    return Ref.existing(id);
  }

  private String plantCode(Ref plant) {
    for (Map.Entry<String, Ref> e : newPlants.entrySet()) {
      if (e.getValue() == plant) {
        return e.getKey();
      }
    }
    return null;
  }

  /** A work centre of the plant, existing or created by this document. */
  private Ref workCenter(String path, Ref plant, String code, boolean required) {
    if (code == null) {
      if (required) {
        v.add(path, "required", "is required / 必填");
      }
      return null;
    }
    if (plant.isCreated()) {
      UnitPlan u = newUnits.get(plantCode(plant) + "/" + code);
      if (u != null && u.type().equals(OrgUnitType.WORK_CENTER.name())) {
        return u.ref();
      }
    } else {
      Existing.UnitRow u = db.unit(plant.id(), code);
      if (u != null && u.type().equals(OrgUnitType.WORK_CENTER.name())) {
        return Ref.existing(u.id());
      }
    }
    v.add(path, "unknown_work_center", "no such work centre in this plant / 本工厂无此工作中心");
    return null;
  }

  // ------------------------------------------------------------------ materials

  private void material(String p, ExchangeDocument.Material in) {
    Ref owner = null;
    if (in.plant() != null) {
      owner = plantRef(p + ".plant", in.plant(), PlantRole.PLANNER);
      if (owner == null) {
        return;
      }
    } else if (!caller.isGroupAdmin()) {
      v.add(p + ".plant", "forbidden", "group materials need a group administrator / 集团物料需集团管理员");
      return;
    }
    v.code(p + ".code", in.code(), 40).text(p + ".name", in.name(), 200);
    v.optionalText(p + ".nameEn", in.nameEn(), 200);
    MaterialType type = parse(p + ".type", in.type(), MaterialType.class, null);
    if (in.type() == null) {
      v.add(p + ".type", "required", "is required / 必填");
    }
    MaterialStatus status =
        parse(p + ".status", in.status(), MaterialStatus.class, MaterialStatus.ACTIVE);
    if (in.baseUnit() == null) {
      v.add(p + ".baseUnit", "required", "is required / 必填");
    } else if (!db.units().contains(in.baseUnit())) {
      v.add(p + ".baseUnit", "unknown_unit", "no such unit / 计量单位不存在");
    }
    if (in.code() == null) {
      return;
    }
    long ownerKey = owner == null ? 0 : owner.key();
    String key = ownerKey + "/" + in.code();
    if (newMaterials.containsKey(key)
        || (owner != null && !owner.isCreated() && db.material(owner.id(), in.code()) != null)
        || (owner == null && db.material(0, in.code()) != null)) {
      v.add(p + ".code", "duplicate", "material exists already / 物料已存在");
      return;
    }
    if (type == null) {
      return;
    }
    Ref ref = Ref.created(nextKey--);
    newMaterials.put(key, ref);
    newMaterialUnits.put(ref.key(), in.baseUnit());
    plan.materials.add(
        new MaterialPlan(
            ref,
            owner,
            in.code(),
            in.name(),
            in.nameEn(),
            type.name(),
            in.baseUnit(),
            status.name()));
  }

  /** A material usable in the owner's records: the owner's own, else the group's. */
  private Ref materialRef(String path, Ref owner, String code) {
    if (code == null || code.isBlank()) {
      v.add(path, "required", "is required / 必填");
      return null;
    }
    if (owner != null) {
      Ref own = newMaterials.get(owner.key() + "/" + code);
      if (own != null) {
        return own;
      }
      if (!owner.isCreated()) {
        Existing.MaterialRow row = db.material(owner.id(), code);
        if (row != null) {
          return Ref.existing(row.id());
        }
      }
    }
    Ref group = newMaterials.get("0/" + code);
    if (group != null) {
      return group;
    }
    Existing.MaterialRow row = db.material(0, code);
    if (row != null) {
      return Ref.existing(row.id());
    }
    v.add(path, "unknown_material", "no such material here / 物料不存在");
    return null;
  }

  private String baseUnit(Ref material, Ref owner, String code) {
    if (material.isCreated()) {
      return newMaterialUnits.get(material.key());
    }
    Existing.MaterialRow row =
        owner != null && !owner.isCreated() ? db.material(owner.id(), code) : null;
    if (row == null || row.id() != material.id()) {
      row = db.material(0, code);
    }
    return row.baseUnit();
  }

  // ------------------------------------------------------------------ calendars, resources

  private void calendar(String p, ExchangeDocument.Calendar in) {
    Ref plant = plantRef(p + ".plant", in.plant(), PlantRole.PLANT_ADMIN);
    v.code(p + ".code", in.code(), 32).text(p + ".name", in.name(), 200);
    if (plant == null || in.code() == null) {
      return;
    }
    String key = plant.key() + "/" + in.code();
    if (newCalendars.containsKey(key)
        || (!plant.isCreated() && db.calendarId(plant.id(), in.code()) != null)) {
      v.add(p + ".code", "duplicate", "calendar exists already / 日历已存在");
      return;
    }
    try {
      WorkCalendar.of(new CalendarDefinition(in.shifts(), in.days(), in.efficiencies()));
    } catch (IllegalArgumentException | NullPointerException e) {
      v.add(p, "invalid_calendar", String.valueOf(e.getMessage()));
      return;
    }
    boolean isDefault;
    if (in.plantDefault() != null) {
      isDefault = in.plantDefault();
    } else {
      isDefault =
          !plantsWithNewDefault.contains(plant.key())
              && (plant.isCreated() || !db.hasDefaultCalendar(plant.id()));
    }
    if (isDefault && !plantsWithNewDefault.add(plant.key())) {
      v.add(
          p + ".plantDefault",
          "duplicate_default",
          "another calendar of the plant is its default here / 已有默认日历");
      return;
    }
    Ref ref = Ref.created(nextKey--);
    newCalendars.put(key, ref);
    plan.calendars.add(
        new CalendarPlan(
            ref,
            plant,
            in.code(),
            in.name(),
            isDefault,
            in.shifts() == null ? List.of() : in.shifts(),
            in.days() == null ? List.of() : in.days(),
            in.efficiencies() == null ? List.of() : in.efficiencies()));
  }

  private Ref calendarRef(String path, Ref plant, String code) {
    if (code == null) {
      return null;
    }
    Ref created = newCalendars.get(plant.key() + "/" + code);
    if (created != null) {
      return created;
    }
    Long id = plant.isCreated() ? null : db.calendarId(plant.id(), code);
    if (id == null) {
      v.add(path, "unknown_calendar", "no such calendar in this plant / 本工厂无此日历");
      return null;
    }
    return Ref.existing(id);
  }

  private final Set<Long> capacityCentres = new HashSet<>();

  private void capacity(String p, ExchangeDocument.Capacity in) {
    Ref plant = plantRef(p + ".plant", in.plant(), PlantRole.PLANT_ADMIN);
    if (plant == null) {
      return;
    }
    Ref wc = workCenter(p + ".workCenter", plant, in.workCenter(), true);
    Ref cal = calendarRef(p + ".calendar", plant, in.calendar());
    int units = in.parallelUnits() == null ? 1 : in.parallelUnits();
    if (units < 1) {
      v.add(p + ".parallelUnits", "not_positive", "at least 1 / 至少为 1");
    }
    BigDecimal util = in.utilisationPercent() == null ? HUNDRED : in.utilisationPercent();
    if (util.signum() <= 0 || util.compareTo(HUNDRED) > 0) {
      v.add(p + ".utilisationPercent", "out_of_range", "above 0, at most 100 / 须大于 0 且不超过 100");
    }
    if (wc == null) {
      return;
    }
    if (!capacityCentres.add(wc.key()) || (!wc.isCreated() && db.capacityExists(wc.id()))) {
      v.add(p + ".workCenter", "duplicate", "capacity of this work centre exists / 该工作中心已有产能设置");
      return;
    }
    plan.capacities.add(new CapacityPlan(plant, wc, cal, units, util));
  }

  private final Set<String> newResources = new HashSet<>();

  private void resource(String p, ExchangeDocument.Resource in) {
    Ref plant = plantRef(p + ".plant", in.plant(), PlantRole.PLANT_ADMIN);
    v.code(p + ".code", in.code(), 32).text(p + ".name", in.name(), 200);
    ResourceType type = parse(p + ".type", in.type(), ResourceType.class, ResourceType.MACHINE);
    ResourceStatus status =
        parse(p + ".status", in.status(), ResourceStatus.class, ResourceStatus.ACTIVE);
    if (plant == null || in.code() == null) {
      return;
    }
    Ref wc = workCenter(p + ".workCenter", plant, in.workCenter(), false);
    Ref cal = calendarRef(p + ".calendar", plant, in.calendar());
    int units = in.units() == null ? 1 : in.units();
    if (units < 1) {
      v.add(p + ".units", "not_positive", "at least 1 / 至少为 1");
    }
    if (in.cavities() != null && in.cavities() < 1) {
      v.add(p + ".cavities", "not_positive", "at least 1 / 至少为 1");
    }
    if (in.lifeCycles() != null && in.lifeCycles() < 1) {
      v.add(p + ".lifeCycles", "not_positive", "at least 1 / 至少为 1");
    }
    if (!newResources.add(plant.key() + "/" + in.code())
        || (!plant.isCreated() && db.resourceExists(plant.id(), in.code()))) {
      v.add(p + ".code", "duplicate", "resource exists already / 资源已存在");
      return;
    }
    plan.resources.add(
        new ResourcePlan(
            Ref.created(nextKey--),
            plant,
            in.code(),
            in.name(),
            type.name(),
            status.name(),
            wc,
            cal,
            units,
            in.cavities(),
            in.lifeCycles()));
  }

  // ------------------------------------------------------------------ warehouses

  private void warehouse(String p, ExchangeDocument.Warehouse in) {
    Ref plant = plantRef(p + ".plant", in.plant(), PlantRole.PLANT_ADMIN);
    v.code(p + ".code", in.code(), 32).text(p + ".name", in.name(), 200);
    v.optionalText(p + ".nameEn", in.nameEn(), 200);
    if (plant == null || in.code() == null) {
      return;
    }
    String key = plant.key() + "/" + in.code();
    if (newWarehouses.containsKey(key)
        || (!plant.isCreated() && db.warehouseId(plant.id(), in.code()) != null)) {
      v.add(p + ".code", "duplicate", "warehouse exists already / 仓库已存在");
      return;
    }
    Ref wh = Ref.created(nextKey--);
    newWarehouses.put(key, wh);
    plan.warehouses.add(
        new WarehousePlan(
            wh, plant, in.code(), in.name(), in.nameEn(), Boolean.TRUE.equals(in.allowNegative())));
    List<ExchangeDocument.Location> locations = in.locations() == null ? List.of() : in.locations();
    for (int i = 0; i < locations.size(); i++) {
      ExchangeDocument.Location l = locations.get(i);
      String lp = p + ".locations[" + i + "]";
      if (l == null) {
        v.add(lp, "required", "is required / 必填");
        continue;
      }
      v.code(lp + ".code", l.code(), 32).text(lp + ".name", l.name(), 200);
      if (l.code() == null) {
        continue;
      }
      String lk = wh.key() + "/" + l.code();
      if (newLocations.containsKey(lk)) {
        v.add(lp + ".code", "duplicate", "code used twice in the warehouse / 库位编码重复");
        continue;
      }
      Ref loc = Ref.created(nextKey--);
      newLocations.put(lk, loc);
      plan.locations.add(new LocationPlan(loc, wh, plant, l.code(), l.name()));
    }
  }

  // ------------------------------------------------------------------ BOMs

  private final Map<String, List<BomPlan>> bomsByView = new HashMap<>();
  private final Set<String> bomRevisions = new HashSet<>();

  private void bom(String p, ExchangeDocument.Bom in) {
    Ref owner = null;
    if (in.plant() != null) {
      owner = plantRef(p + ".plant", in.plant(), PlantRole.PLANNER);
      if (owner == null) {
        return;
      }
    } else if (!caller.isGroupAdmin()) {
      v.add(p + ".plant", "forbidden", "group BOMs need a group administrator / 集团 BOM 需集团管理员");
      return;
    }
    BomView view = parse(p + ".view", in.view(), BomView.class, BomView.MANUFACTURING);
    Ref parent = materialRef(p + ".parent", owner, in.parent());
    v.code(p + ".revision", in.revision(), 16);
    v.required(p + ".validFrom", in.validFrom());
    if (in.validFrom() != null && in.validTo() != null && !in.validTo().isAfter(in.validFrom())) {
      v.add(p + ".validTo", "before_start", "must be after validFrom / 失效日期须晚于生效日期");
    }
    List<ExchangeDocument.BomLine> lines = in.lines() == null ? List.of() : in.lines();
    if (lines.isEmpty()) {
      v.add(p + ".lines", "required", "at least one line / 至少一行");
    }
    List<LinePlan> planned = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String lp = p + ".lines[" + i + "]";
      ExchangeDocument.BomLine l = lines.get(i);
      if (l == null) {
        v.add(lp, "required", "is required / 必填");
        continue;
      }
      Ref component = materialRef(lp + ".component", owner, l.component());
      if (l.quantityPer() == null || l.quantityPer().signum() <= 0) {
        v.add(lp + ".quantityPer", "not_positive", "must be greater than zero / 必须大于零");
      }
      BigDecimal scrap = l.scrapPercent() == null ? BigDecimal.ZERO : l.scrapPercent();
      if (scrap.signum() < 0 || scrap.compareTo(HUNDRED) >= 0) {
        v.add(lp + ".scrapPercent", "out_of_range", "0 to under 100 / 须在 0 到 100 之间");
      }
      v.optionalText(lp + ".operationRef", l.operationRef(), 32);
      if (component == null || l.quantityPer() == null || l.quantityPer().signum() <= 0) {
        continue;
      }
      BigDecimal qty = l.quantityPer();
      String base = baseUnit(component, owner, l.component());
      if (l.unit() != null && !l.unit().isBlank() && !l.unit().equals(base)) {
        BigDecimal factor =
            db.conversion(l.unit(), base, component.isCreated() ? null : component.id());
        if (factor == null) {
          v.add(
              lp + ".unit",
              "no_conversion",
              "no conversion from " + l.unit() + " to " + base + " / 无法换算单位");
          continue;
        }
        qty = qty.multiply(factor);
      }
      planned.add(
          new LinePlan(
              i + 1, component, qty, scrap, Boolean.TRUE.equals(l.phantom()), l.operationRef()));
    }
    String serialFrom = blankToNull(in.serialFrom());
    String serialTo = blankToNull(in.serialTo());
    if (serialFrom != null) {
      v.code(p + ".serialFrom", serialFrom, 32);
    }
    if (serialTo != null) {
      v.code(p + ".serialTo", serialTo, 32);
    }
    if (serialFrom != null && serialTo != null && SerialNumbers.compare(serialFrom, serialTo) > 0) {
      v.add(p + ".serialTo", "before_start", "must not be below serialFrom / 截止序列号须不小于起始序列号");
    }
    List<Ref> allocated = new ArrayList<>();
    List<String> allocatedCodes = in.allocatedPlants() == null ? List.of() : in.allocatedPlants();
    if (!allocatedCodes.isEmpty() && owner != null) {
      v.add(p + ".allocatedPlants", "plant_bom", "only group BOMs are allocated / 仅集团 BOM 可分配");
    } else {
      for (int i = 0; i < allocatedCodes.size(); i++) {
        Ref plant =
            plantRef(p + ".allocatedPlants[" + i + "]", allocatedCodes.get(i), PlantRole.VIEWER);
        if (plant != null) {
          allocated.add(plant);
        }
      }
    }
    List<ImportPlan.OutputPlan> outputs = outputs(p, in, owner, parent, planned);
    if (parent == null
        || in.validFrom() == null
        || in.revision() == null
        || planned.size() != lines.size()
        || outputs == null
        || allocated.size() != allocatedCodes.size()) {
      return;
    }
    BomPlan b =
        new BomPlan(
            Ref.created(nextKey--),
            owner,
            parent,
            view.name(),
            in.revision(),
            in.validFrom(),
            in.validTo(),
            planned,
            outputs,
            serialFrom,
            serialTo,
            allocated);
    String revisionKey =
        view.name()
            + "/"
            + (owner == null ? 0 : owner.key())
            + "/"
            + parent.key()
            + "/"
            + in.revision();
    if (!bomRevisions.add(revisionKey)) {
      v.add(p + ".revision", "duplicate", "this revision is in the document twice / 版本重复");
      return;
    }
    bomsByView.computeIfAbsent(view.name(), k -> new ArrayList<>()).add(b);
    plan.boms.add(b);
  }

  /**
   * Co- and by-products, by the BOM rules: neither the parent nor a component, not listed twice;
   * co-products carry a share above 0, together under 100; by-products none. Null when invalid.
   */
  private List<ImportPlan.OutputPlan> outputs(
      String p, ExchangeDocument.Bom in, Ref owner, Ref parent, List<LinePlan> lines) {
    List<ExchangeDocument.BomOutput> given = in.outputs() == null ? List.of() : in.outputs();
    List<ImportPlan.OutputPlan> result = new ArrayList<>();
    Set<Long> components = new HashSet<>();
    lines.forEach(l -> components.add(l.component().key()));
    Set<Long> seen = new HashSet<>();
    BigDecimal shares = BigDecimal.ZERO;
    boolean valid = true;
    for (int i = 0; i < given.size(); i++) {
      String op = p + ".outputs[" + i + "]";
      ExchangeDocument.BomOutput o = given.get(i);
      if (o == null) {
        v.add(op, "required", "is required / 必填");
        valid = false;
        continue;
      }
      Ref m = materialRef(op + ".material", owner, o.material());
      if (m != null && parent != null && m.key() == parent.key()) {
        v.add(op + ".material", "is_parent", "the parent is not an output / 产出物不能是父件");
        m = null;
      } else if (m != null && components.contains(m.key())) {
        v.add(
            op + ".material", "is_component", "also a component of this version / 产出物不能同时是本版本的子件");
        m = null;
      } else if (m != null && !seen.add(m.key())) {
        v.add(op + ".material", "duplicate", "listed twice / 重复");
        m = null;
      }
      if (o.quantityPer() == null || o.quantityPer().signum() <= 0) {
        v.add(op + ".quantityPer", "not_positive", "must be greater than zero / 必须大于零");
        valid = false;
      }
      BomOutputKind kind = null;
      if (o.kind() == null || o.kind().isBlank()) {
        v.add(op + ".kind", "required", "CO_PRODUCT or BY_PRODUCT / 须为联产品或副产品");
      } else {
        kind = parse(op + ".kind", o.kind(), BomOutputKind.class, null);
      }
      BigDecimal share = o.costSharePercent() == null ? BigDecimal.ZERO : o.costSharePercent();
      if (kind == BomOutputKind.CO_PRODUCT) {
        if (share.signum() <= 0) {
          v.add(
              op + ".costSharePercent",
              "not_positive",
              "a co-product's share must be above 0 / 联产品分摊须大于零");
          valid = false;
        }
        shares = shares.add(share);
      } else if (kind == BomOutputKind.BY_PRODUCT && share.signum() != 0) {
        v.add(
            op + ".costSharePercent",
            "by_product_share",
            "a by-product carries no share (credited at standard) / 副产品不分摊成本");
        valid = false;
      }
      if (m == null || kind == null) {
        valid = false;
        continue;
      }
      result.add(new ImportPlan.OutputPlan(i + 1, m, o.quantityPer(), kind.name(), share));
    }
    if (shares.compareTo(HUNDRED) >= 0) {
      v.add(
          p + ".outputs",
          "share_total",
          "co-product shares must total under 100 / 联产品成本分摊合计须小于 100");
      valid = false;
    }
    return valid ? result : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /**
   * Every BOM set that the document changes (the group's and each plant's, per view) compiled with
   * the new versions: cycles and overlapping versions are refused as they are one by one. A plant's
   * set is its own versions and the group's versions allocated to it (or to no plant in particular)
   * of parents it has none of; the group's set is the unallocated group versions.
   */
  private void checkBomSets() {
    for (Map.Entry<String, List<BomPlan>> e : bomsByView.entrySet()) {
      String view = e.getKey();
      List<Existing.BomRow> all = new ArrayList<>(db.boms(view));
      for (BomPlan b : e.getValue()) {
        Set<Long> allocated = new HashSet<>();
        b.allocatedPlants().forEach(r -> allocated.add(r.key()));
        all.add(
            new Existing.BomRow(
                b.owner() == null ? 0L : b.owner().key(), view, version(b), allocated));
      }
      Set<Long> owners = new HashSet<>();
      owners.add(0L);
      all.forEach(r -> owners.add(r.ownerPlantId()));
      all.forEach(r -> owners.addAll(r.allocatedPlants()));
      for (long owner : owners) {
        Set<Long> overridden = new HashSet<>();
        if (owner != 0) {
          for (Existing.BomRow r : all) {
            if (r.ownerPlantId() == owner) {
              overridden.add(r.version().parentId());
            }
          }
        }
        List<BomVersion> versions = new ArrayList<>();
        for (Existing.BomRow r : all) {
          boolean applies =
              r.ownerPlantId() == 0
                  ? !overridden.contains(r.version().parentId())
                      && (r.allocatedPlants().isEmpty()
                          || (owner != 0 && r.allocatedPlants().contains(owner)))
                  : r.ownerPlantId() == owner;
          if (applies) {
            versions.add(r.version());
          }
        }
        try {
          BomEngine.build(versions);
        } catch (ValidationException ex) {
          for (FieldError fe : ex.fieldErrors()) {
            v.add("$.boms", fe.code(), fe.message() + " (view " + view + ")");
          }
          break;
        }
      }
    }
  }

  private static BomVersion version(BomPlan b) {
    List<BomLine> lines = new ArrayList<>();
    for (LinePlan l : b.lines()) {
      lines.add(
          new BomLine(
              l.component().key(),
              l.quantityPer().doubleValue(),
              l.scrapPercent().doubleValue(),
              l.phantom()));
    }
    return new BomVersion(
        b.parent().key(),
        b.revision(),
        b.validFrom(),
        b.validTo(),
        b.serialFrom(),
        b.serialTo(),
        lines);
  }

  // ------------------------------------------------------------------ routings

  private final Map<String, List<RoutingPlan>> routingsByMaterial = new HashMap<>();

  private void routing(String p, ExchangeDocument.Routing in) {
    Ref plant = plantRef(p + ".plant", in.plant(), PlantRole.PLANNER);
    if (plant == null) {
      return;
    }
    Ref material = materialRef(p + ".material", plant, in.material());
    v.code(p + ".revision", in.revision(), 16)
        .optionalText(p + ".description", in.description(), 200);
    v.required(p + ".validFrom", in.validFrom());
    if (in.validFrom() != null && in.validTo() != null && !in.validTo().isAfter(in.validFrom())) {
      v.add(p + ".validTo", "before_start", "must be after validFrom / 失效日期须晚于生效日期");
    }
    List<ExchangeDocument.Operation> ops = in.operations() == null ? List.of() : in.operations();
    if (ops.isEmpty()) {
      v.add(p + ".operations", "required", "at least one operation / 至少一道工序");
    }
    List<OperationPlan> planned = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < ops.size(); i++) {
      String op = p + ".operations[" + i + "]";
      ExchangeDocument.Operation o = ops.get(i);
      if (o == null) {
        v.add(op, "required", "is required / 必填");
        complete = false;
        continue;
      }
      v.required(op + ".opNo", o.opNo()).text(op + ".description", o.description(), 200);
      Ref wc = workCenter(op + ".workCenter", plant, o.workCenter(), true);
      BigDecimal setup = time(op + ".setupMinutes", o.setupMinutes());
      BigDecimal run = time(op + ".runMinutes", o.runMinutes());
      BigDecimal queue = time(op + ".queueMinutes", o.queueMinutes());
      BigDecimal move = time(op + ".moveMinutes", o.moveMinutes());
      List<OperationLink> links = new ArrayList<>();
      List<OperationLink> given = o.predecessors() == null ? List.of() : o.predecessors();
      for (int j = 0; j < given.size(); j++) {
        OperationLink l = given.get(j);
        if (l == null || l.predecessorOpNo() == null) {
          v.add(op + ".predecessors[" + j + "].predecessorOpNo", "required", "is required / 必填");
          complete = false;
          continue;
        }
        links.add(
            new OperationLink(
                l.predecessorOpNo(),
                l.overlapPercent() == null ? BigDecimal.ZERO : l.overlapPercent(),
                l.lagMinutes() == null ? BigDecimal.ZERO : l.lagMinutes()));
      }
      List<AlternativePlan> alts = new ArrayList<>();
      List<ExchangeDocument.Alternative> givenAlts =
          o.alternatives() == null ? List.of() : o.alternatives();
      for (int j = 0; j < givenAlts.size(); j++) {
        ExchangeDocument.Alternative a = givenAlts.get(j);
        if (a == null) {
          v.add(op + ".alternatives[" + j + "]", "required", "is required / 必填");
          complete = false;
          continue;
        }
        Ref awc =
            workCenter(op + ".alternatives[" + j + "].workCenter", plant, a.workCenter(), true);
        if (a.runMinutes() != null && a.runMinutes().signum() < 0) {
          v.add(
              op + ".alternatives[" + j + "].runMinutes",
              "negative",
              "must not be negative / 不能为负");
        }
        if (awc == null) {
          complete = false;
        } else {
          alts.add(new AlternativePlan(awc, a.runMinutes()));
        }
      }
      if (wc == null || o.opNo() == null) {
        complete = false;
        continue;
      }
      planned.add(
          new OperationPlan(
              o.opNo(),
              o.description(),
              wc,
              setup,
              run,
              queue,
              move,
              Boolean.TRUE.equals(o.outsourced()),
              links,
              alts));
    }
    if (!complete
        || material == null
        || in.validFrom() == null
        || in.revision() == null
        || ops.isEmpty()) {
      return;
    }
    List<NetworkOperation> network = new ArrayList<>();
    for (OperationPlan o : planned) {
      List<NetworkLink> links = new ArrayList<>();
      for (OperationLink l : o.predecessors()) {
        links.add(
            new NetworkLink(
                l.predecessorOpNo(),
                l.overlapPercent().doubleValue(),
                l.lagMinutes().doubleValue()));
      }
      network.add(
          new NetworkOperation(
              o.opNo(),
              o.setupMinutes().doubleValue(),
              o.runMinutes().doubleValue(),
              o.queueMinutes().doubleValue(),
              o.moveMinutes().doubleValue(),
              links));
    }
    List<NetworkProblem> problems = RoutingNetwork.validate(network);
    for (NetworkProblem np : problems) {
      v.add(
          np.index() < 0 ? p + ".operations" : p + ".operations[" + np.index() + "]",
          np.code(),
          np.message());
    }
    if (!problems.isEmpty()) {
      return;
    }
    String key = plant.key() + "/" + material.key();
    List<Existing.RoutingRow> windows = new ArrayList<>();
    if (!plant.isCreated() && !material.isCreated()) {
      windows.addAll(db.routings(plant.id(), material.id()));
    }
    for (RoutingPlan r : routingsByMaterial.getOrDefault(key, List.of())) {
      windows.add(new Existing.RoutingRow(r.revision(), r.validFrom(), r.validTo()));
    }
    for (Existing.RoutingRow w : windows) {
      if (w.revision().equals(in.revision())) {
        v.add(p + ".revision", "duplicate", "this revision exists already / 该版本已存在");
        return;
      }
      if ((w.validTo() == null || in.validFrom().isBefore(w.validTo()))
          && (in.validTo() == null || w.validFrom().isBefore(in.validTo()))) {
        v.add(
            p + ".validFrom",
            "overlapping_versions",
            "overlaps revision " + w.revision() + " / 与版本 " + w.revision() + " 的有效期重叠");
        return;
      }
    }
    RoutingPlan r =
        new RoutingPlan(
            Ref.created(nextKey--),
            plant,
            material,
            in.revision(),
            in.description(),
            in.validFrom(),
            in.validTo(),
            planned);
    routingsByMaterial.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    plan.routings.add(r);
  }

  private BigDecimal time(String path, BigDecimal value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    if (value.signum() < 0) {
      v.add(path, "negative", "must not be negative / 不能为负");
    }
    return value;
  }

  // ------------------------------------------------------------------ stock

  private void stock(String p, ExchangeDocument.Stock in) {
    Ref plant = plantRef(p + ".plant", in.plant(), PlantRole.PLANNER);
    if (plant == null) {
      return;
    }
    Ref material = materialRef(p + ".material", plant, in.material());
    StockStatus status =
        parse(p + ".status", in.status(), StockStatus.class, StockStatus.AVAILABLE);
    if (in.quantity() == null || in.quantity().signum() <= 0) {
      v.add(p + ".quantity", "not_positive", "must be greater than zero / 必须大于零");
    }
    v.optionalText(p + ".lot", in.lot(), 64).optionalText(p + ".serial", in.serial(), 64);
    Ref location = null;
    if (in.warehouse() == null) {
      v.add(p + ".warehouse", "required", "is required / 必填");
    } else {
      Ref wh = newWarehouses.get(plant.key() + "/" + in.warehouse());
      if (wh == null && !plant.isCreated()) {
        Long id = db.warehouseId(plant.id(), in.warehouse());
        wh = id == null ? null : Ref.existing(id);
      }
      if (wh == null) {
        v.add(p + ".warehouse", "unknown_warehouse", "no such warehouse in this plant / 本工厂无此仓库");
      } else if (in.location() == null) {
        v.add(p + ".location", "required", "is required / 必填");
      } else {
        location = newLocations.get(wh.key() + "/" + in.location());
        if (location == null && !wh.isCreated()) {
          Long id = db.locationId(wh.id(), in.location());
          location = id == null ? null : Ref.existing(id);
        }
        if (location == null) {
          v.add(p + ".location", "unknown_location", "no such location in the warehouse / 仓库无此库位");
        }
      }
    }
    if (material == null
        || location == null
        || in.quantity() == null
        || in.quantity().signum() <= 0) {
      return;
    }
    plan.stock.add(
        new StockPlan(
            plant,
            location,
            material,
            baseUnit(material, plant, in.material()),
            in.lot() == null ? "" : in.lot(),
            in.serial() == null ? "" : in.serial(),
            status.name(),
            in.quantity()));
  }

  // ------------------------------------------------------------------ planning data
  //
  // The rules are those of the planning API (io.tianshu.planning.internal.PlanData: putParameter,
  // addForecast, addSalesOrderLine, addReceipt), repeated here because the exchange does not depend
  // on the planning bundle. Keep the two in step.

  private static final List<String> PROCUREMENTS = List.of("MAKE", "BUY", "TRANSFER");
  private static final List<String> STRATEGIES = List.of("MTS", "MTO", "ATO");
  private static final List<String> LOT_SIZINGS =
      List.of("LOT_FOR_LOT", "FIXED_QUANTITY", "PERIOD_ORDER_QUANTITY");
  private static final List<String> RECEIPT_KINDS =
      List.of("PURCHASE", "PRODUCTION", "TRANSFER", "REQUISITION");
  private static final List<String> ORDER_STATUSES = List.of("OPEN", "CLOSED");
  private static final List<String> FORECAST_PERIODS = List.of("DAY", "WEEK", "MONTH");
  private static final BigDecimal MAX_QUANTITY = new BigDecimal("1E15");

  private final Set<String> newParameters = new HashSet<>();
  private final Set<String> newOrderLines = new HashSet<>();

  private void planParameter(String p, ExchangeDocument.PlanParameter in) {
    String procurement =
        oneOf(
            p + ".procurement",
            in.procurement(),
            PROCUREMENTS,
            "MAKE",
            "MAKE, BUY or TRANSFER / 只能是 MAKE、BUY 或 TRANSFER");
    String lot =
        oneOf(
            p + ".lotSizing",
            in.lotSizing(),
            LOT_SIZINGS,
            "LOT_FOR_LOT",
            "LOT_FOR_LOT, FIXED_QUANTITY or PERIOD_ORDER_QUANTITY / 批量规则无效");
    String strategy =
        oneOf(
            p + ".strategy",
            in.strategy(),
            STRATEGIES,
            "MTS",
            "MTS, MTO or ATO / 只能是 MTS、MTO 或 ATO");
    boolean valid = procurement != null && lot != null && strategy != null;
    valid &= range(p + ".leadTimeDays", in.leadTimeDays(), 0, 3650);
    valid &= range(p + ".periodDays", in.periodDays(), 0, 3650);
    valid &= range(p + ".demandFenceDays", in.demandFenceDays(), 0, 3650);
    valid &= range(p + ".planningFenceDays", in.planningFenceDays(), 0, 3650);
    valid &= quantity(p + ".fixedQuantity", in.fixedQuantity(), false);
    valid &= quantity(p + ".minimumQuantity", in.minimumQuantity(), false);
    valid &= quantity(p + ".maximumQuantity", in.maximumQuantity(), false);
    valid &= quantity(p + ".multipleQuantity", in.multipleQuantity(), false);
    valid &= quantity(p + ".safetyStock", in.safetyStock(), false);
    BigDecimal yield = in.yieldPercent() == null ? HUNDRED : in.yieldPercent();
    if (yield.signum() <= 0 || yield.compareTo(HUNDRED) > 0) {
      v.add(p + ".yieldPercent", "invalid_value", "must be in (0, 100] / 成品率须在 (0, 100] 之内");
      valid = false;
    }
    BigDecimal fixed = zeroIfNull(in.fixedQuantity());
    int period = in.periodDays() == null ? 0 : in.periodDays();
    if ("FIXED_QUANTITY".equals(lot) && fixed.signum() <= 0) {
      v.add(
          p + ".fixedQuantity",
          "required",
          "FIXED_QUANTITY needs a fixed quantity > 0 / 固定批量须大于 0");
      valid = false;
    }
    if ("PERIOD_ORDER_QUANTITY".equals(lot) && period < 1) {
      v.add(
          p + ".periodDays", "required", "PERIOD_ORDER_QUANTITY needs periodDays >= 1 / 期间天数至少 1");
      valid = false;
    }
    List<ExchangeDocument.SafetyStockStep> steps = in.safetyStockSteps();
    if (steps != null) {
      java.util.Set<java.time.LocalDate> dates = new java.util.HashSet<>();
      for (int i = 0; i < steps.size(); i++) {
        ExchangeDocument.SafetyStockStep step = steps.get(i);
        String at = p + ".safetyStockSteps[" + i + "]";
        if (step == null) {
          v.add(at, "required", "is required / 必填");
          valid = false;
          continue;
        }
        if (step.from() == null) {
          v.add(at + ".from", "required", "is required / 必填");
          valid = false;
        } else if (!dates.add(step.from())) {
          v.add(at + ".from", "duplicate", "two steps on one date / 同一日期有两个安全库存");
          valid = false;
        }
        if (step.quantity() == null) {
          v.add(at + ".quantity", "required", "is required / 必填");
          valid = false;
        } else {
          valid &= quantity(at + ".quantity", step.quantity(), false);
        }
      }
    }
    BigDecimal min = zeroIfNull(in.minimumQuantity());
    BigDecimal max = zeroIfNull(in.maximumQuantity());
    if (max.signum() > 0 && max.compareTo(min) < 0) {
      v.add(p + ".maximumQuantity", "invalid_value", "below the minimum / 小于最小批量");
      valid = false;
    }
    Ref plant = plantRef(p + ".plant", in.plant(), PlantRole.PLANNER);
    if (plant == null) {
      return;
    }
    Ref material = materialRef(p + ".material", plant, in.material());
    if (material == null) {
      return;
    }
    Ref source = null;
    if ("TRANSFER".equals(procurement)) {
      source = plantRef(p + ".sourcePlant", in.sourcePlant(), PlantRole.VIEWER);
      if (source == null) {
        return;
      }
      if (source == plant
          || !source.isCreated() && !plant.isCreated() && source.id() == plant.id()) {
        v.add(p + ".sourcePlant", "invalid_value", "a plant cannot source from itself / 来源工厂不能是本厂");
        return;
      }
    } else if (in.sourcePlant() != null) {
      v.add(p + ".sourcePlant", "invalid_value", "only TRANSFER has a source plant / 仅调拨需要来源工厂");
      return;
    }
    if (!newParameters.add(plant.key() + "/" + material.key())) {
      v.add(
          p + ".material",
          "duplicate",
          "parameters of this material are listed twice / 同一物料的计划参数重复");
      return;
    }
    if (!valid) {
      return;
    }
    boolean exists =
        !plant.isCreated()
            && !material.isCreated()
            && db.planParameterExists(plant.id(), material.id());
    plan.parameters.add(
        new ImportPlan.ParameterPlan(
            plant,
            material,
            in.material(),
            exists,
            procurement,
            in.leadTimeDays() == null ? 0 : in.leadTimeDays(),
            lot,
            fixed,
            period,
            min,
            max,
            zeroIfNull(in.multipleQuantity()),
            zeroIfNull(in.safetyStock()),
            yield,
            Boolean.TRUE.equals(in.phantom()),
            Boolean.TRUE.equals(in.mps()),
            source,
            in.demandFenceDays() == null ? 0 : in.demandFenceDays(),
            in.planningFenceDays() == null ? 0 : in.planningFenceDays(),
            strategy,
            steps == null ? null : List.copyOf(steps)));
  }

  private void forecast(String p, ExchangeDocument.Forecast in) {
    v.required(p + ".date", in.date()).required(p + ".quantity", in.quantity());
    boolean valid = quantity(p + ".quantity", in.quantity(), false);
    v.optionalText(p + ".customer", in.customer(), 64)
        .optionalText(p + ".channel", in.channel(), 64)
        .optionalText(p + ".region", in.region(), 64);
    String period =
        oneOf(
            p + ".period",
            in.period(),
            FORECAST_PERIODS,
            "DAY",
            "DAY, WEEK or MONTH / 只能是 DAY、WEEK 或 MONTH");
    Ref plant = plantRef(p + ".plant", in.plant(), PlantRole.PLANNER);
    if (plant == null) {
      return;
    }
    Ref material = materialRef(p + ".material", plant, in.material());
    if (material == null
        || !valid
        || period == null
        || in.date() == null
        || in.quantity() == null) {
      return;
    }
    plan.forecasts.add(
        new ImportPlan.ForecastPlan(
            Ref.created(nextKey--),
            plant,
            material,
            in.material(),
            in.date(),
            in.quantity(),
            trimmed(in.customer()),
            trimmed(in.channel()),
            trimmed(in.region()),
            period));
  }

  private void salesOrder(String p, ExchangeDocument.SalesOrder in) {
    v.code(p + ".orderNo", in.orderNo(), 40)
        .required(p + ".lineNo", in.lineNo())
        .required(p + ".requestedDate", in.requestedDate())
        .required(p + ".quantity", in.quantity())
        .optionalText(p + ".customer", in.customer(), 64);
    boolean valid = quantity(p + ".quantity", in.quantity(), true);
    valid &= range(p + ".lineNo", in.lineNo(), 1, 99999);
    valid &= range(p + ".priority", in.priority(), 0, 9999);
    String status =
        oneOf(
            p + ".status",
            in.status(),
            ORDER_STATUSES,
            "OPEN",
            "OPEN or CLOSED / 只能是 OPEN 或 CLOSED");
    Ref plant = plantRef(p + ".plant", in.plant(), PlantRole.PLANNER);
    if (plant == null) {
      return;
    }
    Ref material = materialRef(p + ".material", plant, in.material());
    if (in.orderNo() == null || in.orderNo().isBlank() || in.lineNo() == null) {
      return;
    }
    String orderNo = in.orderNo().trim();
    if (!newOrderLines.add(plant.key() + "/" + orderNo + "#" + in.lineNo())) {
      v.add(p + ".lineNo", "duplicate", "this order line is listed twice / 订单行重复");
      return;
    }
    if (!plant.isCreated() && db.salesOrderLineExists(plant.id(), orderNo, in.lineNo())) {
      v.add(p + ".lineNo", "duplicate", "this order line exists already / 订单行已存在");
      return;
    }
    if (material == null
        || !valid
        || status == null
        || in.requestedDate() == null
        || in.quantity() == null) {
      return;
    }
    plan.salesOrders.add(
        new ImportPlan.SalesOrderPlan(
            Ref.created(nextKey--),
            plant,
            orderNo,
            in.lineNo(),
            trimmed(in.customer()),
            material,
            in.material(),
            in.requestedDate(),
            in.quantity(),
            in.priority() == null ? 100 : in.priority(),
            Boolean.TRUE.equals(in.makeToOrder()),
            status));
  }

  private void receipt(String p, ExchangeDocument.Receipt in) {
    if (in.kind() == null || in.kind().isBlank()) {
      v.add(p + ".kind", "required", "is required / 必填");
    }
    v.text(p + ".reference", in.reference(), 64)
        .required(p + ".dueDate", in.dueDate())
        .required(p + ".quantity", in.quantity());
    String kind =
        oneOf(
            p + ".kind",
            in.kind(),
            RECEIPT_KINDS,
            null,
            "PURCHASE, PRODUCTION, TRANSFER or REQUISITION / 类型无效");
    boolean valid = quantity(p + ".quantity", in.quantity(), true);
    Ref plant = plantRef(p + ".plant", in.plant(), PlantRole.PLANNER);
    if (plant == null) {
      return;
    }
    Ref material = materialRef(p + ".material", plant, in.material());
    if (material == null
        || !valid
        || kind == null
        || in.reference() == null
        || in.reference().isBlank()
        || in.reference().length() > 64
        || in.dueDate() == null
        || in.quantity() == null) {
      return;
    }
    plan.receipts.add(
        new ImportPlan.ReceiptPlan(
            Ref.created(nextKey--),
            plant,
            kind,
            in.reference().trim(),
            material,
            in.material(),
            in.dueDate(),
            in.quantity()));
  }

  /**
   * An enumerated value (case and surrounding blanks ignored); {@code fallback} when absent, null
   * (with an error) when not allowed.
   */
  private String oneOf(
      String path, String value, List<String> allowed, String fallback, String message) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String u = value.trim().toUpperCase(Locale.ROOT);
    if (!allowed.contains(u)) {
      v.add(path, "invalid_value", message);
      return null;
    }
    return u;
  }

  /** PlanData's quantity rule: 0 (above 0 if {@code positive}) to 10^15; true if fine or absent. */
  private boolean quantity(String path, BigDecimal value, boolean positive) {
    if (value == null) {
      return true;
    }
    if (value.signum() < 0
        || value.compareTo(MAX_QUANTITY) > 0
        || positive && value.signum() == 0) {
      v.add(
          path,
          "invalid_value",
          (positive ? "must be > 0" : "must be >= 0") + " / " + (positive ? "必须大于 0" : "不能为负"));
      return false;
    }
    return true;
  }

  /** PlanData's range rule for days, line numbers and priorities; true if fine or absent. */
  private boolean range(String path, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      v.add(path, "invalid_value", "must be in [" + min + ", " + max + "] / 超出范围");
      return false;
    }
    return true;
  }

  private static BigDecimal zeroIfNull(BigDecimal d) {
    return d == null ? BigDecimal.ZERO : d;
  }

  private static String trimmed(String s) {
    return s == null ? "" : s.trim();
  }

  // ------------------------------------------------------------------ helpers

  private <E extends Enum<E>> E parse(String path, String value, Class<E> type, E fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      v.add(
          path,
          "invalid_value",
          "must be one of "
              + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
              + " / 取值无效");
      return fallback;
    }
  }
}
