package io.tianshu.inventory;

import java.util.List;

/** The lines one posted movement produced, under one document number. */
public record MovementDocument(long documentId, List<Movement> lines) {}
