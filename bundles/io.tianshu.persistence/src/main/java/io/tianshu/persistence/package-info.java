/**
 * Persistence services shared by the domains: the schema (migrated at start), the audit trail
 * written in the caller's transaction, and translation of database errors into the error model.
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package io.tianshu.persistence;
