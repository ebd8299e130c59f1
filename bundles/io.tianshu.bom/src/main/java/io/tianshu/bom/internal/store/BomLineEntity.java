package io.tianshu.bom.internal.store;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of bom_line: written with its version, never changed alone. */
@Entity
@Table(name = "bom_line")
public class BomLineEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "bom_id")
  long bomId;

  @Column(name = "line_no")
  int lineNo;

  @Column(name = "component_material_id")
  long componentId;

  @Column(name = "quantity_per")
  BigDecimal quantityPer;

  @Column(name = "scrap_percent")
  BigDecimal scrapPercent;

  boolean phantom;

  @Column(name = "operation_ref")
  String operationRef;
}
