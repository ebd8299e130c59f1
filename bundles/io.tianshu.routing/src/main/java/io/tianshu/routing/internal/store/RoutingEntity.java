package io.tianshu.routing.internal.store;

import java.sql.Date;
import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of routing; operations, alternatives and links are written with native SQL. */
@Entity
@Table(name = "routing")
public class RoutingEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "plant_id")
  long plantId;

  @Column(name = "material_id")
  long materialId;

  String revision;
  String description;

  @Column(name = "valid_from")
  Date validFrom;

  @Column(name = "valid_to")
  Date validTo;

  @Version long version;

  @Column(name = "created_at")
  Timestamp createdAt;

  @Column(name = "created_by")
  String createdBy;
}
