package io.tianshu.quality.spc;

import java.util.EnumSet;
import java.util.Set;

/**
 * Run rules (tests for special causes). Zones are measured in sigmas of the plotted statistic from
 * the centre line at each point ({@link ChartPoint#sigma()}); "beyond k sigma" is strictly beyond,
 * "within 1 sigma" is strictly within, and a point exactly on the centre line is on neither side. A
 * rule is flagged at every point that completes its pattern; for the "m of k" rules the flagged
 * point must itself be one of the m points. Trends (Nelson 3) and alternation (Nelson 4) compare
 * the plotted values themselves; a tie breaks them. Nelson 8 counts points beyond 1 sigma on either
 * side and does not require both sides to occur.
 */
public enum RunRule {
  /** Western Electric 1: one point beyond 3 sigma. */
  WE1("one point beyond 3 sigma"),
  /** Western Electric 2: two of three consecutive points beyond 2 sigma on the same side. */
  WE2("2 of 3 points beyond 2 sigma, same side"),
  /** Western Electric 3: four of five consecutive points beyond 1 sigma on the same side. */
  WE3("4 of 5 points beyond 1 sigma, same side"),
  /** Western Electric 4: eight consecutive points on the same side of the centre line. */
  WE4("8 points in a row on the same side"),
  /** Nelson 1: one point beyond 3 sigma. */
  NELSON1("one point beyond 3 sigma"),
  /** Nelson 2: nine points in a row on the same side of the centre line. */
  NELSON2("9 points in a row on the same side"),
  /** Nelson 3: six points in a row steadily increasing or decreasing. */
  NELSON3("6 points in a row increasing or decreasing"),
  /** Nelson 4: fourteen points in a row alternating up and down. */
  NELSON4("14 points in a row alternating up and down"),
  /** Nelson 5: two of three consecutive points beyond 2 sigma on the same side. */
  NELSON5("2 of 3 points beyond 2 sigma, same side"),
  /** Nelson 6: four of five consecutive points beyond 1 sigma on the same side. */
  NELSON6("4 of 5 points beyond 1 sigma, same side"),
  /** Nelson 7: fifteen points in a row within 1 sigma (either side). */
  NELSON7("15 points in a row within 1 sigma"),
  /** Nelson 8: eight points in a row beyond 1 sigma (either side). */
  NELSON8("8 points in a row beyond 1 sigma, either side");

  private final String description;

  RunRule(String description) {
    this.description = description;
  }

  /**
   * A short description of the rule.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * The four Western Electric rules.
   *
   * @return a fresh set of WE1..WE4
   */
  public static Set<RunRule> westernElectric() {
    return EnumSet.range(WE1, WE4);
  }

  /**
   * The eight Nelson rules.
   *
   * @return a fresh set of NELSON1..NELSON8
   */
  public static Set<RunRule> nelson() {
    return EnumSet.range(NELSON1, NELSON8);
  }
}
