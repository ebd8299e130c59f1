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

  @Test
  void levelsAreReadAsStored() {
    assertThat(Lots.levelOf("S-3").name()).isEqualTo("S3");
    assertThat(Lots.levelOf("II").name()).isEqualTo("II");
  }
}
