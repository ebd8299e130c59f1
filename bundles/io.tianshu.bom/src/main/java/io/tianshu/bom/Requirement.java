package io.tianshu.bom;

/** A line of a summarised explosion: a component, its total quantity and its low-level code. */
public record Requirement(long materialId, double quantity, int lowLevelCode) {}
