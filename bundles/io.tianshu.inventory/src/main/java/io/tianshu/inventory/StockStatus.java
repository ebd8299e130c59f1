package io.tianshu.inventory;

/** Whether stock may be used: only AVAILABLE stock is planned and issued to production. */
public enum StockStatus {
  AVAILABLE,
  QUARANTINE,
  BLOCKED
}
