package io.tianshu.connector.opcua.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One machine: {@code etc/io.tianshu.connector.opcua.machine-<name>.cfg}. Example:
 *
 * <pre>
 * name = press1
 * endpointUrl = opc.tcp://10.0.0.5:4840
 * securityPolicy = Basic256Sha256
 * securityMode = SignAndEncrypt
 * plant = P1
 * station = ST-10
 * stateNode = ns=2;s=Press1/State
 * stateReasonNode = ns=2;s=Press1/Reason
 * stateMap = 1=RUNNING,2=IDLE,3=DOWN,4=SETUP
 * goodNode = ns=2;s=Press1/Good
 * scrapNode = ns=2;s=Press1/Scrap
 * measurementNodes = diameter=ns=2;s=Press1/Diameter
 * counterBits = 16
 * </pre>
 */
@ObjectClassDefinition(
    name = "Tianshu OPC UA machine",
    description = "Signal mapping of one machine read over OPC UA / 一台 OPC UA 设备的信号映射")
public @interface MachineConfig {
  @AttributeDefinition(description = "Machine name (1-24 letters, digits, . _ -), unique")
  String name();

  @AttributeDefinition(description = "opc.tcp:// endpoint URL")
  String endpointUrl();

  @AttributeDefinition(
      description =
          "Security policy: Basic256Sha256 (default), Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss,"
              + " or None (only when set explicitly)")
  String securityPolicy() default "Basic256Sha256";

  @AttributeDefinition(description = "Sign or SignAndEncrypt (default); ignored for None")
  String securityMode() default "SignAndEncrypt";

  @AttributeDefinition(
      description =
          "PKI folder (own certificate, trusted/ and rejected/ certificates); default"
              + " ${karaf.etc}/opcua/pki")
  String pkiDir() default "";

  @AttributeDefinition(description = "Plant code the machine belongs to")
  String plant();

  @AttributeDefinition(
      description = "Station the machine is; counts go to the operation running there")
  String station() default "";

  @AttributeDefinition(description = "Work centre id, used when no station is set")
  long workCenterId() default 0;

  @AttributeDefinition(
      description = "Node id of the state (a number mapped by stateMap, or a state name)")
  String stateNode() default "";

  @AttributeDefinition(description = "Node id of the state reason (text or code)")
  String stateReasonNode() default "";

  @AttributeDefinition(
      description = "Mapping of state values, e.g. 1=RUNNING,2=IDLE,3=DOWN,4=SETUP")
  String[] stateMap() default {};

  @AttributeDefinition(description = "Node id of the good parts counter")
  String goodNode() default "";

  @AttributeDefinition(description = "Node id of the scrap counter")
  String scrapNode() default "";

  @AttributeDefinition(description = "Measured values as name=nodeId")
  String[] measurementNodes() default {};

  @AttributeDefinition(description = "Counter width for wrap-around: 16 or 32")
  int counterBits() default 32;

  @AttributeDefinition(
      description =
          "Largest distance across the counter's top still taken as a wrap rather than a reset;"
              + " 0 = a quarter of the range")
  long wrapWindow() default 0;

  @AttributeDefinition(description = "Sampling interval of the monitored items (ms)")
  double samplingIntervalMs() default 500;

  @AttributeDefinition(description = "Publishing interval of the subscription (ms)")
  double publishingIntervalMs() default 1000;

  @AttributeDefinition(description = "First reconnect delay (ms), doubled per failure")
  long reconnectMinMs() default 1000;

  @AttributeDefinition(description = "Largest reconnect delay (ms)")
  long reconnectMaxMs() default 60000;

  @AttributeDefinition(description = "Reason code of scrap reported from the scrap counter")
  String scrapReasonCode() default "MACHINE";

  @AttributeDefinition(
      description =
          "Measured values checked online against frozen limits, as signal=center/sigma[/NELSON],"
              + " e.g. diameter=10.0/0.02; a value breaking a run rule is recorded as"
              + " MachineSignal OUT_OF_CONTROL in the audit trail (and the outbound events)")
  String[] spcControl() default {};
}
