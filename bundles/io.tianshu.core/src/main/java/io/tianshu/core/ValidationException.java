package io.tianshu.core;

import java.util.List;

/** Invalid input: nothing was stored. */
public final class ValidationException extends TianshuException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public ValidationException(String field, String code, String message) {
    this(List.of(new FieldError(field, code, message)));
  }

  private static String summary(List<FieldError> errors) {
    StringBuilder sb = new StringBuilder("Invalid input / 输入无效:");
    for (FieldError e : errors) {
      sb.append(' ').append(e.field()).append(": ").append(e.message()).append(';');
    }
    return sb.toString();
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String title() {
    return "Invalid input";
  }

  @Override
  public List<FieldError> fieldErrors() {
    return errors;
  }
}
