package io.tianshu.connector;

import java.time.Instant;

/**
 * One configured machine as its connector sees it; {@code protocol} names the connector. {@code
 * good} and {@code scrap} are the totals counted since the connector first saw the counters
 * (persisted across restarts); {@code goodRaw} and {@code scrapRaw} the last raw counter readings
 * (null before the first). {@code unassignedGood} and {@code unassignedScrap} were counted while no
 * operation ran at the station.
 */
public record MachineInfo(
    String name,
    String protocol,
    String endpointUrl,
    String securityPolicy,
    String plant,
    String station,
    ConnectionState connection,
    String lastError,
    Instant connectedSince,
    MachineState state,
    String stateReason,
    Instant stateSince,
    Long goodRaw,
    long good,
    Long scrapRaw,
    long scrap,
    long unassignedGood,
    long unassignedScrap,
    Double lastMeasurement,
    int reconnects,
    long outOfControl) {}
