package io.tianshu.connector.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One machine: {@code etc/io.tianshu.connector.modbus.machine-<name>.cfg}. Example:
 *
 * <pre>
 * name = press2
 * host = 10.0.0.7
 * unitId = 1
 * plant = P1
 * station = ST-20
 * goodRegister = holding:100:uint32
 * scrapRegister = holding:102:uint32
 * stateRegister = holding:10
 * stateMap = 1=RUNNING,2=IDLE,3=DOWN,4=SETUP
 * stateReasonRegister = holding:11
 * measurements = diameter=input:20:float32,temp=input:30:int16*0.1
 * wordOrder = BIG
 * </pre>
 *
 * Addresses are {@code TYPE:ADDRESS[:DATATYPE][*SCALE]} (docs/modbus-connector.md).
 */
@ObjectClassDefinition(
    name = "Tianshu Modbus TCP machine",
    description = "Register map of one machine polled over Modbus TCP / 一台 Modbus TCP 设备的寄存器映射")
public @interface MachineConfig {
  @AttributeDefinition(description = "Machine name (1-24 letters, digits, . _ -), unique")
  String name();

  @AttributeDefinition(description = "Device host name or IP address")
  String host();

  @AttributeDefinition(description = "TCP port")
  int port() default 502;

  @AttributeDefinition(description = "Unit id (slave address; 1 for most devices, 255 for some)")
  int unitId() default 1;

  @AttributeDefinition(description = "Poll interval (ms)")
  long pollIntervalMs() default 1000;

  @AttributeDefinition(description = "Response timeout (ms)")
  int timeoutMs() default 3000;

  @AttributeDefinition(description = "First reconnect delay (ms), doubled per failure")
  long reconnectMinMs() default 1000;

  @AttributeDefinition(description = "Largest reconnect delay (ms)")
  long reconnectMaxMs() default 60000;

  @AttributeDefinition(description = "Plant code the machine belongs to")
  String plant();

  @AttributeDefinition(
      description = "Station the machine is; counts go to the operation running there")
  String station() default "";

  @AttributeDefinition(description = "Work centre id, used when no station is set")
  long workCenterId() default 0;

  @AttributeDefinition(description = "Counter width for wrap-around: 16 or 32 (= register width)")
  int counterBits() default 32;

  @AttributeDefinition(
      description =
          "Largest distance across the counter's top still taken as a wrap rather than a reset;"
              + " 0 = a quarter of the range")
  long wrapWindow() default 0;

  @AttributeDefinition(description = "Reason code of scrap reported from the scrap counter")
  String scrapReasonCode() default "MACHINE";

  @AttributeDefinition(description = "Good parts counter, e.g. holding:100:uint32")
  String goodRegister() default "";

  @AttributeDefinition(description = "Scrap counter, e.g. holding:102:uint32")
  String scrapRegister() default "";

  @AttributeDefinition(
      description =
          "State: a register mapped by stateMap, or a coil / discrete input (on = RUNNING)")
  String stateRegister() default "";

  @AttributeDefinition(description = "State values, e.g. 1=RUNNING,2=IDLE,3=DOWN,4=SETUP")
  String[] stateMap() default {};

  @AttributeDefinition(description = "State reason code register (0 = no reason)")
  String stateReasonRegister() default "";

  @AttributeDefinition(
      description = "Measured values as name=address, e.g. temp=input:30:int16*0.1")
  String[] measurements() default {};

  @AttributeDefinition(description = "Byte order within a register: BIG (standard) or LITTLE")
  String byteOrder() default "BIG";

  @AttributeDefinition(
      description = "Word order of 32-bit values: BIG (high word first) or LITTLE (low word first)")
  String wordOrder() default "BIG";

  @AttributeDefinition(
      description =
          "Unused registers a grouped read may span between two signals (0: adjacent only)")
  int readGap() default 8;

  @AttributeDefinition(
      description =
          "Measured values checked online against frozen limits, as signal=center/sigma[/NELSON],"
              + " e.g. diameter=10.0/0.02; a value breaking a run rule is recorded as"
              + " MachineSignal OUT_OF_CONTROL in the audit trail (and the outbound events)")
  String[] spcControl() default {};
}
