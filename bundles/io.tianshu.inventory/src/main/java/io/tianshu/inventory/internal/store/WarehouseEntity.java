package io.tianshu.inventory.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "warehouse")
public class WarehouseEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "plant_id")
  long plantId;

  String code;
  String name;

  @Column(name = "name_en")
  String nameEn;

  @Column(name = "allow_negative")
  boolean allowNegative;

  @Version long version;
}
