package io.tianshu.execution;

import java.util.List;

/**
 * Merges parts of a split operation (合并): {@code parts} (null or empty: all) into part {@code
 * intoPart} (null or 0: back into the operation's unsplit rest). {@code version} is the order's
 * version last read (null: not checked).
 */
public record OperationMergeInput(Long version, List<Integer> parts, Integer intoPart) {}
