package io.tianshu.planning.engine;

import io.tianshu.resource.WorkCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assemble-to-order (ATO, 按单装配): the forecast of an ATO item is not planned on the item, whose
 * final assembly waits for customer orders (each planned as a make-to-order demand), but passed
 * through to its components, which are planned to stock ahead of the orders.
 *
 * <p>A forecast line (after consumption by the item's order lines) of quantity f on day d of an ATO
 * item X with lead time L and yield y % becomes, for each BOM line X → c (quantity per q, scrap s
 * %), a requirement of c of {@code f × 100 / y × q × (1 + s / 100)} on X's release date for d:
 * {@code calendar.plusWorkingDays(d, −L)}, or d itself for L = 0 — exactly the dependent demand an
 * MRP planned order of X for f due on d would have (see {@link MrpEngine}), so that the components
 * are planned the same whether the assembly is forecast or ordered. Lines of quantity 0 and BOM
 * lines with quantity per 0 give nothing. Pure and deterministic: output in the order of the
 * forecast lines, then of the BOM lines.
 */
public final class AssembleToOrder {
  private AssembleToOrder() {}

  /** The assembly an ATO item's forecast stands for: its lead time, yield and BOM lines. */
  public record Assembly(long materialId, int leadTimeDays, double yieldPercent) {
    /** Checks the lead time and the yield. */
    public Assembly {
      if (leadTimeDays < 0) {
        throw new IllegalArgumentException(
            "ATO item " + materialId + ": lead time must be >= 0, was " + leadTimeDays);
      }
      if (!(yieldPercent > 0 && yieldPercent <= 100)) {
        throw new IllegalArgumentException(
            "ATO item " + materialId + ": yield must be in (0, 100], was " + yieldPercent);
      }
    }
  }

  /** A component requirement that comes from the forecast line {@code forecastId} of the item. */
  public record Requirement(
      long forecastId, long itemId, long componentId, LocalDate date, double quantity) {}

  /**
   * The component requirements of {@code forecasts} (lines of items without an assembly are left
   * out).
   *
   * @throws IllegalArgumentException if a BOM line of an assembly has a negative or non-finite
   *     quantity per or scrap
   */
  public static List<Requirement> explode(
      List<ForecastLine> forecasts,
      List<Assembly> assemblies,
      List<PlanBomLine> bom,
      WorkCalendar calendar) {
    Objects.requireNonNull(calendar, "calendar");
    Map<Long, Assembly> byItem = new HashMap<>();
    for (Assembly a : assemblies) {
      byItem.put(a.materialId(), a);
    }
    Map<Long, List<PlanBomLine>> lines = new HashMap<>();
    for (PlanBomLine l : bom) {
      if (byItem.containsKey(l.parentMaterialId())) {
        if (!(l.quantityPer() >= 0) || Double.isInfinite(l.quantityPer())) {
          throw new IllegalArgumentException(
              "BOM line "
                  + l.parentMaterialId()
                  + " -> "
                  + l.componentMaterialId()
                  + ": quantity per must be finite and >= 0");
        }
        if (!(l.scrapPercent() >= 0) || Double.isInfinite(l.scrapPercent())) {
          throw new IllegalArgumentException(
              "BOM line "
                  + l.parentMaterialId()
                  + " -> "
                  + l.componentMaterialId()
                  + ": scrap must be finite and >= 0");
        }
        lines.computeIfAbsent(l.parentMaterialId(), k -> new ArrayList<>()).add(l);
      }
    }
    List<Requirement> out = new ArrayList<>();
    for (ForecastLine f : forecasts) {
      Assembly a = byItem.get(f.materialId());
      if (a == null || f.quantity() == 0) {
        continue;
      }
      LocalDate release =
          a.leadTimeDays() == 0 ? f.date() : calendar.plusWorkingDays(f.date(), -a.leadTimeDays());
      // The same arithmetic as the engine's dependent demand, so that the figures match exactly.
      double assembled =
          a.yieldPercent() < 100 ? f.quantity() * 100 / a.yieldPercent() : f.quantity();
      for (PlanBomLine l : lines.getOrDefault(f.materialId(), List.of())) {
        double q = assembled * (l.quantityPer() * (100 + l.scrapPercent())) / 100;
        if (q > 0) {
          out.add(new Requirement(f.id(), f.materialId(), l.componentMaterialId(), release, q));
        }
      }
    }
    return out;
  }
}
