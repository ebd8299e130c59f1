package io.tianshu.resource;

import java.time.LocalDate;

/** One day of a calendar as planning sees it. */
public record CalendarDayInfo(
    LocalDate date,
    boolean working,
    int nominalMinutes,
    double efficiencyPercent,
    double capacityMinutes,
    String note) {}
