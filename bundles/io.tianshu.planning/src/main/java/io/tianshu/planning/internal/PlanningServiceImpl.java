package io.tianshu.planning.internal;

import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.bom.SubstitutionService;
import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.TianshuException;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.persistence.Database;
import io.tianshu.planning.Allocation;
import io.tianshu.planning.AllocationInput;
import io.tianshu.planning.ConfirmationInput;
import io.tianshu.planning.Forecast;
import io.tianshu.planning.ForecastInput;
import io.tianshu.planning.ForecastSplit;
import io.tianshu.planning.ForecastSplitInput;
import io.tianshu.planning.KitReport;
import io.tianshu.planning.OpenOrderSource;
import io.tianshu.planning.PlanComparison;
import io.tianshu.planning.PlanExport;
import io.tianshu.planning.PlanGrid;
import io.tianshu.planning.PlanMessage;
import io.tianshu.planning.PlanOrder;
import io.tianshu.planning.PlanParameter;
import io.tianshu.planning.PlanParameterInput;
import io.tianshu.planning.PlanPegging;
import io.tianshu.planning.PlanRun;
import io.tianshu.planning.PlanRunRequest;
import io.tianshu.planning.PlanType;
import io.tianshu.planning.PlanTypeInput;
import io.tianshu.planning.PlanningService;
import io.tianshu.planning.Promise;
import io.tianshu.planning.Receipt;
import io.tianshu.planning.ReceiptInput;
import io.tianshu.planning.SalesOrder;
import io.tianshu.planning.SalesOrderInput;
import io.tianshu.planning.engine.CapacityEngine;
import io.tianshu.planning.engine.CapacityReport;
import io.tianshu.planning.engine.CtpResult;
import io.tianshu.planning.engine.KitComponent;
import io.tianshu.planning.engine.KitEngine;
import io.tianshu.planning.engine.KitOrder;
import io.tianshu.planning.engine.KitRequisition;
import io.tianshu.planning.engine.KitResult;
import io.tianshu.planning.engine.KitSupply;
import io.tianshu.planning.engine.LoadOrder;
import io.tianshu.planning.engine.MrpResult;
import io.tianshu.resource.CalendarDefinition;
import io.tianshu.resource.CalendarService;
import io.tianshu.resource.ResourceService;
import io.tianshu.resource.Shift;
import io.tianshu.resource.WorkCalendar;
import io.tianshu.routing.RoutingOperation;
import io.tianshu.routing.RoutingService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OSGi adapter of planning: data on plain JDBC ({@link PlanData}), runs in one background thread
 * ({@link PlanRunner}), one at a time in submission order. A run's results and its final status
 * commit in one transaction, so a run interrupted by a crash leaves no results; on start the
 * service marks such runs FAILED.
 */
@Component(service = PlanningService.class)
public class PlanningServiceImpl implements PlanningService {
  private static final Logger LOG = LoggerFactory.getLogger(PlanningServiceImpl.class);
  static final int MAX_HORIZON = 3660;

  private final Sql sql;
  private final BomService boms;
  private final SubstitutionService substitutions;
  private final CalendarService calendars;
  private final RoutingService routings;
  private final ResourceService resources;
  private final Promising promising;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tianshu-plan-run");
            t.setDaemon(true);
            return t;
          });
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();

  /** Plans kept for net change; touched by the single planning thread only. */
  private final NetChangeBases netChanges = new NetChangeBases();

  /** The live state of a queued or running run. */
  private static final class Job implements PlanRunner.Progress {
    final long runId;
    final Sql sql;
    volatile String phase = "QUEUED";
    volatile int percent;
    volatile boolean cancel;

    Job(long runId, Sql sql) {
      this.runId = runId;
      this.sql = sql;
    }

    @Override
    public void phase(String phase, int percent) {
      boolean changed = !phase.equals(this.phase);
      this.phase = phase;
      this.percent = percent;
      if (changed) {
        sql.write(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("UPDATE plan_run SET phase = ?, percent = ? WHERE id = ?")) {
                ps.setString(1, phase);
                ps.setInt(2, percent);
                ps.setLong(3, runId);
                return ps.executeUpdate();
              }
            });
      }
    }

    @Override
    public boolean cancelled() {
      return cancel;
    }
  }

  /** Open orders of other domains (execution's work orders), bound as they come and go. */
  @Reference(
      cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
      policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
      policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
  private volatile List<OpenOrderSource> openOrderSources = List.of();

  /** Every source's open orders of the plant. */
  List<OpenOrderSource.OpenOrder> openOrders(long plantId) {
    List<OpenOrderSource.OpenOrder> all = new ArrayList<>();
    for (OpenOrderSource source : openOrderSources) {
      all.addAll(source.openOrders(plantId));
    }
    return all;
  }

  @Activate
  public PlanningServiceImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference Database database,
      @Reference BomService boms,
      @Reference SubstitutionService substitutions,
      @Reference CalendarService calendars,
      @Reference RoutingService routings,
      @Reference ResourceService resources) {
    this.sql = new Sql(dataSource);
    this.boms = boms;
    this.substitutions = substitutions;
    this.calendars = calendars;
    this.routings = routings;
    this.resources = resources;
    this.promising =
        new Promising(
            sql,
            boms,
            routings,
            resources,
            (caller, plant) -> calendarOf(caller, plant),
            this::openOrders);
    int interrupted =
        sql.write(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE plan_run SET status = 'FAILED', phase = 'DONE', error = ?,"
                          + " finished_at = ?, version = version + 1 WHERE status = 'RUNNING'")) {
                ps.setString(1, "interrupted by a server stop; run it again / 服务器停止导致计划中断，请重新运行");
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                return ps.executeUpdate();
              }
            });
    if (interrupted > 0) {
      LOG.warn("{} plan run(s) interrupted by the last stop marked FAILED", interrupted);
    }
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    jobs.values().forEach(j -> j.cancel = true);
    executor.shutdown();
    executor.awaitTermination(30, TimeUnit.SECONDS);
    netChanges.clear();
  }

  // ---------------------------------------------------------------- data

  @Override
  public PlanParameter putParameter(CallerContext caller, PlanParameterInput input) {
    body(input);
    return sql.write(c -> PlanData.putParameter(c, caller, input));
  }

  @Override
  public List<PlanParameter> parameters(CallerContext caller, long plantId, Long materialId) {
    Sql.requireRead(caller, plantId);
    return sql.read(c -> PlanData.parameters(c, plantId, materialId));
  }

  @Override
  public Forecast addForecast(CallerContext caller, ForecastInput input) {
    body(input);
    return sql.write(c -> PlanData.addForecast(c, caller, input));
  }

  @Override
  public List<Forecast> forecasts(CallerContext caller, long plantId, Long materialId) {
    Sql.requireRead(caller, plantId);
    return sql.read(c -> PlanData.forecasts(c, plantId, materialId));
  }

  @Override
  public void deleteForecast(CallerContext caller, long id) {
    sql.write(
        c -> {
          PlanData.deleteForecast(c, caller, id);
          return null;
        });
  }

  @Override
  public ForecastSplit putForecastSplit(CallerContext caller, ForecastSplitInput input) {
    body(input);
    return sql.write(c -> PlanData.putForecastSplit(c, caller, input));
  }

  @Override
  public ForecastSplit forecastSplit(CallerContext caller, long plantId, long groupId) {
    Sql.requireRead(caller, plantId);
    return sql.read(c -> PlanData.forecastSplit(c, plantId, groupId));
  }

  @Override
  public SalesOrder addSalesOrderLine(CallerContext caller, SalesOrderInput input) {
    body(input);
    return sql.write(c -> PlanData.addSalesOrderLine(c, caller, input));
  }

  @Override
  public List<SalesOrder> salesOrders(CallerContext caller, long plantId, Long materialId) {
    Sql.requireRead(caller, plantId);
    return sql.read(c -> PlanData.salesOrders(c, plantId, materialId, null));
  }

  @Override
  public SalesOrder closeSalesOrderLine(CallerContext caller, long id, long version) {
    return sql.write(c -> PlanData.closeSalesOrderLine(c, caller, id, version));
  }

  @Override
  public Receipt addReceipt(CallerContext caller, ReceiptInput input) {
    body(input);
    return sql.write(c -> PlanData.addReceipt(c, caller, input));
  }

  @Override
  public Allocation addAllocation(CallerContext caller, AllocationInput input) {
    body(input);
    return sql.write(c -> PlanData.addAllocation(c, caller, input));
  }

  @Override
  public List<Allocation> allocations(CallerContext caller, long plantId, Long materialId) {
    Sql.requireRead(caller, plantId);
    return sql.read(c -> PlanData.allocations(c, plantId, materialId));
  }

  @Override
  public void deleteAllocation(CallerContext caller, long id) {
    sql.write(
        c -> {
          PlanData.deleteAllocation(c, caller, id);
          return null;
        });
  }

  @Override
  public PlanType putPlanType(CallerContext caller, PlanTypeInput input) {
    body(input);
    return sql.write(c -> PlanTypes.put(c, caller, input));
  }

  @Override
  public List<PlanType> planTypes(CallerContext caller, long plantId) {
    Sql.requireRead(caller, plantId);
    return sql.read(c -> PlanTypes.list(c, plantId));
  }

  @Override
  public void deletePlanType(CallerContext caller, long plantId, String code) {
    sql.write(
        c -> {
          PlanTypes.delete(
              c, caller, plantId, code == null ? "" : code.trim().toUpperCase(Locale.ROOT));
          return null;
        });
  }

  @Override
  public void takeOverReceipts(
      CallerContext caller, long plantId, List<Long> receiptIds, String byReference) {
    Sql.requirePlanner(caller, plantId);
    sql.write(
        c -> {
          for (Long id : receiptIds) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM scheduled_receipt WHERE id = ? AND plant_id = ?")) {
              ps.setLong(1, id);
              ps.setLong(2, plantId);
              if (ps.executeUpdate() != 1) {
                throw new NotFoundException("Receipt", id);
              }
            }
            Sql.audit(c, caller, "Receipt", id, plantId, "TAKEN_OVER", Map.of("by", byReference));
          }
          return null;
        });
  }

  @Override
  public Receipt confirmReceipt(CallerContext caller, long receiptId, ConfirmationInput input) {
    body(input);
    return sql.write(c -> PlanData.confirmReceipt(c, caller, receiptId, input));
  }

  @Override
  public List<Receipt> receipts(CallerContext caller, long plantId, Long materialId) {
    Sql.requireRead(caller, plantId);
    return sql.read(c -> PlanData.receipts(c, plantId, materialId));
  }

  private static void body(Object input) {
    if (input == null) {
      throw new ValidationException("$", "required", "a request body is required / 缺少请求体");
    }
  }

  // ---------------------------------------------------------------- runs

  @Override
  public PlanRun startRun(CallerContext caller, PlanRunRequest request) {
    body(request);
    Validation v = new Validation();
    v.required("plantId", request.plantId()).optionalText("name", request.name(), 64);
    String type =
        request.planType() == null ? "MRP" : request.planType().trim().toUpperCase(Locale.ROOT);
    if (request.horizonDays() != null
        && (request.horizonDays() < 1 || request.horizonDays() > MAX_HORIZON)) {
      v.add("horizonDays", "invalid_value", "must be in [1, " + MAX_HORIZON + "] / 超出范围");
    }
    if (request.backwardDays() != null
        && (request.backwardDays() < 0 || request.backwardDays() > 366)) {
      v.add("backwardDays", "invalid_value", "must be in [0, 366] / 超出范围");
    }
    if (request.forwardDays() != null
        && (request.forwardDays() < 0 || request.forwardDays() > 366)) {
      v.add("forwardDays", "invalid_value", "must be in [0, 366] / 超出范围");
    }
    String mode =
        request.mode() == null ? "REGENERATIVE" : request.mode().trim().toUpperCase(Locale.ROOT);
    if (!mode.equals("REGENERATIVE") && !mode.equals("NET_CHANGE")) {
      v.add("mode", "invalid_value", "REGENERATIVE or NET_CHANGE / 只能是 REGENERATIVE 或 NET_CHANGE");
    }
    BomView view = null;
    if (request.bomView() != null) {
      try {
        view = BomView.valueOf(request.bomView().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        v.add("bomView", "invalid_value", "unknown BOM view / 未知的 BOM 视图");
      }
    }
    v.throwIfInvalid();
    long plant = request.plantId();
    Sql.requirePlanner(caller, plant);
    // The plan type gives the defaults; what the request says wins.
    PlanType planType = sql.read(c -> PlanTypes.find(c, plant, type));
    if (planType == null) {
      throw new ValidationException(
          "planType", "invalid_value", "no such plan type in the plant / 工厂未配置该计划类型");
    }
    int horizon = request.horizonDays() == null ? planType.horizonDays() : request.horizonDays();
    int backward =
        request.backwardDays() == null ? planType.backwardDays() : request.backwardDays();
    int forward = request.forwardDays() == null ? planType.forwardDays() : request.forwardDays();
    if (view == null) {
      view = BomView.valueOf(planType.bomView());
    }
    LocalDate start = request.planStart() == null ? LocalDate.now() : request.planStart();
    String name =
        request.name() == null || request.name().isBlank()
            ? type + " " + start
            : request.name().trim();
    String bomView = view.name();
    long id =
        sql.write(
            c -> {
              long runId;
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO plan_run (plant_id, name, plan_type, status, phase, percent,"
                          + " plan_start, horizon_days, bom_view, backward_days, forward_days,"
                          + " items, demands, planned_orders, pegging_rows, messages, load_ms,"
                          + " engine_ms, save_ms, created_at, created_by, version, scope,"
                          + " bucket_days) VALUES (?, ?, ?, 'RUNNING', 'QUEUED', 0, ?, ?, ?, ?, ?,"
                          + " 0, 0, 0, 0, 0, 0, 0, 0, ?, ?, 0, ?, ?)",
                      Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, plant);
                ps.setString(2, name);
                ps.setString(3, type);
                ps.setDate(4, Sql.date(start));
                ps.setInt(5, horizon);
                ps.setString(6, bomView);
                ps.setInt(7, backward);
                ps.setInt(8, forward);
                ps.setTimestamp(9, Timestamp.from(Instant.now()));
                ps.setString(10, caller.username());
                ps.setString(11, planType.scope());
                ps.setInt(12, planType.bucketDays());
                ps.executeUpdate();
                runId = PlanData.generatedId(ps);
              }
              Sql.audit(
                  c,
                  caller,
                  "PlanRun",
                  runId,
                  plant,
                  "CREATE",
                  Map.of(
                      "name", name, "planType", type, "planStart", start.toString(), "mode", mode));
              return runId;
            });
    Job job = new Job(id, sql);
    jobs.put(id, job);
    PlanRunner.Spec spec =
        new PlanRunner.Spec(
            id,
            plant,
            type,
            start,
            horizon,
            backward,
            forward,
            planType.scope(),
            planType.demandFenceDays(),
            planType.planningFenceDays());
    BomView bomViewOfRun = view;
    boolean netChange = "NET_CHANGE".equals(mode);
    executor.execute(() -> execute(caller, spec, bomViewOfRun, netChange, job));
    return run(caller, id);
  }

  private void execute(
      CallerContext caller, PlanRunner.Spec spec, BomView view, boolean netChange, Job job) {
    long t0 = System.nanoTime();
    try {
      job.phase("LOADING", 0);
      if (job.cancelled()) {
        throw new CancellationException();
      }
      WorkCalendar calendar = calendarOf(caller, spec.plantId());
      PlanRunner.Loaded fresh =
          sql.read(
              c ->
                  PlanRunner.load(
                      c,
                      spec,
                      plant -> boms.structure(caller, plant, view, spec.planStart()),
                      plant -> boms.outputs(caller, plant, view, spec.planStart()),
                      plant -> substitutions.list(caller, null, plant),
                      this::openOrders,
                      plant -> caller.has(plant, PlantRole.PLANNER),
                      calendar,
                      job));
      long t1 = System.nanoTime();
      job.phase("PLANNING", 25);
      if (job.cancelled()) {
        throw new CancellationException();
      }
      NetChangeBases.Planned planned =
          netChanges.plan(spec.plantId() + "/" + spec.planType(), fresh, netChange);
      PlanRunner.Loaded loaded = planned.loaded();
      MrpResult result = planned.result();
      String mode = planned.netChange() ? "NET_CHANGE" : "REGENERATIVE";
      long t2 = System.nanoTime();
      job.phase("SAVING", 50);
      sql.write(
          c -> {
            PlanRunner.Saved saved = PlanRunner.save(c, spec.runId(), loaded, result, job);
            if (!saved.copied() && Sql.postgres(c)) {
              LOG.warn(
                  "Plan run {} results written by JDBC batches, not COPY: {}", spec.runId(), saved);
            } else {
              LOG.info("Plan run {} results written: {}", spec.runId(), saved);
            }
            long t3 = System.nanoTime();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE plan_run SET status = 'SIMULATED', phase = 'DONE', percent = 100,"
                        + " items = ?, demands = ?, planned_orders = ?, pegging_rows = ?,"
                        + " messages = ?, load_ms = ?, engine_ms = ?, save_ms = ?, finished_at = ?,"
                        + " mode = ?, version = version + 1 WHERE id = ?")) {
              ps.setInt(1, loaded.input().items().size());
              ps.setInt(2, loaded.demands().size());
              ps.setInt(3, result.plannedOrders().size());
              ps.setInt(4, result.pegging().size());
              ps.setInt(5, result.messages().size());
              ps.setLong(6, (t1 - t0) / 1_000_000);
              ps.setLong(7, (t2 - t1) / 1_000_000);
              ps.setLong(8, (t3 - t2) / 1_000_000);
              ps.setTimestamp(9, Timestamp.from(Instant.now()));
              ps.setString(10, mode);
              ps.setLong(11, spec.runId());
              ps.executeUpdate();
            }
            Sql.audit(
                c,
                caller,
                "PlanRun",
                spec.runId(),
                spec.plantId(),
                "UPDATE",
                Map.of(
                    "status",
                    "SIMULATED",
                    "mode",
                    mode,
                    "plannedOrders",
                    result.plannedOrders().size(),
                    "messages",
                    result.messages().size()));
            return null;
          });
      LOG.info(
          "Plan run {} of plant {}: {} planned orders in {} ms",
          spec.runId(),
          spec.plantId(),
          result.plannedOrders().size(),
          (System.nanoTime() - t0) / 1_000_000);
    } catch (CancellationException e) {
      finish(spec.runId(), "CANCELLED", null);
    } catch (TianshuException | IllegalArgumentException e) {
      finish(spec.runId(), "FAILED", e.getMessage());
    } catch (RuntimeException | Error e) {
      LOG.error("Plan run {} failed", spec.runId(), e);
      finish(spec.runId(), "FAILED", "internal error, see the server log / 内部错误，详见服务器日志");
    } finally {
      jobs.remove(spec.runId());
    }
  }

  private void finish(long runId, String status, String error) {
    sql.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE plan_run SET status = ?, phase = 'DONE', error = ?, finished_at = ?,"
                      + " version = version + 1 WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, error == null ? null : truncate(error, 1000));
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setLong(4, runId);
            return ps.executeUpdate();
          }
        });
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /** The plant's default calendar; Monday to Friday, one 8-hour shift, when it has none. */
  private WorkCalendar calendarOf(CallerContext caller, long plantId) {
    Long id;
    try {
      id = calendars.plantDefault(caller, plantId).id();
    } catch (NotFoundException e) {
      id = null;
    }
    if (id != null) {
      return calendars.workCalendar(caller, id);
    }
    return WorkCalendar.of(
        new CalendarDefinition(
            List.of(
                new Shift(
                    "D",
                    LocalTime.of(8, 0),
                    LocalTime.of(16, 0),
                    0,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))),
            null,
            null));
  }

  private PlanRun readRun(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM plan_run WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? runOf(rs) : null;
      }
    }
  }

  private PlanRun runOf(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    Job job = jobs.get(id);
    String status = rs.getString("status");
    boolean live = job != null && "RUNNING".equals(status);
    return new PlanRun(
        id,
        rs.getLong("plant_id"),
        rs.getString("name"),
        rs.getString("plan_type"),
        status,
        live ? job.phase : rs.getString("phase"),
        live ? job.percent : rs.getInt("percent"),
        Sql.date(rs, "plan_start"),
        rs.getInt("horizon_days"),
        rs.getString("bom_view"),
        rs.getInt("backward_days"),
        rs.getInt("forward_days"),
        rs.getInt("items"),
        rs.getInt("demands"),
        rs.getInt("planned_orders"),
        rs.getInt("pegging_rows"),
        rs.getInt("messages"),
        rs.getLong("load_ms"),
        rs.getLong("engine_ms"),
        rs.getLong("save_ms"),
        rs.getString("error"),
        Sql.instant(rs, "created_at"),
        rs.getString("created_by"),
        Sql.instant(rs, "finished_at"),
        rs.getLong("version"),
        rs.getString("scope"),
        rs.getInt("bucket_days"),
        rs.getString("mode"));
  }

  /** The run when the caller may read its plant; not found otherwise. */
  private PlanRun visibleRun(Connection c, CallerContext caller, long id) throws SQLException {
    PlanRun r = readRun(c, id);
    if (r == null || !caller.canRead(r.plantId())) {
      throw new NotFoundException("PlanRun", id);
    }
    return r;
  }

  @Override
  public PlanRun run(CallerContext caller, long id) {
    return sql.read(c -> visibleRun(c, caller, id));
  }

  @Override
  public List<PlanRun> runs(CallerContext caller, long plantId) {
    Sql.requireRead(caller, plantId);
    return sql.read(
        c -> {
          List<PlanRun> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM plan_run WHERE plant_id = ? ORDER BY id DESC")) {
            ps.setLong(1, plantId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(runOf(rs));
              }
            }
          }
          return out;
        });
  }

  @Override
  public PlanRun cancelRun(CallerContext caller, long id) {
    PlanRun r = run(caller, id);
    Sql.requirePlanner(caller, r.plantId());
    Job job = jobs.get(id);
    if (job == null || !r.active()) {
      throw new ConflictException("the run is not running / 该计划未在运行");
    }
    job.cancel = true;
    return r;
  }

  @Override
  public PlanRun setRunStatus(CallerContext caller, long id, String status, long version) {
    String target = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
    if (!target.equals("FIRMED") && !target.equals("RELEASED")) {
      throw new ValidationException(
          "status", "invalid_value", "FIRMED or RELEASED / 只能是 FIRMED 或 RELEASED");
    }
    return sql.write(
        c -> {
          PlanRun r = visibleRun(c, caller, id);
          Sql.requirePlanner(caller, r.plantId());
          if (r.version() != version) {
            throw ConflictException.staleVersion("PlanRun", id, r.version());
          }
          if (!List.of("SIMULATED", "FIRMED").contains(r.status())) {
            throw new ConflictException(
                "a "
                    + r.status()
                    + " run cannot be "
                    + target
                    + " / 该状态的计划不能"
                    + (target.equals("FIRMED") ? "确认" : "下达"));
          }
          if (target.equals("RELEASED")) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE plan_run SET status = 'FIRMED', version = version + 1"
                        + " WHERE plant_id = ? AND plan_type = ? AND status = 'RELEASED'")) {
              ps.setLong(1, r.plantId());
              ps.setString(2, r.planType());
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE plan_run SET status = ?, version = version + 1 WHERE id = ?"
                      + " AND version = ?")) {
            ps.setString(1, target);
            ps.setLong(2, id);
            ps.setLong(3, version);
            if (ps.executeUpdate() == 0) {
              throw ConflictException.staleVersion("PlanRun", id, version);
            }
          }
          Sql.audit(c, caller, "PlanRun", id, r.plantId(), "UPDATE", Map.of("status", target));
          return readRun(c, id);
        });
  }

  @Override
  public List<Receipt> releaseOrders(
      CallerContext caller, long runId, PlanningService.OrderRelease request) {
    body(request);
    return sql.write(
        c -> PlannedOrderRelease.release(c, caller, visibleRun(c, caller, runId), request));
  }

  @Override
  public void deleteRun(CallerContext caller, long id) {
    sql.write(
        c -> {
          PlanRun r = visibleRun(c, caller, id);
          Sql.requirePlanner(caller, r.plantId());
          if (r.active() || r.status().equals("RELEASED")) {
            throw new ConflictException(
                "a running or released run cannot be deleted / 运行中或已下达的计划不能删除");
          }
          for (String table :
              List.of(
                  "plan_pegging",
                  "plan_message",
                  "planned_order",
                  "plan_demand",
                  "plan_item",
                  "plan_receipt",
                  "plan_co_product")) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
              ps.setLong(1, id);
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM plan_run WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          Sql.audit(c, caller, "PlanRun", id, r.plantId(), "DELETE", Map.of("name", r.name()));
          return null;
        });
  }

  // ---------------------------------------------------------------- results

  @Override
  public Page<PlanOrder> plannedOrders(
      CallerContext caller, long runId, Long materialId, PageRequest page) {
    return sql.read(
        c -> {
          visibleRun(c, caller, runId);
          return page(
              c,
              "planned_order",
              (materialId == null ? "" : " AND x.material_id = ?") + readable(caller, "x"),
              runId,
              materialId,
              "x.order_id",
              page,
              rs ->
                  new PlanOrder(
                      rs.getLong("order_id"),
                      rs.getLong("plant_id"),
                      rs.getLong("material_id"),
                      rs.getString("code"),
                      Sql.date(rs, "release_date"),
                      Sql.date(rs, "due_date"),
                      rs.getDouble("quantity"),
                      PlanData.nullableLong(rs, "released_receipt_id")));
        });
  }

  /**
   * One page of a run's result rows of {@code table} (alias x, joined to its material for the
   * code): {@code filter} follows the run condition, {@code param} fills its placeholder if any.
   */
  private static <T> Page<T> page(
      Connection c,
      String table,
      String filter,
      long runId,
      Object param,
      String orderBy,
      PageRequest page,
      Sql.Row<T> row)
      throws SQLException {
    String where = " WHERE x.run_id = ?" + filter;
    long total;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM " + table + " x" + where)) {
      bindRun(ps, runId, param);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    List<T> items = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT x.*, m.code FROM "
                + table
                + " x JOIN material m ON m.id = x.material_id"
                + where
                + " ORDER BY "
                + orderBy
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      int i = bindRun(ps, runId, param);
      ps.setInt(i++, page.offset());
      ps.setInt(i, page.limit());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(row.map(rs));
        }
      }
    }
    return new Page<>(items, page.offset(), page.limit(), total);
  }

  /**
   * Keeps the rows of plants the caller can read: a run of one plant may hold the orders of the
   * plants it sources from. Plant ids are numbers, written into the statement.
   */
  private static String readable(CallerContext caller, String alias) {
    java.util.Set<Long> plants = caller.readablePlants();
    if (plants == null) {
      return "";
    }
    if (plants.isEmpty()) {
      return " AND 1 = 0";
    }
    StringBuilder in = new StringBuilder(" AND " + alias + ".plant_id IN (");
    plants.stream().sorted().forEach(p -> in.append(p.longValue()).append(','));
    in.setCharAt(in.length() - 1, ')');
    return in.toString();
  }

  private static int bindRun(PreparedStatement ps, long runId, Object second) throws SQLException {
    ps.setLong(1, runId);
    if (second == null) {
      return 2;
    }
    if (second instanceof Long l) {
      ps.setLong(2, l);
    } else {
      ps.setString(2, second.toString());
    }
    return 3;
  }

  @Override
  public List<PlanPegging> pegging(
      CallerContext caller, long runId, Long plantId, long materialId) {
    return sql.read(
        c -> {
          PlanRun run = visibleRun(c, caller, runId);
          long plant = plantId == null ? run.plantId() : plantId;
          Sql.requireRead(caller, plant);
          Map<Long, String> references = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT demand_id, reference FROM plan_demand WHERE run_id = ? AND plant_id = ?"
                      + " AND material_id = ?")) {
            ps.setLong(1, runId);
            ps.setLong(2, plant);
            ps.setLong(3, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                references.put(rs.getLong(1), rs.getString(2));
              }
            }
          }
          List<PlanPegging> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT supply_kind, supply_id, demand_kind, demand_id, quantity FROM"
                      + " plan_pegging WHERE run_id = ? AND plant_id = ? AND material_id = ?"
                      + " ORDER BY supply_kind, supply_id, demand_kind, demand_id")) {
            ps.setLong(1, runId);
            ps.setLong(2, plant);
            ps.setLong(3, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                int demandKind = rs.getInt(3);
                long demandId = rs.getLong(4);
                out.add(
                    new PlanPegging(
                        PlanRunner.supplyKind(rs.getInt(1)),
                        rs.getLong(2),
                        PlanRunner.demandKind(demandKind),
                        demandId,
                        demandKind == 0 ? references.get(demandId) : null,
                        plant,
                        materialId,
                        rs.getDouble(5)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public Page<PlanMessage> messages(
      CallerContext caller, long runId, String kind, PageRequest page) {
    String k = kind == null || kind.isBlank() ? null : kind.trim().toUpperCase(Locale.ROOT);
    return sql.read(
        c -> {
          visibleRun(c, caller, runId);
          return page(
              c,
              "plan_message",
              (k == null ? "" : " AND x.kind = ?") + readable(caller, "x"),
              runId,
              k,
              "x.seq",
              page,
              rs ->
                  new PlanMessage(
                      rs.getLong("plant_id"),
                      rs.getLong("material_id"),
                      rs.getString("code"),
                      rs.getString("kind"),
                      Sql.date(rs, "message_date"),
                      rs.getLong("reference_id"),
                      rs.getString("message")));
        });
  }

  private record Totals(int orders, double quantity, LocalDate firstDue) {}

  private record PlantMaterial(long plant, long material) implements Comparable<PlantMaterial> {
    @Override
    public int compareTo(PlantMaterial o) {
      int c = Long.compare(plant, o.plant);
      return c != 0 ? c : Long.compare(material, o.material);
    }
  }

  private static Map<PlantMaterial, Totals> totals(Connection c, long runId) throws SQLException {
    Map<PlantMaterial, Totals> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT plant_id, material_id, COUNT(*), SUM(quantity), MIN(due_date) FROM"
                + " planned_order WHERE run_id = ? GROUP BY plant_id, material_id")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              new PlantMaterial(rs.getLong(1), rs.getLong(2)),
              new Totals(rs.getInt(3), rs.getDouble(4), rs.getDate(5).toLocalDate()));
        }
      }
    }
    return out;
  }

  @Override
  public PlanComparison compare(CallerContext caller, long runId, long otherRunId) {
    return sql.read(
        c -> {
          PlanRun a = visibleRun(c, caller, runId);
          PlanRun b = visibleRun(c, caller, otherRunId);
          if (a.plantId() != b.plantId()) {
            throw new ValidationException(
                "otherRunId", "invalid_value", "runs of different plants / 两个计划不属于同一工厂");
          }
          Map<PlantMaterial, Totals> ta = totals(c, runId);
          Map<PlantMaterial, Totals> tb = totals(c, otherRunId);
          TreeSet<PlantMaterial> all = new TreeSet<>(ta.keySet());
          all.addAll(tb.keySet());
          Totals none = new Totals(0, 0, null);
          List<PlanComparison.Row> rows = new ArrayList<>();
          for (PlantMaterial m : all) {
            Totals x = ta.getOrDefault(m, none);
            Totals y = tb.getOrDefault(m, none);
            boolean same =
                x.orders() == y.orders()
                    && Math.abs(x.quantity() - y.quantity())
                        <= 1e-9 * Math.max(1, Math.abs(x.quantity()))
                    && java.util.Objects.equals(x.firstDue(), y.firstDue());
            if (!same) {
              rows.add(
                  new PlanComparison.Row(
                      m.plant(),
                      m.material(),
                      PlanData.materialCode(c, m.material(), m.plant()),
                      x.orders(),
                      x.quantity(),
                      x.firstDue(),
                      y.orders(),
                      y.quantity(),
                      y.firstDue()));
            }
          }
          return new PlanComparison(runId, otherRunId, rows);
        });
  }

  // ---------------------------------------------------------------- promising

  @Override
  public Promise promise(
      CallerContext caller,
      long plantId,
      long materialId,
      double quantity,
      LocalDate date,
      Long changedLineId) {
    return promising.promise(caller, plantId, materialId, quantity, date, changedLineId);
  }

  @Override
  public List<CtpResult> capableToPromise(
      CallerContext caller, long plantId, List<PromiseLine> lines) {
    return promising.capableToPromise(caller, plantId, lines);
  }

  // ---------------------------------------------------------------- kitting and capacity

  private record KitInput(
      List<KitOrder> orders, Map<Long, Double> available, List<KitSupply> supplies, Long runId) {}

  private KitInput kitInput(
      CallerContext caller,
      long plantId,
      String source,
      Long runId,
      Long materialId,
      LocalDate date) {
    Sql.requireRead(caller, plantId);
    boolean planned = "PLANNED_ORDER".equals(source);
    if (planned && runId == null) {
      throw new ValidationException(
          "runId", "required", "PLANNED_ORDER kitting needs a run / 计划订单齐套需指定计划版本");
    }
    Map<Long, List<BomLine>> structure =
        boms.structure(caller, plantId, BomView.MANUFACTURING, date);
    return sql.read(
        c -> {
          if (planned) {
            PlanRun r = visibleRun(c, caller, runId);
            if (r.plantId() != plantId) {
              throw new NotFoundException("PlanRun", runId);
            }
          }
          List<KitOrder> orders = new ArrayList<>();
          if ("WORK_ORDER".equals(source)) {
            // Open work orders need what is still to be issued of their order BOM, on their start
            // date; the order's remaining quantity carries it (quantity per = need / remaining).
            List<OpenOrderSource.OpenOrder> open = new ArrayList<>(openOrders(plantId));
            open.sort(
                java.util.Comparator.comparing(OpenOrderSource.OpenOrder::startDate)
                    .thenComparingLong(OpenOrderSource.OpenOrder::id));
            for (OpenOrderSource.OpenOrder o : open) {
              if (materialId != null && o.materialId() != materialId) {
                continue;
              }
              double units = o.remaining() > 0 ? o.remaining() : 1;
              List<KitComponent> components = new ArrayList<>();
              for (OpenOrderSource.ComponentNeed n : o.components()) {
                if (n.quantity() > 0) {
                  components.add(new KitComponent(n.materialId(), n.quantity() / units));
                }
              }
              if (!components.isEmpty()) {
                orders.add(new KitOrder(o.id(), o.reference(), units, o.startDate(), components));
              }
            }
          }
          // work orders were taken above from the open order sources; only the others query
          if (!"WORK_ORDER".equals(source)) {
            String query =
                planned
                    ? "SELECT o.order_id, m.code, o.quantity, o.release_date, o.material_id FROM"
                        + " planned_order o JOIN material m ON m.id = o.material_id WHERE"
                        + " o.run_id = ? AND o.plant_id = ?"
                        + (materialId == null ? "" : " AND o.material_id = ?")
                        + " ORDER BY o.release_date, o.order_id"
                    : "SELECT s.id, s.order_no, s.line_no, s.quantity, s.requested_date,"
                        + " s.material_id FROM sales_order_line s WHERE s.plant_id = ? AND"
                        + " s.status = 'OPEN'"
                        + (materialId == null ? "" : " AND s.material_id = ?")
                        + " ORDER BY s.requested_date, s.priority, s.id";
            try (PreparedStatement ps = c.prepareStatement(query)) {
              int i = 1;
              ps.setLong(i++, planned ? runId : plantId);
              if (planned) {
                ps.setLong(i++, plantId);
              }
              if (materialId != null) {
                ps.setLong(i, materialId);
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  long material = rs.getLong(planned ? 5 : 6);
                  List<KitComponent> components = new ArrayList<>();
                  List<BomLine> lines = structure.get(material);
                  if (lines == null || lines.isEmpty()) {
                    components.add(new KitComponent(material, 1));
                  } else {
                    for (BomLine l : lines) {
                      if (l.quantityPer() > 0) {
                        components.add(
                            new KitComponent(
                                l.componentId(), l.quantityPer() * (1 + l.scrapPercent() / 100)));
                      }
                    }
                  }
                  String reference =
                      planned
                          ? "PL " + rs.getLong(1) + " " + rs.getString(2)
                          : "SO " + rs.getString(2) + "/" + rs.getInt(3);
                  double quantity = planned ? rs.getDouble(3) : rs.getDouble(4);
                  LocalDate need = rs.getDate(planned ? 4 : 5).toLocalDate();
                  orders.add(new KitOrder(rs.getLong(1), reference, quantity, need, components));
                }
              }
            }
          }
          Map<Long, Double> available = PlanData.availableStock(c, plantId);
          List<KitSupply> supplies = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT material_id, due_date, quantity, reference FROM scheduled_receipt"
                      + " WHERE plant_id = ? ORDER BY due_date, id")) {
            ps.setLong(1, plantId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                supplies.add(
                    new KitSupply(
                        rs.getLong(1),
                        rs.getDate(2).toLocalDate(),
                        rs.getDouble(3),
                        rs.getString(4)));
              }
            }
          }
          for (OpenOrderSource.OpenOrder o : openOrders(plantId)) {
            if (o.remaining() > 0) {
              supplies.add(
                  new KitSupply(o.materialId(), o.dueDate(), o.remaining(), o.reference()));
            }
          }
          return new KitInput(orders, available, supplies, runId);
        });
  }

  private static String kitSource(String source) {
    String s = source == null ? "SALES_ORDER" : source.trim().toUpperCase(Locale.ROOT);
    if (!s.equals("SALES_ORDER") && !s.equals("PLANNED_ORDER") && !s.equals("WORK_ORDER")) {
      throw new ValidationException(
          "source",
          "invalid_value",
          "SALES_ORDER, PLANNED_ORDER or WORK_ORDER / 只能是销售订单、计划订单或生产工单");
    }
    return s;
  }

  @Override
  public KitReport kitting(
      CallerContext caller,
      long plantId,
      String source,
      Long runId,
      Long materialId,
      LocalDate date) {
    String s = kitSource(source);
    LocalDate today = date == null ? LocalDate.now() : date;
    KitInput in = kitInput(caller, plantId, s, runId, materialId, today);
    List<KitResult> results = KitEngine.analyse(in.orders(), in.available(), in.supplies(), today);
    return new KitReport(plantId, today, s, runId, results, KitEngine.requisitions(results));
  }

  @Override
  public List<Receipt> createRequisitions(
      CallerContext caller,
      long plantId,
      String source,
      Long runId,
      Long materialId,
      LocalDate date) {
    Sql.requirePlanner(caller, plantId);
    KitReport report = kitting(caller, plantId, source, runId, materialId, date);
    String prefix = "PR-" + LocalDate.now().toString().replace("-", "") + "-";
    return sql.write(
        c -> {
          List<Receipt> created = new ArrayList<>();
          int n = 0;
          for (KitRequisition r : report.requisitions()) {
            created.add(
                PlanData.addReceipt(
                    c,
                    caller,
                    new ReceiptInput(
                        plantId,
                        "REQUISITION",
                        prefix + System.currentTimeMillis() % 100000 + "-" + ++n,
                        r.materialId(),
                        r.needDate(),
                        r.quantity())));
          }
          return created;
        });
  }

  @Override
  public CapacityReport capacity(CallerContext caller, long runId, int bucketDaysOrZero) {
    PlanRun run = run(caller, runId);
    int bucketDays = bucketDaysOrZero == 0 ? run.bucketDays() : bucketDaysOrZero;
    checkBucketDays(bucketDays);
    return WorkCentres.load(
        routings,
        resources,
        caller,
        run.plantId(),
        loadOrders(sql, runId, run.plantId(), false),
        calendarOf(caller, run.plantId()),
        run.planStart(),
        run.horizonDays(),
        bucketDays);
  }

  @Override
  public CapacityReport roughCut(CallerContext caller, long runId, int bucketDaysOrZero) {
    PlanRun run = run(caller, runId);
    int bucketDays = bucketDaysOrZero == 0 ? run.bucketDays() : bucketDaysOrZero;
    checkBucketDays(bucketDays);
    long plant = run.plantId();
    LocalDate start = run.planStart();
    LocalDate end = start.plusDays(run.horizonDays() - 1L);
    List<LoadOrder> orders = loadOrders(sql, runId, plant, true);
    Map<Long, Map<Long, Double>> routingMinutes = new HashMap<>();
    Map<Long, Double> perDay = new HashMap<>();
    Map<Long, Map<Long, Double>> bill = new HashMap<>();
    for (LoadOrder o : orders) {
      if (bill.containsKey(o.materialId())) {
        continue;
      }
      Map<Long, Double> minutes = new HashMap<>();
      Map<Long, Double> quantities = new java.util.LinkedHashMap<>();
      quantities.put(o.materialId(), 1.0);
      for (io.tianshu.bom.Requirement r :
          boms.summarised(caller, o.materialId(), plant, BomView.MANUFACTURING, start, null, 1.0)) {
        quantities.merge(r.materialId(), r.quantity(), Double::sum);
      }
      quantities.forEach(
          (material, quantity) ->
              routingMinutes
                  .computeIfAbsent(material, m -> unitMinutes(caller, m, plant, start))
                  .forEach((wc, per) -> minutes.merge(wc, per * quantity, Double::sum)));
      for (Long wc : minutes.keySet()) {
        perDay.computeIfAbsent(
            wc, w -> WorkCentres.minutesPerWorkingDay(resources, caller, w, start, end));
      }
      bill.put(o.materialId(), minutes);
    }
    bill.values().removeIf(Map::isEmpty);
    return CapacityEngine.roughCut(
        orders, bill, perDay, calendarOf(caller, plant), start, run.horizonDays(), bucketDays);
  }

  /** A run's planned orders in a plant as capacity loads; {@code mps}: of MPS items only. */
  static List<LoadOrder> loadOrders(Sql sql, long runId, long plant, boolean mps) {
    return sql.read(
        c -> {
          List<LoadOrder> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT o.order_id, o.material_id, o.release_date, o.due_date, o.quantity"
                      + " FROM planned_order o"
                      + (mps
                          ? " JOIN plan_parameter p ON p.plant_id = o.plant_id"
                              + " AND p.material_id = o.material_id AND p.mps = TRUE"
                          : "")
                      + " WHERE o.run_id = ? AND o.plant_id = ? ORDER BY o.order_id")) {
            ps.setLong(1, runId);
            ps.setLong(2, plant);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new LoadOrder(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate(),
                        rs.getDouble(5),
                        "PLANNED"));
              }
            }
          }
          return out;
        });
  }

  /** Run minutes per unit per work centre of a material's routing; empty without one. */
  private Map<Long, Double> unitMinutes(
      CallerContext caller, long materialId, long plantId, LocalDate date) {
    Map<Long, Double> out = new HashMap<>();
    try {
      for (RoutingOperation op :
          routings.effective(caller, materialId, plantId, date).operations()) {
        if (!op.outsourced() && op.runMinutes() != null) {
          out.merge(op.workCenterId(), op.runMinutes().doubleValue(), Double::sum);
        }
      }
    } catch (NotFoundException e) {
      // no routing: no load
    }
    return out;
  }

  @Override
  public PlanGrid grid(
      CallerContext caller, long runId, Long plantId, long materialId, int bucketDaysOrZero) {
    if (bucketDaysOrZero != 0) {
      checkBucketDays(bucketDaysOrZero);
    }
    return sql.read(
        c -> {
          PlanRun run = visibleRun(c, caller, runId);
          int bucketDays = bucketDaysOrZero == 0 ? run.bucketDays() : bucketDaysOrZero;
          long plant = plantId == null ? run.plantId() : plantId;
          Sql.requireRead(caller, plant);
          String code = PlanData.materialCode(c, materialId, plant);
          double onHand = 0;
          double safety = 0;
          boolean planned = false;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT on_hand, safety_stock FROM plan_item WHERE run_id = ? AND plant_id = ?"
                      + " AND material_id = ?")) {
            ps.setLong(1, runId);
            ps.setLong(2, plant);
            ps.setLong(3, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                planned = true;
                onHand = rs.getDouble(1);
                safety = rs.getDouble(2);
              }
            }
          }
          if (code == null || !planned) {
            throw new NotFoundException("PlanItem", plant + "/" + materialId);
          }
          int buckets = (run.horizonDays() + bucketDays - 1) / bucketDays;
          LocalDate start = run.planStart();
          double[] gross = new double[buckets];
          double[] receipts = new double[buckets];
          double[] plannedIn = new double[buckets];
          double[] coProducts = new double[buckets];
          double[] releases = new double[buckets];
          java.util.function.ToIntFunction<LocalDate> bucket =
              d -> {
                long day = java.time.temporal.ChronoUnit.DAYS.between(start, d);
                return (int) Math.max(0, Math.min(buckets - 1, day / bucketDays));
              };
          // Gross requirements: every unit of every requirement is pegged, so the pegging rows by
          // demand give them; a dependent demand falls on its parent order's release date.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT p.quantity, d.demand_date, o.release_date FROM plan_pegging p"
                      + " LEFT JOIN plan_demand d ON p.demand_kind = 0 AND d.run_id = p.run_id"
                      + " AND d.demand_id = p.demand_id"
                      + " LEFT JOIN planned_order o ON p.demand_kind = 1 AND o.run_id = p.run_id"
                      + " AND o.order_id = p.demand_id"
                      + " WHERE p.run_id = ? AND p.plant_id = ? AND p.material_id = ?"
                      + " AND p.demand_kind <> 2")) {
            ps.setLong(1, runId);
            ps.setLong(2, plant);
            ps.setLong(3, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                java.sql.Date d = rs.getDate(2) != null ? rs.getDate(2) : rs.getDate(3);
                if (d != null) {
                  gross[bucket.applyAsInt(d.toLocalDate())] += rs.getDouble(1);
                }
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT due_date, quantity FROM plan_receipt WHERE run_id = ? AND plant_id = ?"
                      + " AND material_id = ?")) {
            ps.setLong(1, runId);
            ps.setLong(2, plant);
            ps.setLong(3, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                LocalDate d = rs.getDate(1).toLocalDate();
                if (d.isBefore(start.plusDays(run.horizonDays()))) {
                  receipts[bucket.applyAsInt(d)] += rs.getDouble(2);
                }
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT due_date, quantity FROM plan_co_product WHERE run_id = ? AND plant_id = ?"
                      + " AND material_id = ?")) {
            ps.setLong(1, runId);
            ps.setLong(2, plant);
            ps.setLong(3, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                coProducts[bucket.applyAsInt(rs.getDate(1).toLocalDate())] += rs.getDouble(2);
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT release_date, due_date, quantity FROM planned_order WHERE run_id = ?"
                      + " AND plant_id = ? AND material_id = ?")) {
            ps.setLong(1, runId);
            ps.setLong(2, plant);
            ps.setLong(3, materialId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                releases[bucket.applyAsInt(rs.getDate(1).toLocalDate())] += rs.getDouble(3);
                plannedIn[bucket.applyAsInt(rs.getDate(2).toLocalDate())] += rs.getDouble(3);
              }
            }
          }
          double[] projected = new double[buckets];
          double balance = onHand;
          List<LocalDate> starts = new ArrayList<>();
          for (int b = 0; b < buckets; b++) {
            starts.add(start.plusDays((long) b * bucketDays));
            balance += receipts[b] + coProducts[b] + plannedIn[b] - gross[b];
            projected[b] = balance;
          }
          return new PlanGrid(
              runId,
              plant,
              materialId,
              code,
              onHand,
              safety,
              bucketDays,
              starts,
              gross,
              receipts,
              plannedIn,
              releases,
              projected,
              coProducts);
        });
  }

  @Override
  public PlanExport export(CallerContext caller, long runId) {
    return sql.read(
        c -> {
          PlanRun run = visibleRun(c, caller, runId);
          if (run.active()) {
            throw new ConflictException("the run is still running / 计划仍在运行");
          }
          Map<Long, String> plants = new HashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT id, code FROM org_unit WHERE unit_type = 'PLANT'");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              plants.put(rs.getLong(1), rs.getString(2));
            }
          }
          List<PlanExport.Order> orders = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT o.order_id, o.plant_id, m.code, p.procurement, p.source_plant_id,"
                      + " o.release_date, o.due_date, o.quantity FROM planned_order o"
                      + " JOIN material m ON m.id = o.material_id"
                      + " LEFT JOIN plan_parameter p ON p.plant_id = o.plant_id"
                      + " AND p.material_id = o.material_id"
                      + " WHERE o.run_id = ?"
                      + readable(caller, "o")
                      + " ORDER BY o.order_id")) {
            ps.setLong(1, runId);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Long source = PlanData.nullableLong(rs, "source_plant_id");
                orders.add(
                    new PlanExport.Order(
                        rs.getLong(1),
                        plants.get(rs.getLong(2)),
                        rs.getString(3),
                        rs.getString(4) == null ? "MAKE" : rs.getString(4),
                        source == null ? null : plants.get(source),
                        rs.getDate(6).toLocalDate(),
                        rs.getDate(7).toLocalDate(),
                        rs.getDouble(8)));
              }
            }
          }
          List<PlanExport.Message> messages = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT x.plant_id, m.code, x.kind, x.message_date, x.reference_id, x.message"
                      + " FROM plan_message x JOIN material m ON m.id = x.material_id"
                      + " WHERE x.run_id = ?"
                      + readable(caller, "x")
                      + " ORDER BY x.seq")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                messages.add(
                    new PlanExport.Message(
                        plants.get(rs.getLong(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getLong(5),
                        rs.getString(6)));
              }
            }
          }
          return new PlanExport(
              "tianshu-exchange/1",
              new PlanExport.PlanResults(
                  run.id(),
                  run.name(),
                  run.planType(),
                  run.status(),
                  plants.get(run.plantId()),
                  run.planStart(),
                  run.horizonDays(),
                  orders,
                  messages));
        });
  }

  private static void checkBucketDays(int bucketDays) {
    if (bucketDays < 1 || bucketDays > 366) {
      throw new ValidationException("bucketDays", "invalid_value", "must be in [1, 366] / 超出范围");
    }
  }
}
