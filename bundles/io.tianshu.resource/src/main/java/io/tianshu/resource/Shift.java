package io.tianshu.resource;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A shift that runs on the given weekdays from {@code start} to {@code end}, in whole minutes.
 *
 * <p>{@code end <= start} means the shift crosses midnight (22:00–06:00); all its minutes belong to
 * the day it starts on. {@code end == start} means 24 hours. The net working time is the span minus
 * {@code breakMinutes}; as a documented simplification the break is taken at the end of the shift,
 * so the shift works in {@code [start, end - breakMinutes)}.
 */
public record Shift(
    String code, LocalTime start, LocalTime end, int breakMinutes, Set<DayOfWeek> days) {

  /**
   * Copies {@code days} into an unmodifiable set (null becomes empty). Other fields are not checked
   * here, so input can be validated field by field; {@link WorkCalendar#of} rejects what is
   * missing.
   */
  public Shift {
    days =
        days == null || days.isEmpty()
            ? Collections.unmodifiableSet(EnumSet.noneOf(DayOfWeek.class))
            : Collections.unmodifiableSet(EnumSet.copyOf(days));
  }

  /** Minutes from start to end (1440 when {@code end == start}), breaks included. */
  public int spanMinutes() {
    int s = start.toSecondOfDay() / 60;
    int e = end.toSecondOfDay() / 60;
    return e > s ? e - s : e - s + 24 * 60;
  }

  /** Net working minutes: the span minus the break. */
  public int netMinutes() {
    return spanMinutes() - breakMinutes;
  }

  /** Whether the shift ends on the next calendar day. */
  public boolean crossesMidnight() {
    return !end.isAfter(start);
  }
}
