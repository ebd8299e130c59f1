package io.tianshu.bom.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The lock row of one BOM view; {@code changes} counts the changes made under it. */
@Entity
@Table(name = "bom_lock")
public class BomLockEntity {
  @Id
  @Column(name = "bom_view")
  String view;

  long changes;
}
