package io.tianshu.planning.engine;

/**
 * One component line of a {@link KitOrder}: {@code quantityPer} units of the material are needed
 * per unit of the order.
 *
 * @param materialId the component material
 * @param quantityPer quantity needed per unit of the order, finite and &gt; 0
 */
public record KitComponent(long materialId, double quantityPer) {

  /** Checks the quantity per unit. */
  public KitComponent {
    if (!Double.isFinite(quantityPer) || quantityPer <= 0) {
      throw new IllegalArgumentException(
          "kit component material "
              + materialId
              + ": quantityPer must be finite and > 0, was "
              + quantityPer
              + " / 齐套组件物料 "
              + materialId
              + "：单位用量必须为有限正数，实际为 "
              + quantityPer);
    }
  }
}
