package io.tianshu.bom;

/** What an output of a BOM version besides its parent is. */
public enum BomOutputKind {
  /** 联产品: wanted, carries a share of the version's cost. */
  CO_PRODUCT,
  /**
   * 副产品: incidental, carries no cost share; its value is credited at standard cost when costing
   * runs (not here).
   */
  BY_PRODUCT
}
