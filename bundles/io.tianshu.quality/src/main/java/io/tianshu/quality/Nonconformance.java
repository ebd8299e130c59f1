package io.tianshu.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A nonconformance record (不合格品处理单) with its defects, MRB dispositions and costs.
 *
 * @param id the id
 * @param plantId the plant
 * @param ncNo the plant's readable number, e.g. NC-000123
 * @param source INSPECTION_LOT, PRODUCTION, CUSTOMER, SUPPLIER or INTERNAL
 * @param sourceReference the free reference
 * @param inspectionLotId the inspection lot it came from, or null
 * @param materialId the material
 * @param lot the stock lot, "" for none
 * @param locationId where the stock is
 * @param stockStatus QUARANTINE or BLOCKED: where the quantity sits until executed
 * @param quantity the nonconforming quantity
 * @param description what is wrong
 * @param responsibility SUPPLIER, DEPARTMENT or UNKNOWN
 * @param supplier the supplier
 * @param department the department
 * @param status OPEN, PROPOSED, APPROVED, EXECUTED, CLOSED or CANCELLED
 * @param proposedBy who proposed the dispositions
 * @param proposedAt when
 * @param approvedBy who approved them (MRB)
 * @param approvedAt when
 * @param mrbComment the MRB's comment (approval or sending back)
 * @param executedBy who executed
 * @param executedAt when
 * @param closedBy who closed
 * @param closedAt when
 * @param cancelReason why cancelled
 * @param defects the defects
 * @param dispositions the dispositions
 * @param costs the costs booked
 * @param costTotal their sum
 * @param costByType their sums per type
 * @param createdAt when recorded
 * @param createdBy who recorded it
 * @param version incremented on every change
 */
public record Nonconformance(
    long id,
    long plantId,
    String ncNo,
    String source,
    String sourceReference,
    Long inspectionLotId,
    long materialId,
    String lot,
    long locationId,
    String stockStatus,
    BigDecimal quantity,
    String description,
    String responsibility,
    String supplier,
    String department,
    String status,
    String proposedBy,
    Instant proposedAt,
    String approvedBy,
    Instant approvedAt,
    String mrbComment,
    String executedBy,
    Instant executedAt,
    String closedBy,
    Instant closedAt,
    String cancelReason,
    List<NcDefect> defects,
    List<NcDisposition> dispositions,
    List<NcCost> costs,
    BigDecimal costTotal,
    Map<String, BigDecimal> costByType,
    Instant createdAt,
    String createdBy,
    long version) {}
