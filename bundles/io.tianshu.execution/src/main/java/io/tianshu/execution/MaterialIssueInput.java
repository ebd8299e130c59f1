package io.tianshu.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * Components issued to (ISSUE) or returned from (RETURN) a work order by hand, or issued as a kit
 * (KIT: everything the order still needs, lots first in first out; no lines). {@code issueKey}
 * makes a retry a no-op. A line without a location uses the order's issue location.
 */
public record MaterialIssueInput(String issueKey, String kind, List<Line> lines) {
  /** One component line of the order. */
  public record Line(Long componentId, BigDecimal quantity, String lot, Long locationId) {}
}
