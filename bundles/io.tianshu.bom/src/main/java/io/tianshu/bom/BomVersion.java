package io.tianshu.bom;

import java.time.LocalDate;
import java.util.List;

/**
 * A version of a parent material's BOM in one view, effective from {@code validFrom} (inclusive) to
 * {@code validTo} (exclusive; null: open-ended).
 */
public record BomVersion(
    long parentId, String version, LocalDate validFrom, LocalDate validTo, List<BomLine> lines) {

  public boolean effectiveAt(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
  }
}
