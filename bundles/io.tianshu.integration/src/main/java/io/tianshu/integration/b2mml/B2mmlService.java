package io.tianshu.integration.b2mml;

import io.tianshu.core.CallerContext;

/** A plant's data as B2MML documents, plant-scoped like the domain services it reads. */
public interface B2mmlService {

  /** The plant's materials (and the group's it sees) as a {@code SyncMaterialDefinition}. */
  String materials(CallerContext caller, long plantId);

  /** The plant's open work orders (planned, released, started) as a {@code ProductionSchedule}. */
  String productionSchedule(CallerContext caller, long plantId);

  /** The plant's equipment hierarchy and resources as an {@code EquipmentInformation}. */
  String equipment(CallerContext caller, long plantId);
}
