package io.tianshu.org;

/**
 * Whiteboard SPI: a domain that keeps records in plants registers one, so that a plant still in use
 * is never deleted. Org knows nothing of the domains above it.
 */
public interface PlantDependents {
  /** A short description of what the plant still holds (e.g. "3 materials"), or null if nothing. */
  String describe(long plantId);
}
