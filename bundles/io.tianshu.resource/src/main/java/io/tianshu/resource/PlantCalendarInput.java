package io.tianshu.resource;

import java.util.List;

/**
 * A calendar as written: shifts, days and efficiencies replace the stored ones as a whole; {@code
 * version} is required on update.
 */
public record PlantCalendarInput(
    Long plantId,
    String code,
    String name,
    Boolean plantDefault,
    List<Shift> shifts,
    List<CalendarDay> days,
    List<EfficiencyPeriod> efficiencies,
    Long version) {}
