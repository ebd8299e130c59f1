package io.tianshu.resource.internal.store;

import java.math.BigDecimal;
import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of work_center_capacity, keyed by the work centre. */
@Entity
@Table(name = "work_center_capacity")
public class WorkCenterCapacityEntity {
  @Id
  @Column(name = "work_center_id")
  Long workCenterId;

  @Column(name = "plant_id")
  long plantId;

  @Column(name = "calendar_id")
  Long calendarId;

  @Column(name = "parallel_units")
  int parallelUnits;

  @Column(name = "utilisation_percent")
  BigDecimal utilisationPercent;

  @Version long version;

  @Column(name = "updated_at")
  Timestamp updatedAt;

  @Column(name = "updated_by")
  String updatedBy;
}
