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
   * Imports a flat CSV list with a header row, as the section of the same name of a document. The
   * columns are the fields of the section's record, in any order, optional ones may be left out:
   *
   * <ul>
   *   <li>{@code materials}: code, name, nameEn, type, baseUnit, plant, status;
   *   <li>{@code stock}: plant, warehouse, location, material, lot, serial, status, quantity;
   *   <li>{@code planParameters}: plant, material, procurement, leadTimeDays, lotSizing,
   *       fixedQuantity, periodDays, minimumQuantity, maximumQuantity, multipleQuantity,
   *       safetyStock, yieldPercent, phantom, mps, sourcePlant, demandFenceDays, planningFenceDays,
   *       strategy;
   *   <li>{@code forecasts}: plant, material, date, quantity, customer, channel, region, period;
   *   <li>{@code salesOrders}: plant, orderNo, lineNo, customer, material, requestedDate, quantity,
   *       priority, makeToOrder, status;
   *   <li>{@code receipts}: plant, kind, reference, material, dueDate, quantity.
   * </ul>
   *
   * <p>The section's name ignores case. An empty cell is absent; numbers are written {@code
   * 1234.5}, booleans {@code true}/{@code false} (also {@code 1}/{@code 0}, {@code Y}/{@code N}),
   * dates {@code yyyy-MM-dd}. Errors name the line and column ({@code line 3.quantity}, the header
   * being line 1): a cell that does not parse, and every error the import would report besides.
   */
  ImportReport importCsv(CallerContext caller, String section, Reader csv, boolean dryRun);

  /** Writes the records the caller may read, of one plant (and the group's) or all. */
  void export(CallerContext caller, String plantCode, OutputStream json);
}
