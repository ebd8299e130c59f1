/** Karaf console commands of the mom scope; no API of its own. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.console;
