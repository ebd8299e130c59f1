package io.tianshu.quality.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.DomainEvent;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.quality.Characteristic;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.SpcChart;
import io.tianshu.quality.SpcPoint;
import io.tianshu.quality.SpcSetting;
import io.tianshu.quality.spc.SpecLimits;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The reaction to run rule violations when results are recorded, inside the results' transaction:
 * each recorded characteristic whose setting has a reaction is charted (plant × material ×
 * characteristic × the lot's supplier, newest {@link #WINDOW} lots); if a point of the lot violates
 * a rule, an audit row SPC_VIOLATION is written, HOLD puts the lot on hold and NONCONFORMANCE puts
 * it on hold and opens its nonconformance (on the quarantined stock). The events returned are for
 * the caller to publish after the commit.
 */
final class SpcReactions {
  /** Lots charted for a reaction, as the default chart. */
  static final int WINDOW = 100;

  private SpcReactions() {}

  static List<DomainEvent> react(
      Connection c, CallerContext caller, InspectionLot lot, Collection<String> codes, Instant now)
      throws SQLException {
    List<DomainEvent> events = new ArrayList<>();
    for (String code : codes) {
      Characteristic k = SpcStore.characteristic(c, lot.planId(), code).orElse(null);
      if (k == null) {
        continue;
      }
      SpcSetting s = SpcStore.setting(c, lot.planId(), code, k.kind()).orElse(null);
      if (s == null || "NONE".equals(s.reaction())) {
        continue;
      }
      List<SpcCharts.Sample> samples =
          SpcStore.samples(
              c, lot.plantId(), lot.materialId(), code, lot.supplier(), null, null, WINDOW);
      SpcChart chart;
      try {
        chart =
            SpcCharts.build(
                new SpcCharts.Subject(lot.plantId(), lot.materialId(), code, k.kind()),
                SpcCharts.Type.valueOf(s.chartType()),
                SpcCharts.RuleSet.valueOf(s.ruleSet()),
                frozen(s),
                spec(k),
                samples);
      } catch (IllegalArgumentException e) {
        continue; // nothing to chart yet (e.g. one value for I-MR): no reaction
      }
      Set<String> rules = violations(chart, lot.id());
      if (rules.isEmpty()) {
        continue;
      }
      String text = String.join(",", rules);
      if (text.length() > 200) {
        text = text.substring(0, 200);
      }
      Long holdId = null;
      // a nonconformance holds the lot too: its stock waits for the MRB, not for ACCEPT
      if (("HOLD".equals(s.reaction()) || "NONCONFORMANCE".equals(s.reaction()))
          && SpcStore.holds(c, lot.id(), true).stream()
              .noneMatch(h -> h.characteristic().equals(code))) {
        holdId =
            SpcStore.insertHold(
                c, lot.id(), lot.plantId(), code, chart.chartType(), text, now, caller.username());
      }
      Long ncId = null;
      if ("NONCONFORMANCE".equals(s.reaction())
          && lot.holdsStock()
          && NcStore.pendingOfLot(c, lot.id()).isEmpty()) {
        ncId = NcFromLot.openFromSpc(c, caller, lot, code, text, now);
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("lotId", lot.id());
      data.put("lot", lot.lot());
      data.put("materialId", lot.materialId());
      data.put("supplier", lot.supplier());
      data.put("characteristic", code);
      data.put("chartType", chart.chartType());
      data.put("rules", text);
      data.put("reaction", s.reaction());
      if (holdId != null) {
        data.put("holdId", holdId);
      }
      if (ncId != null) {
        data.put("ncId", ncId);
      }
      AuditTrail.writeJdbc(
          c, caller, "InspectionLot", lot.id(), lot.plantId(), "SPC_VIOLATION", null, data);
      events.add(
          new DomainEvent(
              "quality",
              "SpcViolation",
              "DETECTED",
              lot.id() + "/" + code,
              lot.plantId(),
              caller.username(),
              now,
              Map.copyOf(data)));
    }
    return events;
  }

  /**
   * The rules flagged at the lot's points: location chart rules by name, dispersion chart rules
   * prefixed with the chart (R-WE1, S-NELSON1, MR-WE1).
   */
  static Set<String> violations(SpcChart chart, long lotId) {
    Set<String> rules = new LinkedHashSet<>();
    for (SpcPoint p : chart.points()) {
      if (p.lotId() == lotId) {
        rules.addAll(p.violations());
      }
    }
    String prefix =
        switch (String.valueOf(chart.dispersionType())) {
          case "RANGE" -> "R-";
          case "STANDARD_DEVIATION" -> "S-";
          default -> "MR-";
        };
    for (SpcPoint p : chart.dispersion()) {
      if (p.lotId() == lotId) {
        p.violations().forEach(v -> rules.add(prefix + v));
      }
    }
    return rules;
  }

  static SpcCharts.Frozen frozen(SpcSetting s) {
    if (s == null || s.frozenCenter() == null) {
      return null;
    }
    return new SpcCharts.Frozen(
        s.frozenCenter().doubleValue(),
        s.frozenSpread() == null ? null : s.frozenSpread().doubleValue(),
        s.frozenSubgroupSize());
  }

  /** The specification limits of a variable, null when it has none usable. */
  static SpecLimits spec(Characteristic k) {
    if (!"VARIABLE".equals(k.kind()) || k.lower() == null && k.upper() == null) {
      return null;
    }
    try {
      return new SpecLimits(optional(k.lower()), optional(k.upper()));
    } catch (IllegalArgumentException e) {
      return null; // lower = upper: no capability
    }
  }

  private static OptionalDouble optional(BigDecimal d) {
    return d == null ? OptionalDouble.empty() : OptionalDouble.of(d.doubleValue());
  }
}
