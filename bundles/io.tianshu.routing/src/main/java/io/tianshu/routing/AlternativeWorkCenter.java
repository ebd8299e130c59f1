package io.tianshu.routing;

import java.math.BigDecimal;

/** A work centre that can do the operation instead, with its own run time when it differs. */
public record AlternativeWorkCenter(Long workCenterId, BigDecimal runMinutes) {}
