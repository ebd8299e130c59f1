package io.tianshu.masterdata.internal.store;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "uom_conversion")
public class UomConversionEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "from_uom")
  String fromUnit;

  @Column(name = "to_uom")
  String toUnit;

  BigDecimal factor;

  @Column(name = "material_id")
  Long materialId;

  @Version long version;
}
