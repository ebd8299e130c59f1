package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A work order (生产工单): make {@code quantity} of a material as lot {@code lot}. Once released it
 * carries its own BOM ({@code components}) and routing ({@code operations}). {@code
 * completedQuantity} went into stock, {@code scrapQuantity} was scrapped at any operation.
 */
public record WorkOrder(
    long id,
    long plantId,
    String code,
    WorkOrderKind kind,
    WorkOrderStatus status,
    long materialId,
    String materialCode,
    BigDecimal quantity,
    String unit,
    String lot,
    LocalDate startDate,
    LocalDate dueDate,
    String lineCode,
    Long issueLocationId,
    Long receiveLocationId,
    boolean backflush,
    String supplier,
    Long receiptId,
    String salesOrder,
    Long parentId,
    BigDecimal completedQuantity,
    BigDecimal scrapQuantity,
    String forcedReason,
    Instant releasedAt,
    Instant startedAt,
    Instant completedAt,
    Instant closedAt,
    Instant createdAt,
    String createdBy,
    long version,
    List<WorkOrderComponent> components,
    List<WorkOrderOperation> operations) {}
