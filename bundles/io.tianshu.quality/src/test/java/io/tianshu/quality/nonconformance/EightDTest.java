package io.tianshu.quality.nonconformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.core.FieldError;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EightDTest {

  /** D1..D{n} done with owner and evidence, the rest open with an owner. */
  private static Map<Discipline, DisciplineState> doneUpTo(int n) {
    Map<Discipline, DisciplineState> m = new EnumMap<>(Discipline.class);
    for (Discipline d : Discipline.values()) {
      boolean done = d.ordinal() < n;
      m.put(
          d,
          new DisciplineState(
              d, "owner." + d, LocalDate.of(2027, 1, 10 + d.ordinal()), done, done ? "ok" : null));
    }
    return m;
  }

  private static Map<Discipline, DisciplineState> with(
      Map<Discipline, DisciplineState> m, Discipline d, String owner, String evidence) {
    Map<Discipline, DisciplineState> copy = new EnumMap<>(m);
    copy.put(d, new DisciplineState(d, owner, null, false, evidence));
    return copy;
  }

  private static Optional<String> code(Optional<FieldError> e) {
    return e.map(x -> x.field() + ":" + x.code());
  }

  @Test
  void aDisciplineNeedsOwnerAndEvidence() {
    var m = doneUpTo(0);
    assertThat(
            code(
                EightD.whyNotDone(Discipline.D1, with(m, Discipline.D1, null, "team"), null, null)))
        .contains("owner:required");
    assertThat(
            code(
                EightD.whyNotDone(Discipline.D1, with(m, Discipline.D1, "zhang", " "), null, null)))
        .contains("evidence:required");
    assertThat(
            EightD.whyNotDone(Discipline.D1, with(m, Discipline.D1, "zhang", "team"), null, null))
        .isEmpty();
  }

  @Test
  void d4NeedsTheRootCause() {
    var m = with(doneUpTo(3), Discipline.D4, "li", "fishbone + 5 whys");
    assertThat(code(EightD.whyNotDone(Discipline.D4, m, null, null)))
        .contains("status:no_root_cause");
    assertThat(EightD.whyNotDone(Discipline.D4, m, "worn die", null)).isEmpty();
  }

  @Test
  void d8NeedsD1ToD7AndAnEffectiveCheck() {
    var six = with(doneUpTo(6), Discipline.D8, "wang", "closed");
    Optional<FieldError> e = EightD.whyNotDone(Discipline.D8, six, "rc", Effectiveness.EFFECTIVE);
    assertThat(code(e)).contains("status:disciplines_open");
    assertThat(e.get().message()).contains("[D7]");
    var seven = with(doneUpTo(7), Discipline.D8, "wang", "closed");
    assertThat(code(EightD.whyNotDone(Discipline.D8, seven, "rc", null)))
        .contains("status:not_verified");
    assertThat(code(EightD.whyNotDone(Discipline.D8, seven, "rc", Effectiveness.NOT_EFFECTIVE)))
        .contains("status:not_verified");
    assertThat(EightD.whyNotDone(Discipline.D8, seven, "rc", Effectiveness.EFFECTIVE)).isEmpty();
  }

  @Test
  void theCheckNeedsD6AndNotEffectiveReopensD4ToD7() {
    assertThat(EightD.whyNoCheck(doneUpTo(5))).isPresent();
    assertThat(EightD.whyNoCheck(doneUpTo(6))).isEmpty();
    assertThat(EightD.reopenedBy(Effectiveness.NOT_EFFECTIVE))
        .isEqualTo(EnumSet.of(Discipline.D4, Discipline.D5, Discipline.D6, Discipline.D7));
    assertThat(EightD.reopenedBy(Effectiveness.EFFECTIVE)).isEmpty();
  }

  @Test
  void fiveWhys() {
    assertThat(
            EightD.checkWhys(
                List.of("burr", "die worn", "no wear limit", "no PM plan", "PM not in EMS"),
                "no preventive maintenance of the die"))
        .isEmpty();
    assertThat(
            EightD.checkWhys(Arrays.asList("burr", " ", null), "").stream()
                .map(e -> e.field() + ":" + e.code()))
        .containsExactly("whys[1]:required", "whys[2]:required", "rootCause:required");
    assertThat(EightD.checkWhys(List.of(), "x").get(0).field()).isEqualTo("whys");
    assertThat(EightD.checkWhys(java.util.Collections.nCopies(11, "why"), "x").get(0).code())
        .isEqualTo("too_many");
  }

  @Test
  void disciplinesParse() {
    assertThat(Discipline.parse("d4")).isEqualTo(Discipline.D4);
    assertThat(Discipline.parse("D9")).isNull();
    assertThat(Discipline.parse(null)).isNull();
  }

  @Test
  void pdcaMovesOneStepForward() {
    assertThat(Pdca.PLAN.whyNot(Pdca.DO, null)).isEmpty();
    assertThat(Pdca.PLAN.whyNot(Pdca.CHECK, null)).isPresent();
    assertThat(Pdca.DO.whyNot(Pdca.PLAN, null)).isPresent();
    assertThat(Pdca.ACT.whyNot(Pdca.COMPLETED, null))
        .contains("completing needs the result / 结题需要成果");
    assertThat(Pdca.ACT.whyNot(Pdca.COMPLETED, "scrap -40 %")).isEmpty();
    assertThat(Pdca.COMPLETED.next()).isEmpty();
    assertThat(Pdca.COMPLETED.whyNot(Pdca.PLAN, null)).isPresent();
  }
}
