package io.tianshu.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * A recorded merged issue: the material, the total, and each order's issue with the lot lines it
 * posted (orders in the sequence they were served: start date, then id). {@code duplicate} when
 * this call repeated a key already used.
 */
public record MergedMaterialIssue(
    long id,
    String issueKey,
    long plantId,
    long materialId,
    Long locationId,
    BigDecimal quantity,
    List<MaterialIssue> issues,
    boolean duplicate) {}
