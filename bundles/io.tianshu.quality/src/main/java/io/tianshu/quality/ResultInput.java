package io.tianshu.quality;

import java.math.BigDecimal;
import java.util.List;

/**
 * A result as an inspector records it: measured values for a VARIABLE characteristic, a defect
 * count for an ATTRIBUTE one.
 *
 * @param characteristic the characteristic's code
 * @param values measured values (VARIABLE)
 * @param defects defects found (ATTRIBUTE)
 */
public record ResultInput(String characteristic, List<BigDecimal> values, Integer defects) {}
