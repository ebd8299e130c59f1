package io.tianshu.integration.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code io.tianshu.integration}: where route files live and how often the folder is read. */
@ObjectClassDefinition(name = "Tianshu integration", description = "Camel routes of the server")
@interface IntegrationConfig {
  @AttributeDefinition(
      description =
          "Folder of route files (*.camel.yaml, *.camel.xml); empty: ${karaf.etc}/routes."
              + " Not under deploy/, which Karaf's file install watches itself.")
  String routesDirectory() default "";

  @AttributeDefinition(description = "How often the folder is read, in milliseconds (>= 100)")
  long scanMillis() default 1000;
}
