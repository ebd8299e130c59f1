package io.tianshu.integration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code io.tianshu.integration.inbound}: who inbound Camel messages run as, and how failures
 * are redelivered before they become dead letters.
 */
@ObjectClassDefinition(name = "Tianshu inbound messages")
@interface InboundConfig {
  @AttributeDefinition(
      description =
          "Tianshu user that messages from Camel routes run as (their plant grants apply)."
              + " Empty: messages from routes are refused and dead-lettered.")
  String user() default "";

  @AttributeDefinition(
      description = "JAAS roles of that user, comma-separated (admin: group admin)")
  String roles() default "";

  @AttributeDefinition(description = "Redeliveries of a message that failed for a passing reason")
  int maximumRedeliveries() default 3;

  @AttributeDefinition(description = "Delay before the first redelivery, in milliseconds")
  long redeliveryDelayMillis() default 500;

  @AttributeDefinition(description = "Each further redelivery waits this many times longer")
  double backOffMultiplier() default 2.0;

  @AttributeDefinition(description = "Longest delay between redeliveries, in milliseconds")
  long maximumRedeliveryDelayMillis() default 30_000;
}
