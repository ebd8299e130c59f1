package io.tianshu.quality.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.FieldError;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.JtaTransactions;
import io.tianshu.quality.Capa;
import io.tianshu.quality.CapaDiscipline;
import io.tianshu.quality.CapaInput;
import io.tianshu.quality.CapaService;
import io.tianshu.quality.DisciplineInput;
import io.tianshu.quality.EffectivenessInput;
import io.tianshu.quality.FiveWhysInput;
import io.tianshu.quality.QcCircle;
import io.tianshu.quality.QcCircleInput;
import io.tianshu.quality.QcStageInput;
import io.tianshu.quality.nonconformance.Discipline;
import io.tianshu.quality.nonconformance.DisciplineState;
import io.tianshu.quality.nonconformance.Effectiveness;
import io.tianshu.quality.nonconformance.EightD;
import io.tianshu.quality.nonconformance.Pdca;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

/**
 * 8D reports and QC circle projects on the V15 tables, one JTA transaction per write with its audit
 * rows. The gates are in {@link EightD} and {@link Pdca}.
 */
@Component(service = CapaService.class)
public class CapaServiceImpl implements CapaService {
  private static final String CAPA = "Capa";
  private static final String CIRCLE = "QcCircle";

  private final JtaTransactions tx;

  @Activate
  public CapaServiceImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
  }

  // ---- 8D

  @Override
  public Capa create(CallerContext caller, CapaInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.text("title", in.title(), 200);
    v.optionalText("problem", in.problem(), 2000);
    Map<Discipline, DisciplineInput> plan = new EnumMap<>(Discipline.class);
    List<DisciplineInput> given = in.disciplines() == null ? List.of() : in.disciplines();
    for (int i = 0; i < given.size(); i++) {
      String p = "disciplines[" + i + "].";
      DisciplineInput d = given.get(i);
      Discipline k = d == null ? null : Discipline.parse(d.discipline());
      if (k == null) {
        v.add(p + "discipline", "invalid", "D1..D8 / 无效");
        continue;
      }
      if (plan.put(k, d) != null) {
        v.add(p + "discipline", "duplicate", "appears twice / 重复");
      }
      v.optionalText(p + "owner", d.owner(), 64);
    }
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.PLANNER, "Plant", in.plantId());
    if (in.ncId() != null
        && tx.read(c -> NcStore.find(c, in.ncId()))
            .filter(n -> n.plantId() == in.plantId())
            .isEmpty()) {
      throw new ValidationException(
          "ncId", "not_found", "no such nonconformance in the plant / 工厂无此不合格品处理单");
    }
    long id =
        tx.write(
            c -> {
              Instant now = Instant.now();
              String no = String.format("8D-%06d", NcStore.nextNumber(c, in.plantId(), "CAPA"));
              long capaId =
                  CapaStore.insertCapa(
                      c,
                      in.plantId(),
                      no,
                      in.title().trim(),
                      in.problem(),
                      in.ncId(),
                      now,
                      caller.username());
              for (Discipline d : Discipline.values()) {
                DisciplineInput p = plan.get(d);
                CapaStore.insertDiscipline(
                    c,
                    capaId,
                    d,
                    p == null ? null : trimOrNull(p.owner()),
                    p == null ? null : p.dueDate());
              }
              Map<String, Object> after = new LinkedHashMap<>();
              after.put("capaNo", no);
              after.put("title", in.title().trim());
              after.put("ncId", in.ncId() == null ? "" : in.ncId());
              AuditTrail.writeJdbc(
                  c, caller, CAPA, capaId, in.plantId(), AuditTrail.CREATE, null, after);
              return capaId;
            });
    return get(caller, id);
  }

  @Override
  public Capa get(CallerContext caller, long id) {
    Capa k = tx.read(c -> CapaStore.findCapa(c, id)).orElse(null);
    if (k == null || !caller.canRead(k.plantId())) {
      throw new NotFoundException(CAPA, id);
    }
    return k;
  }

  @Override
  public Page<Capa> list(CallerContext caller, long plantId, String status, PageRequest page) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    String s = upper(status);
    if (s != null && !Set.of("OPEN", "CLOSED").contains(s)) {
      throw new ValidationException("status", "invalid", "OPEN or CLOSED / 状态无效");
    }
    return tx.read(c -> CapaStore.listCapas(c, plantId, s, page));
  }

  @Override
  public Capa updateDiscipline(
      CallerContext caller, long id, String discipline, DisciplineInput in) {
    Capa k = get(caller, id);
    caller.require(k.plantId(), PlantRole.PLANNER, CAPA, id);
    Discipline d = Discipline.parse(discipline);
    if (d == null) {
      throw new NotFoundException("Discipline", discipline);
    }
    Validation v = new Validation();
    v.optionalText("owner", in.owner(), 64);
    v.optionalText("evidence", in.evidence(), 4000);
    String status = upper(in.status());
    if (status != null && !status.equals("OPEN") && !status.equals("DONE")) {
      v.add("status", "invalid", "OPEN or DONE / 状态无效");
    }
    v.throwIfInvalid();
    requireOpen(k);
    Map<Discipline, DisciplineState> states = states(k);
    DisciplineState was = states.get(d);
    boolean done = status == null ? was.done() : status.equals("DONE");
    DisciplineState now =
        new DisciplineState(
            d,
            in.owner() == null ? was.owner() : trimOrNull(in.owner()),
            in.dueDate() == null ? was.dueDate() : in.dueDate(),
            done,
            in.evidence() == null ? was.evidence() : trimOrNull(in.evidence()));
    states.put(d, now);
    if (done && !was.done()) {
      Optional<FieldError> e =
          EightD.whyNotDone(d, states, k.rootCause(), effectiveness(k.effectiveness()));
      if (e.isPresent()) {
        throw new ValidationException(List.of(e.get()));
      }
    }
    if (!done && was.done() && d == Discipline.D8) {
      throw new ConflictException("D8 closed the report / D8 已关闭报告");
    }
    // reopening a discipline the check relied on voids the check
    boolean voidCheck = was.done() && !done && EightD.REOPENED.contains(d);
    boolean closes = d == Discipline.D8 && done;
    long expected = in.version() == null ? k.version() : in.version();
    tx.write(
        c -> {
          Instant at = Instant.now();
          List<Object> args = new ArrayList<>();
          String set = "title = title";
          if (voidCheck) {
            set += ", effectiveness = NULL";
          }
          if (closes) {
            set += ", status = 'CLOSED', closed_by = ?, closed_at = ?";
            args.add(caller.username());
            args.add(at);
          }
          if (!CapaStore.updateCapa(c, id, expected, set, args)) {
            throw ConflictException.staleVersion(CAPA, id, expected);
          }
          CapaStore.updateDiscipline(
              c,
              id,
              d,
              now.owner(),
              now.dueDate(),
              now.done(),
              now.evidence(),
              now.done() ? (was.done() ? doneBy(k, d) : caller.username()) : null,
              now.done() ? (was.done() ? doneAt(k, d) : at) : null);
          Map<String, Object> before = new LinkedHashMap<>();
          before.put("discipline", d.name());
          before.put("owner", String.valueOf(was.owner()));
          before.put("status", was.done() ? "DONE" : "OPEN");
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("discipline", d.name());
          after.put("owner", String.valueOf(now.owner()));
          after.put("dueDate", String.valueOf(now.dueDate()));
          after.put("status", now.done() ? "DONE" : "OPEN");
          if (closes) {
            after.put("capaStatus", "CLOSED");
          }
          AuditTrail.writeJdbc(c, caller, CAPA, id, k.plantId(), "DISCIPLINE", before, after);
          return null;
        });
    return get(caller, id);
  }

  @Override
  public Capa putWhys(CallerContext caller, long id, FiveWhysInput in) {
    Capa k = get(caller, id);
    caller.require(k.plantId(), PlantRole.PLANNER, CAPA, id);
    List<FieldError> errors = EightD.checkWhys(in.whys(), in.rootCause());
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    requireOpen(k);
    long expected = in.version() == null ? k.version() : in.version();
    tx.write(
        c -> {
          if (!CapaStore.updateCapa(
              c, id, expected, "root_cause = ?", List.of(in.rootCause().trim()))) {
            throw ConflictException.staleVersion(CAPA, id, expected);
          }
          CapaStore.replaceWhys(c, id, in.whys());
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("whys", in.whys());
          after.put("rootCause", in.rootCause().trim());
          AuditTrail.writeJdbc(c, caller, CAPA, id, k.plantId(), "WHYS", null, after);
          return null;
        });
    return get(caller, id);
  }

  @Override
  public Capa checkEffectiveness(CallerContext caller, long id, EffectivenessInput in) {
    Capa k = get(caller, id);
    caller.require(k.plantId(), PlantRole.PLANNER, CAPA, id);
    Validation v = new Validation();
    Effectiveness result = effectiveness(upper(in.result()));
    if (in.result() == null || in.result().isBlank()) {
      v.add("result", "required", "EFFECTIVE or NOT_EFFECTIVE / 必填");
    } else if (result == null) {
      v.add("result", "invalid", "EFFECTIVE or NOT_EFFECTIVE / 无效");
    }
    v.optionalText("note", in.note(), 400);
    v.throwIfInvalid();
    requireOpen(k);
    Optional<String> why = EightD.whyNoCheck(states(k));
    if (why.isPresent()) {
      throw new ConflictException(why.get());
    }
    Set<Discipline> reopen = EightD.reopenedBy(result);
    long expected = in.version() == null ? k.version() : in.version();
    tx.write(
        c -> {
          Instant at = Instant.now();
          if (!CapaStore.updateCapa(
              c,
              id,
              expected,
              "effectiveness = ?, effectiveness_note = ?, effectiveness_by = ?, effectiveness_at"
                  + " = ?",
              Arrays.asList(result.name(), trimOrNull(in.note()), caller.username(), at))) {
            throw ConflictException.staleVersion(CAPA, id, expected);
          }
          Map<Discipline, DisciplineState> states = states(k);
          for (Discipline d : reopen) {
            DisciplineState s = states.get(d);
            CapaStore.updateDiscipline(
                c, id, d, s.owner(), s.dueDate(), false, s.evidence(), null, null);
          }
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("effectiveness", result.name());
          after.put("note", in.note() == null ? "" : in.note());
          after.put("reopened", reopen.stream().map(Enum::name).toList());
          AuditTrail.writeJdbc(c, caller, CAPA, id, k.plantId(), "EFFECTIVENESS", null, after);
          return null;
        });
    return get(caller, id);
  }

  private static void requireOpen(Capa k) {
    if (!"OPEN".equals(k.status())) {
      throw new ConflictException("the 8D report is closed / 8D 报告已关闭");
    }
  }

  private static Map<Discipline, DisciplineState> states(Capa k) {
    Map<Discipline, DisciplineState> m = new EnumMap<>(Discipline.class);
    for (CapaDiscipline d : k.disciplines()) {
      Discipline x = Discipline.valueOf(d.discipline());
      m.put(
          x,
          new DisciplineState(x, d.owner(), d.dueDate(), "DONE".equals(d.status()), d.evidence()));
    }
    return m;
  }

  private static String doneBy(Capa k, Discipline d) {
    return k.disciplines().stream()
        .filter(x -> x.discipline().equals(d.name()))
        .map(CapaDiscipline::doneBy)
        .findFirst()
        .orElse(null);
  }

  private static Instant doneAt(Capa k, Discipline d) {
    return k.disciplines().stream()
        .filter(x -> x.discipline().equals(d.name()))
        .map(CapaDiscipline::doneAt)
        .findFirst()
        .orElse(null);
  }

  private static Effectiveness effectiveness(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Effectiveness.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ---- QC circles

  @Override
  public QcCircle createCircle(CallerContext caller, QcCircleInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.text("name", in.name(), 100);
    v.text("theme", in.theme(), 200);
    v.text("leader", in.leader(), 64);
    Set<String> members = new LinkedHashSet<>();
    if (in.leader() != null && !in.leader().isBlank()) {
      members.add(in.leader().trim());
    }
    List<String> given = in.members() == null ? List.of() : in.members();
    for (int i = 0; i < given.size(); i++) {
      String m = given.get(i);
      if (m == null || m.isBlank()) {
        v.add("members[" + i + "]", "required", "is required / 必填");
      } else if (m.contains(",") || m.length() > 64) {
        v.add("members[" + i + "]", "invalid", "a name of at most 64 characters, no comma / 姓名无效");
      } else {
        members.add(m.trim());
      }
    }
    String joined = String.join(",", members);
    if (joined.length() > 1000) {
      v.add("members", "too_many", "too many members / 成员过多");
    }
    LocalDate start = in.startDate() == null ? LocalDate.now() : in.startDate();
    if (in.targetDate() != null && in.targetDate().isBefore(start)) {
      v.add("targetDate", "before_start", "must not be before the start / 不得早于开始日期");
    }
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.OPERATOR, "Plant", in.plantId());
    long id =
        tx.write(
            c -> {
              long circleId =
                  CapaStore.insertCircle(
                      c,
                      in.plantId(),
                      in.name().trim(),
                      in.theme().trim(),
                      in.leader().trim(),
                      joined,
                      start,
                      in.targetDate(),
                      Instant.now(),
                      caller.username());
              Map<String, Object> after = new LinkedHashMap<>();
              after.put("name", in.name().trim());
              after.put("theme", in.theme().trim());
              after.put("members", joined);
              AuditTrail.writeJdbc(
                  c, caller, CIRCLE, circleId, in.plantId(), AuditTrail.CREATE, null, after);
              return circleId;
            });
    return getCircle(caller, id);
  }

  @Override
  public QcCircle getCircle(CallerContext caller, long id) {
    QcCircle q = tx.read(c -> CapaStore.findCircle(c, id)).orElse(null);
    if (q == null || !caller.canRead(q.plantId())) {
      throw new NotFoundException(CIRCLE, id);
    }
    return q;
  }

  @Override
  public Page<QcCircle> listCircles(
      CallerContext caller, long plantId, String stage, PageRequest page) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    String s = upper(stage);
    if (s != null && pdca(s) == null) {
      throw new ValidationException("stage", "invalid", "PLAN, DO, CHECK, ACT or COMPLETED / 无效");
    }
    return tx.read(c -> CapaStore.listCircles(c, plantId, s, page));
  }

  @Override
  public QcCircle advanceCircle(CallerContext caller, long id, QcStageInput in) {
    QcCircle q = getCircle(caller, id);
    caller.require(q.plantId(), PlantRole.OPERATOR, CIRCLE, id);
    Validation v = new Validation();
    Pdca to = pdca(upper(in.stage()));
    if (to == null) {
      v.add(
          "stage", in.stage() == null ? "required" : "invalid", "DO, CHECK, ACT or COMPLETED / 无效");
    }
    v.optionalText("result", in.result(), 2000);
    v.throwIfInvalid();
    Pdca from = Pdca.valueOf(q.stage());
    Optional<String> why = from.whyNot(to, in.result());
    if (why.isPresent()) {
      if (to == Pdca.COMPLETED && from == Pdca.ACT) {
        throw new ValidationException("result", "required", why.get());
      }
      throw new ConflictException(why.get());
    }
    long expected = in.version() == null ? q.version() : in.version();
    String result = in.result() == null ? q.result() : in.result().trim();
    tx.write(
        c -> {
          if (!CapaStore.advanceCircle(
              c,
              id,
              expected,
              from.name(),
              to.name(),
              result,
              to == Pdca.COMPLETED ? LocalDate.now() : null)) {
            throw ConflictException.staleVersion(CIRCLE, id, expected);
          }
          AuditTrail.writeJdbc(
              c,
              caller,
              CIRCLE,
              id,
              q.plantId(),
              "STAGE",
              Map.of("stage", from.name()),
              Map.of("stage", to.name()));
          return null;
        });
    return getCircle(caller, id);
  }

  private static Pdca pdca(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Pdca.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String trimOrNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String upper(String s) {
    return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
  }
}
