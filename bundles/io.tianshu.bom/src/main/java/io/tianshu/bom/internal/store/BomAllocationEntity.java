package io.tianshu.bom.internal.store;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** Row of bom_allocation: a plant a group BOM version applies in. */
@Entity
@Table(name = "bom_allocation")
@IdClass(BomAllocationEntity.Key.class)
public class BomAllocationEntity {
  @Id
  @Column(name = "bom_id")
  long bomId;

  @Id
  @Column(name = "plant_id")
  long plantId;

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    long bomId;
    long plantId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.bomId == bomId && k.plantId == plantId;
    }

    @Override
    public int hashCode() {
      return Objects.hash(bomId, plantId);
    }
  }
}
