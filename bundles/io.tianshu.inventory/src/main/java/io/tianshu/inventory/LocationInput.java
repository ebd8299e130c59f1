package io.tianshu.inventory;

/** A new location. */
public record LocationInput(String code, String name) {}
