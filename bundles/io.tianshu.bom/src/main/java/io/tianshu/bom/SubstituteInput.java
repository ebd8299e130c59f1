package io.tianshu.bom;

import java.time.LocalDate;
import java.util.List;

/**
 * A substitute set as a caller sends it: {@code priority} (lower first; default its position, 1 for
 * the first), validity ({@code validTo} exclusive, nulls open) and parts.
 */
public record SubstituteInput(
    Integer priority, LocalDate validFrom, LocalDate validTo, List<SubstitutePartInput> parts) {}
