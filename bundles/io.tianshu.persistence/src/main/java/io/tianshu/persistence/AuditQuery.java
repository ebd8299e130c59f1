package io.tianshu.persistence;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;

/** Reads the audit trail, showing a caller only the rows of plants they may read. */
public interface AuditQuery {
  /**
   * Rows newest first; {@code entity} and {@code entityId} filter when not null. Rows without a
   * plant (group-owned data) are visible to group administrators only.
   */
  Page<AuditEntry> find(
      CallerContext caller, String entity, String entityId, int offset, int limit);
}
