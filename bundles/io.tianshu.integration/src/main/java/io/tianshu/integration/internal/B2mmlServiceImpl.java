package io.tianshu.integration.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.OperationReport;
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
import java.time.Duration;
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
  /** The longest period of a performance export. */
  static final Duration MAX_PERIOD = Duration.ofDays(31);

  /** The most reports one performance export writes. */
  static final int MAX_REPORTS = 50_000;

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

  /**
   * The period {@code [from, to)} with its defaults (no {@code to}: a day after {@code from}, or
   * {@code now}; no {@code from}: a day before {@code to}); refused when not positive or longer
   * than {@link #MAX_PERIOD}.
   */
  static Instant[] period(Instant from, Instant to, Instant now) {
    Instant end = to != null ? to : from != null ? from.plus(Duration.ofDays(1)) : now;
    Instant start = from != null ? from : end.minus(Duration.ofDays(1));
    Validation v = new Validation();
    if (!end.isAfter(start)) {
      v.add("to", "before_from", "must be after from / 结束时间须晚于开始时间");
    } else if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
      v.add(
          "to",
          "period_too_long",
          "the period must be at most "
              + MAX_PERIOD.toDays()
              + " days / 时段最长 "
              + MAX_PERIOD.toDays()
              + " 天");
    }
    v.throwIfInvalid();
    return new Instant[] {start, end};
  }

  /**
   * Lists the plant's work orders page by page (there is no query of reports by period across
   * orders) and, for each that can have reports in the period (released before its end, not
   * completed before its start, reports being taken only while RELEASED or STARTED), its reports
   * page by page, keeping those reported in the period: one list call per 500 orders and one
   * reports call (with its order read) per 500 reports of each candidate order.
   */
  @Override
  public String productionPerformance(
      CallerContext caller, long plantId, Instant from, Instant to) {
    Instant now = Instant.now();
    Instant[] period = period(from, to, now);
    Instant start = period[0];
    Instant end = period[1];
    OrgUnit plant = plant(caller, plantId);
    List<WorkOrder> orders = new ArrayList<>();
    List<OperationReport> reports = new ArrayList<>();
    List<WorkOrder> all =
        all(
            offset ->
                execution.list(
                    caller,
                    plantId,
                    null,
                    null,
                    new PageRequest(offset, PageRequest.MAX_LIMIT, "code", true)));
    for (WorkOrder w : all) {
      if (w.status() == WorkOrderStatus.PLANNED
          || (w.releasedAt() != null && !w.releasedAt().isBefore(end))
          || (w.completedAt() != null && w.completedAt().isBefore(start))) {
        continue;
      }
      boolean any = false;
      for (OperationReport r :
          all(
              offset ->
                  execution.reports(
                      caller,
                      w.id(),
                      new PageRequest(offset, PageRequest.MAX_LIMIT, "id", true)))) {
        Instant at = r.reportedAt();
        if (at != null && !at.isBefore(start) && at.isBefore(end)) {
          reports.add(r);
          any = true;
        }
      }
      if (any) {
        orders.add(w);
      }
      if (reports.size() > MAX_REPORTS) {
        throw new ValidationException(
            "from",
            "too_many_reports",
            "the period holds more than "
                + MAX_REPORTS
                + " reports; choose a shorter one / 时段内报工超过 "
                + MAX_REPORTS
                + " 条，请缩短时段");
      }
    }
    return B2mmlWriter.productionPerformance(
        plant.code() + "-" + now.getEpochSecond(), plant.code(), orders, reports, start, end, now);
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
