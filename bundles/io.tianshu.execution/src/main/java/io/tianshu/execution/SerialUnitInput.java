package io.tianshu.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit of a serialized product receipt (序列号入库): its {@code serial} (unique per material in a
 * plant) and what went into it. A receipt is serialized when its report carries serials: there is
 * no serial flag on the material, so the same material may be received by lot alone where the floor
 * does not scan serials.
 *
 * @param serial the unit's serial number, at most 64 characters
 * @param components what went into the unit; may be empty
 */
public record SerialUnitInput(String serial, List<Component> components) {

  /**
   * A component of the unit: either a serialized component's {@code serial} (quantity 1, may be
   * omitted), e.g. engine E-001 into car C-100, or a {@code quantity} of a component {@code lot}.
   */
  public record Component(Long materialId, String serial, String lot, BigDecimal quantity) {}
}
