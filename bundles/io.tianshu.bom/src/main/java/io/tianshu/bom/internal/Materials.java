package io.tianshu.bom.internal;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Master data as the BOM rules see it: answered from what the adapter looked up before the
 * transaction, so that a BOM write touches one persistence unit only.
 */
public interface Materials {
  /** The material, if it exists and the caller may see it. */
  Optional<MaterialRef> find(long id);

  /** {@code quantity} of {@code unit} in the material's base unit, if a conversion exists. */
  Optional<BigDecimal> toBase(long materialId, BigDecimal quantity, String unit);

  /** Whether the plant exists (for allocations; the org service is asked before the write). */
  default boolean plantExists(long plantId) {
    return false;
  }
}
