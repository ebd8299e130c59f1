/**
 * Planning in the server: planning parameters, demand (forecasts, sales order lines), scheduled
 * receipts, plan runs as named plan versions with their planned orders, pegging and exception
 * messages, and order promising. The engines are in {@code io.tianshu.planning.engine}.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.tianshu.planning;
