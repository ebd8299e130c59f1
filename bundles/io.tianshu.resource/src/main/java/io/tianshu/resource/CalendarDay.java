package io.tianshu.resource;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * An exception to the weekly shift pattern on one date. {@link DayKind#HOLIDAY}: no shift starts
 * that day (a night shift started the evening before still runs into it). {@link DayKind#WORKDAY}:
 * a make-up working day (调休) that runs the shifts of weekday {@code worksLike} ({@link
 * DayOfWeek#MONDAY} when null). {@code note} is free text, e.g. "国庆节".
 */
public record CalendarDay(LocalDate date, DayKind kind, DayOfWeek worksLike, String note) {

  /** The weekday whose shifts run on this date, or null for a holiday. */
  public DayOfWeek effectiveWorksLike() {
    if (kind == DayKind.HOLIDAY) {
      return null;
    }
    return worksLike == null ? DayOfWeek.MONDAY : worksLike;
  }
}
