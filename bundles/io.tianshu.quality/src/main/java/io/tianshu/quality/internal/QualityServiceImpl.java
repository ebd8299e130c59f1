package io.tianshu.quality.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.DomainEvent;
import io.tianshu.core.EventPublisher;
import io.tianshu.core.FieldError;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.MovementInput;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.JtaTransactions;
import io.tianshu.quality.Characteristic;
import io.tianshu.quality.DecisionInput;
import io.tianshu.quality.GoodsReceipt;
import io.tianshu.quality.GoodsReceiptInput;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.InspectionLotInput;
import io.tianshu.quality.InspectionPlan;
import io.tianshu.quality.InspectionPlanInput;
import io.tianshu.quality.InspectionResult;
import io.tianshu.quality.OutgoingInspectionInput;
import io.tianshu.quality.QualityService;
import io.tianshu.quality.ResultInput;
import io.tianshu.quality.ResumeInput;
import io.tianshu.quality.SamplingStateView;
import io.tianshu.quality.sampling.Aql;
import io.tianshu.quality.sampling.CodeLetter;
import io.tianshu.quality.sampling.InspectionLevel;
import io.tianshu.quality.sampling.LotOutcome;
import io.tianshu.quality.sampling.SamplingPlan;
import io.tianshu.quality.sampling.Severity;
import io.tianshu.quality.sampling.SwitchingConditions;
import io.tianshu.quality.sampling.SwitchingRules;
import io.tianshu.quality.sampling.SwitchingState;
import io.tianshu.quality.sampling.Transition;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Quality in the server: plain JDBC on the V14 tables in one JTA transaction per call, which the
 * inventory status change of a usage decision joins. Sampling plans and switching come from the
 * engine in {@link io.tianshu.quality.sampling}; this class reads, checks rights, applies and
 * writes.
 */
@Component(service = QualityService.class)
public class QualityServiceImpl implements QualityService {
  private static final String PLAN = "InspectionPlan";
  private static final String LOT = "InspectionLot";
  private static final String STATE = "SamplingState";
  private static final Set<String> SOURCES =
      Set.of("IQC", "IPQC", "FQC", "OQC", "RETURN", "MANUAL");
  private static final Set<String> KINDS = Set.of("VARIABLE", "ATTRIBUTE");
  private static final Set<String> CLASSES = Set.of("CRITICAL", "MAJOR", "MINOR");
  private static final Set<String> STATUSES = Set.of("CREATED", "RESULTS_RECORDED", "DECIDED");

  private final JtaTransactions tx;
  private final MasterDataService masterData;
  private final InventoryService inventory;
  private final EventPublisher events;

  @Activate
  public QualityServiceImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference MasterDataService masterData,
      @Reference InventoryService inventory,
      @Reference EventPublisher events) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
    this.masterData = masterData;
    this.inventory = inventory;
    this.events = events;
  }

  // ---- plans

  @Override
  public InspectionPlan putPlan(CallerContext caller, InspectionPlanInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.required("materialId", in.materialId());
    if (in.supplier() != null && !in.supplier().isBlank()) {
      v.code("supplier", in.supplier(), 40);
    }
    v.text("revision", in.revision(), 16);
    InspectionLevel level = level(v, in.inspectionLevel());
    Aql aql = null;
    if (in.aql() == null || in.aql().isBlank()) {
      v.required("aql", null);
    } else {
      try {
        aql = Aql.of(in.aql());
      } catch (IllegalArgumentException e) {
        v.add("aql", "invalid", "not an AQL of the master tables, e.g. 0.65, 1.0, 2.5 / AQL 无效");
      }
    }
    List<Characteristic> chars = in.characteristics() == null ? List.of() : in.characteristics();
    if (chars.isEmpty()) {
      v.add("characteristics", "required", "at least one characteristic / 至少一个检验特性");
    }
    List<Characteristic> clean = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < chars.size(); i++) {
      clean.add(characteristic(v, "characteristics[" + i + "].", chars.get(i), codes));
    }
    List<String> autoLots = autoLots(v, in.autoLots());
    boolean reducedApproved = Boolean.TRUE.equals(in.reducedApproved());
    String samplingMode = in.samplingMode() == null ? "ISO_2859" : upper(in.samplingMode());
    int fixedN = 0;
    int fixedAc = 0;
    if (!Set.of("ISO_2859", "FIXED", "HUNDRED_PERCENT").contains(samplingMode)) {
      v.add("samplingMode", "invalid", "ISO_2859, FIXED or HUNDRED_PERCENT / 抽样方式无效");
    } else if (samplingMode.equals("FIXED")) {
      fixedN = in.fixedSampleSize() == null ? 0 : in.fixedSampleSize();
      fixedAc = in.fixedAcceptance() == null ? 0 : in.fixedAcceptance();
      if (fixedN < 1) {
        v.add("fixedSampleSize", "required", "a fixed plan needs n >= 1 / 固定抽样需要样本量");
      } else if (fixedAc < 0 || fixedAc >= fixedN) {
        v.add("fixedAcceptance", "range", "0 <= Ac < n / 接收数须在 0 与样本量之间");
      }
    }
    String mode = samplingMode;
    int sampleN = fixedN;
    int sampleAc = fixedAc;
    int operationSeq = in.operationSeq() == null ? 0 : in.operationSeq();
    if (in.operationSeq() != null && operationSeq < 1) {
      v.add("operationSeq", "range", "a routing operation number, 1 or more / 工序号须大于 0");
    }
    if (operationSeq > 0 && in.supplier() != null && !in.supplier().isBlank()) {
      v.add("supplier", "not_allowed", "an operation's plan is in-house / 工序检验计划不分供应商");
    }
    int patrolMinutes = in.patrolMinutes() == null ? 0 : in.patrolMinutes();
    if (in.patrolMinutes() != null && (patrolMinutes < 1 || patrolMinutes > 1440)) {
      v.add("patrolMinutes", "range", "1 to 1440 minutes / 巡检间隔须为 1 到 1440 分钟");
    }
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.PLANNER, "Plant", in.plantId());
    material(caller, in.materialId());
    String supplier = supplierKey(in.supplier());
    String levelLabel = level.label();
    String aqlLabel = aql.label();
    long id =
        tx.write(
            c -> {
              Instant now = Instant.now();
              Optional<InspectionPlan> old =
                  QualityStore.findPlan(c, in.plantId(), in.materialId(), supplier, operationSeq);
              long planId;
              if (old.isEmpty()) {
                planId =
                    QualityStore.insertPlan(
                        c,
                        in.plantId(),
                        in.materialId(),
                        supplier,
                        in.revision().trim(),
                        levelLabel,
                        aqlLabel,
                        autoLots,
                        patrolMinutes,
                        operationSeq,
                        reducedApproved,
                        now,
                        caller.username());
              } else {
                InspectionPlan p = old.get();
                planId = p.id();
                long expected = in.version() == null ? p.version() : in.version();
                if (!QualityStore.updatePlan(
                    c,
                    planId,
                    expected,
                    in.revision().trim(),
                    levelLabel,
                    aqlLabel,
                    autoLots,
                    patrolMinutes,
                    reducedApproved)) {
                  throw ConflictException.staleVersion(PLAN, planId, expected);
                }
                List<String> used = QualityStore.codesWithResults(c, planId);
                List<FieldError> errors = new ArrayList<>();
                for (Characteristic k : p.characteristics()) {
                  if (!codes.contains(k.code())) {
                    if (used.contains(k.code())) {
                      errors.add(
                          new FieldError(
                              "characteristics",
                              "in_use",
                              "characteristic "
                                  + k.code()
                                  + " has results and cannot be removed / 检验特性 "
                                  + k.code()
                                  + " 已有检验结果，不能删除"));
                    } else {
                      QualityStore.deleteCharacteristic(c, planId, k.code());
                    }
                  }
                }
                if (!errors.isEmpty()) {
                  throw new ValidationException(errors);
                }
              }
              for (int i = 0; i < clean.size(); i++) {
                QualityStore.upsertCharacteristic(c, planId, i + 1, clean.get(i));
              }
              QualityStore.setSampling(c, planId, mode, sampleN, sampleAc);
              // before and after in full: the audit trail is the plan's version history
              AuditTrail.writeJdbc(
                  c,
                  caller,
                  PLAN,
                  planId,
                  in.plantId(),
                  old.isEmpty() ? AuditTrail.CREATE : AuditTrail.UPDATE,
                  old.map(QualityServiceImpl::snapshot).orElse(null),
                  snapshot(QualityStore.findPlan(c, planId).orElseThrow()));
              return planId;
            });
    return getPlan(caller, id);
  }

  /** A plan as the audit trail keeps each of its versions. */
  private static Map<String, Object> snapshot(InspectionPlan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("materialId", p.materialId());
    m.put("supplier", p.supplier());
    m.put("operationSeq", p.operationSeq());
    m.put("revision", p.revision());
    m.put("level", p.inspectionLevel());
    m.put("aql", p.aql());
    m.put("autoLots", p.autoLots());
    m.put("patrolMinutes", p.patrolMinutes());
    m.put("reducedApproved", p.reducedApproved());
    m.put("samplingMode", p.samplingMode());
    m.put("fixedSampleSize", p.fixedSampleSize());
    m.put("fixedAcceptance", p.fixedAcceptance());
    List<Map<String, Object>> chars = new ArrayList<>();
    for (Characteristic k : p.characteristics()) {
      Map<String, Object> km = new LinkedHashMap<>();
      km.put("code", k.code());
      km.put("name", k.name());
      km.put("kind", k.kind());
      km.put("target", k.target());
      km.put("lower", k.lower());
      km.put("upper", k.upper());
      km.put("unit", k.unit());
      km.put("defectClass", k.defectClass());
      km.put("instrument", k.instrument());
      km.put("method", k.method());
      chars.add(km);
    }
    m.put("characteristics", chars);
    if (io.tianshu.core.Json.write(m).length() > 30_000) {
      // beyond what an audit row holds (32,000): the codes only
      m.put("characteristics", p.characteristics().stream().map(Characteristic::code).toList());
      m.put("characteristicsAbridged", true);
    }
    return m;
  }

  /** The events that open lots of the plan, each once, in the order of {@link Lots#EVENTS}. */
  private static List<String> autoLots(Validation v, List<String> given) {
    if (given == null) {
      return List.of();
    }
    Set<String> asked = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String e = upper(given.get(i));
      if (e == null || !Lots.EVENTS.contains(e)) {
        v.add(
            "autoLots[" + i + "]",
            "invalid",
            "IQC (goods receipt), IPQC (a work order's first report), FQC (product from a work"
                + " order) or RETURN (customer return)"
                + " / 自动开检验批的事件无效");
      } else {
        asked.add(e);
      }
    }
    return Lots.EVENTS.stream().filter(asked::contains).toList();
  }

  private static Characteristic characteristic(
      Validation v, String p, Characteristic k, Set<String> codes) {
    if (k == null) {
      v.add(p.substring(0, p.length() - 1), "required", "is required / 必填");
      return null;
    }
    v.code(p + "code", k.code(), 40);
    if (k.code() != null && !codes.add(k.code())) {
      v.add(p + "code", "duplicate", "appears twice in the plan / 检验特性代码重复");
    }
    v.text(p + "name", k.name(), 200);
    String kind = upper(k.kind());
    if (kind == null) {
      v.add(p + "kind", "required", "is required: VARIABLE or ATTRIBUTE / 必填");
    } else if (!KINDS.contains(kind)) {
      v.add(p + "kind", "invalid", "VARIABLE or ATTRIBUTE / 特性类型无效");
    }
    String cls = k.defectClass() == null ? "MAJOR" : upper(k.defectClass());
    if (!CLASSES.contains(cls)) {
      v.add(p + "defectClass", "invalid", "CRITICAL, MAJOR or MINOR / 缺陷等级无效");
    }
    if ("VARIABLE".equals(kind)) {
      if (k.lower() == null && k.upper() == null) {
        v.add(p + "lower", "required", "a variable needs a lower or upper limit / 计量特性需要规格限");
      }
      if (k.lower() != null && k.upper() != null && k.lower().compareTo(k.upper()) > 0) {
        v.add(p + "upper", "below_lower", "must not be below the lower limit / 上限不得低于下限");
      }
      v.optionalText(p + "unit", k.unit(), 16);
    }
    v.optionalText(p + "instrument", k.instrument(), 100);
    v.optionalText(p + "method", k.method(), 400);
    boolean variable = "VARIABLE".equals(kind);
    return new Characteristic(
        null,
        k.code(),
        k.name() == null ? null : k.name().trim(),
        kind,
        variable ? k.target() : null,
        variable ? k.lower() : null,
        variable ? k.upper() : null,
        variable ? k.unit() : null,
        cls,
        blankToNull(k.instrument()),
        blankToNull(k.method()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public InspectionPlan getPlan(CallerContext caller, long id) {
    InspectionPlan p = tx.read(c -> QualityStore.findPlan(c, id)).orElse(null);
    if (p == null || !caller.canRead(p.plantId())) {
      throw new NotFoundException(PLAN, id);
    }
    return p;
  }

  @Override
  public List<InspectionPlan> listPlans(CallerContext caller, long plantId, Long materialId) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    return tx.read(c -> QualityStore.listPlans(c, plantId, materialId));
  }

  // ---- lots

  @Override
  public InspectionLot createLot(CallerContext caller, InspectionLotInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.required("materialId", in.materialId());
    v.required("locationId", in.locationId());
    if (in.supplier() != null && !in.supplier().isBlank()) {
      v.code("supplier", in.supplier(), 40);
    }
    v.code("lot", in.lot(), 64);
    v.positive("quantity", in.quantity());
    if (in.quantity() != null && in.quantity().signum() > 0) {
      if (in.quantity().stripTrailingZeros().scale() > 0) {
        v.add("quantity", "not_whole", "the lot size must be a whole number / 批量必须为整数");
      } else if (in.quantity().compareTo(BigDecimal.valueOf(2)) < 0) {
        v.add("quantity", "too_small", "the lot size must be at least 2 / 批量至少为 2");
      } else if (in.quantity().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        v.add("quantity", "too_large", "the lot size is too large / 批量过大");
      }
    }
    String source = in.source() == null ? "MANUAL" : upper(in.source());
    if (!SOURCES.contains(source)) {
      v.add("source", "invalid", "IQC, IPQC, FQC, OQC, RETURN or MANUAL / 来源无效");
    }
    v.optionalText("reference", in.reference(), 64);
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.OPERATOR, "Plant", in.plantId());
    material(caller, in.materialId());
    String supplier = supplierKey(in.supplier());
    long id =
        tx.write(
            c -> {
              QualityStore.requireLocationOfPlant(c, in.plantId(), in.locationId());
              InspectionPlan plan =
                  requirePlan(
                      QualityStore.findPlan(c, in.plantId(), in.materialId(), supplier)
                          .or(() -> findPlanUnchecked(c, in.plantId(), in.materialId(), "")));
              long lotId =
                  Lots.open(
                      c,
                      caller,
                      plan,
                      new Lots.Request(
                          in.plantId(),
                          in.materialId(),
                          supplier,
                          in.lot(),
                          in.quantity(),
                          in.locationId(),
                          source,
                          in.reference(),
                          true));
              return lotId;
            });
    return getLot(caller, id);
  }

  private static InspectionPlan requirePlan(Optional<InspectionPlan> plan) {
    return plan.orElseThrow(
        () ->
            new ValidationException(
                "materialId",
                "no_plan",
                "no inspection plan for this material in the plant / 该物料无检验计划"));
  }

  private static Optional<InspectionPlan> findPlanUnchecked(
      Connection c, long plantId, long materialId, String supplier) {
    try {
      return QualityStore.findPlan(c, plantId, materialId, supplier);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public InspectionLot getLot(CallerContext caller, long id) {
    InspectionLot l = tx.read(c -> QualityStore.findLot(c, id, true)).orElse(null);
    if (l == null || !caller.canRead(l.plantId())) {
      throw new NotFoundException(LOT, id);
    }
    return l;
  }

  @Override
  public Page<InspectionLot> listLots(
      CallerContext caller, long plantId, String status, Long materialId, PageRequest page) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    String s = status == null || status.isBlank() ? null : upper(status);
    if (s != null && !STATUSES.contains(s)) {
      throw new ValidationException(
          "status", "invalid", "CREATED, RESULTS_RECORDED or DECIDED / 状态无效");
    }
    return tx.read(c -> QualityStore.listLots(c, plantId, s, materialId, page));
  }

  // ---- results

  @Override
  public InspectionLot recordResults(CallerContext caller, long lotId, List<ResultInput> results) {
    InspectionLot lot = getLot(caller, lotId);
    caller.require(lot.plantId(), PlantRole.OPERATOR, LOT, lotId);
    Map<String, Characteristic> byCode = new HashMap<>();
    for (Characteristic k : tx.read(c -> QualityStore.characteristics(c, lot.planId()))) {
      byCode.put(k.code(), k);
    }
    Validation v = new Validation();
    if (results == null || results.isEmpty()) {
      v.add("results", "required", "at least one result / 至少一条检验结果");
    }
    record Judged(Characteristic k, String values, BigDecimal min, BigDecimal max, int defects) {}
    List<Judged> judged = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<ResultInput> list = results == null ? List.of() : results;
    for (int i = 0; i < list.size(); i++) {
      String p = "results[" + i + "].";
      ResultInput r = list.get(i);
      if (r == null) {
        v.add("results[" + i + "]", "required", "is required / 必填");
        continue;
      }
      Characteristic k = r.characteristic() == null ? null : byCode.get(r.characteristic());
      if (k == null) {
        v.add(p + "characteristic", "not_found", "no such characteristic in the plan / 检验计划无此特性");
        continue;
      }
      if (!seen.add(k.code())) {
        v.add(p + "characteristic", "duplicate", "appears twice / 重复");
        continue;
      }
      if ("VARIABLE".equals(k.kind())) {
        if (r.values() == null || r.values().isEmpty() || r.values().contains(null)) {
          v.add(p + "values", "required", "measured values are required / 需要测量值");
          continue;
        }
        if (r.values().size() > lot.sampleSize()) {
          v.add(
              p + "values",
              "too_many",
              "more values than the sample size " + lot.sampleSize() + " / 测量值多于样本量");
          continue;
        }
        int out = 0;
        BigDecimal min = r.values().get(0);
        BigDecimal max = min;
        for (BigDecimal x : r.values()) {
          if ((k.lower() != null && x.compareTo(k.lower()) < 0)
              || (k.upper() != null && x.compareTo(k.upper()) > 0)) {
            out++;
          }
          min = min.min(x);
          max = max.max(x);
        }
        String text =
            r.values().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(" "));
        if (text.length() > 4000) {
          v.add(p + "values", "too_long", "too many values / 测量值过多");
          continue;
        }
        judged.add(new Judged(k, text, min, max, out));
      } else {
        if (r.defects() == null) {
          v.add(p + "defects", "required", "the defect count is required / 需要缺陷数");
        } else if (r.defects() < 0 || r.defects() > lot.sampleSize()) {
          v.add(
              p + "defects",
              "out_of_range",
              "must be 0.." + lot.sampleSize() + " / 缺陷数须在 0 到样本量之间");
        } else {
          judged.add(new Judged(k, null, null, null, r.defects()));
        }
      }
    }
    v.throwIfInvalid();
    List<DomainEvent> violations = new ArrayList<>();
    tx.write(
        c -> {
          Instant now = Instant.now();
          InspectionLot current = QualityStore.findLot(c, lotId, false).orElseThrow();
          if ("DECIDED".equals(current.status())) {
            throw new ConflictException("the lot is already decided / 检验批已判定");
          }
          for (Judged j : judged) {
            QualityStore.putResult(
                c,
                lotId,
                j.k().id(),
                j.values(),
                j.min(),
                j.max(),
                j.defects(),
                j.defects() == 0 ? "OK" : "NOK",
                caller.username(),
                now);
          }
          List<InspectionResult> all = QualityStore.results(c, lotId);
          int defects = 0;
          int critical = 0;
          Set<String> inspectors = new LinkedHashSet<>();
          for (InspectionResult r : all) {
            defects += r.defects();
            if ("CRITICAL".equals(r.defectClass())) {
              critical += r.defects();
            }
            inspectors.add(r.inspector());
          }
          String judgement = critical > 0 || defects >= current.rejection() ? "REJECT" : "ACCEPT";
          String names = String.join(",", inspectors);
          if (names.length() > 400) {
            names = names.substring(0, 400);
          }
          if (!QualityStore.updateLot(
              c,
              lotId,
              current.version(),
              "status = 'RESULTS_RECORDED', defects = ?, critical_defects = ?, judgement = ?,"
                  + " inspectors = ?",
              List.of(defects, critical, judgement, names))) {
            throw ConflictException.staleVersion(LOT, lotId, current.version());
          }
          Map<String, Object> after = new LinkedHashMap<>();
          for (Judged j : judged) {
            after.put(j.k().code(), j.defects());
          }
          after.put("defects", defects);
          after.put("critical", critical);
          after.put("judgement", judgement);
          AuditTrail.writeJdbc(c, caller, LOT, lotId, lot.plantId(), "RESULTS", null, after);
          // SPC reaction (hold, audit) in this transaction; its events go out after the commit
          violations.addAll(
              SpcReactions.react(
                  c, caller, current, judged.stream().map(j -> j.k().code()).toList(), now));
          return null;
        });
    violations.forEach(events::publish);
    return getLot(caller, lotId);
  }

  // ---- decision

  @Override
  public InspectionLot decide(CallerContext caller, long lotId, DecisionInput in) {
    InspectionLot lot = getLot(caller, lotId);
    caller.require(lot.plantId(), PlantRole.PLANNER, LOT, lotId);
    Validation v = new Validation();
    String decision = upper(in.decision());
    if (decision == null) {
      v.add("decision", "required", "is required: ACCEPT or REJECT / 必填");
    } else if (!decision.equals("ACCEPT") && !decision.equals("REJECT")) {
      v.add("decision", "invalid", "ACCEPT or REJECT / 判定无效");
    }
    v.optionalText("reason", in.reason(), 400);
    if (!v.hasErrorFor("decision")
        && lot.judgement() != null
        && !decision.equals(lot.judgement())
        && (in.reason() == null || in.reason().isBlank())) {
      v.add(
          "reason",
          "required",
          "a reason is required to decide against the judgement "
              + lot.judgement()
              + " / 与检验结论不同的判定需要说明理由");
    }
    v.throwIfInvalid();
    if ("DECIDED".equals(lot.status())) {
      throw new ConflictException("the lot is already decided / 检验批已判定");
    }
    List<Characteristic> chars = tx.read(c -> QualityStore.characteristics(c, lot.planId()));
    Set<Long> done = new HashSet<>();
    for (InspectionResult r : lot.results()) {
      done.add(r.characteristicId());
    }
    List<String> missing =
        chars.stream().filter(k -> !done.contains(k.id())).map(Characteristic::code).toList();
    if (!missing.isEmpty()) {
      throw new ConflictException("results missing for " + missing + " / 以下检验特性尚无结果: " + missing);
    }
    long expected = in.version() == null ? lot.version() : in.version();
    tx.write(
        c -> {
          Instant now = Instant.now();
          if (decision.equals("ACCEPT") && SpcStore.hasOpenHold(c, lotId)) {
            throw new ConflictException(
                "the lot is on SPC hold; a planner must release it first / 检验批因 SPC 判异被冻结，须先解除");
          }
          if (decision.equals("ACCEPT") && NcStore.pendingOfLot(c, lotId).isPresent()) {
            throw new ConflictException(
                "the lot has an open nonconformance; reject the lot or cancel the nonconformance"
                    + " first / 检验批有未处理的不合格品单，须判退或先取消该单");
          }
          if (!QualityStore.updateLot(
              c,
              lotId,
              expected,
              "status = 'DECIDED', decision = ?, decision_reason = ?, decided_at = ?, decided_by"
                  + " = ?",
              java.util.Arrays.asList(decision, in.reason(), now, caller.username()))) {
            throw ConflictException.staleVersion(LOT, lotId, expected);
          }
          // the stock: QUARANTINE -> AVAILABLE or BLOCKED, joining this transaction
          if (lot.holdsStock()) {
            inventory.post(
                caller,
                new MovementInput(
                    "STATUS_CHANGE",
                    lot.materialId(),
                    lot.quantity(),
                    lot.locationId(),
                    null,
                    lot.lot(),
                    null,
                    "QUARANTINE",
                    decision.equals("ACCEPT") ? "AVAILABLE" : "BLOCKED",
                    "IL-" + lotId));
            if (decision.equals("REJECT")) {
              // the blocked lot needs an MRB disposition: its SPC nonconformance follows the
              // stock into BLOCKED, else the lot opens one
              Optional<Long> pending = NcStore.pendingOfLot(c, lotId);
              if (pending.isPresent()) {
                NcStore.followStock(c, pending.get(), "BLOCKED");
                AuditTrail.writeJdbc(
                    c,
                    caller,
                    NonconformanceServiceImpl.NC,
                    pending.get(),
                    lot.plantId(),
                    AuditTrail.UPDATE,
                    Map.of("stockStatus", "QUARANTINE"),
                    Map.of("stockStatus", "BLOCKED", "inspectionLotId", lotId));
              } else {
                NcFromLot.open(c, caller, lot, in.reason(), now);
              }
            }
          }
          Map<String, Object> lotAudit = new LinkedHashMap<>();
          lotAudit.put("decision", decision);
          lotAudit.put("judgement", String.valueOf(lot.judgement()));
          lotAudit.put("reason", in.reason() == null ? "" : in.reason());
          lotAudit.put("quantity", lot.quantity());
          AuditTrail.writeJdbc(c, caller, LOT, lotId, lot.plantId(), "DECIDE", null, lotAudit);
          InspectionPlan plan = QualityStore.planHeader(c, lot.planId()).orElseThrow();
          if (!"ISO_2859".equals(plan.samplingMode())) {
            return null; // fixed and 100 % plans have no switching rules
          }
          // the switching rules see the original inspection (the judgement from the results)
          SamplingStateView before =
              QualityStore.stateOrInitial(c, lot.plantId(), lot.supplier(), lot.materialId());
          SamplingPlan used =
              new SamplingPlan(
                  Optional.ofNullable(lot.codeLetter()).map(CodeLetter::valueOf),
                  Optional.ofNullable(lot.codeLetter()).map(x -> Severity.valueOf(lot.severity())),
                  lot.sampleSize(),
                  lot.acceptance(),
                  lot.rejection(),
                  lot.hundredPercent());
          int fed =
              "REJECT".equals(lot.judgement())
                  ? Math.max(lot.defects(), lot.rejection())
                  : lot.defects();
          Transition t =
              SwitchingRules.next(
                  QualityStore.toState(before),
                  LotOutcome.of(used, Aql.of(lot.aql()), fed),
                  // steady production is taken as given; reduced inspection needs the plan's
                  // approval by the responsible authority (9.3.3.1 c)
                  new SwitchingConditions(true, plan.reducedApproved(), false));
          SwitchingState after = t.state();
          if (!QualityStore.saveState(c, before, after, t.reason().name(), now)) {
            throw new ConflictException(
                "the switching state changed meanwhile; try again / 转移规则状态已被修改，请重试");
          }
          Map<String, Object> was = new LinkedHashMap<>();
          was.put("severity", before.severity());
          was.put("normalHistory", before.normalHistory());
          was.put("switchingScore", before.switchingScore());
          Map<String, Object> now2 = new LinkedHashMap<>();
          now2.put("severity", after.severity().name());
          now2.put("discontinued", after.discontinued());
          now2.put("normalHistory", after.normalHistory());
          now2.put("tightenedAcceptedInRow", after.tightenedAcceptedInRow());
          now2.put("tightenedRejectedTotal", after.tightenedRejectedTotal());
          now2.put("switchingScore", after.switchingScore());
          now2.put("reason", t.reason().name());
          now2.put("detail", t.detail());
          now2.put("lotId", lotId);
          AuditTrail.writeJdbc(
              c,
              caller,
              STATE,
              lot.supplier() + "/" + lot.materialId(),
              lot.plantId(),
              "SWITCH",
              was,
              now2);
          return null;
        });
    return getLot(caller, lotId);
  }

  @Override
  public SamplingStateView samplingState(
      CallerContext caller, long plantId, String supplier, long materialId) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    String key = supplierKey(supplier);
    return tx.read(c -> QualityStore.stateOrInitial(c, plantId, key, materialId));
  }

  // ---- goods receipts

  @Override
  public GoodsReceipt receive(CallerContext caller, GoodsReceiptInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.required("materialId", in.materialId());
    v.required("locationId", in.locationId());
    v.positive("quantity", in.quantity());
    String kind = in.kind() == null ? "PURCHASE" : upper(in.kind());
    boolean purchase = "PURCHASE".equals(kind);
    if (!purchase && !"CUSTOMER_RETURN".equals(kind)) {
      v.add("kind", "invalid", "PURCHASE or CUSTOMER_RETURN / 收货类型无效");
    }
    if (purchase) {
      v.code("supplier", in.supplier(), 40);
    } else if ("CUSTOMER_RETURN".equals(kind)
        && in.supplier() != null
        && !in.supplier().isBlank()) {
      v.add("supplier", "not_allowed", "a customer return has no supplier / 客户退货不填供应商");
    }
    if (in.lot() != null && !in.lot().isEmpty()) {
      v.code("lot", in.lot(), 64);
    }
    v.optionalText("reference", in.reference(), 64);
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.OPERATOR, "Plant", in.plantId());
    material(caller, in.materialId());
    String supplier = purchase ? supplierKey(in.supplier()) : "";
    String event = purchase ? "IQC" : "RETURN";
    String lot = in.lot() == null ? "" : in.lot();
    String reference =
        in.reference() == null || in.reference().isBlank()
            ? (purchase ? "GR " + supplier : "RETURN")
            : in.reference().trim();
    record Received(long documentId, String status, Long lotId) {}
    Received done =
        tx.write(
            c -> {
              QualityStore.requireLocationOfPlant(c, in.plantId(), in.locationId());
              Optional<InspectionPlan> plan =
                  QualityStore.planOpeningLotsOn(c, in.plantId(), in.materialId(), supplier, event);
              Long lotId = null;
              if (plan.isPresent()) {
                lotId =
                    Lots.open(
                        c,
                        caller,
                        plan.get(),
                        new Lots.Request(
                            in.plantId(),
                            in.materialId(),
                            supplier,
                            lot,
                            in.quantity(),
                            in.locationId(),
                            event,
                            reference,
                            true));
              }
              String status = lotId == null ? "AVAILABLE" : "QUARANTINE";
              long doc =
                  inventory
                      .post(
                          caller,
                          new MovementInput(
                              "RECEIPT",
                              in.materialId(),
                              in.quantity(),
                              in.locationId(),
                              null,
                              lot,
                              null,
                              status,
                              null,
                              reference))
                      .documentId();
              return new Received(doc, status, lotId);
            });
    return new GoodsReceipt(
        done.documentId(),
        done.status(),
        done.lotId() == null ? null : getLot(caller, done.lotId()));
  }

  @Override
  public InspectionLot inspectOutgoing(CallerContext caller, OutgoingInspectionInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.required("materialId", in.materialId());
    v.required("locationId", in.locationId());
    v.positive("quantity", in.quantity());
    if (in.lot() != null && !in.lot().isEmpty()) {
      v.code("lot", in.lot(), 64);
    }
    v.text("salesOrder", in.salesOrder(), 64);
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.OPERATOR, "Plant", in.plantId());
    material(caller, in.materialId());
    String lot = in.lot() == null ? "" : in.lot();
    long id =
        tx.write(
            c -> {
              QualityStore.requireLocationOfPlant(c, in.plantId(), in.locationId());
              InspectionPlan plan =
                  requirePlan(QualityStore.findPlan(c, in.plantId(), in.materialId(), ""));
              long lotId =
                  Lots.open(
                      c,
                      caller,
                      plan,
                      new Lots.Request(
                          in.plantId(),
                          in.materialId(),
                          "",
                          lot,
                          in.quantity(),
                          in.locationId(),
                          "OQC",
                          in.salesOrder().trim(),
                          true));
              // a shortage of available stock refuses the lot with it
              inventory.post(
                  caller,
                  new MovementInput(
                      "STATUS_CHANGE",
                      in.materialId(),
                      in.quantity(),
                      in.locationId(),
                      null,
                      lot,
                      null,
                      "AVAILABLE",
                      "QUARANTINE",
                      "IL-" + lotId));
              return lotId;
            });
    return getLot(caller, id);
  }

  @Override
  public SamplingStateView resumeInspection(CallerContext caller, ResumeInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.required("materialId", in.materialId());
    v.code("supplier", in.supplier(), 40);
    v.text("reason", in.reason(), 400);
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.PLANNER, "Plant", in.plantId());
    String supplier = supplierKey(in.supplier());
    tx.write(
        c -> {
          SamplingStateView before =
              QualityStore.stateOrInitial(c, in.plantId(), supplier, in.materialId());
          if (!before.discontinued()) {
            throw new ConflictException(
                "inspection of this supplier and material is not discontinued / 该供应商物料未暂停检验");
          }
          Transition t = SwitchingRules.resume(QualityStore.toState(before));
          if (!QualityStore.saveState(c, before, t.state(), t.reason().name(), Instant.now())) {
            throw new ConflictException(
                "the switching state changed meanwhile; try again / 转移规则状态已被修改，请重试");
          }
          Map<String, Object> was = new LinkedHashMap<>();
          was.put("severity", before.severity());
          was.put("discontinued", true);
          Map<String, Object> now = new LinkedHashMap<>();
          now.put("severity", t.state().severity().name());
          now.put("discontinued", t.state().discontinued());
          now.put("reason", t.reason().name());
          now.put("evidence", in.reason().trim());
          AuditTrail.writeJdbc(
              c, caller, STATE, supplier + "/" + in.materialId(), in.plantId(), "RESUME", was, now);
          return null;
        });
    return samplingState(caller, in.plantId(), supplier, in.materialId());
  }

  // ---- helpers

  private void material(CallerContext caller, long id) {
    try {
      masterData.getMaterial(caller, id);
    } catch (NotFoundException e) {
      throw new ValidationException("materialId", "not_found", "no such material / 物料不存在");
    }
  }

  private static InspectionLevel level(Validation v, String text) {
    if (text == null || text.isBlank()) {
      return InspectionLevel.II;
    }
    InspectionLevel l = levelOrNull(text);
    if (l == null) {
      v.add("inspectionLevel", "invalid", "S-1, S-2, S-3, S-4, I, II or III / 检验水平无效");
    }
    return l;
  }

  private static InspectionLevel levelOrNull(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace("-", "");
    for (InspectionLevel l : InspectionLevel.values()) {
      if (l.name().equals(t)) {
        return l;
      }
    }
    return null;
  }

  private static String supplierKey(String supplier) {
    return supplier == null ? "" : supplier.trim();
  }

  private static String upper(String s) {
    return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
  }
}
