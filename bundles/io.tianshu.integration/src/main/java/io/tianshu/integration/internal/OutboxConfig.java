package io.tianshu.integration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code io.tianshu.integration.outbox}: where committed changes go as events. */
@ObjectClassDefinition(name = "Tianshu outbound events")
@interface OutboxConfig {
  @AttributeDefinition(
      description =
          "Camel endpoint every committed change is sent to, in commit order (a route consumes it)")
  String endpoint() default "direct:tianshu-events";

  @AttributeDefinition(description = "How often the audit trail is read, in milliseconds; 0: off")
  long pollMillis() default 1000;

  @AttributeDefinition(description = "Rows read per round")
  int batchSize() default 500;

  @AttributeDefinition(
      description =
          "How long a gap in the audit ids is waited for before it counts as rolled back, in ms")
  long gapWaitMillis() default 30_000;

  @AttributeDefinition(
      description =
          "On the very first start: deliver the whole audit trail (true) or only what follows (false)")
  boolean fromBeginning() default false;

  @AttributeDefinition(
      description =
          "This node's name for the relay lease when several nodes share the database; empty: the"
              + " Karaf name and a random id")
  String nodeId() default "";

  @AttributeDefinition(
      description =
          "How long a node's relay lease lasts unless renewed (ms); another node takes over after it")
  long leaseMillis() default 30_000;
}
