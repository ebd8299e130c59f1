/**
 * The Tianshu shared kernel: caller context, errors, quantities, paging, JSON and domain events.
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package io.tianshu.core;
