package io.tianshu.quality.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.JtaTransactions;
import io.tianshu.quality.Characteristic;
import io.tianshu.quality.DefectPareto;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.InspectionPlan;
import io.tianshu.quality.LotHold;
import io.tianshu.quality.QualityStatistics;
import io.tianshu.quality.SpcChart;
import io.tianshu.quality.SpcChartQuery;
import io.tianshu.quality.SpcService;
import io.tianshu.quality.SpcSetting;
import io.tianshu.quality.SpcSettingInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * SPC charts from inspection results, SPC settings with frozen limits, lot holds and quality
 * statistics: reads and checks rights here, charts in {@link SpcCharts}, SQL in {@link SpcStore}.
 */
@Component(service = SpcService.class)
public class SpcServiceImpl implements SpcService {
  private static final String SETTING = "SpcSetting";
  private static final String LOT = "InspectionLot";
  private static final Set<String> GROUPS =
      Set.of("SUPPLIER", "MATERIAL", "SOURCE", "OPERATION", "MONTH");
  private static final Set<String> REACTIONS = Set.of("NONE", "HOLD", "NONCONFORMANCE");
  private static final int MAX_LAST = 1000;

  private final JtaTransactions tx;

  @Activate
  public SpcServiceImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
  }

  // ---- charts

  @Override
  public SpcChart chart(CallerContext caller, SpcChartQuery q) {
    Validation v = new Validation();
    v.required("plantId", q.plantId());
    v.required("materialId", q.materialId());
    v.required("characteristic", blank(q.characteristic()) ? null : q.characteristic());
    SpcCharts.Type type = type(v, q.chartType());
    SpcCharts.RuleSet ruleSet = ruleSet(v, q.ruleSet());
    int last = q.last() == null ? SpcReactions.WINDOW : q.last();
    if (last < 1 || last > MAX_LAST) {
      v.add("last", "out_of_range", "must be 1.." + MAX_LAST + " / 须在 1 到 " + MAX_LAST + " 之间");
    }
    period(v, "to", q.from(), q.to());
    v.throwIfInvalid();
    if (!caller.canRead(q.plantId())) {
      throw new NotFoundException("Plant", q.plantId());
    }
    String code = q.characteristic().trim();
    String supplier = blank(q.supplier()) ? null : q.supplier().trim();
    return tx.read(
        c -> {
          List<SpcStore.PlanCharacteristic> found =
              SpcStore.characteristics(c, q.plantId(), q.materialId(), code);
          if (found.isEmpty()) {
            throw new ValidationException(
                "characteristic",
                "not_found",
                "no inspection plan of the material has this characteristic / 物料的检验计划无此特性");
          }
          // the supplier's own plan, else the plan for every supplier, else the first
          SpcStore.PlanCharacteristic pc =
              found.stream()
                  .filter(f -> supplier != null && f.planSupplier().equals(supplier))
                  .findFirst()
                  .or(() -> found.stream().filter(f -> f.planSupplier().isEmpty()).findFirst())
                  .orElse(found.get(0));
          Characteristic k = pc.characteristic();
          SpcSetting s = SpcStore.setting(c, pc.planId(), code, k.kind()).orElse(null);
          SpcCharts.Type settingType =
              s == null ? SpcCharts.Type.AUTO : SpcCharts.Type.valueOf(s.chartType());
          SpcCharts.Type chosen = type == null ? settingType : type;
          if (!chosen.fitsKind(k.kind())) {
            throw new ValidationException(
                "chartType",
                "invalid",
                chosen + " does not chart a " + k.kind() + " characteristic / 图类型与特性类型不符");
          }
          SpcCharts.RuleSet rules =
              ruleSet != null
                  ? ruleSet
                  : s == null
                      ? SpcCharts.RuleSet.WESTERN_ELECTRIC
                      : SpcCharts.RuleSet.valueOf(s.ruleSet());
          // frozen limits hold for the setting's chart only
          SpcCharts.Frozen frozen = chosen == settingType ? SpcReactions.frozen(s) : null;
          List<SpcCharts.Sample> samples =
              SpcStore.samples(
                  c,
                  q.plantId(),
                  q.materialId(),
                  code,
                  supplier,
                  start(q.from()),
                  end(q.to()),
                  last);
          try {
            return SpcCharts.build(
                new SpcCharts.Subject(q.plantId(), q.materialId(), code, k.kind()),
                chosen,
                rules,
                frozen,
                SpcReactions.spec(k),
                samples);
          } catch (IllegalArgumentException e) {
            throw new ValidationException("characteristic", "no_chart", e.getMessage());
          }
        });
  }

  // ---- settings

  @Override
  public SpcSetting getSetting(CallerContext caller, long planId, String code) {
    InspectionPlan plan = plan(caller, planId);
    return tx.read(
        c -> {
          Characteristic k = characteristic(c, plan, code);
          return SpcStore.setting(c, planId, k.code(), k.kind())
              .orElse(
                  new SpcSetting(
                      planId,
                      k.code(),
                      k.kind(),
                      "AUTO",
                      "WESTERN_ELECTRIC",
                      "NONE",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      0));
        });
  }

  @Override
  public SpcSetting putSetting(CallerContext caller, long planId, String code, SpcSettingInput in) {
    InspectionPlan plan = plan(caller, planId);
    caller.require(plan.plantId(), PlantRole.PLANNER, "InspectionPlan", planId);
    Characteristic k = tx.read(c -> characteristic(c, plan, code));
    Validation v = new Validation();
    SpcCharts.Type type = type(v, in.chartType());
    SpcCharts.RuleSet ruleSet = ruleSet(v, in.ruleSet());
    String reaction = blank(in.reaction()) ? "NONE" : in.reaction().trim().toUpperCase(Locale.ROOT);
    if (!REACTIONS.contains(reaction)) {
      v.add("reaction", "invalid", "NONE, HOLD or NONCONFORMANCE / 反应方式无效");
    }
    if (type != null && !type.fitsKind(k.kind())) {
      v.add(
          "chartType",
          "invalid",
          type + " does not chart a " + k.kind() + " characteristic / 图类型与特性类型不符");
    }
    SpcCharts.Type t = type == null ? SpcCharts.Type.AUTO : type;
    boolean freeze = Boolean.TRUE.equals(in.freeze());
    boolean given = in.frozenCenter() != null || in.frozenSpread() != null;
    period(v, "baselineTo", in.baselineFrom(), in.baselineTo());
    if (freeze && given) {
      v.add("frozenCenter", "conflict", "either freeze from a baseline or give the limits / 二选一");
    }
    if (!freeze && (in.baselineFrom() != null || in.baselineTo() != null)) {
      v.add("freeze", "required", "a baseline needs freeze: true / 基准期需要 freeze");
    }
    if (given) {
      checkGiven(v, t, in);
    }
    v.throwIfInvalid();
    String ruleName = (ruleSet == null ? SpcCharts.RuleSet.WESTERN_ELECTRIC : ruleSet).name();
    return tx.write(
        c -> {
          Instant now = Instant.now();
          SpcCharts.Type stored = t;
          SpcCharts.Frozen frozen = null;
          if (freeze) {
            // the baseline: the plan's lots (the supplier's when the plan is a supplier's)
            List<SpcCharts.Sample> samples =
                SpcStore.samples(
                    c,
                    plan.plantId(),
                    plan.materialId(),
                    k.code(),
                    plan.supplier().isEmpty() ? null : plan.supplier(),
                    start(in.baselineFrom()),
                    end(in.baselineTo()),
                    MAX_LAST);
            SpcChart baseline;
            try {
              baseline =
                  SpcCharts.build(
                      new SpcCharts.Subject(plan.plantId(), plan.materialId(), k.code(), k.kind()),
                      t,
                      SpcCharts.RuleSet.valueOf(ruleName),
                      null,
                      null,
                      samples);
            } catch (IllegalArgumentException e) {
              throw new ValidationException("baselineFrom", "no_chart", e.getMessage());
            }
            stored = SpcCharts.Type.valueOf(baseline.chartType());
            frozen = SpcCharts.freezeOf(baseline);
          } else if (given) {
            frozen =
                new SpcCharts.Frozen(
                    in.frozenCenter().doubleValue(),
                    in.frozenSpread() == null ? null : in.frozenSpread().doubleValue(),
                    in.frozenSubgroupSize());
          }
          SpcSetting old = SpcStore.setting(c, planId, k.code(), k.kind()).orElse(null);
          long expected = in.version() != null ? in.version() : old == null ? 0 : old.version();
          if (old == null && expected != 0 || old != null && expected == 0) {
            throw ConflictException.staleVersion(SETTING, planId + "/" + k.code(), expected);
          }
          SpcSetting next =
              new SpcSetting(
                  planId,
                  k.code(),
                  k.kind(),
                  stored.name(),
                  ruleName,
                  reaction,
                  frozen == null ? null : decimal(frozen.center()),
                  frozen == null || frozen.spread() == null ? null : decimal(frozen.spread()),
                  frozen == null ? null : frozen.subgroupSize(),
                  frozen == null ? null : now,
                  frozen == null ? null : caller.username(),
                  now,
                  caller.username(),
                  expected + 1);
          if (!SpcStore.putSetting(c, next, expected)) {
            throw ConflictException.staleVersion(SETTING, planId + "/" + k.code(), expected);
          }
          AuditTrail.writeJdbc(
              c,
              caller,
              SETTING,
              planId + "/" + k.code(),
              plan.plantId(),
              old == null ? AuditTrail.CREATE : AuditTrail.UPDATE,
              old == null ? null : auditMap(old),
              auditMap(next));
          return SpcStore.setting(c, planId, k.code(), k.kind()).orElseThrow();
        });
  }

  private static void checkGiven(Validation v, SpcCharts.Type t, SpcSettingInput in) {
    if (t == SpcCharts.Type.AUTO) {
      v.add("chartType", "required", "frozen limits need a chart type / 固定控制限需要指定图类型");
      return;
    }
    if (in.frozenCenter() == null) {
      v.add("frozenCenter", "required", "is required / 必填");
    } else if (!t.variable() && in.frozenCenter().signum() < 0
        || (t == SpcCharts.Type.P || t == SpcCharts.Type.NP)
            && in.frozenCenter().compareTo(BigDecimal.ONE) >= 0) {
      v.add("frozenCenter", "out_of_range", "p-bar in 0..1, c-bar and u-bar >= 0 / 中心线超出范围");
    }
    if (t.variable()) {
      if (in.frozenSpread() == null || in.frozenSpread().signum() <= 0) {
        v.add("frozenSpread", "required", "a positive R-bar, S-bar or MR-bar / 需要正的平均极差或标准差");
      }
      if (t != SpcCharts.Type.I_MR
          && (in.frozenSubgroupSize() == null
              || in.frozenSubgroupSize() < 2
              || in.frozenSubgroupSize() > 25)) {
        v.add("frozenSubgroupSize", "out_of_range", "2..25 for an X-bar chart / 子组大小须在 2 到 25 之间");
      }
    } else if (in.frozenSpread() != null) {
      v.add("frozenSpread", "not_allowed", "attributes charts have no spread / 计数图无离散度");
    }
  }

  private static BigDecimal decimal(double d) {
    return new BigDecimal(Double.toString(d)).setScale(12, java.math.RoundingMode.HALF_UP);
  }

  private static Map<String, Object> auditMap(SpcSetting s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("chartType", s.chartType());
    m.put("ruleSet", s.ruleSet());
    m.put("reaction", s.reaction());
    m.put("frozenCenter", s.frozenCenter() == null ? "" : s.frozenCenter().toPlainString());
    m.put("frozenSpread", s.frozenSpread() == null ? "" : s.frozenSpread().toPlainString());
    m.put("frozenSubgroupSize", s.frozenSubgroupSize() == null ? "" : s.frozenSubgroupSize());
    return m;
  }

  // ---- holds

  @Override
  public List<LotHold> holds(CallerContext caller, long lotId) {
    lot(caller, lotId);
    return tx.read(c -> SpcStore.holds(c, lotId, false));
  }

  @Override
  public List<LotHold> releaseHolds(CallerContext caller, long lotId, String reason) {
    InspectionLot lot = lot(caller, lotId);
    caller.require(lot.plantId(), PlantRole.PLANNER, LOT, lotId);
    Validation v = new Validation();
    v.text("reason", reason, 400);
    v.throwIfInvalid();
    return tx.write(
        c -> {
          int n = SpcStore.releaseHolds(c, lotId, reason.trim(), Instant.now(), caller.username());
          if (n == 0) {
            throw new ConflictException("the lot has no open hold / 检验批无未解除的冻结");
          }
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("released", n);
          after.put("reason", reason.trim());
          AuditTrail.writeJdbc(c, caller, LOT, lotId, lot.plantId(), "RELEASE_HOLD", null, after);
          return SpcStore.holds(c, lotId, false);
        });
  }

  // ---- statistics

  @Override
  public QualityStatistics statistics(
      CallerContext caller,
      long plantId,
      LocalDate from,
      LocalDate to,
      String groupBy,
      String supplier,
      Long materialId) {
    Validation v = new Validation();
    String by = blank(groupBy) ? "SUPPLIER" : groupBy.trim().toUpperCase(Locale.ROOT);
    if (!GROUPS.contains(by)) {
      v.add("groupBy", "invalid", "SUPPLIER, MATERIAL, SOURCE, OPERATION or MONTH / 分组无效");
    }
    period(v, "to", from, to);
    v.throwIfInvalid();
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    SpcStore.Filter f = filter(plantId, from, to, supplier, materialId);
    List<SpcStore.Counts> counts = tx.read(c -> SpcStore.lotCounts(c, f, by));
    return new QualityStatistics(
        plantId,
        from,
        to,
        by,
        counts.stream().map(QualityFigures::row).toList(),
        QualityFigures.total(counts));
  }

  @Override
  public DefectPareto pareto(
      CallerContext caller,
      long plantId,
      LocalDate from,
      LocalDate to,
      String by,
      String supplier,
      Long materialId) {
    Validation v = new Validation();
    String b = blank(by) ? "CHARACTERISTIC" : by.trim().toUpperCase(Locale.ROOT);
    if (!b.equals("CHARACTERISTIC") && !GROUPS.contains(b)) {
      v.add(
          "by", "invalid", "CHARACTERISTIC, SUPPLIER, MATERIAL, SOURCE, OPERATION or MONTH / 分类无效");
    }
    period(v, "to", from, to);
    v.throwIfInvalid();
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    SpcStore.Filter f = filter(plantId, from, to, supplier, materialId);
    List<SpcStore.Category> categories = tx.read(c -> SpcStore.defects(c, f, b));
    return new DefectPareto(
        plantId,
        from,
        to,
        b,
        categories.stream().mapToLong(SpcStore.Category::defects).sum(),
        QualityFigures.pareto(categories));
  }

  // ---- helpers

  private static SpcStore.Filter filter(
      long plantId, LocalDate from, LocalDate to, String supplier, Long materialId) {
    return new SpcStore.Filter(
        plantId, start(from), end(to), blank(supplier) ? null : supplier.trim(), materialId);
  }

  private InspectionPlan plan(CallerContext caller, long planId) {
    InspectionPlan p = tx.read(c -> QualityStore.findPlan(c, planId)).orElse(null);
    if (p == null || !caller.canRead(p.plantId())) {
      throw new NotFoundException("InspectionPlan", planId);
    }
    return p;
  }

  private InspectionLot lot(CallerContext caller, long lotId) {
    InspectionLot l = tx.read(c -> QualityStore.findLot(c, lotId, false)).orElse(null);
    if (l == null || !caller.canRead(l.plantId())) {
      throw new NotFoundException(LOT, lotId);
    }
    return l;
  }

  private static Characteristic characteristic(
      java.sql.Connection c, InspectionPlan plan, String code) throws java.sql.SQLException {
    return SpcStore.characteristic(c, plan.id(), code == null ? "" : code.trim())
        .orElseThrow(() -> new NotFoundException("Characteristic", plan.id() + "/" + code));
  }

  private static SpcCharts.Type type(Validation v, String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return SpcCharts.Type.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      v.add("chartType", "invalid", "AUTO, XBAR_R, XBAR_S, I_MR, P, NP, C or U / 控制图类型无效");
      return null;
    }
  }

  private static SpcCharts.RuleSet ruleSet(Validation v, String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return SpcCharts.RuleSet.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      v.add("ruleSet", "invalid", "WESTERN_ELECTRIC or NELSON / 判异规则无效");
      return null;
    }
  }

  private static void period(Validation v, String field, LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      v.add(field, "before_from", "must not be before the first day / 结束日不得早于开始日");
    }
  }

  private static Instant start(LocalDate d) {
    return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant end(LocalDate d) {
    return d == null ? null : d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
