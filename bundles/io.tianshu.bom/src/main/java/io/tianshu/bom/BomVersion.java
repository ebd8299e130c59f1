package io.tianshu.bom;

import java.time.LocalDate;
import java.util.List;

/**
 * A version of a parent material's BOM in one view, effective from {@code validFrom} (inclusive) to
 * {@code validTo} (exclusive; null: open-ended) and, when ranged, for the end-item serials {@code
 * serialFrom..serialTo} (inclusive, ordered by {@link SerialNumbers}; a null end is open; both
 * null: unranged, every serial).
 */
public record BomVersion(
    long parentId,
    String version,
    LocalDate validFrom,
    LocalDate validTo,
    String serialFrom,
    String serialTo,
    List<BomLine> lines) {

  /** An unranged version (every serial). */
  public BomVersion(
      long parentId, String version, LocalDate validFrom, LocalDate validTo, List<BomLine> lines) {
    this(parentId, version, validFrom, validTo, null, null, lines);
  }

  public boolean effectiveAt(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
  }

  /** Whether the version carries a serial range. */
  public boolean ranged() {
    return serialFrom != null || serialTo != null;
  }
}
