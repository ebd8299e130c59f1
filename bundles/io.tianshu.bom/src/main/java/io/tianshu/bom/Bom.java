package io.tianshu.bom;

import java.time.LocalDate;
import java.util.List;

/** A stored BOM version; {@code version} is the record's optimistic-lock version. */
public record Bom(
    Long id,
    long parentMaterialId,
    Long plantId,
    BomView view,
    String revision,
    LocalDate validFrom,
    LocalDate validTo,
    List<BomItem> lines,
    long version) {}
