package io.tianshu.core;

/** The change conflicts with the stored state: a stale version, or a rule across records. */
public final class ConflictException extends TianshuException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  /** The standard message for an optimistic-lock failure. */
  public static ConflictException staleVersion(String entity, Object id, long expected) {
    return new ConflictException(
        entity
            + " "
            + id
            + " was changed by someone else (your version "
            + expected
            + "); reload and retry / 记录已被他人修改，请刷新后重试");
  }

  @Override
  public int status() {
    return 409;
  }

  @Override
  public String title() {
    return "Conflict";
  }
}
