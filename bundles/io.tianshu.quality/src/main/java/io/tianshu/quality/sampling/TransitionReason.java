package io.tianshu.quality.sampling;

/** Why the switching state changed severity (or did not), for the audit trail. */
public enum TransitionReason {
  /** No change of severity. */
  NONE,
  /** 9.3.1: 2 of 5 or fewer consecutive lots not accepted on normal inspection. */
  NORMAL_TO_TIGHTENED,
  /** 9.3.2: 5 consecutive lots accepted on tightened inspection. */
  TIGHTENED_TO_NORMAL,
  /** 9.3.3: switching score at least 30, production steady, authority approves. */
  NORMAL_TO_REDUCED,
  /** 9.3.4 a: a lot not accepted on reduced inspection. */
  REDUCED_TO_NORMAL_REJECTED,
  /** MIL-STD-105E 8.3.4 b: a reduced lot accepted with Ac &lt; d &lt; Re. */
  REDUCED_TO_NORMAL_GAP,
  /** 9.3.4 b: production irregular or delayed. */
  REDUCED_TO_NORMAL_IRREGULAR,
  /** 9.3.4 c: other conditions warrant normal inspection. */
  REDUCED_TO_NORMAL_WARRANTED,
  /** 9.4: 5 lots not accepted on tightened inspection; acceptance sampling stops. */
  DISCONTINUED,
  /** 9.4: supplier action accepted as effective; resume with tightened inspection. */
  RESUMED_TIGHTENED
}
