package io.tianshu.execution;

import java.util.List;

/** Replaces the overhead rules of a plant as a whole (an empty list removes them). */
public record OverheadRulesInput(Long plantId, List<OverheadRule> rules) {}
