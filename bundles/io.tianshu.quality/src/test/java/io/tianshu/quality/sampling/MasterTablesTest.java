package io.tianshu.quality.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shipped table cell against a second copy of the tables written out here.
 *
 * <p>Sources used (all public copies of MIL-STD-105E, 10 May 1989, whose Table I and single
 * sampling Tables II-A/B/C are those of ISO 2859-1 Tables 1 and 2-A/B/C and GB/T 2828.1):
 *
 * <ul>
 *   <li>Table I: two text extractions of "ANSI/ASQC Z1.4/MIL-STD-105E/BS 6001/DIN 40080/ISO 2859"
 *       AQL charts (pdfcoffee.com "aql-sampling-chart", zh.scribd.com document 339359187) and a
 *       Portuguese copy (pt.scribd.com "Plan-Ilha"); all three agree cell for cell.
 *   <li>II-A: the scribd "Tablas" transcription of MIL-STD-105E pages 18-19 (numeric cells row by
 *       row, arrows dropped: rows A..E end at 30/31 or 44/45, F..Q at 21/22, R starts at 1/2); the
 *       NIBS ASCII rendition www.nibs.org/FMOC/DPW_AC/AC-TABLE.ASC of II-A and II-B for AQL
 *       0.65..15 with arrows (used as {@link #NIBS_NORMAL_RE} and {@link #NIBS_TIGHTENED_RE}); an
 *       open-source AQL calculator's table of resolved plans for sample sizes 2..2000 and AQL
 *       0.065..6.5 ({@link #RESOLVED_NORMAL}).
 *   <li>II-B and II-C: the NIBS rendition (II-B) and a second open-source calculator's II-B/II-C
 *       rows D..N for AQL 0.10..6.5 (anchors in SamplingPlansTest); the rest follows the diagonal
 *       structure of the tables (see MasterTables for the cells that are inferred).
 * </ul>
 *
 * <p>The copy below was written out by hand from those sources and the diagonal pattern, in a
 * different notation from the main code ("dn"/"up" for arrows, "Ac,Re" for plans); it is not read
 * from the main code. The two independent third-party excerpts are checked separately.
 */
class MasterTablesTest {

  private static final String[] LEVEL_COLUMNS = {
    // One string per level, one letter per lot size range 2-8 .. 500001+ (Table 1 read by column).
    "S-1 AAAABBBBCCCCDDD",
    "S-2 AAABBBCCCDDDEEE",
    "S-3 AABBCCDDEEFFGGH",
    "S-4 AABCCDEEFGGHJJK",
    "I   AABCCDEFGHJKLMN",
    "II  ABCDEFGHJKLMNPQ",
    "III BCDEFGHJKLMNPQR",
  };

  private static final int[][] RANGES = {
    {2, 8},
    {9, 15},
    {16, 25},
    {26, 50},
    {51, 90},
    {91, 150},
    {151, 280},
    {281, 500},
    {501, 1200},
    {1201, 3200},
    {3201, 10000},
    {10001, 35000},
    {35001, 150000},
    {150001, 500000},
    {500001, Integer.MAX_VALUE},
  };

  private static final String[] NORMAL_EXPECTED = {
    "A | dn dn dn dn dn dn dn dn dn dn dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 30,31",
    "B | dn dn dn dn dn dn dn dn dn dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 30,31 44,45",
    "C | dn dn dn dn dn dn dn dn dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 30,31 44,45 up",
    "D | dn dn dn dn dn dn dn dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 30,31 44,45 up up",
    "E | dn dn dn dn dn dn dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 30,31 44,45 up up up",
    "F | dn dn dn dn dn dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up",
    "G | dn dn dn dn dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up up",
    "H | dn dn dn dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up up up",
    "J | dn dn dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up up up up",
    "K | dn dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up up up up up",
    "L | dn dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up up up up up up",
    "M | dn dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up up up up up up up",
    "N | dn dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up up up up up up up up",
    "P | dn 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up up up up up up up up up",
    "Q | 0,1 up dn 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up up up up up up up up up up",
    "R | up up 1,2 2,3 3,4 5,6 7,8 10,11 14,15 21,22 up up up up up up up up up up up up up up up up",
  };

  private static final String[] TIGHTENED_EXPECTED = {
    "A | dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 27,28",
    "B | dn dn dn dn dn dn dn dn dn dn dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 27,28 41,42",
    "C | dn dn dn dn dn dn dn dn dn dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 27,28 41,42 up",
    "D | dn dn dn dn dn dn dn dn dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 27,28 41,42 up up",
    "E | dn dn dn dn dn dn dn dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 27,28 41,42 up up up",
    "F | dn dn dn dn dn dn dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up",
    "G | dn dn dn dn dn dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up up",
    "H | dn dn dn dn dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up up up",
    "J | dn dn dn dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up up up up",
    "K | dn dn dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up up up up up",
    "L | dn dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up up up up up up",
    "M | dn dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up up up up up up up",
    "N | dn dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up up up up up up up up",
    "P | dn dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up up up up up up up up up",
    "Q | dn 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up up up up up up up up up up",
    "R | 0,1 dn dn 1,2 2,3 3,4 5,6 8,9 12,13 18,19 up up up up up up up up up up up up up up up up",
    "S | 1,2 1,2 1,2 up up up up up up up up up up up up up up up up up up up up up up up",
  };

  private static final String[] REDUCED_EXPECTED = {
    "A | dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn",
    "B | dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn dn",
    "C | dn dn dn dn dn dn dn dn dn dn dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 ?",
    "D | dn dn dn dn dn dn dn dn dn dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up",
    "E | dn dn dn dn dn dn dn dn dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up",
    "F | dn dn dn dn dn dn dn dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up",
    "G | dn dn dn dn dn dn dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up up",
    "H | dn dn dn dn dn dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up up up",
    "J | dn dn dn dn dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up up up up",
    "K | dn dn dn dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up up up up up",
    "L | dn dn dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up up up up up up",
    "M | dn dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up up up up up up up",
    "N | dn dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up up up up up up up up",
    "P | dn dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up up up up up up up up up",
    "Q | dn dn 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up up up up up up up up up up",
    "R | ? 0,1 0,2 1,3 1,4 2,5 3,6 5,8 7,10 10,13 14,17 21,24 up up up up up up up up up up up up up up",
  };

  @Test
  void everyCodeLetterCellMatchesTable1AtBothEndsOfEachRange() {
    List<String> mismatches = new ArrayList<>();
    for (int l = 0; l < LEVEL_COLUMNS.length; l++) {
      String letters = LEVEL_COLUMNS[l].substring(4);
      InspectionLevel level = InspectionLevel.values()[l];
      for (int r = 0; r < RANGES.length; r++) {
        for (int lot : RANGES[r]) {
          String expected = String.valueOf(letters.charAt(r));
          String actual = SamplingPlans.codeLetter(lot, level).name();
          if (!expected.equals(actual)) {
            mismatches.add(level.label() + " lot " + lot + ": " + actual + " expected " + expected);
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyNormalCellMatches() {
    assertThat(mismatches(Severity.NORMAL, NORMAL_EXPECTED)).isEmpty();
  }

  @Test
  void everyTightenedCellMatches() {
    assertThat(mismatches(Severity.TIGHTENED, TIGHTENED_EXPECTED)).isEmpty();
  }

  @Test
  void everyReducedCellMatches() {
    assertThat(mismatches(Severity.REDUCED, REDUCED_EXPECTED)).isEmpty();
  }

  private static List<String> mismatches(Severity severity, String[] expectedRows) {
    List<String> out = new ArrayList<>();
    int rows = 0;
    for (String row : expectedRows) {
      String[] halves = row.split(" \\| ");
      CodeLetter letter = CodeLetter.valueOf(halves[0]);
      String[] cells = halves[1].split(" ");
      assertThat(cells).as("row " + letter).hasSize(26);
      for (Aql aql : Aql.values()) {
        String expected =
            switch (cells[aql.ordinal()]) {
              case "dn" -> "v";
              case "up" -> "^";
              default -> cells[aql.ordinal()].replace(',', '/');
            };
        String actual = SamplingPlans.tableCell(severity, letter, aql);
        if (!expected.equals(actual)) {
          out.add(letter + " @ " + aql.label() + ": " + actual + " expected " + expected);
        }
      }
      rows++;
    }
    assertThat(rows).isEqualTo(severity == Severity.TIGHTENED ? 17 : 16);
    return out;
  }

  /**
   * NIBS AC-TABLE.ASC Table 1-A (from MIL-STD-105E II-A), code letters A..Q, AQL 0.65, 1.0, 1.5,
   * 2.5, 4.0, 6.5, 10, 15: the rejection number, or "dn"/"up" for an arrow.
   */
  private static final String[] NIBS_NORMAL_RE = {
    "A dn dn dn dn dn 1 up dn",
    "B dn dn dn dn 1 up dn 2",
    "C dn dn dn 1 up dn 2 3",
    "D dn dn 1 up dn 2 3 4",
    "E dn 1 up dn 2 3 4 6",
    "F 1 up dn 2 3 4 6 8",
    "G up dn 2 3 4 6 8 11",
    "H dn 2 3 4 6 8 11 15",
    "J 2 3 4 6 8 11 15 22",
    "K 3 4 6 8 11 15 22 up",
    "L 4 6 8 11 15 22 up up",
    "M 6 8 11 15 22 up up up",
    "N 8 11 15 22 up up up up",
    "P 11 15 22 up up up up up",
    "Q 15 22 up up up up up up",
  };

  /** NIBS Table 1-B (from MIL-STD-105E II-B), same layout; rows A..L as far as printed. */
  private static final String[] NIBS_TIGHTENED_RE = {
    "A dn dn dn dn dn dn dn dn",
    "B dn dn dn dn dn 1 dn dn",
    "C dn dn dn dn 1 dn dn 2",
    "D dn dn dn 1 dn dn 2 3",
    "E dn dn 1 dn dn 2 3 4",
    "F dn 1 dn dn 2 3 4 6",
    "G 1 dn dn 2 3 4 6 9",
    "H dn dn 2 3 4 6 9 13",
    "J dn 2 3 4 6 9 13 19",
    "K 2 3 4 6 9 13 19 up",
    "L 3 4 6 9 13 19 up up",
  };

  @Test
  void normalAndTightenedAgreeWithTheNibsRendition() {
    List<String> out = new ArrayList<>();
    out.addAll(nibs(Severity.NORMAL, NIBS_NORMAL_RE));
    out.addAll(nibs(Severity.TIGHTENED, NIBS_TIGHTENED_RE));
    assertThat(out).isEmpty();
  }

  private static List<String> nibs(Severity severity, String[] rows) {
    List<String> out = new ArrayList<>();
    for (String row : rows) {
      String[] f = row.split(" ");
      CodeLetter letter = CodeLetter.valueOf(f[0]);
      for (int c = 0; c < 8; c++) {
        Aql aql = Aql.values()[Aql.AQL_0_65.ordinal() + c];
        String cell = SamplingPlans.tableCell(severity, letter, aql);
        String actual =
            cell.equals("v")
                ? "dn"
                : cell.equals("^") ? "up" : cell.substring(cell.indexOf('/') + 1);
        if (!actual.equals(f[c + 1])) {
          out.add(
              severity + " " + letter + " @ " + aql.label() + ": " + actual + " vs " + f[c + 1]);
        }
      }
    }
    return out;
  }

  /**
   * Resolved normal plans from an open-source calculator: per sample size (code letters A..R), for
   * AQL 0.065, 0.10, 0.15, 0.25, 0.40, 0.65, 1.0, 1.5, 2.5, 4.0, 6.5 the plan "n:Ac/Re" after
   * following arrows.
   */
  private static final String[] RESOLVED_NORMAL = {
    "A 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 20:0/1 13:0/1 8:0/1 5:0/1 3:0/1 2:0/1",
    "B 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 20:0/1 13:0/1 8:0/1 5:0/1 3:0/1 2:0/1",
    "C 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 20:0/1 13:0/1 8:0/1 5:0/1 3:0/1 8:1/2",
    "D 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 20:0/1 13:0/1 8:0/1 5:0/1 13:1/2 8:1/2",
    "E 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 20:0/1 13:0/1 8:0/1 20:1/2 13:1/2 13:2/3",
    "F 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 20:0/1 13:0/1 32:1/2 20:1/2 20:2/3 20:3/4",
    "G 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 20:0/1 50:1/2 32:1/2 32:2/3 32:3/4 32:5/6",
    "H 200:0/1 125:0/1 80:0/1 50:0/1 32:0/1 80:1/2 50:1/2 50:2/3 50:3/4 50:5/6 50:7/8",
    "J 200:0/1 125:0/1 80:0/1 50:0/1 125:1/2 80:1/2 80:2/3 80:3/4 80:5/6 80:7/8 80:10/11",
    "K 200:0/1 125:0/1 80:0/1 200:1/2 125:1/2 125:2/3 125:3/4 125:5/6 125:7/8 125:10/11"
        + " 125:14/15",
    // The source prints 125 for L at 0.15; the arrow there (d = L + 0.15 column) points down to M
    // (315), as for M at 0.10 -> N, which the same source has as 500: taken as a typo, 315 here.
    "L 200:0/1 125:0/1 315:1/2 200:1/2 200:2/3 200:3/4 200:5/6 200:7/8 200:10/11 200:14/15"
        + " 200:21/22",
    "M 200:0/1 500:1/2 315:1/2 315:2/3 315:3/4 315:5/6 315:7/8 315:10/11 315:14/15 315:21/22"
        + " 200:21/22",
    "N 800:1/2 500:1/2 500:2/3 500:3/4 500:5/6 500:7/8 500:10/11 500:14/15 500:21/22 315:21/22"
        + " 200:21/22",
    "P 800:1/2 800:2/3 800:3/4 800:5/6 800:7/8 800:10/11 800:14/15 800:21/22 500:21/22"
        + " 315:21/22 200:21/22",
    "Q 1250:2/3 1250:3/4 1250:5/6 1250:7/8 1250:10/11 1250:14/15 1250:21/22 800:21/22"
        + " 500:21/22 315:21/22 200:21/22",
    "R 2000:3/4 2000:5/6 2000:7/8 2000:10/11 2000:14/15 2000:21/22 1250:21/22 800:21/22"
        + " 500:21/22 315:21/22 200:21/22",
  };

  @Test
  void resolvedNormalPlansAgreeWithAnIndependentTable() {
    List<String> out = new ArrayList<>();
    for (String row : RESOLVED_NORMAL) {
      String[] f = row.split(" ");
      CodeLetter letter = CodeLetter.valueOf(f[0]);
      for (int c = 0; c < 11; c++) {
        Aql aql = Aql.values()[Aql.AQL_0_065.ordinal() + c];
        SamplingPlan p = SamplingPlans.plan(letter, aql, Severity.NORMAL);
        String actual = p.sampleSize() + ":" + p.acceptance() + "/" + p.rejection();
        if (!actual.equals(f[c + 1])) {
          out.add(letter + " @ " + aql.label() + ": " + actual + " vs " + f[c + 1]);
        }
      }
    }
    assertThat(out).isEmpty();
  }

  @Test
  void normalAndTightenedPlansHaveReOneAboveAcAndReducedKeepsTheGapLadder() {
    for (Severity s : Severity.values()) {
      for (CodeLetter letter : CodeLetter.values()) {
        if (letter == CodeLetter.S && s != Severity.TIGHTENED) {
          continue;
        }
        for (Aql aql : Aql.values()) {
          String cell = SamplingPlans.tableCell(s, letter, aql);
          if (!cell.contains("/")) {
            continue;
          }
          int ac = Integer.parseInt(cell.substring(0, cell.indexOf('/')));
          int re = Integer.parseInt(cell.substring(cell.indexOf('/') + 1));
          if (s == Severity.REDUCED) {
            assertThat(
                    List.of(
                        "0/1", "0/2", "1/3", "1/4", "2/5", "3/6", "5/8", "7/10", "10/13", "14/17",
                        "21/24"))
                .contains(cell);
          } else {
            assertThat(re).as(s + " " + letter + " " + aql.label()).isEqualTo(ac + 1);
          }
        }
      }
    }
  }

  @Test
  void everyCellReachableFromTable1ResolvesToAPlanExceptReducedAql0010And1000() {
    for (Severity s : Severity.values()) {
      for (CodeLetter letter : CodeLetter.values()) {
        if (letter == CodeLetter.S) {
          continue;
        }
        for (Aql aql : Aql.values()) {
          if (s == Severity.REDUCED && (aql == Aql.AQL_1000 || aql == Aql.AQL_0_010)) {
            continue;
          }
          SamplingPlan p = SamplingPlans.plan(letter, aql, s);
          assertThat(p.sampleSize()).isPositive();
        }
      }
    }
  }
}
