package io.tianshu.planning;

import java.time.LocalDate;

/** An allocation to add. */
public record AllocationInput(
    Long plantId, Long materialId, LocalDate requiredDate, Double quantity, String reference) {}
