package io.tianshu.execution.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.DomainEvent;
import io.tianshu.core.EventPublisher;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.AndonCallInput;
import io.tianshu.execution.AndonCallView;
import io.tianshu.execution.AndonNotification;
import io.tianshu.execution.AndonReport;
import io.tianshu.execution.AndonRule;
import io.tianshu.execution.AndonRuleInput;
import io.tianshu.execution.AndonService;
import io.tianshu.execution.AndonStatus;
import io.tianshu.execution.engine.AndonCategory;
import io.tianshu.execution.engine.AndonDueEscalation;
import io.tianshu.execution.engine.AndonEscalation;
import io.tianshu.execution.engine.AndonEscalationStatus;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.JtaTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Andon calls in the server: plain JDBC on the Andon tables, one JTA transaction per change with
 * its audit row. The escalation rules are the engine's ({@link AndonEscalation}); this class reads,
 * checks rights, locks the call, records what the engine says is due, and publishes the events
 * after commit. All times are the server's clock, truncated to milliseconds so that what is
 * returned is what the database keeps.
 */
@Component(service = AndonService.class)
public class AndonServiceImpl implements AndonService {
  private static final Logger LOG = LoggerFactory.getLogger(AndonServiceImpl.class);
  private static final String ENTITY = "AndonCall";
  private static final String RULES = "AndonRules";

  /** How far ahead of the server's clock an escalation "now" may be (clock skew between nodes). */
  private static final long MAX_AHEAD_SECONDS = 5;

  private final JtaTransactions tx;
  private final EventPublisher events;
  private final Clock clock;

  @Activate
  public AndonServiceImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference Database database,
      @Reference EventPublisher events) {
    this(new JtaTransactions(dataSource, transactionManager), events, Clock.systemUTC());
  }

  AndonServiceImpl(JtaTransactions tx, EventPublisher events, Clock clock) {
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // ---- calls

  @Override
  public AndonCallView raise(CallerContext caller, AndonCallInput in) {
    if (in == null) {
      throw new ValidationException("body", "required", "is required / 必填");
    }
    AndonLogic.CheckedCall checked = AndonLogic.check(in);
    long plantId = in.plantId();
    caller.require(plantId, PlantRole.OPERATOR, "Plant", plantId);
    Instant now = now();
    long id =
        tx.write(
            c -> {
              if (!AndonStore.plantExists(c, plantId)) {
                throw new NotFoundException("Plant", plantId);
              }
              if (in.workOrderId() != null) {
                var plant = AndonStore.workOrderPlant(c, in.workOrderId());
                if (plant.isEmpty() || plant.get() != plantId) {
                  throw new ValidationException(
                      "workOrderId", "not_found", "no such work order in the plant / 工厂无此工单");
                }
                if (in.operationSeq() != null
                    && !AndonStore.operationExists(c, in.workOrderId(), in.operationSeq())) {
                  throw new ValidationException(
                      "operationSeq", "not_found", "no such operation of the order / 工单无此工序");
                }
              }
              long newId =
                  AndonStore.insertCall(
                      c,
                      new AndonStore.NewCall(
                          plantId,
                          in.lineCode().trim(),
                          blankToNull(in.station()),
                          checked.category(),
                          checked.priority(),
                          blankToNull(in.description()),
                          in.workOrderId(),
                          in.operationSeq(),
                          now,
                          caller.username()));
              Map<String, Object> after = new LinkedHashMap<>();
              after.put("lineCode", in.lineCode().trim());
              after.put("category", checked.category().name());
              after.put("priority", checked.priority().name());
              after.put("status", AndonStatus.RAISED.name());
              AuditTrail.writeJdbc(
                  c, caller, ENTITY, newId, plantId, AuditTrail.CREATE, null, after);
              return newId;
            });
    AndonCallView v = get(caller, id);
    publish(caller, v, "RAISED", Map.of());
    return v;
  }

  @Override
  public AndonCallView acknowledge(CallerContext caller, long id) {
    return change(caller, id, PlantRole.OPERATOR, "ACKNOWLEDGE", null);
  }

  @Override
  public AndonCallView resolve(CallerContext caller, long id, String resolution) {
    return change(caller, id, PlantRole.PLANNER, "RESOLVE", resolution);
  }

  @Override
  public AndonCallView close(CallerContext caller, long id) {
    return change(caller, id, PlantRole.PLANNER, "CLOSE", null);
  }

  private AndonCallView change(
      CallerContext caller, long id, PlantRole role, String action, String resolution) {
    AndonCallView before = get(caller, id);
    caller.require(before.plantId(), role, ENTITY, id);
    if ("RESOLVE".equals(action)) {
      new Validation().text("resolution", resolution, 1000).throwIfInvalid();
    }
    AndonStatus to =
        switch (action) {
          case "ACKNOWLEDGE" -> AndonStatus.ACKNOWLEDGED;
          case "RESOLVE" -> AndonStatus.RESOLVED;
          default -> AndonStatus.CLOSED;
        };
    tx.write(
        c -> {
          if (!AndonStore.lock(c, id)) {
            throw new NotFoundException(ENTITY, id);
          }
          AndonCallView v = AndonStore.find(c, id).orElseThrow(() -> notFound(id));
          if (!AndonLogic.allowed(v.status(), action)) {
            throw new ConflictException(
                "The call is "
                    + v.status()
                    + "; "
                    + action.toLowerCase(java.util.Locale.ROOT)
                    + " is not possible / 安灯呼叫状态为 "
                    + v.status()
                    + "，不能执行该操作");
          }
          // Never before an earlier step, even if nodes' clocks disagree a little.
          Instant at =
              AndonLogic.latest(now(), AndonLogic.latest(v.raisedAt(), v.acknowledgedAt()));
          switch (action) {
            case "ACKNOWLEDGE" ->
                AndonStore.update(
                    c,
                    id,
                    "status = ?, acknowledged_at = ?, acknowledged_by = ?",
                    to.name(),
                    at,
                    caller.username());
            case "RESOLVE" ->
                AndonStore.update(
                    c,
                    id,
                    "status = ?, resolved_at = ?, resolved_by = ?, resolution = ?",
                    to.name(),
                    AndonLogic.latest(at, v.resolvedAt()),
                    caller.username(),
                    resolution.trim());
            default ->
                AndonStore.update(
                    c,
                    id,
                    "status = ?, closed_at = ?, closed_by = ?",
                    to.name(),
                    AndonLogic.latest(at, v.resolvedAt()),
                    caller.username());
          }
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("from", v.status().name());
          after.put("to", to.name());
          if (resolution != null) {
            after.put("resolution", resolution.trim());
          }
          AuditTrail.writeJdbc(c, caller, ENTITY, id, v.plantId(), action, null, after);
          return null;
        });
    AndonCallView v = get(caller, id);
    publish(caller, v, to.name(), Map.of());
    return v;
  }

  @Override
  public AndonCallView get(CallerContext caller, long id) {
    AndonCallView v = tx.read(c -> AndonStore.find(c, id)).orElse(null);
    if (v == null || !caller.canRead(v.plantId())) {
      throw notFound(id);
    }
    return v;
  }

  @Override
  public Page<AndonCallView> list(
      CallerContext caller,
      Long plantId,
      AndonStatus status,
      AndonCategory category,
      String lineCode,
      PageRequest page) {
    if (plantId != null && !caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    String line = blankToNull(lineCode);
    return tx.read(
        c -> AndonStore.list(c, caller.readablePlants(), plantId, status, category, line, page));
  }

  // ---- rules

  @Override
  public List<AndonRule> rules(CallerContext caller, long plantId) {
    caller.require(plantId, PlantRole.VIEWER, "Plant", plantId);
    return tx.read(
        c -> {
          if (!AndonStore.plantExists(c, plantId)) {
            throw new NotFoundException("Plant", plantId);
          }
          return AndonStore.rules(c, plantId);
        });
  }

  @Override
  public List<AndonRule> putRules(CallerContext caller, long plantId, List<AndonRuleInput> rules) {
    List<AndonLogic.CheckedRule> checked = AndonLogic.checkRules(rules);
    caller.require(plantId, PlantRole.PLANNER, "Plant", plantId);
    Instant now = now();
    tx.write(
        c -> {
          if (!AndonStore.plantExists(c, plantId)) {
            throw new NotFoundException("Plant", plantId);
          }
          List<AndonRule> old = AndonStore.rules(c, plantId);
          AndonStore.deleteRules(c, plantId);
          for (AndonLogic.CheckedRule r : checked) {
            AndonStore.insertRule(
                c,
                plantId,
                r.category(),
                r.priority(),
                r.stopOnAcknowledge(),
                r.levels(),
                now,
                caller.username());
          }
          AuditTrail.writeJdbc(
              c,
              caller,
              RULES,
              plantId,
              plantId,
              AuditTrail.UPDATE,
              Map.of("rules", summary(old)),
              Map.of("rules", summaryChecked(checked)));
          return null;
        });
    return rules(caller, plantId);
  }

  private static List<String> summary(List<AndonRule> rules) {
    List<String> out = new ArrayList<>();
    for (AndonRule r : rules) {
      StringBuilder sb =
          new StringBuilder(r.category() + "/" + (r.priority() == null ? "ANY" : r.priority()));
      for (AndonRule.Level l : r.levels()) {
        sb.append(' ').append(l.delayMinutes()).append("m→").append(l.recipient());
      }
      out.add(sb.append(r.stopOnAcknowledge() ? " stop" : "").toString());
    }
    return out;
  }

  private static List<String> summaryChecked(List<AndonLogic.CheckedRule> rules) {
    List<AndonRule> as = new ArrayList<>();
    for (AndonLogic.CheckedRule r : rules) {
      as.add(new AndonRule(0, 0, r.category(), r.priority(), r.stopOnAcknowledge(), r.levels()));
    }
    return summary(as);
  }

  // ---- escalation

  @Override
  public List<AndonNotification> escalate(CallerContext caller, Long plantId, Instant now) {
    Objects.requireNonNull(now, "now");
    if (plantId == null) {
      caller.requireGroupAdmin();
    } else {
      caller.require(plantId, PlantRole.PLANT_ADMIN, "Plant", plantId);
    }
    if (now.isAfter(clock.instant().plusSeconds(MAX_AHEAD_SECONDS))) {
      throw new ValidationException(
          "now", "in_future", "must not be after the server's clock / 不得晚于服务器时间");
    }
    List<Long> open = tx.read(c -> AndonStore.openCalls(c, plantId));
    Map<Long, AndonEscalation> engines = new HashMap<>();
    List<AndonNotification> out = new ArrayList<>();
    for (Long id : open) {
      try {
        // A read first: most open calls have nothing due, and need no lock.
        boolean due = tx.read(c -> !dueNow(c, id, now, engines).isEmpty());
        if (!due) {
          continue;
        }
        List<AndonNotification> made = tx.write(c -> escalateLocked(c, caller, id, now, engines));
        for (AndonNotification n : made) {
          publishEscalated(caller, n);
        }
        out.addAll(made);
      } catch (RuntimeException e) {
        // One call that cannot be escalated must not hold up the others; it is tried next run.
        LOG.warn("Andon call {} not escalated: {}", id, e.toString());
      }
    }
    return out;
  }

  private List<AndonDueEscalation> dueNow(
      Connection c, long id, Instant now, Map<Long, AndonEscalation> engines) throws SQLException {
    AndonCallView v = AndonStore.find(c, id).orElse(null);
    if (v == null || !v.status().open() || now.isBefore(v.raisedAt())) {
      return List.of();
    }
    AndonEscalation engine = engines.get(v.plantId());
    if (engine == null) {
      engine = AndonLogic.engine(AndonStore.rules(c, v.plantId()));
      engines.put(v.plantId(), engine);
    }
    AndonEscalationStatus st = engine.evaluate(AndonLogic.engineCall(v), now);
    return st.due();
  }

  private List<AndonNotification> escalateLocked(
      Connection c, CallerContext caller, long id, Instant now, Map<Long, AndonEscalation> engines)
      throws SQLException {
    if (!AndonStore.lock(c, id)) {
      return List.of();
    }
    // Evaluated again under the lock: another node may have sent the levels meanwhile.
    List<AndonDueEscalation> due = dueNow(c, id, now, engines);
    if (due.isEmpty()) {
      return List.of();
    }
    AndonCallView v = AndonStore.find(c, id).orElseThrow(() -> notFound(id));
    Instant sentAt = now();
    List<AndonNotification> made = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    for (AndonDueEscalation d : due) {
      long nid = AndonStore.insertNotification(c, id, d.level(), d.recipient(), d.dueAt(), sentAt);
      made.add(
          new AndonNotification(
              nid,
              id,
              v.plantId(),
              v.lineCode(),
              v.category(),
              v.priority(),
              d.level(),
              d.recipient(),
              d.dueAt(),
              sentAt));
      levels.add(d.level());
    }
    AuditTrail.writeJdbc(
        c, caller, ENTITY, id, v.plantId(), "ESCALATE", null, Map.of("levels", levels));
    return made;
  }

  // ---- statistics

  @Override
  public AndonReport statistics(
      CallerContext caller, long plantId, Instant from, Instant to, String lineCode) {
    AndonLogic.checkPeriod(from, to);
    caller.require(plantId, PlantRole.VIEWER, "Plant", plantId);
    String line = blankToNull(lineCode);
    List<AndonCallView> calls =
        tx.read(
            c -> {
              if (!AndonStore.plantExists(c, plantId)) {
                throw new NotFoundException("Plant", plantId);
              }
              return AndonStore.raisedBetween(c, plantId, from, to, line);
            });
    return AndonLogic.report(plantId, line, from, to, calls);
  }

  // ---- helpers

  private void publish(CallerContext caller, AndonCallView v, String what, Map<String, Object> m) {
    Map<String, Object> data = new LinkedHashMap<>(m);
    data.put("lineCode", v.lineCode());
    data.put("category", v.category().name());
    data.put("priority", v.priority().name());
    if (v.station() != null) {
      data.put("station", v.station());
    }
    events.publish(
        new DomainEvent(
            "execution",
            ENTITY,
            what,
            String.valueOf(v.id()),
            v.plantId(),
            caller.username(),
            Instant.now(),
            data));
  }

  private void publishEscalated(CallerContext caller, AndonNotification n) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("level", n.level());
    data.put("recipient", n.recipient());
    data.put("dueAt", n.dueAt().toString());
    data.put("lineCode", n.lineCode());
    data.put("category", n.category().name());
    data.put("priority", n.priority().name());
    events.publish(
        new DomainEvent(
            "execution",
            ENTITY,
            "ESCALATED",
            String.valueOf(n.callId()),
            n.plantId(),
            caller.username(),
            n.sentAt(),
            data));
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException(ENTITY, id);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
