/**
 * Bills of materials: a BOM version of a parent material in one view, with lines and an effectivity
 * window; the engine explodes and traces them.
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package io.tianshu.bom;
