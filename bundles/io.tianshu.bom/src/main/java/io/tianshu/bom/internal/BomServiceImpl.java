package io.tianshu.bom.internal;

import io.tianshu.bom.Bom;
import io.tianshu.bom.BomEngine;
import io.tianshu.bom.BomInput;
import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomLineInput;
import io.tianshu.bom.BomOutput;
import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.bom.ExplosionRow;
import io.tianshu.bom.Requirement;
import io.tianshu.bom.Substitutions;
import io.tianshu.bom.WhereUsed;
import io.tianshu.bom.internal.store.JdbcBomSets;
import io.tianshu.bom.internal.store.JpaBomStore;
import io.tianshu.bom.internal.store.JpaSubstitutionStore;
import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Quantity;
import io.tianshu.core.TianshuException;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.org.OrgService;
import io.tianshu.org.PlantDependents;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.Transactions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.persistence.EntityManager;
import javax.sql.DataSource;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * OSGi adapter around {@link BomLogic} and {@link BomEngine}. Compiled engines are cached per view
 * and plant and dropped on any BOM change, so that explosions and where-used run on arrays in
 * memory rather than on the database.
 */
@Component(
    service = {BomService.class, PlantDependents.class, EventHandler.class},
    property = EventConstants.EVENT_TOPIC + "=io/tianshu/exchange/Import/COMPLETED")
public class BomServiceImpl implements BomService, PlantDependents, EventHandler {
  private final JpaTemplate jpa;
  private final JdbcBomSets bomSets;
  private final MasterDataService masterData;
  private final OrgService org;
  private final Map<String, BomEngine> engines = new ConcurrentHashMap<>();
  // Bumped after every committed change; engines are cached under the revision they were built at,
  // so an engine loaded while a change was committing is never served after it.
  private final AtomicLong revision = new AtomicLong();

  @Activate
  public BomServiceImpl(
      @Reference(target = "(osgi.unit.name=tianshu-bom)") JpaTemplate jpa,
      @Reference Database database,
      @Reference MasterDataService masterData,
      @Reference OrgService org,
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource) {
    this.jpa = jpa;
    this.bomSets = new JdbcBomSets(dataSource);
    this.masterData = masterData;
    this.org = org;
  }

  @Override
  public Bom create(CallerContext caller, BomInput input) {
    Materials materials = lookUp(caller, input, input.allocatedPlantIds());
    try {
      return Transactions.write(jpa, em -> logic(em, materials).create(caller, input));
    } finally {
      changed();
    }
  }

  @Override
  public Bom endVersion(CallerContext caller, long id, LocalDate validTo, long version) {
    try {
      return Transactions.write(
          jpa, em -> logic(em, null).endVersion(caller, id, validTo, version));
    } finally {
      changed();
    }
  }

  @Override
  public Bom allocate(CallerContext caller, long id, List<Long> plantIds, Long version) {
    Materials plants =
        lookUp(caller, new BomInput(null, null, null, null, null, null, null), plantIds);
    try {
      return Transactions.write(
          jpa, em -> logic(em, plants).allocate(caller, id, plantIds, version));
    } finally {
      changed();
    }
  }

  @Override
  public Bom get(CallerContext caller, long id) {
    return Transactions.read(jpa, em -> logic(em, null).get(caller, id));
  }

  @Override
  public Page<Bom> list(
      CallerContext caller, Long parentMaterialId, Long plantId, BomView view, PageRequest page) {
    return Transactions.read(
        jpa, em -> logic(em, null).list(caller, parentMaterialId, plantId, view, page));
  }

  @Override
  public void delete(CallerContext caller, long id, long version) {
    try {
      Transactions.write(
          jpa,
          em -> {
            logic(em, null).delete(caller, id, version);
            return null;
          });
    } finally {
      changed();
    }
  }

  /** A bulk import wrote BOMs past this service: the compiled engines are stale. */
  @Override
  public void handleEvent(Event event) {
    changed();
  }

  private void changed() {
    revision.incrementAndGet();
    engines.clear();
  }

  @Override
  public List<Requirement> summarised(
      CallerContext caller,
      long materialId,
      Long plantId,
      BomView view,
      LocalDate date,
      String serial,
      double quantity) {
    Long plant = plantFor(caller, materialId, plantId);
    BomEngine engine = engineFor(plant, view);
    Map<Long, Double> summarised = engine.summarised(materialId, quantity, date, serial);
    // Substitutions are resolved after the explosion: the engine stays free of them.
    Substitutions substitutions =
        Transactions.read(
            jpa, em -> SubstitutionServiceImpl.compile(new JpaSubstitutionStore(em), plant));
    Set<Long> reached = engine.reached(materialId, date, serial);
    List<Requirement> result = new ArrayList<>();
    summarised.forEach(
        (id, q) ->
            result.add(
                new Requirement(
                    id,
                    q,
                    engine.lowLevelCode(id),
                    Alternatives.groupIds(engine, substitutions, reached, id, date, serial))));
    return result;
  }

  @Override
  public List<ExplosionRow> indented(
      CallerContext caller,
      long materialId,
      Long plantId,
      BomView view,
      LocalDate date,
      String serial,
      double quantity,
      int maxRows) {
    return engineFor(plantFor(caller, materialId, plantId), view)
        .indented(materialId, quantity, date, serial, maxRows);
  }

  @Override
  public List<WhereUsed> whereUsed(
      CallerContext caller,
      long materialId,
      Long plantId,
      BomView view,
      LocalDate date,
      String serial,
      boolean multiLevel) {
    Long plant = plantFor(caller, materialId, plantId);
    if (plantId != null || plant != null) {
      return engineFor(plant, view).whereUsed(materialId, date, serial, multiLevel);
    }
    // A group-owned component without a plant: where it is used in the group's BOMs and in every
    // plant's BOM set the caller may read, each parent at its shortest distance.
    Map<Long, Integer> levels = new java.util.TreeMap<>();
    List<Long> sets = new ArrayList<>();
    sets.add(null);
    for (Long p : plantsWithBoms(view)) {
      if (caller.canRead(p)) {
        sets.add(p);
      }
    }
    for (Long set : sets) {
      for (WhereUsed w : engineFor(set, view).whereUsed(materialId, date, serial, multiLevel)) {
        levels.merge(w.parentId(), w.level(), Math::min);
      }
    }
    List<WhereUsed> result = new ArrayList<>();
    levels.forEach((parent, level) -> result.add(new WhereUsed(parent, level)));
    result.sort(
        java.util.Comparator.comparingInt(WhereUsed::level).thenComparingLong(WhereUsed::parentId));
    return result;
  }

  /** Plants whose BOM set differs from the group's: owners of plant BOMs and allocation targets. */
  private List<Long> plantsWithBoms(BomView view) {
    return Transactions.read(
        jpa,
        em -> {
          java.util.Set<Long> plants =
              new java.util.TreeSet<>(
                  em.createQuery(
                          "SELECT DISTINCT b.owner FROM BomVersionEntity b WHERE b.view = :v"
                              + " AND b.owner <> 0",
                          Long.class)
                      .setParameter("v", view.name())
                      .getResultList());
          plants.addAll(
              em.createQuery("SELECT DISTINCT a.plantId FROM BomAllocationEntity a", Long.class)
                  .getResultList());
          return new ArrayList<>(plants);
        });
  }

  @Override
  public String describe(long plantId) {
    long n = Transactions.read(jpa, em -> new JpaBomStore(em, bomSets).countOwnedBy(plantId));
    return n == 0 ? null : n + " BOM versions";
  }

  /** The plant whose BOM set the question is about: the plant asked for, or the material's. */
  @Override
  public Map<Long, List<BomLine>> structure(
      CallerContext caller, long plantId, BomView view, LocalDate date) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return engineFor(plantId, view).structureAt(date);
  }

  @Override
  public Map<Long, List<BomOutput>> outputs(
      CallerContext caller, long plantId, BomView view, LocalDate date) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return bomSets.outputsAt(view, plantId, date);
  }

  private Long plantFor(CallerContext caller, long materialId, Long plantId) {
    Material material = masterData.getMaterial(caller, materialId);
    Long plant = plantId != null ? plantId : material.plantId();
    if (plant != null && !caller.canRead(plant)) {
      throw new NotFoundException("Plant", plant);
    }
    return plant;
  }

  private BomEngine engineFor(Long plant, BomView view) {
    return engines.computeIfAbsent(
        view + "/" + plant + "@" + revision.get(), k -> BomEngine.build(bomSets.load(view, plant)));
  }

  /**
   * Materials, unit conversions and plants asked of master data and the org service before the
   * transaction.
   */
  private Materials lookUp(CallerContext caller, BomInput in, List<Long> plantIds) {
    Map<Long, MaterialRef> refs = new HashMap<>();
    Map<String, BigDecimal> converted = new HashMap<>();
    find(caller, in.parentMaterialId(), refs);
    Map<Long, Boolean> plants = new HashMap<>();
    if (plantIds != null) {
      plantIds.stream()
          .filter(p -> p != null)
          .forEach(p -> plants.computeIfAbsent(p, this::plantExists));
    }
    if (in.outputs() != null) {
      in.outputs().stream().filter(o -> o != null).forEach(o -> find(caller, o.materialId(), refs));
    }
    if (in.lines() != null) {
      for (BomLineInput l : in.lines()) {
        if (l == null) {
          continue;
        }
        MaterialRef c = find(caller, l.componentMaterialId(), refs);
        if (c != null
            && l.unit() != null
            && !l.unit().equals(c.baseUnit())
            && l.quantityPer() != null) {
          try {
            converted.put(
                key(c.id(), l.quantityPer(), l.unit()),
                masterData
                    .convert(caller, new Quantity(l.quantityPer(), l.unit()), c.baseUnit(), c.id())
                    .value());
          } catch (TianshuException e) {
            // no conversion: BomLogic reports the line's unit
          }
        }
      }
    }
    return new Materials() {
      @Override
      public boolean plantExists(long plantId) {
        return plants.getOrDefault(plantId, false);
      }

      @Override
      public Optional<MaterialRef> find(long id) {
        return Optional.ofNullable(refs.get(id));
      }

      @Override
      public Optional<BigDecimal> toBase(long materialId, BigDecimal quantity, String unit) {
        return Optional.ofNullable(converted.get(key(materialId, quantity, unit)));
      }
    };
  }

  /** The org service answers an unknown plant with "not found"; here it is a bad field. */
  private boolean plantExists(long plantId) {
    try {
      return org.plantExists(plantId);
    } catch (NotFoundException e) {
      return false;
    }
  }

  private MaterialRef find(CallerContext caller, Long id, Map<Long, MaterialRef> refs) {
    if (id == null) {
      return null;
    }
    if (!refs.containsKey(id)) {
      try {
        Material m = masterData.getMaterial(caller, id);
        refs.put(id, new MaterialRef(m.id(), m.plantId(), m.baseUnit()));
      } catch (NotFoundException e) {
        refs.put(id, null);
      }
    }
    return refs.get(id);
  }

  private static String key(long id, BigDecimal q, String unit) {
    return id + "/" + q.toPlainString() + "/" + unit;
  }

  private BomLogic logic(EntityManager em, Materials materials) {
    return new BomLogic(new JpaBomStore(em, bomSets), materials);
  }
}
