/** Inventory: warehouses and locations per plant, stock by key, and the movement ledger. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.inventory;
