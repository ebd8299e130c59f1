package io.tianshu.quality.sampling;

/** Inspection levels of ISO 2859-1 Table 1: the special levels S-1..S-4 and general I, II, III. */
public enum InspectionLevel {
  /** Special level S-1. */
  S1("S-1"),
  /** Special level S-2. */
  S2("S-2"),
  /** Special level S-3. */
  S3("S-3"),
  /** Special level S-4. */
  S4("S-4"),
  /** General level I. */
  I("I"),
  /** General level II, the default. */
  II("II"),
  /** General level III. */
  III("III");

  private final String label;

  InspectionLevel(String label) {
    this.label = label;
  }

  /**
   * The label as printed in the standard.
   *
   * @return e.g. "S-1" or "II"
   */
  public String label() {
    return label;
  }
}
