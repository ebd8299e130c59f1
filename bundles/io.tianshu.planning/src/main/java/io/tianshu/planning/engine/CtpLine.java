package io.tianshu.planning.engine;

import java.time.LocalDate;

/**
 * One order line to promise with {@link CtpEngine#promise}.
 *
 * @param id the line, reported back in {@link CtpResult#lineId()}
 * @param materialId the material ordered; must be in the items given to the engine
 * @param quantity the quantity ordered, finite and &gt; 0
 * @param requested the requested delivery date
 */
public record CtpLine(long id, long materialId, double quantity, LocalDate requested) {

  /** Checks the quantity and the date. */
  public CtpLine {
    if (!Double.isFinite(quantity) || quantity <= 0) {
      throw new IllegalArgumentException(
          "CTP line "
              + id
              + ": quantity must be finite and > 0, was "
              + quantity
              + " / CTP 订单行 "
              + id
              + "：数量必须为有限正数，实际为 "
              + quantity);
    }
    if (requested == null) {
      throw new IllegalArgumentException(
          "CTP line " + id + ": requested date is required / CTP 订单行 " + id + "：需求日期必填");
    }
  }
}
