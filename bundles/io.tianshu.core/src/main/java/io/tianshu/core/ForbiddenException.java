package io.tianshu.core;

/** The caller sees the record but lacks the role for this action. */
public final class ForbiddenException extends TianshuException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 403;
  }

  @Override
  public String title() {
    return "Forbidden";
  }
}
