package io.tianshu.integration.b2mml;

import java.util.List;

/**
 * A B2MML {@code Equipment} element with its nested equipment: Tianshu's plant (Site), workshop
 * (Area), line (ProductionLine), work centre (WorkCell) and resources (Unit) below it. {@code
 * equipmentClass} is the first {@code EquipmentClassID} (a resource's type), {@code path} the
 * element path (null when not read from a document).
 */
public record B2mmlEquipment(
    String id,
    String description,
    String level,
    List<B2mmlEquipment> children,
    String equipmentClass,
    String path) {
  public B2mmlEquipment {
    children = children == null ? List.of() : List.copyOf(children);
  }

  /** Equipment without class and path. */
  public B2mmlEquipment(
      String id, String description, String level, List<B2mmlEquipment> children) {
    this(id, description, level, children, null, null);
  }
}
