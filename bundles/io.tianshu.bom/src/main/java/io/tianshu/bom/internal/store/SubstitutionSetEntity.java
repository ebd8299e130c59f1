package io.tianshu.bom.internal.store;

import java.io.Serializable;
import java.sql.Date;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** Row of substitution_set: set 0 is the primary, 1.. the substitutes; written with the group. */
@Entity
@Table(name = "substitution_set")
@IdClass(SubstitutionSetEntity.Key.class)
public class SubstitutionSetEntity {
  @Id
  @Column(name = "group_id")
  long groupId;

  @Id
  @Column(name = "set_no")
  int setNo;

  int priority;

  @Column(name = "valid_from")
  Date validFrom;

  @Column(name = "valid_to")
  Date validTo;

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    long groupId;
    int setNo;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.groupId == groupId && k.setNo == setNo;
    }

    @Override
    public int hashCode() {
      return Objects.hash(groupId, setNo);
    }
  }
}
