package io.tianshu.exchange.internal;

/**
 * A record the import refers to: an existing one (id known) or one the import creates, whose id is
 * filled in when it is written. {@code key} is unique within an import and negative for new
 * records, so that engines can check new and existing records together before anything is written.
 */
public final class Ref {
  private long id;
  private final boolean created;
  private final long key;

  private Ref(long id, boolean created, long key) {
    this.id = id;
    this.created = created;
    this.key = key;
  }

  public static Ref existing(long id) {
    return new Ref(id, false, id);
  }

  public static Ref created(long provisionalKey) {
    return new Ref(0, true, provisionalKey);
  }

  public boolean isCreated() {
    return created;
  }

  /** The id, once known (existing, or written). */
  public long id() {
    if (created && id == 0) {
      throw new IllegalStateException("not written yet");
    }
    return id;
  }

  /** The id if known, else the provisional key. */
  public long key() {
    return created && id == 0 ? key : id;
  }

  void assign(long newId) {
    this.id = newId;
  }
}
