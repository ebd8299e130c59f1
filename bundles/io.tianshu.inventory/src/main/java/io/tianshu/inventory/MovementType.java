package io.tianshu.inventory;

/** The kinds of stock movement; each becomes one or two signed ledger lines. */
public enum MovementType {
  /** Into a location and status: one positive line. */
  RECEIPT,
  /** Out of a location and status: one negative line. */
  ISSUE,
  /** From one location to another, same status: a negative and a positive line. */
  TRANSFER,
  /** A correction after a count, either sign: one line. */
  ADJUSTMENT,
  /** From one status to another in the same location: a negative and a positive line. */
  STATUS_CHANGE
}
