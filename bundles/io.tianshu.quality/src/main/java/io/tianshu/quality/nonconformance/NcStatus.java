package io.tianshu.quality.nonconformance;

/** Where a nonconformance stands. */
public enum NcStatus {
  /** Recorded; the stock sits in QUARANTINE or BLOCKED. */
  OPEN,
  /** A quality engineer proposed dispositions; the MRB has to approve them. */
  PROPOSED,
  /** The MRB approved the dispositions; nothing posted yet. */
  APPROVED,
  /** The dispositions were carried out: stock posted, rework ordered. */
  EXECUTED,
  /** Finished (costs may still be added). */
  CLOSED,
  /** Withdrawn before any disposition was carried out. */
  CANCELLED
}
