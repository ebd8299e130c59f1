package io.tianshu.inventory.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A ledger line: inserted, never updated or deleted. */
@Entity
@Table(name = "stock_movement")
public class StockMovementEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "document_id")
  long documentId;

  @Column(name = "plant_id")
  long plantId;

  @Column(name = "movement_type")
  String type;

  @Column(name = "location_id")
  long locationId;

  @Column(name = "material_id")
  long materialId;

  String lot;

  @Column(name = "serial_no")
  String serial;

  String status;
  java.math.BigDecimal quantity;
  String unit;
}
