package io.tianshu.change;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A change order as written. {@code plantId} null: a group change (group BOMs only). The
 * breakpoint: {@code breakpoint} DATE, SERIAL or USE_UP with {@code effectiveDate}, {@code
 * serialFrom} (SERIAL) and {@code transitionQuantity} (USE_UP). {@code version} is required on
 * update.
 */
public record ChangeInput(
    Long plantId,
    String number,
    String title,
    String reason,
    String breakpoint,
    LocalDate effectiveDate,
    String serialFrom,
    BigDecimal transitionQuantity,
    List<BomChange> boms,
    List<RoutingChange> routings,
    Long version) {}
