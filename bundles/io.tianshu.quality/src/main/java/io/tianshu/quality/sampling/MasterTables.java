package io.tianshu.quality.sampling;

import java.util.EnumMap;
import java.util.Map;

/**
 * The single sampling master tables, one row per code letter and one cell per AQL column from 0.010
 * to 1000. A cell is a plan "Ac/Re", a down arrow "v" (use the first plan below: larger sample), an
 * up arrow "^" (use the first plan above: smaller sample), or "?" (not transcribed).
 *
 * <p>Transcribed from MIL-STD-105E (1989, public domain) Tables II-A, II-B and II-C, whose single
 * sampling plans are those of ISO 2859-1 Tables 2-A, 2-B and 2-C. The public copies read for this
 * were text extractions of the printed tables (arrows are pictures and drop out of the text) and an
 * ASCII rendition of II-A and II-B for AQL 0.65..15 that keeps the arrows; see MasterTablesTest for
 * the list. The tables have a diagonal structure (a cell depends on code letter index + AQL column
 * index), which was used to fill in arrows between the numbers that the text extractions give row
 * by row. Cells that no source showed and that follow from that structure only, flagged "inferred"
 * below:
 *
 * <ul>
 *   <li>II-A, A at 10: an up arrow (as printed) with no row above; resolved to A's 0/1 to its left.
 *   <li>II-A, R at 0.015: the diagonal puts a down arrow there but there is no row below R; taken
 *       as an up arrow (to P, 0/1 with 800).
 *   <li>II-B, S (3150): only a single 1/2 plan is printed for S; it is used for 0.010, 0.015 and
 *       0.025, the columns whose down arrows run past R.
 *   <li>II-C, A and B (sample size 2 like C): down arrows to C throughout; C at 1000 and R at 0.010
 *       are not transcribed ("?": the arrows there run off this transcription), so reduced
 *       inspection at AQL 0.010 and 1000 has no plan here.
 * </ul>
 *
 * <p>Reduced plans keep MIL-STD-105E's gap between Ac and Re (0/2, 1/3, 1/4, 2/5, 3/6, 5/8, 7/10,
 * 10/13, 14/17, 21/24): a lot with Ac &lt; d &lt; Re is accepted but normal inspection is
 * reinstated (see {@link SamplingPlan#judge}).
 */
final class MasterTables {

  private MasterTables() {}

  // II-A, single sampling plans for normal inspection.
  private static final String[] NORMAL = {
    "A v v v v v v v v v v v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31",
    "B v v v v v v v v v v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45",
    "C v v v v v v v v v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45 ^",
    "D v v v v v v v v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45 ^ ^",
    "E v v v v v v v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45 ^ ^ ^",
    "F v v v v v v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^",
    "G v v v v v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^ ^",
    "H v v v v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^ ^ ^",
    "J v v v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "K v v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "L v v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "M v v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "N v v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "P v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "Q 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "R ^ ^ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^"
  };

  // II-B, single sampling plans for tightened inspection (with S = 3150).
  private static final String[] TIGHTENED = {
    "A v v v v v v v v v v v v v v v v v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28",
    "B v v v v v v v v v v v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42",
    "C v v v v v v v v v v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42 ^",
    "D v v v v v v v v v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42 ^ ^",
    "E v v v v v v v v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42 ^ ^ ^",
    "F v v v v v v v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^",
    "G v v v v v v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^ ^",
    "H v v v v v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^ ^ ^",
    "J v v v v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "K v v v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "L v v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "M v v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "N v v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "P v v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "Q v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "R 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "S 1/2 1/2 1/2 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^"
  };

  // II-C, single sampling plans for reduced inspection (sample sizes in CodeLetter).
  private static final String[] REDUCED = {
    "A v v v v v v v v v v v v v v v v v v v v v v v v v v",
    "B v v v v v v v v v v v v v v v v v v v v v v v v v v",
    "C v v v v v v v v v v v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ?",
    "D v v v v v v v v v v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^",
    "E v v v v v v v v v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^",
    "F v v v v v v v v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^",
    "G v v v v v v v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^ ^",
    "H v v v v v v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^ ^ ^",
    "J v v v v v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^ ^ ^ ^",
    "K v v v v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^ ^ ^ ^ ^",
    "L v v v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "M v v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "N v v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "P v v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "Q v v 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^",
    "R ? 0/1 0/2 1/3 1/4 2/5 3/6 5/8 7/10 10/13 14/17 21/24 ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^"
  };

  private static final Map<Severity, Map<CodeLetter, String[]>> CELLS =
      new EnumMap<>(Severity.class);

  static {
    CELLS.put(Severity.NORMAL, parse(NORMAL));
    CELLS.put(Severity.TIGHTENED, parse(TIGHTENED));
    CELLS.put(Severity.REDUCED, parse(REDUCED));
  }

  private static Map<CodeLetter, String[]> parse(String[] rows) {
    Map<CodeLetter, String[]> table = new EnumMap<>(CodeLetter.class);
    for (String row : rows) {
      String[] parts = row.split(" ");
      if (parts.length != 1 + Aql.values().length) {
        throw new IllegalStateException("master table row has " + parts.length + " fields: " + row);
      }
      String[] cells = new String[Aql.values().length];
      System.arraycopy(parts, 1, cells, 0, cells.length);
      table.put(CodeLetter.valueOf(parts[0]), cells);
    }
    return table;
  }

  /**
   * The cell as transcribed.
   *
   * @param severity the table
   * @param letter the row
   * @param aql the column
   * @return "Ac/Re", "v", "^" or "?"
   */
  static String cell(Severity severity, CodeLetter letter, Aql aql) {
    String[] row = CELLS.get(severity).get(letter);
    if (row == null) {
      throw new IllegalArgumentException(
          "code letter "
              + letter
              + " has no row in the "
              + severity.name().toLowerCase()
              + " table");
    }
    return row[aql.ordinal()];
  }

  /**
   * Whether the table has a row for the code letter.
   *
   * @param severity the table
   * @param letter the row
   * @return true if present
   */
  static boolean hasRow(Severity severity, CodeLetter letter) {
    return CELLS.get(severity).containsKey(letter);
  }
}
