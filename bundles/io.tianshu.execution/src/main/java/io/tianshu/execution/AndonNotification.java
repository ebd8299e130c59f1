package io.tianshu.execution;

import io.tianshu.execution.engine.AndonCategory;
import io.tianshu.execution.engine.AndonPriority;
import java.time.Instant;

/**
 * One escalation level of a call, notified once.
 *
 * @param id id
 * @param callId the call
 * @param plantId the call's plant
 * @param lineCode the call's line
 * @param category the call's category
 * @param priority the call's priority
 * @param level level number, from 1
 * @param recipient role or recipient notified
 * @param dueAt when the level fell due
 * @param sentAt when it was recorded as sent
 */
public record AndonNotification(
    long id,
    long callId,
    long plantId,
    String lineCode,
    AndonCategory category,
    AndonPriority priority,
    int level,
    String recipient,
    Instant dueAt,
    Instant sentAt) {}
