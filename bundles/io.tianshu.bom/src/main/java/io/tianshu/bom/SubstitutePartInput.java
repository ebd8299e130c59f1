package io.tianshu.bom;

import java.math.BigDecimal;

/** A material of a primary or substitute set as a caller sends it: quantity per set, base unit. */
public record SubstitutePartInput(Long materialId, BigDecimal quantity) {}
