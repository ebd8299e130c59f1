package io.tianshu.bom.internal.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** Row of substitution_part: a material of one set, quantity per set in its base unit. */
@Entity
@Table(name = "substitution_part")
@IdClass(SubstitutionPartEntity.Key.class)
public class SubstitutionPartEntity {
  @Id
  @Column(name = "group_id")
  long groupId;

  @Id
  @Column(name = "set_no")
  int setNo;

  @Id int seq;

  @Column(name = "material_id")
  long materialId;

  BigDecimal quantity;

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    long groupId;
    int setNo;
    int seq;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.groupId == groupId && k.setNo == setNo && k.seq == seq;
    }

    @Override
    public int hashCode() {
      return Objects.hash(groupId, setNo, seq);
    }
  }
}
