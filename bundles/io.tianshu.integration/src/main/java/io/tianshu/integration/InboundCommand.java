package io.tianshu.integration;

import io.tianshu.core.CallerContext;

/**
 * A command the integration hub accepts from outside (whiteboard: register one as an OSGi service
 * and it is served at {@code direct:tianshu-inbound} with header {@code TianshuCommand = name()}
 * and at {@code POST /integration/inbound/{name}}).
 *
 * <p>{@link #execute} runs inside the hub's transaction, which also records the message id: it must
 * do its work through the domain services (which join that transaction), so that the change and the
 * id commit together. It throws {@code TianshuException} or {@code IllegalArgumentException} for a
 * message that can never succeed (it is dead-lettered at once) and anything else for a failure
 * worth retrying.
 */
public interface InboundCommand {

  /** The command's name, lower case with dashes, e.g. {@code operation-report}. */
  String name();

  /**
   * Runs the command for {@code payload} (JSON text unless the command says otherwise) and returns
   * its result, which is kept as JSON and returned again for a duplicate message.
   */
  Object execute(CallerContext caller, String payload);
}
