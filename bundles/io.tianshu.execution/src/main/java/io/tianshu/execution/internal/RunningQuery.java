package io.tianshu.execution.internal;

import io.tianshu.core.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one query behind {@code runningOperations}: the STARTED operations of a plant's released or
 * started orders at a station (compared in upper case) or, without a station, at a work centre. At
 * a station the parts of split operations dispatched there with work in progress are added in the
 * same statement (part 0 stands for the operation itself). Led by the operation status, so that the
 * index {@code ix_wo_operation_running (status, work_center_id, station)} finds the few started
 * operations.
 */
record RunningQuery(String station, Long workCenterId) {
  private static final String COLUMNS =
      "SELECT o.work_order_id AS work_order_id, w.code AS work_order_code, o.seq AS seq, %s AS"
          + " part_no, %s AS station, o.work_center_id AS work_center_id, w.material_id AS"
          + " material_id, o.started_at AS started_at, CASE WHEN o.started_at IS NULL THEN 1 ELSE"
          + " 0 END AS unstarted FROM work_order_operation o JOIN work_order w ON w.id ="
          + " o.work_order_id";
  private static final String STARTED =
      " WHERE o.status = 'STARTED' AND w.plant_id = ? AND w.status IN ('RELEASED', 'STARTED')";

  /**
   * Checks and normalises the arguments: a station (trimmed, at most 40 characters) or, when it is
   * null or blank, a work centre is required.
   */
  static RunningQuery of(String station, Long workCenterId) {
    String s = station == null || station.isBlank() ? null : station.trim();
    Validation v = new Validation();
    if (s == null && workCenterId == null) {
      v.add("station", "required", "station or work centre required / 须指定工位或工作中心");
      v.add("workCenterId", "required", "station or work centre required / 须指定工位或工作中心");
    }
    if (s != null) {
      v.optionalText("station", s, 40);
    }
    v.throwIfInvalid();
    return new RunningQuery(s, s == null ? workCenterId : null);
  }

  boolean atStation() {
    return station != null;
  }

  /** The statement: one SELECT, or at a station a UNION ALL with the parts; newest first. */
  String sql() {
    String order = " ORDER BY unstarted, started_at DESC, work_order_id DESC, seq, part_no";
    if (!atStation()) {
      return String.format(COLUMNS, "0", "o.station")
          + STARTED
          + " AND o.work_center_id = ?"
          + order;
    }
    return String.format(COLUMNS, "0", "o.station")
        + STARTED
        + " AND UPPER(o.station) = ?"
        + " UNION ALL "
        + String.format(COLUMNS, "p.part_no", "p.station")
        + " JOIN work_order_operation_part p ON p.work_order_id = o.work_order_id AND p.seq ="
        + " o.seq"
        + STARTED
        + " AND UPPER(p.station) = ? AND p.in_quantity > p.good_quantity + p.scrap_quantity +"
        + " p.rework_quantity"
        + order;
  }

  /** The parameters of {@link #sql()} in order. */
  List<Object> args(long plantId) {
    List<Object> out = new ArrayList<>();
    out.add(plantId);
    if (!atStation()) {
      out.add(workCenterId);
      return out;
    }
    String upper = station.toUpperCase(Locale.ROOT);
    out.add(upper);
    out.add(plantId);
    out.add(upper);
    return out;
  }

  /** The part of a row: null for the operation itself (stored parts are numbered from 1). */
  static Integer part(int partNo) {
    return partNo == 0 ? null : partNo;
  }
}
