package io.tianshu.masterdata;

/** Life cycle of a material: only ACTIVE materials may be planned and moved. */
public enum MaterialStatus {
  DRAFT,
  ACTIVE,
  BLOCKED,
  OBSOLETE
}
