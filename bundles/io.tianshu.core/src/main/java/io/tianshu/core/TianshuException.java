package io.tianshu.core;

import java.util.List;

/**
 * The error model every adapter maps the same way: validation → 400, not found → 404, conflict →
 * 409, forbidden → 403. Messages are meant for users (zh-CN and en), never stack traces.
 */
public abstract class TianshuException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected TianshuException(String message) {
    super(message);
  }

  /** The HTTP-like status class of this error. */
  public abstract int status();

  /** A short, stable title for the problem type. */
  public abstract String title();

  /** The bad fields, for a validation error; empty otherwise. */
  public List<FieldError> fieldErrors() {
    return List.of();
  }
}
