package io.tianshu.quality.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamplingPlansTest {

  @Test
  void lot1000LevelIIAql1NormalIsJ80Ac2Re3() {
    // Table 1: 501..1200 at level II is J; II-A: J (80) at 1.0 is a plan, 2/3.
    SamplingPlan p = SamplingPlans.plan(1000, InspectionLevel.II, Aql.AQL_1_0, Severity.NORMAL);
    assertThat(p)
        .isEqualTo(
            new SamplingPlan(
                Optional.of(CodeLetter.J), Optional.of(Severity.NORMAL), 80, 2, 3, false));
  }

  @Test
  void lot50LevelIIAql065FollowsTheDownArrowToF() {
    // 26..50 at II is D (8). II-A D at 0.65: down arrow; E (13) down arrow; F (20) 0/1.
    SamplingPlan p = SamplingPlans.plan(50, InspectionLevel.II, Aql.AQL_0_65, Severity.NORMAL);
    assertThat(p.codeLetter()).contains(CodeLetter.F);
    assertThat(p.sampleSize()).isEqualTo(20);
    assertThat(p.acceptance()).isZero();
    assertThat(p.rejection()).isEqualTo(1);
    assertThat(p.hundredPercent()).isFalse();
  }

  @Test
  void upArrowAfterZeroOneGoesBackToTheSmallerSample() {
    // 51..90 at II is E (13); II-A E at 1.5 is an up arrow to D (8) 0/1.
    SamplingPlan p = SamplingPlans.plan(60, InspectionLevel.II, Aql.AQL_1_5, Severity.NORMAL);
    assertThat(p.codeLetter()).contains(CodeLetter.D);
    assertThat(p.sampleSize()).isEqualTo(8);
    assertThat(p.acceptance()).isZero();
  }

  @Test
  void downArrowToASampleLargerThanTheLotMeansHundredPercent() {
    // Lot 10 at II is B (3); AQL 0.10 -> down arrow to K (125) 0/1 > lot: inspect all 10, Ac 0.
    SamplingPlan p = SamplingPlans.plan(10, InspectionLevel.II, Aql.AQL_0_10, Severity.NORMAL);
    assertThat(p.hundredPercent()).isTrue();
    assertThat(p.sampleSize()).isEqualTo(10);
    assertThat(p.codeLetter()).contains(CodeLetter.K);
    assertThat(p.acceptance()).isZero();
    assertThat(p.rejection()).isEqualTo(1);
  }

  @Test
  void sampleEqualToLotIsHundredPercentToo() {
    // Lot 8 at III is B (3); at 6.5 B is an up arrow to A (2) 0/1: smaller than the lot.
    assertThat(SamplingPlans.plan(8, InspectionLevel.III, Aql.AQL_6_5, Severity.NORMAL))
        .extracting(SamplingPlan::sampleSize, SamplingPlan::hundredPercent)
        .containsExactly(2, false);
    // Lot 5 at III is B (3); at 2.5 B is a down arrow to C (5) 0/1: n equals the lot, so 100 %.
    assertThat(SamplingPlans.plan(5, InspectionLevel.III, Aql.AQL_2_5, Severity.NORMAL))
        .extracting(SamplingPlan::sampleSize, SamplingPlan::hundredPercent)
        .containsExactly(5, true);
  }

  @Test
  void tightenedAndReducedAnchors() {
    // II-B K (125) at 2.5: 5/6 (tightened ladder 0,1,2,3,5,8,12,18,27,41; NIBS Re 6).
    assertThat(SamplingPlans.plan(CodeLetter.K, Aql.AQL_2_5, Severity.TIGHTENED))
        .extracting(SamplingPlan::sampleSize, SamplingPlan::acceptance, SamplingPlan::rejection)
        .containsExactly(125, 5, 6);
    // II-B A at 10: a down arrow through B and C to D (8) 1/2 (no 0/1 plan in that column).
    assertThat(SamplingPlans.plan(CodeLetter.A, Aql.AQL_10, Severity.TIGHTENED))
        .extracting(SamplingPlan::sampleSize, SamplingPlan::acceptance, SamplingPlan::rejection)
        .containsExactly(8, 1, 2);
    // II-B R at 0.015 runs down to S (3150) 1/2.
    assertThat(SamplingPlans.plan(CodeLetter.R, Aql.AQL_0_015, Severity.TIGHTENED))
        .extracting(SamplingPlan::codeLetter, SamplingPlan::sampleSize)
        .containsExactly(Optional.of(CodeLetter.S), 3150);
    // II-C reduced, second source (rows D..N, AQL 0.10..6.5): K (50) at 1.0 is 1/4, N (200) at
    // 6.5 is 21/24, D (3) at 6.5 is 0/2, M (125) at 0.10 is 0/1.
    assertThat(cell(CodeLetter.K, Aql.AQL_1_0)).isEqualTo("50:1/4");
    assertThat(cell(CodeLetter.N, Aql.AQL_6_5)).isEqualTo("200:21/24");
    assertThat(cell(CodeLetter.D, Aql.AQL_6_5)).isEqualTo("3:0/2");
    assertThat(cell(CodeLetter.M, Aql.AQL_0_10)).isEqualTo("125:0/1");
    assertThat(cell(CodeLetter.J, Aql.AQL_2_5)).isEqualTo("32:2/5");
    assertThat(cell(CodeLetter.L, Aql.AQL_4_0)).isEqualTo("80:7/10");
  }

  private static String cell(CodeLetter letter, Aql aql) {
    SamplingPlan p = SamplingPlans.plan(letter, aql, Severity.REDUCED);
    return p.sampleSize() + ":" + p.acceptance() + "/" + p.rejection();
  }

  @Test
  void upArrowAboveRowAFallsBackToRowAsZeroOnePlan() {
    // II-A A at 10 is an up arrow with no row above; taken as A's own 0/1 (n = 2, to its left).
    assertThat(SamplingPlans.plan(5, InspectionLevel.II, Aql.AQL_10, Severity.NORMAL))
        .extracting(SamplingPlan::codeLetter, SamplingPlan::sampleSize, SamplingPlan::acceptance)
        .containsExactly(Optional.of(CodeLetter.A), 2, 0);
  }

  @Test
  void reducedAql1000IsNotTranscribed() {
    assertThatThrownBy(() -> SamplingPlans.plan(CodeLetter.K, Aql.AQL_1000, Severity.REDUCED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no reduced plan is transcribed");
  }

  @Test
  void judgementWithAndWithoutTheReducedGap() {
    SamplingPlan reduced = SamplingPlans.plan(CodeLetter.K, Aql.AQL_1_0, Severity.REDUCED);
    assertThat(reduced.judge(1)).isEqualTo(new LotJudgement(Disposition.ACCEPT, 1, false));
    assertThat(reduced.judge(2)).isEqualTo(new LotJudgement(Disposition.ACCEPT, 2, true));
    assertThat(reduced.judge(3)).isEqualTo(new LotJudgement(Disposition.ACCEPT, 3, true));
    assertThat(reduced.judge(4)).isEqualTo(new LotJudgement(Disposition.REJECT, 4, false));
    SamplingPlan normal = SamplingPlan.fixed(80, 2, 3);
    assertThat(normal.judge(2).accepted()).isTrue();
    assertThat(normal.judge(3).accepted()).isFalse();
  }

  @Test
  void fixedAndHundredPercentPlans() {
    assertThat(SamplingPlan.hundredPercent(40))
        .isEqualTo(new SamplingPlan(Optional.empty(), Optional.empty(), 40, 0, 1, true));
    assertThat(SamplingPlan.fixed(32, 1, 2).hundredPercent()).isFalse();
    assertThatThrownBy(() -> SamplingPlan.fixed(32, 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must exceed");
    assertThatThrownBy(() -> SamplingPlan.fixed(0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample size");
    assertThatThrownBy(() -> SamplingPlan.hundredPercent(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> SamplingPlans.codeLetter(1, InspectionLevel.II))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(">= 2");
    assertThatThrownBy(() -> Aql.of("0.3")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Aql.of(".40")).isEqualTo(Aql.AQL_0_40);
    assertThat(Aql.of("1000")).isEqualTo(Aql.AQL_1000);
    assertThatThrownBy(() -> SamplingPlans.tableCell(Severity.NORMAL, CodeLetter.S, Aql.AQL_1_0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tighterAcceptanceIsTheCellToTheLeft() {
    // J (80): 0.65 is 1/2, 1.0 is 2/3, 1.5 is 3/4.
    assertThat(SamplingPlans.tighterAcceptance(CodeLetter.J, Aql.AQL_1_0)).isEqualTo(1);
    assertThat(SamplingPlans.tighterAcceptance(CodeLetter.J, Aql.AQL_1_5)).isEqualTo(2);
    // Every normal plan with Ac >= 2 has a plan to its left.
    for (CodeLetter letter : CodeLetter.values()) {
      if (letter == CodeLetter.S) {
        continue;
      }
      for (Aql aql : Aql.values()) {
        String cell = SamplingPlans.tableCell(Severity.NORMAL, letter, aql);
        if (cell.contains("/") && Integer.parseInt(cell.substring(0, cell.indexOf('/'))) >= 2) {
          assertThat(SamplingPlans.tighterAcceptance(letter, aql)).isGreaterThanOrEqualTo(1);
        }
      }
    }
  }
}
