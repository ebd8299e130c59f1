package io.tianshu.bom;

/** How a substitution group offers its substitutes (替代策略). */
public enum SubstitutionStrategy {
  /** 优先级替代: primary first, then the substitutes by ascending priority. */
  PRIORITY,
  /** 用完替代: the primary's stock is used up first, the rest comes from the first substitute. */
  USE_UP,
  /** 时效替代: a substitute that has taken effect at the date comes before the primary. */
  DATE_EFFECTIVE,
  /** 指定替代: for the scoped customer/order only the designated substitutes are offered. */
  DESIGNATED,
  /** 替换: while the group is valid the primary is replaced outright by the substitutes. */
  REPLACEMENT
}
