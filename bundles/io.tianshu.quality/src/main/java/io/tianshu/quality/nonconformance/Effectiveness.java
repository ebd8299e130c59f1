package io.tianshu.quality.nonconformance;

/** The result of the effectiveness check of an 8D's permanent corrective actions. */
public enum Effectiveness {
  EFFECTIVE,
  NOT_EFFECTIVE
}
