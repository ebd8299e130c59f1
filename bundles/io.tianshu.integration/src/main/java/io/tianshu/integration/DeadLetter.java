package io.tianshu.integration;

import java.time.Instant;
import java.util.Map;

/**
 * An inbound message that failed for good: {@code permanent} when it could never succeed as sent
 * (invalid), otherwise it failed {@code attempts} times. {@code status} is OPEN until an
 * administrator retries it successfully (RESOLVED) or discards it (DISCARDED).
 */
public record DeadLetter(
    long id,
    String messageId,
    String command,
    String routeId,
    String payload,
    boolean payloadTruncated,
    Map<String, String> headers,
    String reason,
    boolean permanent,
    int attempts,
    String status,
    Instant createdAt,
    Instant updatedAt,
    String resolvedBy) {}
