package io.tianshu.bom;

import java.util.List;

/**
 * A line of a summarised explosion: a component, its total quantity and its low-level code; {@code
 * alternatives} are the ids of the substitution groups that may replace it here (empty: none; ask
 * the substitutes of the material for the options).
 */
public record Requirement(
    long materialId, double quantity, int lowLevelCode, List<Long> alternatives) {

  public Requirement {
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
  }

  public Requirement(long materialId, double quantity, int lowLevelCode) {
    this(materialId, quantity, lowLevelCode, List.of());
  }
}
