package io.tianshu.quality.nonconformance;

/**
 * The inventory posting a disposition makes on the NC's stock key.
 *
 * @param movementType ISSUE or STATUS_CHANGE
 * @param toStatus the target status of a STATUS_CHANGE, null for an ISSUE
 */
public record StockEffect(String movementType, String toStatus) {}
