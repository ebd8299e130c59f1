/**
 * Engineering change (ECN/ECO): a change order moves from draft through evaluation and approval to
 * release, which creates its BOM and routing versions at a breakpoint. {@link
 * io.tianshu.change.ImpactContributor} services contribute to the impact evaluation.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.tianshu.change;
