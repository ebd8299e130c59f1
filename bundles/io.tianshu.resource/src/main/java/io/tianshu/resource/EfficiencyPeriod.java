package io.tianshu.resource;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Efficiency of the plant from {@code from} to {@code to} (both inclusive; {@code to == null} is
 * open-ended) in percent, in (0, 200]. Outside every period the efficiency is 100 %; where periods
 * overlap, the one listed last in the {@link CalendarDefinition} wins.
 */
public record EfficiencyPeriod(LocalDate from, LocalDate to, BigDecimal percent) {}
