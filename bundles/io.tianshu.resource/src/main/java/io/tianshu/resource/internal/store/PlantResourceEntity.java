package io.tianshu.resource.internal.store;

import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of plant_resource. */
@Entity
@Table(name = "plant_resource")
public class PlantResourceEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "plant_id")
  long plantId;

  String code;
  String name;

  @Column(name = "resource_type")
  String type;

  String status;

  @Column(name = "work_center_id")
  Long workCenterId;

  @Column(name = "calendar_id")
  Long calendarId;

  int units;
  Integer cavities;

  @Column(name = "life_cycles")
  Long lifeCycles;

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
