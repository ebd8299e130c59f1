package io.tianshu.org.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.DomainEvent;
import io.tianshu.core.EventPublisher;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitInput;
import io.tianshu.org.OrgUnitType;
import io.tianshu.org.PlantDependents;
import io.tianshu.org.internal.store.JpaOrgStore;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** OSGi adapter: one transaction per call around {@link OrgLogic}, events after commit. */
@Component(service = OrgService.class)
public class OrgServiceImpl implements OrgService {
  private final JpaTemplate jpa;
  private final EventPublisher events;
  private final List<PlantDependents> dependents = new CopyOnWriteArrayList<>();

  @Activate
  public OrgServiceImpl(
      @Reference(target = "(osgi.unit.name=tianshu-org)") JpaTemplate jpa,
      @Reference Database database,
      @Reference EventPublisher events) {
    this.jpa = jpa;
    this.events = events;
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addDependents(PlantDependents d) {
    dependents.add(d);
  }

  void removeDependents(PlantDependents d) {
    dependents.remove(d);
  }

  @Override
  public Page<OrgUnit> listPlants(CallerContext caller, String q, PageRequest page) {
    return read(logic -> logic.listPlants(caller, q, page));
  }

  @Override
  public OrgUnit get(CallerContext caller, long id) {
    return read(logic -> logic.get(caller, id));
  }

  @Override
  public OrgUnit getPlantByCode(CallerContext caller, String code) {
    return read(logic -> logic.getPlantByCode(caller, code));
  }

  @Override
  public List<OrgUnit> listUnits(CallerContext caller, long plantId) {
    return read(logic -> logic.listUnits(caller, plantId));
  }

  @Override
  public OrgUnit create(CallerContext caller, OrgUnitInput input) {
    OrgUnit u = write(logic -> logic.create(caller, input));
    publish(caller, u, "CREATED");
    return u;
  }

  @Override
  public OrgUnit update(CallerContext caller, long id, OrgUnitInput input) {
    OrgUnit u = write(logic -> logic.update(caller, id, input));
    publish(caller, u, "UPDATED");
    return u;
  }

  @Override
  public void delete(CallerContext caller, long id, long version) {
    OrgUnit old = read(logic -> logic.get(caller, id));
    write(
        logic -> {
          logic.delete(caller, id, version);
          return null;
        });
    publish(caller, old, "DELETED");
  }

  @Override
  public boolean plantExists(long plantId) {
    return read(
        logic -> logic.get(CallerContext.system(), plantId).type().equals(OrgUnitType.PLANT));
  }

  private void publish(CallerContext caller, OrgUnit u, String action) {
    events.publish(
        new DomainEvent(
            "org",
            "OrgUnit",
            action,
            String.valueOf(u.id()),
            u.plantId(),
            caller.username(),
            Instant.now(),
            Map.of("code", u.code(), "type", u.type().name())));
  }

  private <R> R read(Function<OrgLogic, R> work) {
    return Transactions.read(jpa, em -> work.apply(logic(em)));
  }

  private <R> R write(Function<OrgLogic, R> work) {
    return Transactions.write(jpa, em -> work.apply(logic(em)));
  }

  private OrgLogic logic(EntityManager em) {
    return new OrgLogic(new JpaOrgStore(em), Clock.systemUTC(), List.copyOf(dependents));
  }
}
