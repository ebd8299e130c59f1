package io.tianshu.quality.sampling;

/** Whether a lot is accepted or not. */
public enum Disposition {
  /** The lot is accepted. */
  ACCEPT,
  /** The lot is not accepted. */
  REJECT
}
