package io.tianshu.integration;

import java.time.Instant;

/**
 * One route of the Camel context. {@code source} says where it came from: {@code file:NAME} for a
 * route file, {@code bundle:SYMBOLIC-NAME} for a RoutesBuilder service. {@code state} is Camel's
 * (Started, Stopped, Suspended, ...). The counters count exchanges completed and failed since the
 * route was (re)loaded; {@code lastExchangeAt} is null before the first one.
 */
public record RouteInfo(
    String id,
    String source,
    String state,
    String from,
    String description,
    long exchangesCompleted,
    long exchangesFailed,
    int exchangesInflight,
    Instant lastExchangeAt) {}
