/**
 * Routings: versions of the operation network that makes a material in a plant. {@link
 * io.tianshu.routing.RoutingNetwork} validates and schedules a network.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.routing;
