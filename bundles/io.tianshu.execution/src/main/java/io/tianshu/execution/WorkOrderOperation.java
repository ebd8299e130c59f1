package io.tianshu.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An operation of the order routing with its quantities: {@code in = good + scrap + rework +
 * inProgress}; {@code in} of an operation is the good output of the one before. Station, operator
 * and shift are where it was dispatched. An outsourced operation is done by {@code supplier};
 * {@code atSupplier} of its work in progress is held there.
 *
 * <p>{@code overlapPercent} (重叠, copied at release from the routing's link to the operation before;
 * null: no restriction) holds the operation until that predecessor has finished {@code 100 -
 * overlapPercent} % of what it received; {@code lagMinutes} is the link's lag, for information.
 * {@code parts} are the parts the operation is split into (工序分割), each with its own station and
 * quantities, headed by part 0, the unsplit rest; empty when it is not split. The parts add up to
 * the operation.
 */
public record WorkOrderOperation(
    long id,
    int seq,
    String description,
    Long workCenterId,
    BigDecimal setupMinutes,
    BigDecimal runMinutes,
    OperationStatus status,
    BigDecimal in,
    BigDecimal good,
    BigDecimal scrap,
    BigDecimal rework,
    BigDecimal inProgress,
    boolean outsourced,
    String supplier,
    BigDecimal atSupplier,
    String station,
    String operator,
    String shift,
    Instant startedAt,
    Instant finishedAt,
    BigDecimal overlapPercent,
    BigDecimal lagMinutes,
    List<WorkOrderOperationPart> parts) {

  public WorkOrderOperation {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** An operation without overlap and parts (the shape before 0.4). */
  public WorkOrderOperation(
      long id,
      int seq,
      String description,
      Long workCenterId,
      BigDecimal setupMinutes,
      BigDecimal runMinutes,
      OperationStatus status,
      BigDecimal in,
      BigDecimal good,
      BigDecimal scrap,
      BigDecimal rework,
      BigDecimal inProgress,
      boolean outsourced,
      String supplier,
      BigDecimal atSupplier,
      String station,
      String operator,
      String shift,
      Instant startedAt,
      Instant finishedAt) {
    this(
        id,
        seq,
        description,
        workCenterId,
        setupMinutes,
        runMinutes,
        status,
        in,
        good,
        scrap,
        rework,
        inProgress,
        outsourced,
        supplier,
        atSupplier,
        station,
        operator,
        shift,
        startedAt,
        finishedAt,
        null,
        null,
        List.of());
  }
}
