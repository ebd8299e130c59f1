package io.tianshu.integration.b2mml;

import java.util.List;

/**
 * A B2MML {@code Equipment} element with its nested equipment: Tianshu's plant (Site), workshop
 * (Area), line (ProductionLine), work centre (WorkCell) and resources (Unit) below it.
 */
public record B2mmlEquipment(
    String id, String description, String level, List<B2mmlEquipment> children) {
  public B2mmlEquipment {
    children = children == null ? List.of() : List.copyOf(children);
  }
}
