package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Price of a material in a plant (物料价格) from {@code validFrom} until {@code validTo} (exclusive;
 * null: open). {@code movingAveragePrice} is maintained by the user (inventory receipts carry no
 * price, so it cannot be derived from the ledger); when it is null, issues are priced at standard.
 */
public record MaterialPrice(
    long id,
    long plantId,
    long materialId,
    BigDecimal standardPrice,
    BigDecimal movingAveragePrice,
    LocalDate validFrom,
    LocalDate validTo,
    Instant updatedAt,
    String updatedBy) {}
