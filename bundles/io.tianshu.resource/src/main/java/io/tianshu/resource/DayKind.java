package io.tianshu.resource;

/** Kind of a {@link CalendarDay}: a day off, or a make-up working day (调休). */
public enum DayKind {
  /** No shift starts on this day. */
  HOLIDAY,
  /** A make-up working day that runs the shifts of another weekday. */
  WORKDAY
}
