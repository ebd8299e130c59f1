package io.tianshu.connector.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/io.tianshu.connector.modbus.simulator.cfg}: off unless the file exists and
 * enabled=true.
 */
@ObjectClassDefinition(
    name = "Tianshu Modbus TCP machine simulator",
    description = "A simulated Modbus machine for the demo and tests / 演示和测试用的 Modbus 模拟设备")
public @interface SimulatorConfig {
  @AttributeDefinition(description = "Start the simulator")
  boolean enabled() default false;

  @AttributeDefinition(description = "Bind address; loopback unless configured")
  String bindAddress() default "127.0.0.1";

  @AttributeDefinition(description = "TCP port (502 needs privileges)")
  int port() default 5020;

  @AttributeDefinition(description = "Unit id")
  int unitId() default 1;

  @AttributeDefinition(description = "Counter width: 16 or 32")
  int counterBits() default 32;

  @AttributeDefinition(description = "Every n-th part is scrap (0: none)")
  int scrapEvery() default 20;

  @AttributeDefinition(description = "32-bit values low word first")
  boolean lowWordFirst() default false;

  @AttributeDefinition(description = "One machine step every n ms (0: only when ticked)")
  long tickMillis() default 1000;
}
