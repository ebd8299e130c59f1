package io.tianshu.quality.sampling;

/** Severity of inspection (ISO 2859-1 clause 9). */
public enum Severity {
  /** Normal inspection, Table 2-A (MIL-STD-105E Table II-A). */
  NORMAL,
  /** Tightened inspection, Table 2-B (II-B). */
  TIGHTENED,
  /** Reduced inspection, Table 2-C (II-C). */
  REDUCED
}
