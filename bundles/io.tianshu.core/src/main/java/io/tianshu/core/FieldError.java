package io.tianshu.core;

/**
 * One invalid input field: its path (e.g. {@code code}, {@code lines[2].quantity}), a stable
 * machine code (e.g. {@code required}, {@code duplicate}) and a message for people.
 */
public record FieldError(String field, String code, String message) {}
