package io.tianshu.bom;

/** The views of one product's structure (多视图 BOM); each view has its own versions. */
public enum BomView {
  ENGINEERING,
  PROCESS,
  MANUFACTURING,
  SALES,
  SERVICE,
  ORDER,
  COSTING
}
