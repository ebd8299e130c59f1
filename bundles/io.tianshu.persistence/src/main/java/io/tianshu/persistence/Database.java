package io.tianshu.persistence;

/**
 * The Tianshu database, registered once its schema is migrated to the current version. Domain
 * components reference it so that they never touch a schema that is not there yet.
 */
public interface Database {
  /** The database product, e.g. "Apache Derby" or "PostgreSQL". */
  String productName();

  String productVersion();

  /** The JDBC URL without credentials. */
  String url();

  /** The applied schema version, e.g. "1". */
  String schemaVersion();

  /** True when a connection can be had and answers within two seconds. */
  boolean isAvailable();
}
