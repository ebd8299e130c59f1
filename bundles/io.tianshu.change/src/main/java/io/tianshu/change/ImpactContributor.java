package io.tianshu.change;

import io.tianshu.core.CallerContext;
import java.util.List;

/**
 * Whiteboard SPI: a domain registers one to tell what a change would touch. Built in: where-used
 * assemblies and on-hand stock; planning and execution add open plans, work orders and purchase
 * orders as they land. A contributor reads only what the caller may read.
 */
public interface ImpactContributor {
  /** A short name shown with each finding, e.g. "bom" or "inventory". */
  String name();

  List<ImpactItem> contribute(CallerContext caller, ImpactRequest request);
}
