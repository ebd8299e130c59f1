package io.tianshu.quality;

import java.math.BigDecimal;

/**
 * A characteristic of an inspection plan. VARIABLE characteristics are measured against {@code
 * lower} and {@code upper} (either may be absent); ATTRIBUTE characteristics count defects. Every
 * characteristic has a defect class CRITICAL, MAJOR or MINOR (a variable out of limits is a defect
 * of its class). Enumerations arrive as text so a bad value is reported with the other bad fields.
 *
 * @param id the id (ignored on input)
 * @param code the code, unique in the plan
 * @param name the name
 * @param kind VARIABLE or ATTRIBUTE
 * @param target the nominal value of a variable
 * @param lower the lower specification limit of a variable
 * @param upper the upper specification limit of a variable
 * @param unit the unit of a variable
 * @param defectClass CRITICAL, MAJOR or MINOR (MAJOR when absent)
 * @param instrument the gauge or instrument to measure with, e.g. "千分尺 0-25 mm"
 * @param method how to inspect: the method or work instruction, e.g. "GB/T 1804-m, 目视"
 */
public record Characteristic(
    Long id,
    String code,
    String name,
    String kind,
    BigDecimal target,
    BigDecimal lower,
    BigDecimal upper,
    String unit,
    String defectClass,
    String instrument,
    String method) {

  /** A characteristic without instrument and method. */
  public Characteristic(
      Long id,
      String code,
      String name,
      String kind,
      BigDecimal target,
      BigDecimal lower,
      BigDecimal upper,
      String unit,
      String defectClass) {
    this(id, code, name, kind, target, lower, upper, unit, defectClass, null, null);
  }
}
