package io.tianshu.core;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a business record, published after the change committed. The topic is
 * {@code io/tianshu/<domain>/<Entity>/<ACTION>}, e.g. {@code
 * io/tianshu/masterdata/Material/CREATED}.
 */
public record DomainEvent(
    String domain,
    String entity,
    String action,
    String entityId,
    Long plantId,
    String username,
    Instant at,
    Map<String, Object> data) {

  public String topic() {
    return "io/tianshu/" + domain + "/" + entity + "/" + action;
  }
}
