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
    String defectClass) {}
