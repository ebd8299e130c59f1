package io.tianshu.connector.opcua.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/io.tianshu.connector.opcua.simulator.cfg}: off unless the file exists and
 * enabled=true.
 */
@ObjectClassDefinition(
    name = "Tianshu OPC UA machine simulator",
    description = "A simulated machine for the demo and tests / 演示和测试用的模拟设备")
public @interface SimulatorConfig {
  @AttributeDefinition(description = "Start the simulator")
  boolean enabled() default false;

  @AttributeDefinition(description = "Machine name (node prefix)")
  String machine() default "SIM1";

  @AttributeDefinition(description = "Bind address; loopback unless configured")
  String bindAddress() default "127.0.0.1";

  @AttributeDefinition(description = "TCP port")
  int port() default 4841;

  @AttributeDefinition(description = "Counter width: 16 or 32")
  int counterBits() default 16;

  @AttributeDefinition(description = "Every n-th part is scrap (0: none)")
  int scrapEvery() default 20;

  @AttributeDefinition(description = "One machine step every n ms (0: only when ticked)")
  long tickMillis() default 1000;
}
