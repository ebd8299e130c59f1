package io.tianshu.bom;

import java.math.BigDecimal;
import java.util.List;

/**
 * A stored output of a BOM version besides its parent: {@code quantityPer} one unit of the parent
 * made, in the material's base unit {@code unit}; {@code costSharePercent} is the share of the
 * version's cost it carries (a co-product: above 0; a by-product: always 0, since its value is
 * credited at standard cost instead).
 */
public record BomOutput(
    int lineNo,
    long materialId,
    BigDecimal quantityPer,
    String unit,
    BomOutputKind kind,
    BigDecimal costSharePercent) {

  /** 100 minus the co-products' shares: what the parent itself carries. */
  public static BigDecimal parentShare(List<BomOutput> outputs) {
    BigDecimal share = BigDecimal.valueOf(100);
    for (BomOutput o : outputs) {
      share = share.subtract(o.costSharePercent());
    }
    return share.stripTrailingZeros();
  }
}
