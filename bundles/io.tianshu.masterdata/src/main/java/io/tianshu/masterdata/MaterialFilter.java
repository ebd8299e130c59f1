package io.tianshu.masterdata;

/** List filters, each optional: owning plant, text in code or names, type, status. */
public record MaterialFilter(Long plantId, String q, MaterialType type, MaterialStatus status) {}
