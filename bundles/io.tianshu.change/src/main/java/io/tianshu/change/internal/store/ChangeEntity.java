package io.tianshu.change.internal.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** Row of engineering_change; owner_plant_id 0 is the group. */
@Entity
@Table(name = "engineering_change")
public class ChangeEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "owner_plant_id")
  long owner;

  @Column(name = "change_no")
  String number;

  String title;
  String reason;
  String status;
  String breakpoint;

  @Column(name = "effective_date")
  Date effectiveDate;

  @Column(name = "serial_from")
  String serialFrom;

  @Column(name = "transition_qty")
  BigDecimal transitionQuantity;

  @Column(name = "evaluated_at")
  Timestamp evaluatedAt;

  @Column(name = "approved_by")
  String approvedBy;

  @Column(name = "released_at")
  Timestamp releasedAt;

  @Version long version;

  @Column(name = "created_at")
  Timestamp createdAt;

  @Column(name = "created_by")
  String createdBy;

  @Column(name = "updated_at")
  Timestamp updatedAt;

  @Column(name = "updated_by")
  String updatedBy;

  // Accessors for the service in the parent package (JPA maps the fields).
  public Long id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String status() {
    return status;
  }

  public void status(String s) {
    status = s;
  }

  public void owner(long o) {
    owner = o;
  }

  public void number(String n) {
    number = n;
  }

  public void title(String t) {
    title = t;
  }

  public void reason(String r) {
    reason = r;
  }

  public void breakpoint(String b) {
    breakpoint = b;
  }

  public void effectiveDate(Date d) {
    effectiveDate = d;
  }

  public void serialFrom(String s) {
    serialFrom = s;
  }

  public void transitionQuantity(BigDecimal q) {
    transitionQuantity = q;
  }

  public void evaluatedAt(Timestamp t) {
    evaluatedAt = t;
  }

  public void approvedBy(String u) {
    approvedBy = u;
  }

  public void releasedAt(Timestamp t) {
    releasedAt = t;
  }
}
