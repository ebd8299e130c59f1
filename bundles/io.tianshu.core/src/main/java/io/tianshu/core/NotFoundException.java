package io.tianshu.core;

/** The record does not exist, or the caller may not see it (the two are not told apart). */
public final class NotFoundException extends TianshuException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String entity, Object id) {
    super(entity + " " + id + " not found / 未找到");
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String title() {
    return "Not found";
  }
}
