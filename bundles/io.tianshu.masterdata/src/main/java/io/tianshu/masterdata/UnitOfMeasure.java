package io.tianshu.masterdata;

/** A unit of measure, e.g. KG in dimension MASS. */
public record UnitOfMeasure(
    Long id, String code, String name, String nameEn, String dimension, long version) {}
