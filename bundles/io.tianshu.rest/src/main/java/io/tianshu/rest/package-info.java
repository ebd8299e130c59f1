/** The REST API: its paths and JSON are the contract; Java types here are not an extension API. */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.rest;
