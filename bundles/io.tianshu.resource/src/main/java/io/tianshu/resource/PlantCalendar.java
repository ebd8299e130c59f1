package io.tianshu.resource;

import java.time.Instant;
import java.util.List;

/**
 * A plant's working calendar: the weekly shift pattern, exception days (holidays and make-up
 * working days, 调休) and efficiency periods. One calendar per plant is its default; work centres and
 * resources may run on another.
 */
public record PlantCalendar(
    Long id,
    long plantId,
    String code,
    String name,
    boolean plantDefault,
    List<Shift> shifts,
    List<CalendarDay> days,
    List<EfficiencyPeriod> efficiencies,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  /** The definition the engine is built from. */
  public CalendarDefinition definition() {
    return new CalendarDefinition(shifts, days, efficiencies);
  }
}
