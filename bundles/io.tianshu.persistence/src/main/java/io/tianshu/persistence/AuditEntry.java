package io.tianshu.persistence;

import java.time.Instant;

/** One change of one record: who, when, what, and the record before and after (JSON). */
public record AuditEntry(
    long id,
    Instant at,
    String username,
    String entity,
    String entityId,
    Long plantId,
    String action,
    String before,
    String after) {}
