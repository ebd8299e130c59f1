package io.tianshu.execution.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Andon escalation: which levels of a call's ladder are due at a given moment.
 *
 * <p>The rule for a call is the one for its category and priority, else the one for its category
 * and any priority; without either the call never escalates. Level k is due at {@code raisedAt +
 * offset(k)} (see {@link AndonEscalationRule#offsets()}), inclusive: a level with a 10 minute delay
 * is due at exactly 10:00 after the raise.
 *
 * <p>The engine is a pure function of the call's state and "now": it returns every level that is
 * due and not yet in {@link AndonCall#notifiedLevels()}; the caller sends them and records them, so
 * a level is sent once. When the engine has not run for a while, all levels that fell due meanwhile
 * are returned together, lowest first, so that nobody in the chain is skipped.
 *
 * <p>Acknowledgement and resolution are taken "as of now": a timestamp after {@code now} does not
 * count yet, so the engine can be replayed over history. Once the call is resolved nothing more is
 * due. Once it is acknowledged under a rule with {@code stopOnAcknowledge}, nothing more is due
 * either, including a level that fell due before the acknowledgement but was never sent (someone is
 * on it; a late escalation would only be noise).
 */
public final class AndonEscalation {

  private final List<AndonEscalationRule> rules;

  /**
   * An engine over a set of rules.
   *
   * @param rules at most one rule per (category, priority) and per category for any priority
   */
  public AndonEscalation(List<AndonEscalationRule> rules) {
    Objects.requireNonNull(rules, "rules");
    this.rules = List.copyOf(rules);
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < this.rules.size(); i++) {
      AndonEscalationRule r = this.rules.get(i);
      String key = r.category() + "/" + r.priority().map(Enum::name).orElse("*");
      if (!keys.add(key)) {
        throw new IllegalArgumentException(
            "rules[" + i + "]: a second rule for " + key + " (category/priority)");
      }
    }
  }

  /**
   * The rule applying to a category and priority: the specific one, else the category's default.
   *
   * @param category category
   * @param priority priority
   * @return the rule, if any
   */
  public Optional<AndonEscalationRule> ruleFor(AndonCategory category, AndonPriority priority) {
    Optional<AndonEscalationRule> fallback = Optional.empty();
    for (AndonEscalationRule r : rules) {
      if (r.category() != category) {
        continue;
      }
      if (r.priority().isPresent() && r.priority().get() == priority) {
        return Optional.of(r);
      }
      if (r.priority().isEmpty()) {
        fallback = Optional.of(r);
      }
    }
    return fallback;
  }

  /**
   * Evaluates a call at a moment.
   *
   * @param call the call's state
   * @param now the moment, not before the call was raised
   * @return due escalations, current level and next due time
   */
  public AndonEscalationStatus evaluate(AndonCall call, Instant now) {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(now, "now");
    if (now.isBefore(call.raisedAt())) {
      throw new IllegalArgumentException(
          "now " + now + " is before call.raisedAt " + call.raisedAt());
    }
    Optional<AndonEscalationRule> rule = ruleFor(call.category(), call.priority());
    boolean resolved = call.resolvedAt().filter(t -> !t.isAfter(now)).isPresent();
    boolean acknowledged = call.acknowledgedAt().filter(t -> !t.isAfter(now)).isPresent();
    boolean stopped =
        resolved || acknowledged && rule.map(AndonEscalationRule::stopOnAcknowledge).orElse(false);
    int current = call.notifiedLevels().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<AndonDueEscalation> due = new ArrayList<>();
    Optional<Instant> next = Optional.empty();
    if (rule.isPresent() && !stopped) {
      List<Duration> offsets = rule.get().offsets();
      for (int k = 1; k <= offsets.size(); k++) {
        if (call.notifiedLevels().contains(k)) {
          continue;
        }
        Instant dueAt = call.raisedAt().plus(offsets.get(k - 1));
        if (dueAt.isAfter(now)) {
          next = Optional.of(dueAt);
          break; // offsets do not decrease, so later levels are not due either
        }
        due.add(new AndonDueEscalation(k, rule.get().levels().get(k - 1).recipient(), dueAt));
        current = Math.max(current, k);
      }
    }
    return new AndonEscalationStatus(call.id(), current, due, next, stopped);
  }
}
