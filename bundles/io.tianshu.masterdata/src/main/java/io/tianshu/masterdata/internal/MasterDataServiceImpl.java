package io.tianshu.masterdata.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.DomainEvent;
import io.tianshu.core.EventPublisher;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Quantity;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.masterdata.MaterialGroup;
import io.tianshu.masterdata.MaterialInput;
import io.tianshu.masterdata.UnitConversion;
import io.tianshu.masterdata.UnitOfMeasure;
import io.tianshu.masterdata.internal.store.JpaMasterDataStore;
import io.tianshu.org.OrgService;
import io.tianshu.org.PlantDependents;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongPredicate;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * OSGi adapter: one transaction per call around {@link MasterDataLogic}, events after commit. Also
 * tells org which plants still own master data.
 */
@Component(service = {MasterDataService.class, PlantDependents.class})
public class MasterDataServiceImpl implements MasterDataService, PlantDependents {
  private final JpaTemplate jpa;
  private final OrgService org;
  private final EventPublisher events;

  @Activate
  public MasterDataServiceImpl(
      @Reference(target = "(osgi.unit.name=tianshu-masterdata)") JpaTemplate jpa,
      @Reference Database database,
      @Reference OrgService org,
      @Reference EventPublisher events) {
    this.jpa = jpa;
    this.org = org;
    this.events = events;
  }

  @Override
  public Page<Material> listMaterials(CallerContext caller, MaterialFilter f, PageRequest page) {
    return read(l -> l.listMaterials(caller, f, page));
  }

  @Override
  public Material getMaterial(CallerContext caller, long id) {
    return read(l -> l.getMaterial(caller, id));
  }

  @Override
  public Material createMaterial(CallerContext caller, MaterialInput input) {
    Material m = write(l -> l.createMaterial(caller, input), input.plantId());
    publish(caller, m, "CREATED");
    return m;
  }

  @Override
  public Material updateMaterial(CallerContext caller, long id, MaterialInput input) {
    Material m = write(l -> l.updateMaterial(caller, id, input));
    publish(caller, m, "UPDATED");
    return m;
  }

  @Override
  public void deleteMaterial(CallerContext caller, long id, long version) {
    Material old = read(l -> l.getMaterial(caller, id));
    write(
        l -> {
          l.deleteMaterial(caller, id, version);
          return null;
        });
    publish(caller, old, "DELETED");
  }

  @Override
  public List<UnitOfMeasure> listUnits() {
    return read(l -> l.listUnits());
  }

  @Override
  public UnitOfMeasure createUnit(CallerContext caller, UnitOfMeasure unit) {
    return write(l -> l.createUnit(caller, unit));
  }

  @Override
  public List<UnitConversion> listConversions(CallerContext caller, Long materialId) {
    return read(l -> l.listConversions(caller, materialId));
  }

  @Override
  public UnitConversion createConversion(
      CallerContext caller, String fromUnit, String toUnit, BigDecimal factor, Long materialId) {
    return write(l -> l.createConversion(caller, fromUnit, toUnit, factor, materialId));
  }

  @Override
  public Quantity convert(CallerContext caller, Quantity quantity, String toUnit, Long materialId) {
    return read(l -> l.convert(caller, quantity, toUnit, materialId));
  }

  @Override
  public List<MaterialGroup> listGroups(CallerContext caller) {
    return read(l -> l.listGroups(caller));
  }

  @Override
  public MaterialGroup createGroup(CallerContext caller, MaterialGroup group) {
    return write(l -> l.createGroup(caller, group), group.plantId());
  }

  @Override
  public String describe(long plantId) {
    return read(l -> l.describeUse(plantId));
  }

  private void publish(CallerContext caller, Material m, String action) {
    events.publish(
        new DomainEvent(
            "masterdata",
            "Material",
            action,
            String.valueOf(m.id()),
            m.plantId(),
            caller.username(),
            Instant.now(),
            Map.of("code", m.code())));
  }

  private <R> R read(Function<MasterDataLogic, R> work) {
    return Transactions.read(jpa, em -> work.apply(logic(em, id -> false)));
  }

  private <R> R write(Function<MasterDataLogic, R> work) {
    return Transactions.write(jpa, em -> work.apply(logic(em, id -> false)));
  }

  /**
   * A write that may need to know whether a plant exists: asked of org before the transaction, so
   * that the transaction touches one persistence unit only.
   */
  private <R> R write(Function<MasterDataLogic, R> work, Long plantId) {
    boolean exists = plantId != null && plantExists(plantId);
    return Transactions.write(jpa, em -> work.apply(logic(em, id -> exists && plantId == id)));
  }

  private static MasterDataLogic logic(EntityManager em, LongPredicate plantExists) {
    return new MasterDataLogic(new JpaMasterDataStore(em), Clock.systemUTC(), plantExists);
  }

  private boolean plantExists(long plantId) {
    try {
      return org.plantExists(plantId);
    } catch (io.tianshu.core.NotFoundException e) {
      return false;
    }
  }
}
