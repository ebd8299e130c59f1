package io.tianshu.quality.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CapabilityTest {

  @Test
  void twoSided() {
    // mean 10, sigma within 0.5, overall 0.6, spec 8.5..12
    Capability c = ProcessCapability.of(SpecLimits.twoSided(8.5, 12), 10, 0.5, 0.6);
    assertThat(c.cp().getAsDouble()).isCloseTo(3.5 / 3, within(1e-12)); // 1.1667
    assertThat(c.cpu().getAsDouble()).isCloseTo(2 / 1.5, within(1e-12)); // 1.3333
    assertThat(c.cpl().getAsDouble()).isCloseTo(1.0, within(1e-12));
    assertThat(c.cpk()).isCloseTo(1.0, within(1e-12));
    assertThat(c.pp().getAsDouble()).isCloseTo(3.5 / 3.6, within(1e-12)); // 0.9722
    assertThat(c.ppu().getAsDouble()).isCloseTo(2 / 1.8, within(1e-12)); // 1.1111
    assertThat(c.ppl().getAsDouble()).isCloseTo(1.5 / 1.8, within(1e-12)); // 0.8333
    assertThat(c.ppk()).isCloseTo(1.5 / 1.8, within(1e-12));
  }

  @Test
  void upperOnly() {
    Capability c = ProcessCapability.of(SpecLimits.upperOnly(12), 10, 0.5, 0.6);
    assertThat(c.cp()).isEmpty();
    assertThat(c.pp()).isEmpty();
    assertThat(c.cpl()).isEmpty();
    assertThat(c.cpk()).isCloseTo(2 / 1.5, within(1e-12));
    assertThat(c.ppk()).isCloseTo(2 / 1.8, within(1e-12));
  }

  @Test
  void lowerOnlyWithMeanOutsideGivesNegativeCpk() {
    Capability c = ProcessCapability.of(SpecLimits.lowerOnly(11), 10, 0.5, 0.5);
    assertThat(c.cpu()).isEmpty();
    assertThat(c.cpk()).isCloseTo(-1 / 1.5, within(1e-12));
    assertThat(c.ppk()).isCloseTo(-1 / 1.5, within(1e-12));
  }

  @Test
  void fromSubgroupsByRangeAndByStandardDeviation() {
    double[][] groups = {{1, 2, 3, 4, 5}, {2, 3, 4, 5, 6}, {3, 4, 5, 6, 8}};
    SpecLimits spec = SpecLimits.twoSided(0, 10);
    // mean 61/15 = 4.066667; overall s = sqrt((295 - 61^2/15) / 14) = 1.830951
    // sigma within = R-bar / d2 = 4.333333 / 2.326 = 1.863
    Capability r =
        ProcessCapability.fromSubgroups(spec, groups, ProcessCapability.WithinEstimate.RANGE);
    assertThat(r.mean()).isCloseTo(61.0 / 15, within(1e-12));
    assertThat(r.sigmaOverall()).isCloseTo(1.830951, within(1e-6));
    assertThat(r.sigmaWithin()).isCloseTo(13.0 / 3 / 2.326, within(1e-3));
    assertThat(r.cp().getAsDouble()).isCloseTo(0.8946, within(1e-3));
    assertThat(r.cpk()).isCloseTo(0.7276, within(1e-3)); // CPL = 4.0667 / (3 * 1.863)
    assertThat(r.pp().getAsDouble()).isCloseTo(0.910274, within(1e-6));
    assertThat(r.ppk()).isCloseTo(0.740356, within(1e-6));
    // sigma within = S-bar / c4 = 1.695272 / 0.9400 = 1.80348
    Capability s =
        ProcessCapability.fromSubgroups(
            spec, groups, ProcessCapability.WithinEstimate.STANDARD_DEVIATION);
    assertThat(s.sigmaWithin()).isCloseTo(1.695272 / 0.9400, within(1e-4));
    assertThat(s.cp().getAsDouble()).isCloseTo(10 / (6 * 1.695272 / 0.9400), within(1e-4));
    assertThat(s.pp().getAsDouble()).isCloseTo(0.910274, within(1e-6));
  }

  @Test
  void fromIndividuals() {
    // 10, 12, 11, 15, 13: MR-bar 2.25, sigma within 2.25 / 1.128 = 1.9947; s = sqrt(14.8/4) =
    // 1.9235
    Capability c =
        ProcessCapability.fromIndividuals(
            SpecLimits.twoSided(6, 18), new double[] {10, 12, 11, 15, 13});
    assertThat(c.sigmaWithin()).isCloseTo(2.25 / 1.128, within(1e-3));
    assertThat(c.sigmaOverall()).isCloseTo(Math.sqrt(3.7), within(1e-12));
    assertThat(c.ppk()).isCloseTo(5.8 / (3 * Math.sqrt(3.7)), within(1e-12)); // 1.0051
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> SpecLimits.twoSided(5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be below the upper");
    assertThatThrownBy(
            () ->
                new SpecLimits(java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> ProcessCapability.of(SpecLimits.upperOnly(1), 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("within standard deviation must be positive");
    assertThatThrownBy(() -> ProcessCapability.of(SpecLimits.upperOnly(1), 0, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overall standard deviation must be positive");
  }
}
