package io.tianshu.bom.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Read-only view of a material's base unit, so that BOM lines carry their unit in one query. Master
 * data owns the table; BOMs never write it.
 */
@Entity
@Table(name = "material")
public class MaterialRow {
  @Id Long id;

  @Column(name = "base_uom", insertable = false, updatable = false)
  String baseUnit;
}
