package io.tianshu.bom;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongToDoubleFunction;

/**
 * An immutable, validated set of substitution groups (替代料) that answers, for a component of a
 * parent's BOM, which alternatives the planner and MRP should consider and in which order.
 *
 * <p>Exactly one group applies to a requirement: among the groups whose primary contains the
 * component, whose parent is open or equal to the requirement's parent, which are valid at the date
 * and whose scope matches the context, the most specific wins (order-scoped, then customer-scoped,
 * then unscoped; then parent-specific over any parent; then the lowest id). Groups are indexed by
 * every primary material and pre-sorted in that precedence, so a look-up is a hash probe and a
 * short scan. Built once and shared by any number of threads.
 */
public final class Substitutions {
  /** Below this share of the required sets a use-up remainder counts as covered (rounding). */
  private static final double EPS = 1e-9;

  private static final Comparator<SubstitutionGroup> PRECEDENCE =
      Comparator.comparingInt(Substitutions::specificity)
          .reversed()
          .thenComparing(g -> g.parentMaterialId() == null)
          .thenComparingLong(SubstitutionGroup::id);

  private final Map<Long, List<SubstitutionGroup>> byComponent;
  private final Map<Long, List<Substitute>> byPriority;

  private Substitutions(
      Map<Long, List<SubstitutionGroup>> byComponent, Map<Long, List<Substitute>> byPriority) {
    this.byComponent = byComponent;
    this.byPriority = byPriority;
  }

  /**
   * Validates and indexes the groups.
   *
   * @throws IllegalArgumentException naming the group: duplicate id, empty primary or substitute, a
   *     quantity not &gt; 0 (or not finite), a material twice in one set, a material both in the
   *     primary and in a substitute, an empty validity window, a DESIGNATED group with neither
   *     customer nor order
   */
  public static Substitutions of(List<SubstitutionGroup> groups) {
    Map<Long, List<SubstitutionGroup>> byComponent = new HashMap<>();
    Map<Long, List<Substitute>> byPriority = new HashMap<>();
    for (SubstitutionGroup g : groups) {
      validate(g);
      if (byPriority.containsKey(g.id())) {
        throw invalid(g, "duplicate group id / 替代组编号重复");
      }
      List<Substitute> subs = new ArrayList<>(g.substitutes());
      subs.sort(Comparator.comparingInt(Substitute::priority)); // stable: ties keep list order
      byPriority.put(g.id(), List.copyOf(subs));
      for (SubstitutePart p : g.primary()) {
        byComponent.computeIfAbsent(p.materialId(), k -> new ArrayList<>()).add(g);
      }
    }
    Map<Long, List<SubstitutionGroup>> frozen = new HashMap<>();
    byComponent.forEach(
        (m, list) -> {
          list.sort(PRECEDENCE);
          frozen.put(m, List.copyOf(list));
        });
    return new Substitutions(frozen, byPriority);
  }

  private static void validate(SubstitutionGroup g) {
    if (g.primary().isEmpty()) {
      throw invalid(g, "primary set is empty / 主料为空");
    }
    Set<Long> primary = new HashSet<>();
    for (SubstitutePart p : g.primary()) {
      checkQuantity(g, p);
      if (!primary.add(p.materialId())) {
        throw invalid(g, "material " + p.materialId() + " occurs twice in the primary / 主料重复");
      }
    }
    for (int i = 0; i < g.substitutes().size(); i++) {
      Substitute s = g.substitutes().get(i);
      if (s.parts().isEmpty()) {
        throw invalid(g, "substitute " + (i + 1) + " is empty / 替代料为空");
      }
      Set<Long> seen = new HashSet<>();
      for (SubstitutePart p : s.parts()) {
        checkQuantity(g, p);
        if (primary.contains(p.materialId())) {
          throw invalid(
              g, "material " + p.materialId() + " is both primary and substitute / 主料与替代料相同");
        }
        if (!seen.add(p.materialId())) {
          throw invalid(
              g,
              "material " + p.materialId() + " occurs twice in substitute " + (i + 1) + " / 替代料重复");
        }
      }
      if (emptyWindow(s.validFrom(), s.validTo())) {
        throw invalid(g, "substitute " + (i + 1) + " has validTo <= validFrom / 替代料有效期为空");
      }
    }
    if (emptyWindow(g.validFrom(), g.validTo())) {
      throw invalid(g, "validTo <= validFrom / 替代组有效期为空");
    }
    if (g.strategy() == SubstitutionStrategy.DESIGNATED
        && g.customer() == null
        && g.orderRef() == null) {
      throw invalid(g, "DESIGNATED needs a customer or an order / 指定替代须指定客户或订单");
    }
  }

  private static void checkQuantity(SubstitutionGroup g, SubstitutePart p) {
    if (!(p.quantity() > 0) || Double.isInfinite(p.quantity())) {
      throw invalid(
          g,
          "quantity of material "
              + p.materialId()
              + " must be > 0, was "
              + p.quantity()
              + " / 数量须大于零");
    }
  }

  private static boolean emptyWindow(LocalDate from, LocalDate to) {
    return from != null && to != null && !from.isBefore(to);
  }

  private static IllegalArgumentException invalid(SubstitutionGroup g, String message) {
    return new IllegalArgumentException("substitution group " + g.id() + ": " + message);
  }

  /**
   * The groups whose primary contains the component, most specific first (the order in which {@link
   * #options} tries them); empty if none.
   */
  public List<SubstitutionGroup> groupsFor(long componentMaterialId) {
    return byComponent.getOrDefault(componentMaterialId, List.of());
  }

  /**
   * The options, in order, for covering {@code requiredQuantity} of the component inside the
   * parent's BOM. The number of sets is the required quantity divided by the component's quantity
   * in the primary set; every option's parts are scaled by its sets.
   *
   * @param onHand stock on hand per material, used by USE_UP only; null means no stock
   * @throws IllegalArgumentException if the required quantity is negative or not finite
   */
  public List<SubstitutionOption> options(
      long parentMaterialId,
      long componentMaterialId,
      double requiredQuantity,
      SubstitutionContext ctx,
      LongToDoubleFunction onHand) {
    Objects.requireNonNull(ctx, "ctx");
    if (!(requiredQuantity >= 0) || Double.isInfinite(requiredQuantity)) {
      throw new IllegalArgumentException(
          "required quantity must be >= 0 and finite, was " + requiredQuantity);
    }
    SubstitutionGroup g = applicable(parentMaterialId, componentMaterialId, ctx);
    if (g == null) {
      return List.of(
          new SubstitutionOption(
              1,
              true,
              0,
              requiredQuantity,
              List.of(new SubstitutePart(componentMaterialId, requiredQuantity)),
              "no substitution / 无替代"));
    }
    double sets = requiredQuantity / perSet(g, componentMaterialId);
    List<Substitute> valid = new ArrayList<>();
    for (Substitute s : byPriority.get(g.id())) {
      if (s.validAt(ctx.date())) {
        valid.add(s);
      }
    }
    Options out = new Options(g);
    switch (g.strategy()) {
      case PRIORITY -> {
        out.primary(sets, "primary / 主料");
        valid.forEach(
            s -> out.substitute(s, sets, "priority " + s.priority() + " / 优先级 " + s.priority()));
      }
      case USE_UP -> useUp(g, sets, valid, onHand, out);
      case DATE_EFFECTIVE -> {
        for (Substitute s : valid) {
          if (s.validFrom() != null) {
            out.substitute(
                s,
                sets,
                "effective from "
                    + s.validFrom()
                    + ", priority "
                    + s.priority()
                    + " / 自 "
                    + s.validFrom()
                    + " 起生效 优先级 "
                    + s.priority());
          }
        }
        out.primary(sets, out.isEmpty() ? "primary / 主料" : "primary (fallback) / 主料（备选）");
        for (Substitute s : valid) {
          if (s.validFrom() == null) {
            out.substitute(s, sets, "priority " + s.priority() + " / 优先级 " + s.priority());
          }
        }
      }
      case DESIGNATED ->
          onlySubstitutes(
              sets,
              valid,
              out,
              "designated",
              "指定替代",
              "designated substitute not valid at date / 指定替代料不在有效期");
      case REPLACEMENT ->
          onlySubstitutes(
              sets, valid, out, "replacement", "替换", "replacement not valid at date / 替换料不在有效期");
    }
    return out.list();
  }

  private static void useUp(
      SubstitutionGroup g,
      double sets,
      List<Substitute> valid,
      LongToDoubleFunction onHand,
      Options out) {
    if (valid.isEmpty()) {
      // Nothing to switch to: the primary must cover everything, stock or not.
      out.primary(sets, "use-up: no valid substitute / 用完替代：无有效替代料");
      return;
    }
    double available = Double.POSITIVE_INFINITY;
    for (SubstitutePart p : g.primary()) {
      double stock = onHand == null ? 0 : onHand.applyAsDouble(p.materialId());
      available = Math.min(available, stock > 0 ? stock / p.quantity() : 0);
    }
    double fromStock = Math.min(available, sets);
    double remaining = sets - fromStock;
    if (remaining <= EPS * Math.max(1, sets)) {
      fromStock = sets;
      remaining = 0;
    }
    if (fromStock > 0) {
      out.primary(fromStock, "use up stock / 先用完库存");
    }
    int i = 0;
    if (remaining > 0) {
      Substitute first = valid.get(0);
      out.substitute(
          first,
          remaining,
          "rest after use-up, priority " + first.priority() + " / 用完后替代 优先级 " + first.priority());
      i = 1;
    }
    for (; i < valid.size(); i++) {
      Substitute s = valid.get(i);
      out.substitute(s, sets, "fallback, priority " + s.priority() + " / 备选 优先级 " + s.priority());
    }
  }

  private static void onlySubstitutes(
      double sets, List<Substitute> valid, Options out, String en, String zh, String noneValid) {
    if (valid.isEmpty()) {
      out.primary(sets, noneValid);
      return;
    }
    for (Substitute s : valid) {
      out.substitute(
          s, sets, en + ", priority " + s.priority() + " / " + zh + " 优先级 " + s.priority());
    }
  }

  private SubstitutionGroup applicable(long parent, long component, SubstitutionContext ctx) {
    for (SubstitutionGroup g : groupsFor(component)) {
      if ((g.parentMaterialId() == null || g.parentMaterialId() == parent)
          && g.validAt(ctx.date())
          && (g.customer() == null || g.customer().equals(ctx.customer()))
          && (g.orderRef() == null || g.orderRef().equals(ctx.orderRef()))) {
        return g; // groupsFor is in precedence order: the first match is the most specific
      }
    }
    return null;
  }

  /** Order + customer 3, order 2, customer 1, unscoped 0. */
  private static int specificity(SubstitutionGroup g) {
    return (g.orderRef() != null ? 2 : 0) + (g.customer() != null ? 1 : 0);
  }

  private static double perSet(SubstitutionGroup g, long component) {
    for (SubstitutePart p : g.primary()) {
      if (p.materialId() == component) {
        return p.quantity();
      }
    }
    throw new IllegalStateException("component " + component + " not in group " + g.id());
  }

  static boolean within(LocalDate date, LocalDate from, LocalDate to) {
    return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
  }

  private static List<SubstitutePart> scale(List<SubstitutePart> parts, double sets) {
    List<SubstitutePart> scaled = new ArrayList<>(parts.size());
    for (SubstitutePart p : parts) {
      scaled.add(new SubstitutePart(p.materialId(), p.quantity() * sets));
    }
    return scaled;
  }

  /** Collects options and numbers them. */
  private static final class Options {
    private final SubstitutionGroup group;
    private final List<SubstitutionOption> list = new ArrayList<>();

    Options(SubstitutionGroup group) {
      this.group = group;
    }

    void primary(double sets, String reason) {
      add(true, sets, group.primary(), reason);
    }

    void substitute(Substitute s, double sets, String reason) {
      add(false, sets, s.parts(), reason);
    }

    private void add(boolean primary, double sets, List<SubstitutePart> parts, String reason) {
      list.add(
          new SubstitutionOption(
              list.size() + 1, primary, group.id(), sets, scale(parts, sets), reason));
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    List<SubstitutionOption> list() {
      return Collections.unmodifiableList(list);
    }
  }
}
