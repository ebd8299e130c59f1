package io.tianshu.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/** One ledger line: a signed quantity into (+) or out of (−) one stock key. Never changed. */
public record Movement(
    Long id,
    long documentId,
    MovementType type,
    long materialId,
    long plantId,
    long locationId,
    String lot,
    String serial,
    StockStatus status,
    BigDecimal quantity,
    String unit,
    String reference,
    Instant at,
    String username) {}
