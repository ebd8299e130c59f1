package io.tianshu.quality;

import java.math.BigDecimal;
import java.util.List;

/**
 * A nonconformance as recorded. With {@code inspectionLotId} the material, lot, location, quantity
 * and supplier default to the inspection lot's.
 *
 * @param plantId the plant
 * @param source INSPECTION_LOT, PRODUCTION, CUSTOMER, SUPPLIER or INTERNAL (INTERNAL when absent;
 *     INSPECTION_LOT when an inspection lot is named)
 * @param sourceReference a free reference, e.g. the work order or the complaint number
 * @param inspectionLotId the inspection lot it comes from, or null
 * @param materialId the material
 * @param lot the stock lot ("" or null for none)
 * @param locationId where the nonconforming stock is
 * @param stockStatus the status it sits in: QUARANTINE or BLOCKED (default BLOCKED)
 * @param quantity the nonconforming quantity in the material's base unit
 * @param description what is wrong
 * @param responsibility SUPPLIER, DEPARTMENT or UNKNOWN (default UNKNOWN)
 * @param supplier the supplier code (required when the supplier is responsible)
 * @param department the responsible department (required when a department is responsible)
 * @param defects the defects found
 */
public record NonconformanceInput(
    Long plantId,
    String source,
    String sourceReference,
    Long inspectionLotId,
    Long materialId,
    String lot,
    Long locationId,
    String stockStatus,
    BigDecimal quantity,
    String description,
    String responsibility,
    String supplier,
    String department,
    List<NcDefect> defects) {}
