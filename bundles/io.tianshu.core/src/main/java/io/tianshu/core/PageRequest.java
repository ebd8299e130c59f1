package io.tianshu.core;

import java.util.Set;

/**
 * Which slice of a list to return: offset, limit (1..500, default 50) and a sort field with
 * direction ({@code code}, {@code -code} for descending).
 */
public record PageRequest(int offset, int limit, String sortField, boolean ascending) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  /**
   * Parses list parameters as they come from a query string, rejecting what a store could not do (a
   * negative offset, a huge limit, an unknown sort field).
   */
  public static PageRequest parse(
      Integer offset, Integer limit, String sort, Set<String> sortable, String defaultSort) {
    Validation v = new Validation();
    int off = offset == null ? 0 : offset;
    int lim = limit == null ? DEFAULT_LIMIT : limit;
    if (off < 0) {
      v.add("offset", "out_of_range", "must be 0 or more / 不能为负数");
    }
    if (lim < 1 || lim > MAX_LIMIT) {
      v.add(
          "limit",
          "out_of_range",
          "must be between 1 and " + MAX_LIMIT + " / 必须在 1 到 " + MAX_LIMIT + " 之间");
    }
    String s = sort == null || sort.isBlank() ? defaultSort : sort.trim();
    boolean asc = !s.startsWith("-");
    String field = asc ? s : s.substring(1);
    if (!sortable.contains(field)) {
      v.add("sort", "unknown_field", "must be one of " + sortable + " / 排序字段无效");
    }
    v.throwIfInvalid();
    return new PageRequest(off, lim, field, asc);
  }
}
