package io.tianshu.bom.internal.store;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of bom_output: written with its version, never changed alone. */
@Entity
@Table(name = "bom_output")
public class BomOutputEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "bom_id")
  long bomId;

  @Column(name = "line_no")
  int lineNo;

  @Column(name = "material_id")
  long materialId;

  @Column(name = "quantity_per")
  BigDecimal quantityPer;

  @Column(name = "output_kind")
  String kind;

  @Column(name = "cost_share")
  BigDecimal costShare;
}
