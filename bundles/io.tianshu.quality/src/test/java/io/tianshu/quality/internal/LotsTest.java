package io.tianshu.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.quality.sampling.SamplingPlan;
import io.tianshu.quality.sampling.Severity;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LotsTest {

  private static SamplingPlan plan(String quantity) {
    return Lots.sampling("II", "1.0", Severity.NORMAL, new BigDecimal(quantity));
  }

  @Test
  void aFractionalQuantityCountsAsTheNextWholeItem() {
    // 1,000.5 kg is 1,001 items: still 501..1,200, code letter J, n 80 Ac 2 Re 3
    SamplingPlan p = plan("1000.5");
    assertThat(p.sampleSize()).isEqualTo(80);
    assertThat(p.acceptance()).isEqualTo(2);
    assertThat(p.rejection()).isEqualTo(3);
    // 150.2 is 151 items: G (151..280), whose AQL 1.0 cell points down to H, n 50 Ac 1 Re 2
    assertThat(plan("150.2").sampleSize()).isEqualTo(50);
    assertThat(plan("150").sampleSize()).isEqualTo(13);
  }

  @Test
  void aLotOfOneItemIsSampledAsTheSmallestLotSizeClass() {
    assertThat(plan("1")).isEqualTo(plan("2"));
    assertThat(plan("0.25")).isEqualTo(plan("2"));
  }

  private static io.tianshu.quality.InspectionPlan planOf(String mode, int n, int ac) {
    return new io.tianshu.quality.InspectionPlan(
        1,
        1,
        1,
        "",
        "A",
        "II",
        "1.0",
        java.util.List.of(),
        null,
        "qe",
        1,
        java.util.List.of(),
        0,
        0,
        false,
        mode,
        n,
        ac);
  }

  @Test
  void aFixedPlanTakesItsNAndAcCappedAtTheLot() {
    SamplingPlan p = Lots.sampling(planOf("FIXED", 5, 0), Severity.NORMAL, new BigDecimal("1000"));
    assertThat(p.sampleSize()).isEqualTo(5);
    assertThat(p.acceptance()).isEqualTo(0);
    assertThat(p.rejection()).isEqualTo(1);
    assertThat(p.hundredPercent()).isFalse();
    // a lot of 3 is inspected whole, still Ac 0
    SamplingPlan small = Lots.sampling(planOf("FIXED", 5, 0), Severity.NORMAL, new BigDecimal("3"));
    assertThat(small.sampleSize()).isEqualTo(3);
    assertThat(small.hundredPercent()).isTrue();
  }

  @Test
  void aHundredPercentPlanInspectsEveryItem() {
    SamplingPlan p =
        Lots.sampling(planOf("HUNDRED_PERCENT", 0, 0), Severity.NORMAL, new BigDecimal("12.5"));
    assertThat(p.sampleSize()).isEqualTo(13);
    assertThat(p.acceptance()).isEqualTo(0);
    assertThat(p.hundredPercent()).isTrue();
  }

  @Test
  void anIsoPlanUsesTheMasterTables() {
    assertThat(Lots.sampling(planOf("ISO_2859", 0, 0), Severity.NORMAL, new BigDecimal("1000")))
        .isEqualTo(plan("1000"));
  }

  @Test
  void levelsAreReadAsStored() {
    assertThat(Lots.levelOf("S-3").name()).isEqualTo("S3");
    assertThat(Lots.levelOf("II").name()).isEqualTo("II");
  }
}
