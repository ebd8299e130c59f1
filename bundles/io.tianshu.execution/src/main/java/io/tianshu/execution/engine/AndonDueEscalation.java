package io.tianshu.execution.engine;

import java.time.Instant;

/**
 * An escalation to send now.
 *
 * @param level level number, from 1
 * @param recipient role or recipient to notify
 * @param dueAt when it became due (may be before now if the engine ran late)
 */
public record AndonDueEscalation(int level, String recipient, Instant dueAt) {}
