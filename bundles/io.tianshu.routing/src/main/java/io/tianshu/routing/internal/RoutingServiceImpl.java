package io.tianshu.routing.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.ValidationException;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.PlantDependents;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.Transactions;
import io.tianshu.routing.AlternativeWorkCenter;
import io.tianshu.routing.Routing;
import io.tianshu.routing.RoutingInput;
import io.tianshu.routing.RoutingOperationInput;
import io.tianshu.routing.RoutingSchedule;
import io.tianshu.routing.RoutingService;
import io.tianshu.routing.internal.store.JpaRoutingStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** OSGi adapter around {@link RoutingLogic}. */
@Component(service = {RoutingService.class, PlantDependents.class})
public class RoutingServiceImpl implements RoutingService, PlantDependents {
  private final JpaTemplate jpa;
  private final OrgService orgs;
  private final MasterDataService masterData;

  @Activate
  public RoutingServiceImpl(
      @Reference(target = "(osgi.unit.name=tianshu-routing)") JpaTemplate jpa,
      @Reference Database database,
      @Reference OrgService orgs,
      @Reference MasterDataService masterData) {
    this.jpa = jpa;
    this.orgs = orgs;
    this.masterData = masterData;
  }

  @Override
  public Routing create(CallerContext caller, RoutingInput input) {
    Facts facts = facts(caller, input);
    return Transactions.write(jpa, em -> logic(em, facts).create(caller, input));
  }

  @Override
  public Routing get(CallerContext caller, long id) {
    return Transactions.read(jpa, em -> logic(em, null).get(caller, id));
  }

  @Override
  public Page<Routing> list(CallerContext caller, Long plantId, Long materialId, PageRequest page) {
    return Transactions.read(jpa, em -> logic(em, null).list(caller, plantId, materialId, page));
  }

  @Override
  public void delete(CallerContext caller, long id, long version) {
    Transactions.write(
        jpa,
        em -> {
          logic(em, null).delete(caller, id, version);
          return null;
        });
  }

  @Override
  public Routing endVersion(CallerContext caller, long id, LocalDate validTo, long version) {
    return Transactions.write(jpa, em -> logic(em, null).endVersion(caller, id, validTo, version));
  }

  @Override
  public Routing effective(CallerContext caller, long materialId, long plantId, LocalDate date) {
    return Transactions.read(
        jpa, em -> logic(em, null).effective(caller, materialId, plantId, date));
  }

  @Override
  public RoutingSchedule schedule(CallerContext caller, long id, double quantity) {
    if (!(quantity >= 0) || Double.isInfinite(quantity)) {
      throw new ValidationException("quantity", "negative", "must not be negative / 不能为负");
    }
    return RoutingLogic.schedule(get(caller, id), quantity);
  }

  @Override
  public String describe(long plantId) {
    long n = Transactions.read(jpa, em -> new JpaRoutingStore(em).countOwnedBy(plantId));
    return n == 0 ? null : n + " routing versions";
  }

  /** Units and the material the input names, asked of org and master data first. */
  private Facts facts(CallerContext caller, RoutingInput in) {
    Map<Long, OrgUnit> units = new HashMap<>();
    Map<Long, Optional<Long>> owners = new HashMap<>();
    unit(in.plantId(), units);
    if (in.operations() != null) {
      for (RoutingOperationInput op : in.operations()) {
        if (op == null) {
          continue;
        }
        unit(op.workCenterId(), units);
        if (op.alternatives() != null) {
          for (AlternativeWorkCenter a : op.alternatives()) {
            if (a != null) {
              unit(a.workCenterId(), units);
            }
          }
        }
      }
    }
    if (in.materialId() != null) {
      try {
        Material m = masterData.getMaterial(caller, in.materialId());
        owners.put(m.id(), Optional.ofNullable(m.plantId()));
      } catch (NotFoundException e) {
        // absent: the logic reports it
      }
    }
    return new Facts(units, owners);
  }

  private void unit(Long id, Map<Long, OrgUnit> units) {
    if (id != null && !units.containsKey(id)) {
      try {
        units.put(id, orgs.get(CallerContext.system(), id));
      } catch (NotFoundException e) {
        // absent: the logic reports it
      }
    }
  }

  private static RoutingLogic logic(EntityManager em, Facts facts) {
    return new RoutingLogic(new JpaRoutingStore(em), facts);
  }
}
