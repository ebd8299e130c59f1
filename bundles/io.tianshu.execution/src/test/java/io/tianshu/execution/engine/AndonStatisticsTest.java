package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AndonStatisticsTest {

  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  private static AndonCall closed(AndonCategory category, Integer ackMinutes, int resolveMinutes) {
    AndonCall call =
        AndonCall.raised(
            "A-" + category + "-" + resolveMinutes, "L1", null, category, AndonPriority.NORMAL, T0);
    if (ackMinutes != null) {
      call = call.acknowledged(T0.plus(Duration.ofMinutes(ackMinutes)));
    }
    return call.resolved(T0.plus(Duration.ofMinutes(resolveMinutes)));
  }

  private static Duration min(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  /**
   * Seven closed calls, worked by hand (minutes from raise; nearest rank = ceil(p/100 x n)):
   *
   * <pre>
   * MACHINE      ack 2, 5, 3, 10   resolve 20, 45, 30, 90
   *   ack sorted 2 3 5 10: mean 20/4 = 5; median rank ceil(2) = 2 -> 3; p90 rank ceil(3.6) = 4 -> 10
   *   resolve sorted 20 30 45 90: mean 185/4 = 46.25 = 46m15s; median rank 2 -> 30; p90 -> 90
   * MATERIAL     ack 4, (none, resolved at 12 -> counts as 12)   resolve 15, 12
   *   ack sorted 4 12: mean 8; median rank ceil(1) = 1 -> 4; p90 rank ceil(1.8) = 2 -> 12
   *   resolve sorted 12 15: mean 13.5 = 13m30s; median 12; p90 15
   * MEASUREMENT  ack 1   resolve 6: all ranks are 1
   * Pareto (total 7): MACHINE 4 = 57.14 %, cum 57.14; MATERIAL 2 = 28.57 %, cum 6/7 = 85.71;
   *                   MEASUREMENT 1 = 14.29 %, cum 100.00 (the percents add to 100.00 only by luck:
   *                   the cumulative figure is computed from the cumulative count)
   * </pre>
   */
  @Test
  void handWorkedSet() {
    List<AndonCall> calls =
        List.of(
            closed(AndonCategory.MACHINE, 2, 20),
            closed(AndonCategory.MATERIAL, 4, 15),
            closed(AndonCategory.MACHINE, 5, 45),
            closed(AndonCategory.MEASUREMENT, 1, 6),
            closed(AndonCategory.MACHINE, 3, 30),
            closed(AndonCategory.MATERIAL, null, 12),
            closed(AndonCategory.MACHINE, 10, 90));
    AndonStatisticsReport r = AndonStatistics.of(calls);
    assertThat(r.totalCount()).isEqualTo(7);
    assertThat(r.byCategory())
        .extracting(AndonCategoryStatistics::category)
        .containsExactly(AndonCategory.MACHINE, AndonCategory.MATERIAL, AndonCategory.MEASUREMENT);

    AndonCategoryStatistics machine = r.category(AndonCategory.MACHINE).orElseThrow();
    assertThat(machine.count()).isEqualTo(4);
    assertThat(machine.meanToAcknowledge()).isEqualTo(min(5));
    assertThat(machine.medianToAcknowledge()).isEqualTo(min(3));
    assertThat(machine.p90ToAcknowledge()).isEqualTo(min(10));
    assertThat(machine.meanToResolve()).isEqualTo(min(46).plusSeconds(15));
    assertThat(machine.medianToResolve()).isEqualTo(min(30));
    assertThat(machine.p90ToResolve()).isEqualTo(min(90));

    AndonCategoryStatistics material = r.category(AndonCategory.MATERIAL).orElseThrow();
    assertThat(material.count()).isEqualTo(2);
    assertThat(material.meanToAcknowledge()).isEqualTo(min(8));
    assertThat(material.medianToAcknowledge()).isEqualTo(min(4));
    assertThat(material.p90ToAcknowledge()).isEqualTo(min(12));
    assertThat(material.meanToResolve()).isEqualTo(min(13).plusSeconds(30));
    assertThat(material.medianToResolve()).isEqualTo(min(12));
    assertThat(material.p90ToResolve()).isEqualTo(min(15));

    AndonCategoryStatistics measurement = r.category(AndonCategory.MEASUREMENT).orElseThrow();
    assertThat(measurement.medianToAcknowledge()).isEqualTo(min(1));
    assertThat(measurement.p90ToResolve()).isEqualTo(min(6));
    assertThat(r.category(AndonCategory.MAN)).isEmpty();

    assertThat(r.pareto())
        .extracting(AndonParetoEntry::category)
        .containsExactly(AndonCategory.MACHINE, AndonCategory.MATERIAL, AndonCategory.MEASUREMENT);
    assertThat(r.pareto()).extracting(AndonParetoEntry::count).containsExactly(4, 2, 1);
    assertThat(r.pareto())
        .extracting(AndonParetoEntry::percent)
        .containsExactly(new BigDecimal("57.14"), new BigDecimal("28.57"), new BigDecimal("14.29"));
    assertThat(r.pareto())
        .extracting(AndonParetoEntry::cumulativePercent)
        .containsExactly(
            new BigDecimal("57.14"), new BigDecimal("85.71"), new BigDecimal("100.00"));
  }

  /**
   * Three calls, one per category: each 33.33 %; cumulative 33.33, 66.67, 100.00 (adding rounded
   * percents would end at 99.99). Ties keep category order: MAN, METHOD, ENVIRONMENT.
   */
  @Test
  void paretoTiesAndCumulativeEndsAtExactlyHundred() {
    AndonStatisticsReport r =
        AndonStatistics.of(
            List.of(
                closed(AndonCategory.ENVIRONMENT, 1, 2),
                closed(AndonCategory.METHOD, 1, 2),
                closed(AndonCategory.MAN, 1, 2)));
    assertThat(r.pareto())
        .extracting(AndonParetoEntry::category)
        .containsExactly(AndonCategory.MAN, AndonCategory.METHOD, AndonCategory.ENVIRONMENT);
    assertThat(r.pareto())
        .extracting(AndonParetoEntry::cumulativePercent)
        .containsExactly(
            new BigDecimal("33.33"), new BigDecimal("66.67"), new BigDecimal("100.00"));
  }

  @Test
  void nearestRank() {
    List<Duration> ten = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ten.add(min(i));
    }
    assertThat(AndonStatistics.nearestRank(ten, 90)).isEqualTo(min(9)); // rank 9
    assertThat(AndonStatistics.nearestRank(ten, 91)).isEqualTo(min(10)); // rank ceil(9.1) = 10
    assertThat(AndonStatistics.nearestRank(ten, 50)).isEqualTo(min(5)); // lower middle
    assertThat(AndonStatistics.nearestRank(ten, 0)).isEqualTo(min(1));
    assertThat(AndonStatistics.nearestRank(ten, 100)).isEqualTo(min(10));
    assertThat(AndonStatistics.nearestRank(List.of(min(7)), 90)).isEqualTo(min(7));
    List<Duration> five = ten.subList(0, 5);
    assertThat(AndonStatistics.nearestRank(five, 50)).isEqualTo(min(3)); // rank ceil(2.5) = 3
    assertThat(AndonStatistics.nearestRank(five, 90)).isEqualTo(min(5)); // rank ceil(4.5) = 5
  }

  @Test
  void emptyAndInvalidInput() {
    AndonStatisticsReport empty = AndonStatistics.of(List.of());
    assertThat(empty.totalCount()).isZero();
    assertThat(empty.byCategory()).isEmpty();
    assertThat(empty.pareto()).isEmpty();
    AndonCall open = AndonCall.raised("A-9", "L1", null, AndonCategory.MAN, AndonPriority.LOW, T0);
    assertThatThrownBy(() -> AndonStatistics.of(List.of(closed(AndonCategory.MAN, 1, 2), open)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("closedCalls[1].resolvedAt");
    assertThatThrownBy(() -> AndonStatistics.nearestRank(List.of(), 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sorted");
  }
}
