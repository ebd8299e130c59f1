package io.tianshu.bom;

/** A parent found by a where-used query, at its shortest distance (1 = direct parent). */
public record WhereUsed(long parentId, int level) {}
