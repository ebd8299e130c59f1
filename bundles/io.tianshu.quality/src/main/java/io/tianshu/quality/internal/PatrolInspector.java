package io.tianshu.quality.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.persistence.JtaTransactions;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.InspectionPlan;
import io.tianshu.quality.PatrolService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Patrol inspection: opens in-process lots for started work orders as their plans' intervals fall
 * due, each order in a transaction of its own, and runs itself every {@link
 * Config#intervalSeconds()} seconds as the system (PID {@value #PID}; 0 turns the schedule off).
 */
@Component(name = PatrolInspector.PID, service = PatrolService.class, immediate = true)
@Designate(ocd = PatrolInspector.Config.class)
public class PatrolInspector implements PatrolService {
  static final String PID = "io.tianshu.quality.patrol";
  private static final Logger LOG = LoggerFactory.getLogger(PatrolInspector.class);

  /** The patrol schedule's settings. */
  @ObjectClassDefinition(
      name = "Tianshu patrol inspection / 巡检",
      description = "Opens in-process inspection lots of started work orders as they fall due")
  public @interface Config {
    /**
     * Seconds between runs.
     *
     * @return the interval; 0 turns the schedule off
     */
    @AttributeDefinition(
        name = "Interval (s) / 间隔（秒）",
        description = "Seconds between patrol runs; 0 turns them off / 0 表示停用",
        min = "0")
    long intervalSeconds() default 60;
  }

  private final JtaTransactions tx;
  private final ExecutionService execution;
  private ScheduledExecutorService executor;

  @Activate
  public PatrolInspector(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference ExecutionService execution,
      Config config) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
    this.execution = execution;
    long interval = config.intervalSeconds();
    if (interval > 0) {
      executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "tianshu-patrol-inspection");
                t.setDaemon(true);
                return t;
              });
      executor.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.SECONDS);
    }
  }

  /** One scheduled run; never throws, so that the schedule goes on after a failure. */
  void runOnce() {
    try {
      List<InspectionLot> opened = patrol(CallerContext.system(), null, Instant.now());
      if (!opened.isEmpty()) {
        LOG.info("Patrol inspection: {} lot(s) opened", opened.size());
      }
    } catch (RuntimeException e) {
      LOG.warn("Patrol inspection run failed; trying again next run: {}", e.toString(), e);
    }
  }

  @Deactivate
  synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public List<InspectionLot> patrol(CallerContext caller, Long plantId, Instant now) {
    if (plantId != null) {
      caller.require(plantId, PlantRole.PLANNER, "Plant", plantId);
    }
    List<InspectionPlan> plans = tx.read(c -> QualityStore.patrolPlans(c, plantId));
    List<Long> opened = new ArrayList<>();
    for (InspectionPlan plan : plans) {
      if (!caller.canRead(plan.plantId())) {
        continue;
      }
      List<WorkOrder> started =
          execution
              .list(
                  caller,
                  plan.plantId(),
                  WorkOrderStatus.STARTED,
                  plan.materialId(),
                  new PageRequest(0, PageRequest.MAX_LIMIT, "id", true))
              .items();
      for (WorkOrder w : started) {
        if (w.receiveLocationId() == null) {
          continue;
        }
        try {
          Long id = openIfDue(caller, plan, w, now);
          if (id != null) {
            opened.add(id);
          }
        } catch (NotFoundException e) {
          // the order went away meanwhile
        }
      }
    }
    List<InspectionLot> lots = new ArrayList<>();
    for (long id : opened) {
      lots.add(tx.read(c -> QualityStore.findLot(c, id, false)).orElseThrow());
    }
    return lots;
  }

  /** Opens the order's patrol lot if due; the check and the insert share the transaction. */
  private Long openIfDue(CallerContext caller, InspectionPlan plan, WorkOrder w, Instant now) {
    return tx.write(
        c -> {
          Instant last = QualityStore.lastInProcessLot(c, w.plantId(), w.materialId(), w.code());
          if (!PatrolSchedule.due(last, plan.patrolMinutes(), now)) {
            return null;
          }
          return Lots.open(
              c,
              caller,
              plan,
              new Lots.Request(
                  w.plantId(),
                  w.materialId(),
                  "",
                  w.lot() == null ? "" : w.lot(),
                  w.quantity(),
                  w.receiveLocationId(),
                  "IPQC",
                  w.code(),
                  false));
        });
  }
}
