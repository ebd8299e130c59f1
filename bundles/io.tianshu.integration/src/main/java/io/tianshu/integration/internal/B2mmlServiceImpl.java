package io.tianshu.integration.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.integration.b2mml.B2mmlService;
import io.tianshu.integration.b2mml.B2mmlWriter;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitType;
import io.tianshu.resource.PlantResource;
import io.tianshu.resource.ResourceService;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The B2MML exports, read through the domain services as the caller (plant-scoped). */
@Component(service = B2mmlService.class)
public final class B2mmlServiceImpl implements B2mmlService {
  private final MasterDataService masterData;
  private final ExecutionService execution;
  private final OrgService org;
  private final ResourceService resources;

  @Activate
  public B2mmlServiceImpl(
      @Reference MasterDataService masterData,
      @Reference ExecutionService execution,
      @Reference OrgService org,
      @Reference ResourceService resources) {
    this.masterData = masterData;
    this.execution = execution;
    this.org = org;
    this.resources = resources;
  }

  private OrgUnit plant(CallerContext caller, long plantId) {
    OrgUnit plant = org.get(caller, plantId);
    if (plant.type() != OrgUnitType.PLANT) {
      throw new NotFoundException("Plant", plantId);
    }
    return plant;
  }

  private static <T> List<T> all(IntFunction<Page<T>> page) {
    List<T> out = new ArrayList<>();
    for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
      List<T> items = page.apply(offset).items();
      out.addAll(items);
      if (items.size() < PageRequest.MAX_LIMIT) {
        return out;
      }
    }
  }

  @Override
  public String materials(CallerContext caller, long plantId) {
    OrgUnit plant = plant(caller, plantId);
    List<Material> materials =
        all(
            offset ->
                masterData.listMaterials(
                    caller,
                    new MaterialFilter(plantId, null, null, null),
                    new PageRequest(offset, PageRequest.MAX_LIMIT, "code", true)));
    Map<Long, String> codes = new HashMap<>();
    codes.put(plant.id(), plant.code());
    return B2mmlWriter.materials(materials, codes, "Tianshu", Instant.now());
  }

  @Override
  public String productionSchedule(CallerContext caller, long plantId) {
    OrgUnit plant = plant(caller, plantId);
    Map<Long, String> workCenters = new HashMap<>();
    for (OrgUnit u : org.listUnits(caller, plantId)) {
      workCenters.put(u.id(), u.code());
    }
    List<WorkOrder> orders = new ArrayList<>();
    for (WorkOrderStatus status :
        List.of(WorkOrderStatus.PLANNED, WorkOrderStatus.RELEASED, WorkOrderStatus.STARTED)) {
      for (WorkOrder w :
          all(
              offset ->
                  execution.list(
                      caller,
                      plantId,
                      status,
                      null,
                      new PageRequest(offset, PageRequest.MAX_LIMIT, "code", true)))) {
        // the list carries no routing; released orders have their own operations
        orders.add(status == WorkOrderStatus.PLANNED ? w : execution.get(caller, w.id()));
      }
    }
    Instant now = Instant.now();
    return B2mmlWriter.productionSchedule(
        plant.code() + "-" + now.getEpochSecond(),
        plant.code(),
        orders,
        workCenters,
        ZoneId.systemDefault(),
        now);
  }

  @Override
  public String equipment(CallerContext caller, long plantId) {
    OrgUnit plant = plant(caller, plantId);
    List<PlantResource> res =
        all(
            offset ->
                resources.listResources(
                    caller,
                    plantId,
                    null,
                    null,
                    new PageRequest(offset, PageRequest.MAX_LIMIT, "code", true)));
    return B2mmlWriter.equipment(plant, org.listUnits(caller, plantId), res, Instant.now());
  }
}
