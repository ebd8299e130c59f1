package io.tianshu.quality.spc;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Process capability and performance indices. {@code Cp = (USL - LSL) / 6 sigmaWithin}, {@code CPU
 * = (USL - mean) / 3 sigmaWithin}, {@code CPL = (mean - LSL) / 3 sigmaWithin}, {@code Cpk} the
 * smaller of the CPU and CPL that exist; Pp, PPU, PPL and Ppk the same with sigmaOverall. Cp and Pp
 * exist only for two-sided specifications.
 *
 * @param spec the specification limits
 * @param mean process mean
 * @param sigmaWithin within-subgroup standard deviation (short term)
 * @param sigmaOverall overall standard deviation (long term)
 * @param cp potential capability, two-sided only
 * @param cpu upper capability, if there is an upper limit
 * @param cpl lower capability, if there is a lower limit
 * @param cpk min of cpu and cpl
 * @param pp potential performance, two-sided only
 * @param ppu upper performance
 * @param ppl lower performance
 * @param ppk min of ppu and ppl
 */
public record Capability(
    SpecLimits spec,
    double mean,
    double sigmaWithin,
    double sigmaOverall,
    OptionalDouble cp,
    OptionalDouble cpu,
    OptionalDouble cpl,
    double cpk,
    OptionalDouble pp,
    OptionalDouble ppu,
    OptionalDouble ppl,
    double ppk) {

  /** Checks for nulls. */
  public Capability {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(cp, "cp");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(cpl, "cpl");
    Objects.requireNonNull(pp, "pp");
    Objects.requireNonNull(ppu, "ppu");
    Objects.requireNonNull(ppl, "ppl");
  }
}
