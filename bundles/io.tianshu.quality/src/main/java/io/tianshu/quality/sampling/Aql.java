package io.tianshu.quality.sampling;

/**
 * The acceptance quality limits (AQL, percent nonconforming or nonconformities per 100 items) that
 * head the columns of the master tables. Above 10 they apply to nonconformities per 100 items only.
 */
public enum Aql {
  /** 0.010. */
  AQL_0_010("0.010"),
  /** 0.015. */
  AQL_0_015("0.015"),
  /** 0.025. */
  AQL_0_025("0.025"),
  /** 0.040. */
  AQL_0_040("0.040"),
  /** 0.065. */
  AQL_0_065("0.065"),
  /** 0.10. */
  AQL_0_10("0.10"),
  /** 0.15. */
  AQL_0_15("0.15"),
  /** 0.25. */
  AQL_0_25("0.25"),
  /** 0.40. */
  AQL_0_40("0.40"),
  /** 0.65. */
  AQL_0_65("0.65"),
  /** 1.0. */
  AQL_1_0("1.0"),
  /** 1.5. */
  AQL_1_5("1.5"),
  /** 2.5. */
  AQL_2_5("2.5"),
  /** 4.0. */
  AQL_4_0("4.0"),
  /** 6.5. */
  AQL_6_5("6.5"),
  /** 10. */
  AQL_10("10"),
  /** 15. */
  AQL_15("15"),
  /** 25. */
  AQL_25("25"),
  /** 40. */
  AQL_40("40"),
  /** 65. */
  AQL_65("65"),
  /** 100. */
  AQL_100("100"),
  /** 150. */
  AQL_150("150"),
  /** 250. */
  AQL_250("250"),
  /** 400. */
  AQL_400("400"),
  /** 650. */
  AQL_650("650"),
  /** 1000. */
  AQL_1000("1000");

  private final String label;

  Aql(String label) {
    this.label = label;
  }

  /**
   * The column heading as printed in the standard.
   *
   * @return e.g. "0.65"
   */
  public String label() {
    return label;
  }

  /**
   * The AQL as a number (percent).
   *
   * @return e.g. 0.65
   */
  public double percent() {
    return Double.parseDouble(label);
  }

  /**
   * The AQL whose label, compared numerically, equals the given text ("0.4", "0.40" and ".40" all
   * give 0.40).
   *
   * @param text an AQL as printed
   * @return the AQL
   */
  public static Aql of(String text) {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: '" + text + "'", e);
    }
    for (Aql a : values()) {
      if (a.percent() == value) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "AQL " + text + " is not a preferred AQL of the master tables (0.010 .. 1000)");
  }
}
