package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One substitute set of a material substitution group (替代料) as MRP sees it. Rows with the same
 * {@code groupId} form one group: they must agree on parent, primary and strategy (and, for
 * DESIGNATED, should carry the same demand references; the first row's set is used). How the engine
 * honours a group is described in {@link MrpEngine}. Null lists and sets are treated as empty; both
 * are copied.
 *
 * @param groupId identifies the group; groups are tried and reported by it
 * @param parentMaterialId the parent whose BOM the primary belongs to; 0 = any parent
 * @param primaryMaterialId the primary (main) material P, a single material, not a phantom
 * @param strategy one of {@link #PRIORITY}, {@link #USE_UP}, {@link #DATE_EFFECTIVE}, {@link
 *     #DESIGNATED}, {@link #REPLACEMENT}
 * @param priority order of the sets within the group, lowest first (ties: input order)
 * @param parts the substitute set: each material with its quantity per one unit of the primary; not
 *     empty
 * @param validFrom first day the set is valid; null = open
 * @param validTo first day the set is no longer valid (exclusive); null = open; after validFrom
 * @param demandReferences DESIGNATED only: the {@link PlanDemand#reference() references} of the
 *     make-to-order demands whose orders may use the set; empty for the other strategies
 */
public record PlanSubstitution(
    long groupId,
    long parentMaterialId,
    long primaryMaterialId,
    String strategy,
    int priority,
    List<PlanSubstitutePart> parts,
    LocalDate validFrom,
    LocalDate validTo,
    Set<String> demandReferences) {

  /** 优先级替代: the primary's stock, then the substitutes' free stock, then the primary's orders. */
  public static final String PRIORITY = "PRIORITY";

  /** 用完替代: the primary's stock is used up, the rest comes from the first valid substitute. */
  public static final String USE_UP = "USE_UP";

  /** 时效替代: a substitute replaces the primary from its validFrom on. */
  public static final String DATE_EFFECTIVE = "DATE_EFFECTIVE";

  /** 指定替代: the substitute replaces the primary for the designated make-to-order demands. */
  public static final String DESIGNATED = "DESIGNATED";

  /** 替换: while a set is valid the primary is replaced outright. */
  public static final String REPLACEMENT = "REPLACEMENT";

  /** A row without validity window and demand references. */
  public PlanSubstitution(
      long groupId,
      long parentMaterialId,
      long primaryMaterialId,
      String strategy,
      int priority,
      List<PlanSubstitutePart> parts) {
    this(
        groupId,
        parentMaterialId,
        primaryMaterialId,
        strategy,
        priority,
        parts,
        null,
        null,
        Set.of());
  }

  /** Copies parts and demand references. */
  public PlanSubstitution {
    parts = parts == null ? List.of() : List.copyOf(parts);
    demandReferences = demandReferences == null ? Set.of() : Set.copyOf(demandReferences);
  }
}
