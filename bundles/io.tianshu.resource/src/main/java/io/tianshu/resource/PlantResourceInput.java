package io.tianshu.resource;

/** A resource as written; type, status and units default to MACHINE, ACTIVE and 1. */
public record PlantResourceInput(
    Long plantId,
    String code,
    String name,
    String type,
    String status,
    Long workCenterId,
    Long calendarId,
    Integer units,
    Integer cavities,
    Long lifeCycles,
    Long version) {}
