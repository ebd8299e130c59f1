package io.tianshu.connector.spi;

import io.tianshu.quality.spc.RunRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Online control of a measured signal against frozen limits: each new value is checked, with the
 * values just before it, by the run rules of {@code ruleSet} around {@code center} with {@code
 * sigma} (of an individual value). Frozen because limits computed from a moving window would drift
 * with the process they are meant to watch; take them from a chart of a stable period ({@code
 * mom:machine-spc}).
 *
 * @param center the centre line
 * @param sigma one sigma of an individual value, positive
 * @param ruleSet WESTERN_ELECTRIC or NELSON
 */
public record SignalControl(double center, double sigma, String ruleSet) {

  public SignalControl {
    if (!Double.isFinite(center) || !(sigma > 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException(
          "centre must be a number and sigma positive / 中心线须为数字, sigma 须为正数");
    }
    if (!"WESTERN_ELECTRIC".equals(ruleSet) && !"NELSON".equals(ruleSet)) {
      throw new IllegalArgumentException(
          "rule set must be WESTERN_ELECTRIC or NELSON / 判异规则须为 WESTERN_ELECTRIC 或 NELSON");
    }
  }

  /** The rules of the rule set. */
  public Set<RunRule> rules() {
    return "NELSON".equals(ruleSet) ? RunRule.nelson() : RunRule.westernElectric();
  }

  /**
   * Parses {@code signal=center/sigma[/NELSON]} entries, e.g. {@code diameter=10.0/0.02}; throws
   * one IllegalArgumentException listing every bad entry.
   */
  public static Map<String, SignalControl> parse(String[] entries) {
    Map<String, SignalControl> out = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    if (entries == null) {
      return out;
    }
    for (String e : entries) {
      if (e == null || e.isBlank()) {
        continue;
      }
      int eq = e.indexOf('=');
      String[] parts = eq <= 0 ? new String[0] : e.substring(eq + 1).trim().split("/");
      try {
        if (parts.length < 2 || parts.length > 3) {
          throw new IllegalArgumentException("expected signal=center/sigma[/NELSON]");
        }
        String rules =
            parts.length == 3 ? parts[2].trim().toUpperCase(Locale.ROOT) : "WESTERN_ELECTRIC";
        out.put(
            e.substring(0, eq).trim(),
            new SignalControl(
                Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()), rules));
      } catch (IllegalArgumentException ex) {
        errors.add("spcControl '" + e + "': " + ex.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    return out;
  }
}
