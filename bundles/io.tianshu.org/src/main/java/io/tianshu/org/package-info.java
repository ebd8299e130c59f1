/** The organisation model (group → plant → workshop → line → work centre) and user access. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.org;
