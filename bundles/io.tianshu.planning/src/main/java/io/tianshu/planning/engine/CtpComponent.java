package io.tianshu.planning.engine;

/**
 * One component of a made {@link CtpItem}: {@code quantityPer} units of the material are needed per
 * unit of the parent.
 *
 * @param materialId the component material
 * @param quantityPer quantity needed per unit of the parent, scrap already included; finite and
 *     &gt; 0
 */
public record CtpComponent(long materialId, double quantityPer) {

  /** Checks the quantity per unit. */
  public CtpComponent {
    if (!Double.isFinite(quantityPer) || quantityPer <= 0) {
      throw new IllegalArgumentException(
          "CTP component material "
              + materialId
              + ": quantityPer must be finite and > 0, was "
              + quantityPer
              + " / CTP 组件物料 "
              + materialId
              + "：单位用量必须为有限正数，实际为 "
              + quantityPer);
    }
  }
}
