package io.tianshu.org.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "plant_grant")
public class PlantGrantEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String username;

  @Column(name = "plant_id")
  long plantId;

  @Column(name = "role_name")
  String roleName;

  @Version long version;
}
