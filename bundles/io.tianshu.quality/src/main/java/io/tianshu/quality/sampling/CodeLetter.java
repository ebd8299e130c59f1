package io.tianshu.quality.sampling;

/**
 * Sample size code letters. A..R come from the code letter table; S (sample size 3150) exists only
 * in the tightened master table, reached by a down arrow from R.
 */
public enum CodeLetter {
  /** 2. */
  A(2, 2),
  /** 3. */
  B(3, 2),
  /** 5. */
  C(5, 2),
  /** 8. */
  D(8, 3),
  /** 13. */
  E(13, 5),
  /** 20. */
  F(20, 8),
  /** 32. */
  G(32, 13),
  /** 50. */
  H(50, 20),
  /** 80. */
  J(80, 32),
  /** 125. */
  K(125, 50),
  /** 200. */
  L(200, 80),
  /** 315. */
  M(315, 125),
  /** 500. */
  N(500, 200),
  /** 800. */
  P(800, 315),
  /** 1250. */
  Q(1250, 500),
  /** 2000. */
  R(2000, 800),
  /** 3150, tightened inspection only. */
  S(3150, 0);

  private final int sampleSize;
  private final int reducedSampleSize;

  CodeLetter(int sampleSize, int reducedSampleSize) {
    this.sampleSize = sampleSize;
    this.reducedSampleSize = reducedSampleSize;
  }

  /**
   * The sample size of this code letter under a severity (the reduced table has its own column of
   * sample sizes, two letters smaller; A, B and C all sample 2).
   *
   * @param severity the severity
   * @return the sample size
   */
  public int sampleSize(Severity severity) {
    if (this == S && severity != Severity.TIGHTENED) {
      throw new IllegalArgumentException("code letter S exists only for tightened inspection");
    }
    return severity == Severity.REDUCED ? reducedSampleSize : sampleSize;
  }
}
