package io.tianshu.bom;

/**
 * One component of a BOM version: {@code quantityPer} parent unit in the component's base unit,
 * {@code scrapPercent} added on top (10 means 10 % more is needed), a phantom component is blown
 * through (never stocked: its own components are needed instead).
 */
public record BomLine(long componentId, double quantityPer, double scrapPercent, boolean phantom) {

  /** What one parent unit really consumes of the component, scrap included. */
  public double grossPer() {
    return quantityPer * (1 + scrapPercent / 100.0);
  }
}
