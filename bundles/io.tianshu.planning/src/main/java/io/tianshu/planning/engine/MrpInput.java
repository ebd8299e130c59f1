package io.tianshu.planning.engine;

import io.tianshu.resource.WorkCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one MRP run needs. Null lists are treated as empty; lists are copied into unmodifiable
 * lists (null elements are rejected with a {@link NullPointerException}).
 *
 * @param items planning parameters, one per material; the item order fixes the processing order
 *     within a low-level code and the order of {@link MrpResult#lowLevelCodes()}
 * @param bom the bill-of-material lines of all items (must form no cycle)
 * @param demands independent requirements
 * @param receipts scheduled receipts
 * @param calendar the plant work calendar used for lead-time offsetting
 * @param planStart the first day of the horizon (today)
 * @param horizonDays number of daily buckets; the horizon is {@code [planStart, planStart +
 *     horizonDays)}, 1 … {@value MrpEngine#MAX_HORIZON_DAYS}
 * @param outputs co- and by-products of the items' orders (with the BOM lines, they must form no
 *     cycle)
 * @param substitutions material substitution groups (替代料), one row per substitute set (see {@link
 *     PlanSubstitution} and {@link MrpEngine})
 */
public record MrpInput(
    List<PlanItem> items,
    List<PlanBomLine> bom,
    List<PlanDemand> demands,
    List<PlanReceipt> receipts,
    WorkCalendar calendar,
    LocalDate planStart,
    int horizonDays,
    List<PlanOutput> outputs,
    List<PlanSubstitution> substitutions) {

  /** An input without substitutions ({@code substitutions} empty). */
  public MrpInput(
      List<PlanItem> items,
      List<PlanBomLine> bom,
      List<PlanDemand> demands,
      List<PlanReceipt> receipts,
      WorkCalendar calendar,
      LocalDate planStart,
      int horizonDays,
      List<PlanOutput> outputs) {
    this(items, bom, demands, receipts, calendar, planStart, horizonDays, outputs, List.of());
  }

  /** An input without co- or by-products ({@code outputs} empty). */
  public MrpInput(
      List<PlanItem> items,
      List<PlanBomLine> bom,
      List<PlanDemand> demands,
      List<PlanReceipt> receipts,
      WorkCalendar calendar,
      LocalDate planStart,
      int horizonDays) {
    this(items, bom, demands, receipts, calendar, planStart, horizonDays, List.of());
  }

  /** Copies the lists and checks calendar, plan start and horizon. */
  public MrpInput {
    items = items == null ? List.of() : List.copyOf(items);
    bom = bom == null ? List.of() : List.copyOf(bom);
    demands = demands == null ? List.of() : List.copyOf(demands);
    receipts = receipts == null ? List.of() : List.copyOf(receipts);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    substitutions = substitutions == null ? List.of() : List.copyOf(substitutions);
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(planStart, "planStart");
    if (horizonDays < 1 || horizonDays > MrpEngine.MAX_HORIZON_DAYS) {
      throw new IllegalArgumentException(
          "horizonDays must be in [1, " + MrpEngine.MAX_HORIZON_DAYS + "], was " + horizonDays);
    }
  }
}
