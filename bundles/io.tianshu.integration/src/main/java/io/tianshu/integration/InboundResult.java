package io.tianshu.integration;

/**
 * The outcome of an inbound message: {@code duplicate} when the message id had already committed,
 * in which case nothing changed and {@code resultJson} is the first delivery's result.
 */
public record InboundResult(
    String messageId, String command, boolean duplicate, String resultJson) {}
