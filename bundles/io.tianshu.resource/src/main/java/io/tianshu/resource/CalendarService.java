package io.tianshu.resource;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.time.LocalDate;
import java.util.List;

/** Plant calendars: plant-scoped reads, audited writes by plant administrators. */
public interface CalendarService {
  PlantCalendar create(CallerContext caller, PlantCalendarInput input);

  PlantCalendar update(CallerContext caller, long id, PlantCalendarInput input);

  PlantCalendar get(CallerContext caller, long id);

  Page<PlantCalendar> list(CallerContext caller, Long plantId, PageRequest page);

  void delete(CallerContext caller, long id, long version);

  /** The calendar's days in [from, to], at most 3,700 of them. */
  List<CalendarDayInfo> days(CallerContext caller, long id, LocalDate from, LocalDate to);

  /** The compiled calendar, cached until the calendar changes. */
  WorkCalendar workCalendar(CallerContext caller, long id);

  /** The plant's default calendar; not found when the plant has none. */
  PlantCalendar plantDefault(CallerContext caller, long plantId);
}
