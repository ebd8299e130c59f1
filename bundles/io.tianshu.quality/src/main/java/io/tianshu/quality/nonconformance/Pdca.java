package io.tianshu.quality.nonconformance;

import java.util.Optional;

/**
 * The stages of a QC circle (QCC) project: PLAN → DO → CHECK → ACT → COMPLETED, one step at a time
 * and never back; completing needs the result.
 */
public enum Pdca {
  PLAN,
  DO,
  CHECK,
  ACT,
  COMPLETED;

  /** The next stage, empty after COMPLETED. */
  public Optional<Pdca> next() {
    return this == COMPLETED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
  }

  /** Why the project cannot move from this stage to {@code to}, or empty when it can. */
  public Optional<String> whyNot(Pdca to, String result) {
    if (next().orElse(null) != to) {
      return Optional.of(
          "a project moves one stage forward: from "
              + this
              + " only to "
              + next().map(Enum::name).orElse("nothing")
              + " / 只能进入下一阶段");
    }
    if (to == COMPLETED && (result == null || result.isBlank())) {
      return Optional.of("completing needs the result / 结题需要成果");
    }
    return Optional.empty();
  }
}
