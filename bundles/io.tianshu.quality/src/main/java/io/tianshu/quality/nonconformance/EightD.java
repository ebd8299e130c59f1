package io.tianshu.quality.nonconformance;

import io.tianshu.core.FieldError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of an 8D report. A discipline is done with an owner and evidence; D4 needs the root
 * cause (the five-whys chain ends in it); the effectiveness check needs D6 done (the permanent
 * actions are in place to be checked); D8 — which closes the report — needs D1..D7 done and the
 * check EFFECTIVE. A NOT_EFFECTIVE check reopens D4..D7: the root cause or the actions were wrong.
 */
public final class EightD {
  /** Reopened by a NOT_EFFECTIVE check; reopening any of them clears an earlier check. */
  public static final Set<Discipline> REOPENED =
      EnumSet.of(Discipline.D4, Discipline.D5, Discipline.D6, Discipline.D7);

  /** At most this many whys; five is the custom, a few more are allowed. */
  public static final int MAX_WHYS = 10;

  private EightD() {}

  /**
   * Why {@code d} cannot be marked done, or empty when it can.
   *
   * @param states the report's disciplines as they will be (owner and evidence of {@code d} already
   *     merged in)
   * @param rootCause the recorded root cause, null when none
   * @param effectiveness the last effectiveness check, null when none
   */
  public static Optional<FieldError> whyNotDone(
      Discipline d,
      Map<Discipline, DisciplineState> states,
      String rootCause,
      Effectiveness effectiveness) {
    DisciplineState s = states.get(d);
    if (s == null || blank(s.owner())) {
      return Optional.of(
          new FieldError("owner", "required", "a discipline needs an owner to be done / 需要负责人"));
    }
    if (blank(s.evidence())) {
      return Optional.of(
          new FieldError(
              "evidence", "required", "a discipline needs evidence to be done / 需要完成证据"));
    }
    if (d == Discipline.D4 && blank(rootCause)) {
      return Optional.of(
          new FieldError(
              "status",
              "no_root_cause",
              "D4 needs the root cause (five whys) first / D4 需要先记录根本原因（五问法）"));
    }
    if (d == Discipline.D8) {
      List<String> open = new ArrayList<>();
      for (Discipline x : Discipline.values()) {
        if (x != Discipline.D8 && (states.get(x) == null || !states.get(x).done())) {
          open.add(x.name());
        }
      }
      if (!open.isEmpty()) {
        return Optional.of(
            new FieldError(
                "status",
                "disciplines_open",
                "D8 closes the report only when D1..D7 are done; open: "
                    + open
                    + " / D1 至 D7 未完成: "
                    + open));
      }
      if (effectiveness != Effectiveness.EFFECTIVE) {
        return Optional.of(
            new FieldError(
                "status",
                "not_verified",
                "D8 needs an EFFECTIVE effectiveness check first / 关闭前需验证措施有效"));
      }
    }
    return Optional.empty();
  }

  /** Why the effectiveness check cannot be recorded now, or empty. */
  public static Optional<String> whyNoCheck(Map<Discipline, DisciplineState> states) {
    DisciplineState d6 = states.get(Discipline.D6);
    if (d6 == null || !d6.done()) {
      return Optional.of(
          "the permanent corrective actions (D6) must be done before their effectiveness is"
              + " checked / 永久纠正措施（D6）完成后才能验证有效性");
    }
    return Optional.empty();
  }

  /** The disciplines a check with {@code result} reopens. */
  public static Set<Discipline> reopenedBy(Effectiveness result) {
    return result == Effectiveness.NOT_EFFECTIVE ? REOPENED : EnumSet.noneOf(Discipline.class);
  }

  /** Checks a five-whys chain: 1..MAX_WHYS non-blank whys in order, ending in a root cause. */
  public static List<FieldError> checkWhys(List<String> whys, String rootCause) {
    List<FieldError> errors = new ArrayList<>();
    if (whys == null || whys.isEmpty()) {
      errors.add(new FieldError("whys", "required", "at least one why / 至少一个为什么"));
    } else if (whys.size() > MAX_WHYS) {
      errors.add(new FieldError("whys", "too_many", "at most " + MAX_WHYS + " whys / 过多"));
    } else {
      for (int i = 0; i < whys.size(); i++) {
        String w = whys.get(i);
        if (blank(w)) {
          errors.add(new FieldError("whys[" + i + "]", "required", "is required / 必填"));
        } else if (w.length() > 400) {
          errors.add(new FieldError("whys[" + i + "]", "too_long", "at most 400 characters / 过长"));
        }
      }
    }
    if (blank(rootCause)) {
      errors.add(new FieldError("rootCause", "required", "is required / 必填"));
    } else if (rootCause.length() > 2000) {
      errors.add(new FieldError("rootCause", "too_long", "at most 2000 characters / 过长"));
    }
    return errors;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
