package io.tianshu.core;

import java.util.List;
import java.util.function.Function;

/** One slice of a list with the total count of the whole filtered list. */
public record Page<T>(List<T> items, int offset, int limit, long total) {
  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), offset, limit, total);
  }
}
