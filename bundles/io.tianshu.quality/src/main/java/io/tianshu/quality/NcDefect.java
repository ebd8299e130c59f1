package io.tianshu.quality;

import java.math.BigDecimal;

/**
 * A defect found on a nonconformance, as given and as stored.
 *
 * @param code the defect code (e.g. SCRATCH, DIM-OD)
 * @param quantity how many pieces show it (one piece may show several defects)
 * @param description free text
 */
public record NcDefect(String code, BigDecimal quantity, String description) {}
