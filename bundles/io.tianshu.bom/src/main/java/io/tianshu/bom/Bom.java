package io.tianshu.bom;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored BOM version; {@code version} is the record's optimistic-lock version. {@code
 * serialFrom}/{@code serialTo} are the end-item serial range (both null: every serial); {@code
 * allocatedPlantIds} lists the plants a group-owned version applies in (empty: every plant); {@code
 * outputs} are the co- and by-products made with the parent.
 */
public record Bom(
    Long id,
    long parentMaterialId,
    Long plantId,
    BomView view,
    String revision,
    LocalDate validFrom,
    LocalDate validTo,
    String serialFrom,
    String serialTo,
    List<Long> allocatedPlantIds,
    List<BomItem> lines,
    List<BomOutput> outputs,
    long version) {

  public Bom {
    allocatedPlantIds = allocatedPlantIds == null ? List.of() : List.copyOf(allocatedPlantIds);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
  }

  /** The parent's own cost share: 100 minus the co-products' shares (percent). */
  public BigDecimal getParentCostSharePercent() {
    return BomOutput.parentShare(outputs);
  }
}
