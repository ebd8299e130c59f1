/**
 * The Tianshu exchange format: one JSON document ({@link io.tianshu.exchange.ExchangeDocument}) for
 * plants, materials, BOMs, calendars, resources, routings, warehouses, stock and planning data
 * (parameters, forecasts, sales orders, scheduled receipts), referring to records by their codes.
 * Documented in docs/exchange.md.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.exchange;
