package io.tianshu.bom.internal.store;

import java.sql.Date;
import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of substitution_group; owner_plant_id 0 is the group. */
@Entity
@Table(name = "substitution_group")
public class SubstitutionGroupEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "owner_plant_id")
  long owner;

  @Column(name = "parent_material_id")
  Long parentId;

  String strategy;

  String customer;

  @Column(name = "order_ref")
  String orderRef;

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
