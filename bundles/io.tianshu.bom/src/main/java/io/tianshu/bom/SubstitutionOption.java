package io.tianshu.bom;

import java.util.List;
import java.util.Objects;

/**
 * One way to cover a component requirement, in the order the planner should consider it (rank from
 * 1). {@code parts} are already scaled: each quantity is the part's quantity per set times {@code
 * sets}. {@code primary} tells the primary set from a substitute; {@code groupId} is 0 when no
 * group applied. {@code reason} is a short English / Chinese text.
 */
public record SubstitutionOption(
    int rank,
    boolean primary,
    long groupId,
    double sets,
    List<SubstitutePart> parts,
    String reason) {

  public SubstitutionOption {
    parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
  }
}
