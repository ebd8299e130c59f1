package io.tianshu.inventory.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "stock_document")
public class StockDocumentEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "plant_id")
  long plantId;

  @Column(name = "movement_type")
  String type;

  String reference;

  @Column(name = "at_time")
  java.sql.Timestamp at;

  String username;
}
