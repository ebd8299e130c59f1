package io.tianshu.change;

import io.tianshu.bom.BomLineInput;
import io.tianshu.bom.BomOutputInput;
import java.util.List;

/** A new BOM version of a parent: the revision it gets and its complete lines. */
public record BomChange(
    Long parentMaterialId,
    String view,
    String newRevision,
    List<BomLineInput> lines,
    List<BomOutputInput> outputs) {}
