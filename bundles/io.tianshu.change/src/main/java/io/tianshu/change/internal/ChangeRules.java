package io.tianshu.change.internal;

import io.tianshu.bom.BomLineInput;
import io.tianshu.change.BomChange;
import io.tianshu.change.BreakpointType;
import io.tianshu.change.ChangeInput;
import io.tianshu.change.ChangeStatus;
import io.tianshu.change.RoutingChange;
import io.tianshu.core.ConflictException;
import io.tianshu.core.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The rules of change orders, free of OSGi and JPA: input, status moves, breakpoints. */
public final class ChangeRules {
  private ChangeRules() {}

  /** A version of a BOM or routing as the release planning needs it. */
  public record Window(
      long id,
      String revision,
      LocalDate validFrom,
      LocalDate validTo,
      boolean ranged,
      long version) {}

  /** Checks a change as written; returns the parsed breakpoint. */
  public static BreakpointType check(Validation v, ChangeInput in) {
    v.code("number", in.number(), 32).text("title", in.title(), 200);
    v.optionalText("reason", in.reason(), 2000);
    BreakpointType type = BreakpointType.DATE;
    if (in.breakpoint() != null && !in.breakpoint().isBlank()) {
      try {
        type = BreakpointType.valueOf(in.breakpoint().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        v.add("breakpoint", "invalid_value", "DATE, SERIAL or USE_UP / 断点类型无效");
      }
    }
    if (type != BreakpointType.SERIAL) {
      v.required("effectiveDate", in.effectiveDate());
    }
    if (type == BreakpointType.SERIAL) {
      v.code("serialFrom", in.serialFrom(), 32);
      if (in.routings() != null && !in.routings().isEmpty()) {
        v.add(
            "routings",
            "serial_breakpoint",
            "routings change by date; use a DATE breakpoint / 工艺路线只能按日期切换");
      }
    } else if (in.serialFrom() != null) {
      v.add("serialFrom", "not_serial", "only for a SERIAL breakpoint / 仅序列号断点使用");
    }
    if (type == BreakpointType.USE_UP) {
      if (in.transitionQuantity() == null) {
        v.add("transitionQuantity", "required", "is required / 必填");
      } else if (in.transitionQuantity().signum() < 0) {
        v.add("transitionQuantity", "negative", "must not be negative / 不能为负");
      }
    } else if (in.transitionQuantity() != null) {
      v.add("transitionQuantity", "not_use_up", "only for a USE_UP breakpoint / 仅用完切换使用");
    }
    List<BomChange> boms = in.boms() == null ? List.of() : in.boms();
    List<RoutingChange> routings = in.routings() == null ? List.of() : in.routings();
    if (boms.isEmpty() && routings.isEmpty()) {
      v.add("boms", "required", "a change needs a BOM or a routing / 变更至少包含一个 BOM 或工艺路线");
    }
    Set<String> parents = new HashSet<>();
    for (int i = 0; i < boms.size(); i++) {
      String p = "boms[" + i + "]";
      BomChange b = boms.get(i);
      if (b == null) {
        v.add(p, "required", "is required / 必填");
        continue;
      }
      v.required(p + ".parentMaterialId", b.parentMaterialId())
          .code(p + ".newRevision", b.newRevision(), 16);
      if (b.lines() == null || b.lines().isEmpty()) {
        v.add(p + ".lines", "required", "at least one line / 至少一行");
      }
      if (b.parentMaterialId() != null && !parents.add(b.parentMaterialId() + "/" + b.view())) {
        v.add(p + ".parentMaterialId", "duplicate", "the same BOM twice / 同一 BOM 重复");
      }
    }
    if (in.plantId() == null && !routings.isEmpty()) {
      v.add("routings", "group_change", "routings belong to plants: give plantId / 工艺路线属于工厂");
    }
    Set<Long> materials = new HashSet<>();
    for (int i = 0; i < routings.size(); i++) {
      String p = "routings[" + i + "]";
      RoutingChange r = routings.get(i);
      if (r == null) {
        v.add(p, "required", "is required / 必填");
        continue;
      }
      v.required(p + ".materialId", r.materialId()).code(p + ".newRevision", r.newRevision(), 16);
      if (r.operations() == null || r.operations().isEmpty()) {
        v.add(p + ".operations", "required", "at least one operation / 至少一道工序");
      }
      if (r.materialId() != null && !materials.add(r.materialId())) {
        v.add(p + ".materialId", "duplicate", "the same routing twice / 同一工艺路线重复");
      }
    }
    return type;
  }

  /** Refuses a status move the lifecycle does not allow (409, naming both states). */
  public static void move(ChangeStatus from, ChangeStatus to) {
    if (!from.canMoveTo(to)) {
      throw new ConflictException(
          "A change in status "
              + from
              + " cannot become "
              + to
              + " / 变更单状态 "
              + from
              + " 不能变为 "
              + to);
    }
  }

  /**
   * The version a date breakpoint ends: the unranged version in effect at {@code date}. Refused
   * when a later unranged version starts at or after the date (the change would hide it) or when
   * the revision exists already.
   */
  public static Optional<Window> versionToEnd(
      String path, List<Window> versions, String newRevision, LocalDate date) {
    Window current = null;
    for (Window w : versions) {
      if (w.revision().equals(newRevision)) {
        throw new io.tianshu.core.ValidationException(
            path + ".newRevision", "duplicate", "this revision exists already / 该版本已存在");
      }
      if (w.ranged()) {
        continue;
      }
      if (!w.validFrom().isBefore(date)) {
        throw new io.tianshu.core.ValidationException(
            path,
            "later_version",
            "revision "
                + w.revision()
                + " starts on "
                + w.validFrom()
                + ", not before the breakpoint / 断点后已有版本 "
                + w.revision());
      }
      if (w.validTo() == null || w.validTo().isAfter(date)) {
        current = w;
      }
    }
    return Optional.ofNullable(current);
  }

  /**
   * Materials a BOM change touches: the parent, and every component whose quantity per parent
   * changes (added, removed or different), summed over repeated lines.
   */
  public static Set<Long> affected(
      long parent, List<BomLineInput> oldLines, List<BomLineInput> newLines) {
    Map<Long, BigDecimal> before = sums(oldLines);
    Map<Long, BigDecimal> after = sums(newLines);
    Set<Long> result = new TreeSet<>();
    result.add(parent);
    Set<Long> all = new HashSet<>(before.keySet());
    all.addAll(after.keySet());
    for (Long m : all) {
      BigDecimal a = before.get(m);
      BigDecimal b = after.get(m);
      if (a == null || b == null || a.compareTo(b) != 0) {
        result.add(m);
      }
    }
    return result;
  }

  private static Map<Long, BigDecimal> sums(List<BomLineInput> lines) {
    Map<Long, BigDecimal> m = new HashMap<>();
    if (lines != null) {
      for (BomLineInput l : lines) {
        if (l != null && l.componentMaterialId() != null && l.quantityPer() != null) {
          m.merge(l.componentMaterialId(), l.quantityPer(), BigDecimal::add);
        }
      }
    }
    return m;
  }
}
