package io.tianshu.masterdata;

/** How a material is supplied: bought, made, a phantom assembly (never stocked) or made outside. */
public enum MaterialType {
  PURCHASED,
  MANUFACTURED,
  PHANTOM,
  OUTSOURCED
}
