package io.tianshu.org.internal.store;

import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of org_unit. A plant stores plant_id 0: plant codes are unique across the group. */
@Entity
@Table(name = "org_unit")
public class OrgUnitEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "unit_type")
  String unitType;

  String code;
  String name;

  @Column(name = "name_en")
  String nameEn;

  @Column(name = "parent_id")
  Long parentId;

  @Column(name = "plant_id")
  long plantId;

  String status;
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
