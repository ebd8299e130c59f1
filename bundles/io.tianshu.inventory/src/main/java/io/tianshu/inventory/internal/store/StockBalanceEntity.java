package io.tianshu.inventory.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** One stock key's quantity; changed only together with a ledger line. */
@Entity
@Table(name = "stock_balance")
public class StockBalanceEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "plant_id")
  long plantId;

  @Column(name = "location_id")
  long locationId;

  @Column(name = "material_id")
  long materialId;

  String lot;

  @Column(name = "serial_no")
  String serial;

  String status;
  java.math.BigDecimal quantity;
  @Version long version;
}
