package io.tianshu.masterdata.internal.store;

import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of material; owner_plant_id 0 is the group. */
@Entity
@Table(name = "material")
public class MaterialEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String code;
  String name;

  @Column(name = "name_en")
  String nameEn;

  @Column(name = "material_type")
  String type;

  @Column(name = "base_uom")
  String baseUnit;

  @Column(name = "group_id")
  Long groupId;

  String status;

  @Column(name = "owner_plant_id")
  long owner;

  @Version long version;

  @Column(name = "created_at")
  Timestamp createdAt;

  @Column(name = "created_by")
  String createdBy;

  @Column(name = "updated_at")
  Timestamp updatedAt;

  @Column(name = "updated_by")
  String updatedBy;
}
