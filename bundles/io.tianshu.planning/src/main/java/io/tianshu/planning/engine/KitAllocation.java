package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * Part of an incoming {@link KitSupply} reserved for one component of one kit order.
 *
 * @param supplyReference the supply's {@link KitSupply#reference() reference}
 * @param date the date the quantity becomes available: the supply date, or the analysis date for an
 *     overdue supply
 * @param quantity the quantity reserved, positive
 */
public record KitAllocation(String supplyReference, LocalDate date, double quantity) {}
