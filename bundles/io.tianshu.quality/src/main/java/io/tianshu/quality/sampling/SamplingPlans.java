package io.tianshu.quality.sampling;

import java.util.Objects;

/**
 * Sample size code letters (ISO 2859-1 Table 1, MIL-STD-105E Table I) and single sampling plans
 * from the master tables ({@link MasterTables}), with arrows resolved.
 */
public final class SamplingPlans {

  private SamplingPlans() {}

  // Upper bounds of the lot size ranges of Table 1; the last range is 500001 and over.
  private static final int[] LOT_UPPER = {
    8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000, Integer.MAX_VALUE
  };

  // Table 1, one string per lot size range, one letter per level S-1 S-2 S-3 S-4 I II III.
  private static final String[] LETTERS = {
    "AAAAAAB", // 2 to 8
    "AAAAABC", // 9 to 15
    "AABBBCD", // 16 to 25
    "ABBCCDE", // 26 to 50
    "BBCCCEF", // 51 to 90
    "BBCDDFG", // 91 to 150
    "BCDEEGH", // 151 to 280
    "BCDEFHJ", // 281 to 500
    "CCEFGJK", // 501 to 1200
    "CDEGHKL", // 1201 to 3200
    "CDFGJLM", // 3201 to 10000
    "CDFHKMN", // 10001 to 35000
    "DEGJLNP", // 35001 to 150000
    "DEGJMPQ", // 150001 to 500000
    "DEHKNQR", // 500001 and over
  };

  /**
   * The sample size code letter for a lot size and inspection level (Table 1).
   *
   * @param lotSize the lot size, >= 2 (Table 1 starts at 2)
   * @param level the inspection level
   * @return the code letter
   */
  public static CodeLetter codeLetter(int lotSize, InspectionLevel level) {
    Objects.requireNonNull(level, "level");
    if (lotSize < 2) {
      throw new IllegalArgumentException(
          "lot size must be >= 2 for the code letter table, was " + lotSize);
    }
    int range = 0;
    while (lotSize > LOT_UPPER[range]) {
      range++;
    }
    return CodeLetter.valueOf(String.valueOf(LETTERS[range].charAt(level.ordinal())));
  }

  /**
   * The cell of a master table as transcribed, before arrows are followed.
   *
   * @param severity the table
   * @param letter the row (S only in the tightened table)
   * @param aql the column
   * @return "Ac/Re", "v" (down arrow), "^" (up arrow) or "?" (not transcribed)
   */
  public static String tableCell(Severity severity, CodeLetter letter, Aql aql) {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(letter, "letter");
    Objects.requireNonNull(aql, "aql");
    return MasterTables.cell(severity, letter, aql);
  }

  /**
   * The plan for a code letter, following arrows: a down arrow means the first plan below it in the
   * same column, an up arrow the first plan above; the plan brings its own code letter and sample
   * size. No lot size is involved, so the result is never a 100 % plan.
   *
   * @param letter the code letter from Table 1 (or S for tightened)
   * @param aql the AQL
   * @param severity the table
   * @return the plan
   */
  public static SamplingPlan plan(CodeLetter letter, Aql aql, Severity severity) {
    Objects.requireNonNull(letter, "letter");
    Objects.requireNonNull(aql, "aql");
    Objects.requireNonNull(severity, "severity");
    CodeLetter[] letters = CodeLetter.values();
    int row = letter.ordinal();
    String cell = MasterTables.cell(severity, letter, aql);
    int step = 0;
    // Arrows point through other arrows (a long arrow spans several rows) to the first plan.
    while (cell.equals("v") || cell.equals("^")) {
      if (step == 0) {
        step = cell.equals("v") ? 1 : -1;
      } else if (step != (cell.equals("v") ? 1 : -1)) {
        throw new IllegalStateException(
            "arrows point at each other in the " + severity + " table at AQL " + aql.label());
      }
      row += step;
      if (row < 0) {
        // II-A A at 10: an up arrow with no row above (inferred): use the nearest plan to its left
        // in row A, A's own 0/1 with 2 items, which is stricter than any plan to its right.
        return leftInTopRow(severity, aql);
      }
      if (row >= letters.length || !MasterTables.hasRow(severity, letters[row])) {
        throw new IllegalStateException(
            "arrow runs off the " + severity + " table at AQL " + aql.label());
      }
      cell = MasterTables.cell(severity, letters[row], aql);
    }
    if (cell.equals("?")) {
      throw new IllegalArgumentException(
          "no "
              + severity.name().toLowerCase()
              + " plan is transcribed for code letter "
              + letter
              + " at AQL "
              + aql.label());
    }
    int slash = cell.indexOf('/');
    int ac = Integer.parseInt(cell.substring(0, slash));
    int re = Integer.parseInt(cell.substring(slash + 1));
    CodeLetter resolved = letters[row];
    return new SamplingPlan(
        java.util.Optional.of(resolved),
        java.util.Optional.of(severity),
        resolved.sampleSize(severity),
        ac,
        re,
        false);
  }

  private static SamplingPlan leftInTopRow(Severity severity, Aql aql) {
    CodeLetter top = CodeLetter.A;
    for (int c = aql.ordinal() - 1; c >= 0; c--) {
      String cell = MasterTables.cell(severity, top, Aql.values()[c]);
      int slash = cell.indexOf('/');
      if (slash > 0) {
        return new SamplingPlan(
            java.util.Optional.of(top),
            java.util.Optional.of(severity),
            top.sampleSize(severity),
            Integer.parseInt(cell.substring(0, slash)),
            Integer.parseInt(cell.substring(slash + 1)),
            false);
      }
    }
    throw new IllegalStateException(
        "arrow runs off the " + severity + " table at AQL " + aql.label());
  }

  /**
   * The plan for a lot: code letter from Table 1, plan from the master table with arrows followed.
   * When the plan's sample size equals or exceeds the lot size the standard says inspect 100 %: the
   * result then has {@code sampleSize = lotSize}, {@code hundredPercent = true} and keeps the
   * plan's Ac and Re.
   *
   * @param lotSize the lot size, >= 2
   * @param level the inspection level
   * @param aql the AQL
   * @param severity normal, tightened or reduced
   * @return the plan
   */
  public static SamplingPlan plan(int lotSize, InspectionLevel level, Aql aql, Severity severity) {
    SamplingPlan plan = plan(codeLetter(lotSize, level), aql, severity);
    if (plan.sampleSize() >= lotSize) {
      return new SamplingPlan(
          plan.codeLetter(), plan.severity(), lotSize, plan.acceptance(), plan.rejection(), true);
    }
    return plan;
  }

  /**
   * The acceptance number the normal table gives one AQL step tighter than {@code aql} in the same
   * code letter row: what the switching score (ISO 2859-1:1999 9.3.3.2 a) compares against when the
   * plan's Ac is 2 or more. In the normal table every plan with Ac >= 2 has a plan (not an arrow)
   * to its left, so this is always a number for such plans.
   *
   * @param letter the code letter of the plan used (after arrows)
   * @param aql the AQL of the plan used
   * @return Ac of the cell to the left
   */
  public static int tighterAcceptance(CodeLetter letter, Aql aql) {
    Objects.requireNonNull(letter, "letter");
    Objects.requireNonNull(aql, "aql");
    if (aql.ordinal() == 0) {
      throw new IllegalArgumentException("there is no AQL tighter than " + aql.label());
    }
    String cell = MasterTables.cell(Severity.NORMAL, letter, Aql.values()[aql.ordinal() - 1]);
    int slash = cell.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "the normal table has no plan one step tighter than AQL "
              + aql.label()
              + " for code letter "
              + letter
              + " (cell '"
              + cell
              + "')");
    }
    return Integer.parseInt(cell.substring(0, slash));
  }
}
