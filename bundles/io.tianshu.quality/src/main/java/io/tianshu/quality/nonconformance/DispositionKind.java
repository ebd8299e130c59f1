package io.tianshu.quality.nonconformance;

/** What happens to (part of) the nonconforming quantity, and its effect on stock. */
public enum DispositionKind {
  /** 报废: issued out of stock. */
  SCRAP,
  /** 返工: issued to a REWORK work order, which brings it back on completion. */
  REWORK,
  /** 让步接收: released to AVAILABLE under a concession. */
  USE_AS_IS,
  /** 退货: issued back to the supplier. */
  RETURN_TO_SUPPLIER,
  /** 挑选: moved to QUARANTINE for 100 % sorting (a new inspection lot or NC takes it on). */
  SORT
}
