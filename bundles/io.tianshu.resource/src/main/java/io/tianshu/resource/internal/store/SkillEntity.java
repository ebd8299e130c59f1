package io.tianshu.resource.internal.store;

import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of skill; holders are written with native SQL. */
@Entity
@Table(name = "skill")
public class SkillEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "plant_id")
  long plantId;

  String code;
  String name;

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
