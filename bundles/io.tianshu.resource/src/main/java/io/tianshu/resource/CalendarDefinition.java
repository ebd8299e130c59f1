package io.tianshu.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything that defines a plant work calendar: the weekly shift pattern, the dated exceptions
 * (holidays, make-up working days) and efficiency periods. Null lists are treated as empty; the
 * lists are copied into unmodifiable lists (null elements are kept and rejected by {@link
 * WorkCalendar#of}).
 */
public record CalendarDefinition(
    List<Shift> shifts, List<CalendarDay> days, List<EfficiencyPeriod> efficiencies) {

  /** Replaces null lists by empty ones and copies the others. */
  public CalendarDefinition {
    shifts = copy(shifts);
    days = copy(days);
    efficiencies = copy(efficiencies);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
