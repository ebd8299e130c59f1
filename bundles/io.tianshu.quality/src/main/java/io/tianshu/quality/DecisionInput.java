package io.tianshu.quality;

/**
 * The usage decision on a lot.
 *
 * @param decision ACCEPT or REJECT
 * @param reason why (required when the decision differs from the lot's automatic judgement)
 * @param version the lot's version last read, or null
 */
public record DecisionInput(String decision, String reason, Long version) {}
