package io.tianshu.planning;

import java.time.LocalDate;

/**
 * One step of a material's date-effective (dynamic) safety stock: from {@code from} on the safety
 * stock is {@code quantity}, until the next step.
 */
public record SafetyStockLevel(LocalDate from, Double quantity) {}
