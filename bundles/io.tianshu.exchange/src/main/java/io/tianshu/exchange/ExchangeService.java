package io.tianshu.exchange;

import io.tianshu.core.CallerContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;

/**
 * Bulk import and export in the exchange format. An import is all-or-nothing: every error is
 * reported (as field errors whose field is the JSON path, e.g. {@code
 * $.boms[3].lines[0].component}, or the CSV line) and nothing is written unless there is none.
 */
public interface ExchangeService {
  ImportReport importDocument(CallerContext caller, InputStream json, boolean dryRun);

  /**
   * Imports a flat CSV list with a header row: section {@code materials} (code, name, nameEn, type,
   * baseUnit, plant, status) or {@code stock} (plant, warehouse, location, material, lot, serial,
   * status, quantity).
   */
  ImportReport importCsv(CallerContext caller, String section, Reader csv, boolean dryRun);

  /** Writes the records the caller may read, of one plant (and the group's) or all. */
  void export(CallerContext caller, String plantCode, OutputStream json);
}
