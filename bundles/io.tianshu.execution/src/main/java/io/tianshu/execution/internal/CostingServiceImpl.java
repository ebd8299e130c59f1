package io.tianshu.execution.internal;

import io.tianshu.bom.BomOutput;
import io.tianshu.bom.BomOutputKind;
import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.CostingService;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.MaterialPrice;
import io.tianshu.execution.MaterialPriceInput;
import io.tianshu.execution.OverheadRule;
import io.tianshu.execution.OverheadRulesInput;
import io.tianshu.execution.WorkCenterRate;
import io.tianshu.execution.WorkCenterRateInput;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderCost;
import io.tianshu.execution.WorkOrderOperation;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.execution.engine.CostBasis;
import io.tianshu.execution.engine.CostOverheadBase;
import io.tianshu.execution.engine.WorkOrderCosting;
import io.tianshu.execution.engine.WorkOrderCostingResult;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.JtaTransactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Costing in the server: plain JDBC on the costing tables in one JTA transaction per write, with
 * its audit rows. The arithmetic is {@link WorkOrderCosting}'s; {@link CostAssembly} turns the
 * order, its reports and its ledger lines into the engine's input. Listens to closed and
 * force-completed work orders and stores their cost.
 */
@Component(
    service = {CostingService.class, EventHandler.class},
    property = {
      EventConstants.EVENT_TOPIC + "=io/tianshu/execution/WorkOrder/CLOSED",
      EventConstants.EVENT_TOPIC + "=io/tianshu/execution/WorkOrder/COMPLETED"
    })
public class CostingServiceImpl implements CostingService, EventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CostingServiceImpl.class);
  private static final int PRICE_SCALE = 6;
  private static final int CREW_SCALE = 3;

  private final JtaTransactions tx;
  private final ExecutionService execution;
  private final MasterDataService masterData;
  private final BomService boms;

  @Activate
  public CostingServiceImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference Database database,
      @Reference ExecutionService execution,
      @Reference MasterDataService masterData,
      @Reference BomService boms) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
    this.execution = execution;
    this.masterData = masterData;
    this.boms = boms;
  }

  // ---- prices

  @Override
  public MaterialPrice setMaterialPrice(CallerContext caller, MaterialPriceInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.required("materialId", in.materialId());
    money(v, "standardPrice", in.standardPrice(), true, PRICE_SCALE);
    money(v, "movingAveragePrice", in.movingAveragePrice(), false, PRICE_SCALE);
    LocalDate from = in.validFrom() == null ? LocalDate.now() : in.validFrom();
    if (in.validTo() != null && !in.validTo().isAfter(from)) {
      v.add("validTo", "before_start", "must be after validFrom / 失效日期须晚于生效日期");
    }
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.PLANNER, "Plant", in.plantId());
    try {
      masterData.getMaterial(caller, in.materialId());
    } catch (NotFoundException e) {
      throw new ValidationException("materialId", "not_found", "no such material / 物料不存在");
    }
    return tx.write(
        c -> {
          long id =
              CostingStore.upsertPrice(
                  c,
                  in.plantId(),
                  in.materialId(),
                  in.standardPrice(),
                  in.movingAveragePrice(),
                  from,
                  in.validTo(),
                  Instant.now(),
                  caller.username());
          MaterialPrice p = CostingStore.price(c, id);
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("materialId", p.materialId());
          after.put("standardPrice", p.standardPrice());
          after.put("movingAveragePrice", p.movingAveragePrice());
          after.put("validFrom", p.validFrom().toString());
          after.put("validTo", p.validTo() == null ? null : p.validTo().toString());
          AuditTrail.writeJdbc(
              c, caller, "MaterialPrice", id, p.plantId(), AuditTrail.UPDATE, null, after);
          return p;
        });
  }

  @Override
  public List<MaterialPrice> materialPrices(
      CallerContext caller, long plantId, Long materialId, LocalDate date) {
    readable(caller, plantId);
    return tx.read(c -> CostingStore.prices(c, plantId, materialId, date));
  }

  // ---- rates

  @Override
  public WorkCenterRate setWorkCenterRate(CallerContext caller, WorkCenterRateInput in) {
    Validation v = new Validation();
    v.required("workCenterId", in.workCenterId());
    money(v, "labourRatePerHour", in.labourRatePerHour(), true, PRICE_SCALE);
    money(v, "machineRatePerHour", in.machineRatePerHour(), true, PRICE_SCALE);
    BigDecimal crew = in.crewSize() == null ? BigDecimal.ONE : in.crewSize();
    if (crew.signum() <= 0) {
      v.add("crewSize", "not_positive", "must be greater than zero / 必须大于零");
    } else if (crew.scale() > CREW_SCALE) {
      v.add("crewSize", "too_precise", "at most 3 decimals / 最多 3 位小数");
    }
    v.throwIfInvalid();
    Long plant = tx.read(c -> CostingStore.workCenterPlant(c, in.workCenterId())).orElse(null);
    if (plant == null || !caller.canRead(plant)) {
      throw new ValidationException("workCenterId", "not_found", "no such work centre / 工作中心不存在");
    }
    caller.require(plant, PlantRole.PLANNER, "Plant", plant);
    WorkCenterRate r =
        new WorkCenterRate(
            in.workCenterId(),
            plant,
            in.labourRatePerHour(),
            in.machineRatePerHour(),
            crew,
            Instant.now(),
            caller.username());
    tx.write(
        c -> {
          CostingStore.upsertRate(c, r);
          AuditTrail.writeJdbc(
              c,
              caller,
              "WorkCenterRate",
              r.workCenterId(),
              plant,
              AuditTrail.UPDATE,
              null,
              Map.of(
                  "labourRatePerHour",
                  r.labourRatePerHour(),
                  "machineRatePerHour",
                  r.machineRatePerHour(),
                  "crewSize",
                  r.crewSize()));
          return null;
        });
    return workCenterRates(caller, plant).stream()
        .filter(x -> x.workCenterId() == r.workCenterId())
        .findFirst()
        .orElseThrow();
  }

  @Override
  public List<WorkCenterRate> workCenterRates(CallerContext caller, long plantId) {
    readable(caller, plantId);
    return tx.read(c -> CostingStore.rates(c, plantId));
  }

  // ---- overhead rules

  @Override
  public List<OverheadRule> setOverheadRules(CallerContext caller, OverheadRulesInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.required("rules", in.rules());
    List<OverheadRule> rules = new ArrayList<>();
    if (in.rules() != null) {
      Set<String> names = new HashSet<>();
      for (int i = 0; i < in.rules().size(); i++) {
        String f = "rules[" + i + "]";
        OverheadRule r = in.rules().get(i);
        if (r == null) {
          v.add(f, "required", "is required / 必填");
          continue;
        }
        v.text(f + ".name", r.name(), 40);
        if (r.name() != null && !names.add(r.name())) {
          v.add(f + ".name", "duplicate", "appears twice / 名称重复");
        }
        String base = null;
        if (r.base() == null || r.base().isBlank()) {
          v.add(f + ".base", "required", "is required / 必填");
        } else {
          base = r.base().trim().toUpperCase(Locale.ROOT);
          try {
            CostOverheadBase.valueOf(base);
          } catch (IllegalArgumentException e) {
            v.add(
                f + ".base",
                "invalid",
                "LABOUR_HOURS, MACHINE_HOURS, LABOUR_COST, MATERIAL_COST or DIRECT_COST / 分摊基础无效");
          }
        }
        money(v, f + ".rate", r.rate(), true, PRICE_SCALE);
        money(v, f + ".standardRate", r.standardRate(), false, PRICE_SCALE);
        rules.add(
            new OverheadRule(
                r.name(), base, r.rate(), r.standardRate() == null ? r.rate() : r.standardRate()));
      }
    }
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.PLANNER, "Plant", in.plantId());
    tx.write(
        c -> {
          CostingStore.replaceRules(c, in.plantId(), rules, Instant.now(), caller.username());
          List<Map<String, Object>> after = new ArrayList<>();
          for (OverheadRule r : rules) {
            after.add(
                Map.of(
                    "name",
                    r.name(),
                    "base",
                    r.base(),
                    "rate",
                    r.rate(),
                    "standardRate",
                    r.standardRate()));
          }
          AuditTrail.writeJdbc(
              c,
              caller,
              "OverheadRule",
              in.plantId(),
              in.plantId(),
              AuditTrail.UPDATE,
              null,
              Map.of("rules", after));
          return null;
        });
    return overheadRules(caller, in.plantId());
  }

  @Override
  public List<OverheadRule> overheadRules(CallerContext caller, long plantId) {
    readable(caller, plantId);
    return tx.read(c -> CostingStore.rules(c, plantId));
  }

  // ---- work order cost

  @Override
  public WorkOrderCost compute(CallerContext caller, long workOrderId) {
    WorkOrder w = execution.get(caller, workOrderId);
    return tx.read(c -> compute(c, caller, w));
  }

  @Override
  public WorkOrderCost computeAndStore(CallerContext caller, long workOrderId) {
    WorkOrder w = execution.get(caller, workOrderId);
    caller.require(w.plantId(), PlantRole.PLANNER, "WorkOrder", workOrderId);
    WorkOrderCost cost =
        tx.write(
            c -> {
              // No lock on the order (that would raise its version under its users): two computes
              // at once clash on the cost's key and one of them is refused.
              WorkOrder locked =
                  WorkOrderStore.find(c, workOrderId, true)
                      .orElseThrow(() -> new NotFoundException("WorkOrder", workOrderId));
              Optional<WorkOrderCost> before = CostingStore.cost(c, workOrderId, locked.code());
              if (before.isPresent() && before.get().orderStatus() == WorkOrderStatus.CLOSED) {
                throw new ConflictException(
                    "the order is closed and its cost is final / 工单已关闭, 成本已定");
              }
              WorkOrderCost k = compute(c, caller, locked);
              CostingStore.deleteCost(c, workOrderId);
              CostingStore.insertCost(c, k);
              Map<String, Object> after = new LinkedHashMap<>();
              after.put("actualTotal", k.actualTotal());
              after.put("standardTotal", k.standardTotal());
              after.put("totalVariance", k.totalVariance());
              after.put("orderStatus", k.orderStatus().name());
              AuditTrail.writeJdbc(
                  c, caller, "WorkOrderCost", workOrderId, w.plantId(), "COMPUTE", null, after);
              return k;
            });
    return stored(caller, workOrderId).orElse(cost);
  }

  @Override
  public Optional<WorkOrderCost> stored(CallerContext caller, long workOrderId) {
    WorkOrder w = execution.get(caller, workOrderId);
    return tx.read(c -> CostingStore.cost(c, workOrderId, w.code()));
  }

  private WorkOrderCost compute(Connection c, CallerContext caller, WorkOrder w)
      throws SQLException {
    if (w.status() == WorkOrderStatus.PLANNED || w.status() == WorkOrderStatus.CANCELLED) {
      throw new ConflictException(
          "The order is " + w.status() + "; only released orders have costs / 工单未下达, 无成本");
    }
    LocalDate priceDate =
        w.completedAt() == null
            ? LocalDate.now(ZoneOffset.UTC)
            : LocalDate.ofInstant(w.completedAt(), ZoneOffset.UTC);
    List<Integer> seqs = w.operations().stream().map(WorkOrderOperation::seq).toList();
    List<CostAssembly.Output> outputs = new ArrayList<>();
    for (BomOutput o :
        boms.outputs(caller, w.plantId(), BomView.MANUFACTURING, priceDate)
            .getOrDefault(w.materialId(), List.of())) {
      outputs.add(
          new CostAssembly.Output(
              o.materialId(),
              o.quantityPer(),
              o.kind() == BomOutputKind.CO_PRODUCT,
              o.costSharePercent() == null ? BigDecimal.ZERO : o.costSharePercent()));
    }
    Map<Long, CostAssembly.Rate> rates = new HashMap<>();
    for (WorkCenterRate r : CostingStore.rates(c, w.plantId())) {
      rates.put(
          r.workCenterId(),
          new CostAssembly.Rate(r.labourRatePerHour(), r.machineRatePerHour(), r.crewSize()));
    }
    CostAssembly.Assembled a;
    WorkOrderCostingResult r;
    try {
      a =
          CostAssembly.assemble(
              w,
              CostingStore.reportTimes(c, w.id()),
              CostingStore.ledger(c, w.plantId(), w.code(), seqs),
              CostingStore.pricesOn(c, w.plantId(), priceDate),
              rates,
              CostingStore.rules(c, w.plantId()),
              outputs);
      a = CostAssembly.withSubcontractFees(a, CostingStore.subcontractFees(c, w.id()));
      r = WorkOrderCosting.cost(a.input());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new ConflictException(e.getMessage());
    }
    return new WorkOrderCost(
        w.id(),
        w.code(),
        w.plantId(),
        w.status(),
        priceDate,
        w.completedQuantity(),
        a.timeSource(),
        a.labourMinutes(),
        a.machineMinutes(),
        a.standardLabourMinutes(),
        a.standardMachineMinutes(),
        r.actual(),
        r.standard(),
        r.actual().total(),
        r.standard().total(),
        r.totalVariance(),
        r.materialByBasis().get(CostBasis.STANDARD),
        r.materialByBasis().get(CostBasis.MOVING_AVERAGE),
        r.variances(),
        a.byProducts(),
        r.byProductCredit(),
        r.jointCost(),
        r.allocations(),
        a.notes(),
        false,
        Instant.now(),
        caller.username());
  }

  /** Stores the cost of a closed or force-completed order (as the system, after the commit). */
  @Override
  public void handleEvent(Event event) {
    Object id = event.getProperty("entityId");
    try {
      long orderId = Long.parseLong(String.valueOf(id));
      computeAndStore(CallerContext.system(), orderId);
    } catch (RuntimeException e) {
      LOG.warn("Cost of work order {} not stored: {}", id, e.getMessage());
    }
  }

  // ---- helpers

  private static void readable(CallerContext caller, long plantId) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
  }

  private static void money(
      Validation v, String field, BigDecimal value, boolean required, int scale) {
    if (value == null) {
      if (required) {
        v.add(field, "required", "is required / 必填");
      }
      return;
    }
    if (value.signum() < 0) {
      v.add(field, "negative", "must not be negative / 不能为负");
    } else if (value.scale() > scale) {
      v.add(field, "too_precise", "at most " + scale + " decimals / 最多 " + scale + " 位小数");
    }
  }
}
