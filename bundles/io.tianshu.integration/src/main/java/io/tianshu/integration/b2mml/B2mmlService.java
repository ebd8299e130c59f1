package io.tianshu.integration.b2mml;

import io.tianshu.core.CallerContext;
import java.time.Instant;

/** A plant's data as B2MML documents, plant-scoped like the domain services it reads. */
public interface B2mmlService {

  /** The plant's materials (and the group's it sees) as a {@code SyncMaterialDefinition}. */
  String materials(CallerContext caller, long plantId);

  /** The plant's open work orders (planned, released, started) as a {@code ProductionSchedule}. */
  String productionSchedule(CallerContext caller, long plantId);

  /**
   * The plant's operation reports made in {@code [from, to)} as a {@code ProductionPerformance},
   * one {@code ProductionResponse} per work order (see {@link B2mmlWriter#productionPerformance}).
   * Without {@code to}: a day after {@code from}, or now; without {@code from}: a day before {@code
   * to}. The period must be positive and at most 31 days, and hold at most 50,000 reports ({@code
   * ValidationException} with the field errors otherwise). VIEWER in the plant.
   */
  String productionPerformance(CallerContext caller, long plantId, Instant from, Instant to);

  /** The plant's equipment hierarchy and resources as an {@code EquipmentInformation}. */
  String equipment(CallerContext caller, long plantId);
}
