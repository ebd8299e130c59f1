/** Master data: materials, units of measure and their conversions, material groups. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.masterdata;
