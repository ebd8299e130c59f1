package io.tianshu.execution.internal;

import io.tianshu.core.FieldError;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.AndonCallInput;
import io.tianshu.execution.AndonCallView;
import io.tianshu.execution.AndonNotification;
import io.tianshu.execution.AndonReport;
import io.tianshu.execution.AndonRule;
import io.tianshu.execution.AndonRuleInput;
import io.tianshu.execution.AndonStatus;
import io.tianshu.execution.engine.AndonCall;
import io.tianshu.execution.engine.AndonCategory;
import io.tianshu.execution.engine.AndonCategoryStatistics;
import io.tianshu.execution.engine.AndonEscalation;
import io.tianshu.execution.engine.AndonEscalationLevel;
import io.tianshu.execution.engine.AndonEscalationRule;
import io.tianshu.execution.engine.AndonParetoEntry;
import io.tianshu.execution.engine.AndonPriority;
import io.tianshu.execution.engine.AndonStatistics;
import io.tianshu.execution.engine.AndonStatisticsReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Andon service's input checks and its translations to and from the engines, kept free of JDBC
 * and OSGi so that they are unit tested.
 */
final class AndonLogic {
  /** Longest delay of a level: a week. */
  static final int MAX_DELAY_MINUTES = 7 * 24 * 60;

  private AndonLogic() {}

  /** A checked new call. */
  record CheckedCall(AndonCategory category, AndonPriority priority) {}

  /** Checks a new call, every field at once. */
  static CheckedCall check(AndonCallInput in) {
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.code("lineCode", in.lineCode(), 40);
    if (in.station() != null && !in.station().isBlank()) {
      v.code("station", in.station(), 40);
    }
    v.optionalText("description", in.description(), 1000);
    AndonCategory category = category(v, "category", in.category());
    AndonPriority priority = AndonPriority.NORMAL;
    if (in.priority() != null && !in.priority().isBlank()) {
      priority = priority(v, "priority", in.priority());
    }
    if (in.operationSeq() != null && in.workOrderId() == null) {
      v.add("operationSeq", "needs_work_order", "needs workOrderId / 须同时指定工单");
    }
    v.throwIfInvalid();
    return new CheckedCall(category, priority);
  }

  /** A required category name, or a field error. */
  static AndonCategory category(Validation v, String field, String name) {
    if (name == null || name.isBlank()) {
      v.add(field, "required", "is required / 必填");
      return null;
    }
    try {
      return AndonCategory.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      v.add(
          field,
          "invalid",
          "MAN, MACHINE, MATERIAL, METHOD, ENVIRONMENT or MEASUREMENT / 类别应为人机料法环测之一");
      return null;
    }
  }

  /** A priority name, or a field error. */
  static AndonPriority priority(Validation v, String field, String name) {
    try {
      return AndonPriority.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      v.add(field, "invalid", "CRITICAL, HIGH, NORMAL or LOW / 优先级无效");
      return null;
    }
  }

  /** A checked ladder; levels are numbered from 1. */
  record CheckedRule(
      AndonCategory category,
      AndonPriority priority,
      boolean stopOnAcknowledge,
      List<AndonRule.Level> levels) {}

  /**
   * Checks a plant's ladders, every field at once: names, delays, recipients, at most one ladder
   * per category and priority, and due times that do not go backwards down a ladder.
   */
  static List<CheckedRule> checkRules(List<AndonRuleInput> rules) {
    Validation v = new Validation();
    if (rules == null) {
      v.add("rules", "required", "is required / 必填");
      v.throwIfInvalid();
    }
    List<CheckedRule> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      String at = "rules[" + i + "]";
      AndonRuleInput r = rules.get(i);
      if (r == null) {
        v.add(at, "required", "is required / 必填");
        continue;
      }
      AndonCategory category = category(v, at + ".category", r.category());
      AndonPriority priority = null;
      boolean priorityOk = true;
      if (r.priority() != null
          && !r.priority().isBlank()
          && !"ANY".equalsIgnoreCase(r.priority())) {
        priority = priority(v, at + ".priority", r.priority());
        priorityOk = priority != null;
      }
      if (category != null
          && priorityOk
          && !keys.add(category + "/" + (priority == null ? "ANY" : priority.name()))) {
        v.add(
            at + ".priority",
            "duplicate",
            "a second ladder for "
                + category
                + "/"
                + (priority == null ? "ANY" : priority)
                + " / 同一类别和优先级只能有一个升级规则");
      }
      List<AndonRule.Level> levels = new ArrayList<>();
      boolean levelsOk = true;
      if (r.levels() == null || r.levels().isEmpty()) {
        v.add(at + ".levels", "required", "at least one level / 至少一个升级层级");
        levelsOk = false;
      } else {
        for (int k = 0; k < r.levels().size(); k++) {
          String lat = at + ".levels[" + k + "]";
          AndonRuleInput.AndonLevelInput l = r.levels().get(k);
          if (l == null) {
            v.add(lat, "required", "is required / 必填");
            levelsOk = false;
            continue;
          }
          boolean ok = true;
          if (l.delayMinutes() == null) {
            v.add(lat + ".delayMinutes", "required", "is required / 必填");
            ok = false;
          } else if (l.delayMinutes() < 0 || l.delayMinutes() > MAX_DELAY_MINUTES) {
            v.add(
                lat + ".delayMinutes",
                "out_of_range",
                "must be 0.." + MAX_DELAY_MINUTES + " / 须在 0 到 " + MAX_DELAY_MINUTES + " 分钟之间");
            ok = false;
          }
          AndonEscalationLevel.Anchor anchor = AndonEscalationLevel.Anchor.RAISE;
          if (l.anchor() != null && !l.anchor().isBlank()) {
            try {
              anchor =
                  AndonEscalationLevel.Anchor.valueOf(l.anchor().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
              v.add(lat + ".anchor", "invalid", "RAISE or PREVIOUS_LEVEL / 起算点无效");
              ok = false;
            }
          }
          int before = v.errors().size();
          v.text(lat + ".recipient", l.recipient(), 64);
          ok &= v.errors().size() == before;
          if (ok) {
            levels.add(new AndonRule.Level(k + 1, l.delayMinutes(), anchor, l.recipient().trim()));
          } else {
            levelsOk = false;
          }
        }
      }
      boolean stop = r.stopOnAcknowledge() == null || r.stopOnAcknowledge();
      if (category != null && levelsOk) {
        try {
          engineRule(category, priority, stop, levels);
        } catch (IllegalArgumentException e) {
          v.add(
              at + ".levels",
              "not_increasing",
              "a level falls due before the one above it / 升级层级的到期时间不能早于上一层级");
          levelsOk = false;
        }
      }
      if (category != null && priorityOk && levelsOk) {
        out.add(new CheckedRule(category, priority, stop, levels));
      }
    }
    v.throwIfInvalid();
    return out;
  }

  static AndonEscalationRule engineRule(
      AndonCategory category,
      AndonPriority priority,
      boolean stopOnAcknowledge,
      List<AndonRule.Level> levels) {
    List<AndonEscalationLevel> ladder = new ArrayList<>();
    for (AndonRule.Level l : levels) {
      ladder.add(
          new AndonEscalationLevel(
              Duration.ofMinutes(l.delayMinutes()), l.anchor(), l.recipient()));
    }
    return new AndonEscalationRule(
        category, Optional.ofNullable(priority), ladder, stopOnAcknowledge);
  }

  /** The engine over a plant's stored ladders. */
  static AndonEscalation engine(List<AndonRule> rules) {
    List<AndonEscalationRule> out = new ArrayList<>();
    for (AndonRule r : rules) {
      out.add(engineRule(r.category(), r.priority(), r.stopOnAcknowledge(), r.levels()));
    }
    return new AndonEscalation(out);
  }

  /** A stored call as the engines see it. */
  static AndonCall engineCall(AndonCallView v) {
    return new AndonCall(
        String.valueOf(v.id()),
        v.lineCode(),
        Optional.ofNullable(v.station()),
        v.category(),
        v.priority(),
        v.raisedAt(),
        Optional.ofNullable(v.acknowledgedAt()),
        Optional.ofNullable(v.resolvedAt()),
        v.notifications().stream().map(AndonNotification::level).collect(Collectors.toSet()));
  }

  /**
   * The statistics of calls raised in a period: counts over all of them, times over the resolved
   * ones.
   */
  static AndonReport report(
      long plantId, String lineCode, Instant from, Instant to, List<AndonCallView> calls) {
    List<AndonCall> resolved = new ArrayList<>();
    int open = 0;
    for (AndonCallView v : calls) {
      if (v.status().open()) {
        open++;
      } else if (v.resolvedAt() != null) {
        resolved.add(engineCall(v));
      }
    }
    AndonStatisticsReport r = AndonStatistics.of(resolved);
    List<AndonReport.CategoryTimes> times = new ArrayList<>();
    for (AndonCategoryStatistics s : r.byCategory()) {
      times.add(
          new AndonReport.CategoryTimes(
              s.category(),
              s.category().label(),
              s.count(),
              seconds(s.meanToAcknowledge()),
              seconds(s.medianToAcknowledge()),
              seconds(s.p90ToAcknowledge()),
              seconds(s.meanToResolve()),
              seconds(s.medianToResolve()),
              seconds(s.p90ToResolve())));
    }
    List<AndonReport.ParetoBar> pareto = new ArrayList<>();
    for (AndonParetoEntry p : r.pareto()) {
      pareto.add(
          new AndonReport.ParetoBar(
              p.category(), p.category().label(), p.count(), p.percent(), p.cumulativePercent()));
    }
    return new AndonReport(
        plantId, lineCode, from, to, calls.size(), open, resolved.size(), times, pareto);
  }

  /** A duration in seconds, scale 3 (milliseconds), half up. */
  static BigDecimal seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds())
        .add(BigDecimal.valueOf(d.getNano(), 9))
        .setScale(3, RoundingMode.HALF_UP);
  }

  /** The later of two instants, either of which may be null. */
  static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** Checks the period of a statistics request. */
  static void checkPeriod(Instant from, Instant to) {
    if (from != null && to != null && !to.isAfter(from)) {
      throw new ValidationException(
          List.of(new FieldError("to", "before_from", "must be after from / 结束时间须晚于开始时间")));
    }
  }

  /** True when the status allows the action. */
  static boolean allowed(AndonStatus from, String action) {
    return switch (action) {
      case "ACKNOWLEDGE" -> from == AndonStatus.RAISED;
      case "RESOLVE" -> from.open();
      case "CLOSE" -> from == AndonStatus.RESOLVED;
      default -> false;
    };
  }
}
