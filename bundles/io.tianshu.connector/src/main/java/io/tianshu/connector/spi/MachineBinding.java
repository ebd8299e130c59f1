package io.tianshu.connector.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every machine connection has, whatever its protocol: its name (unique across connectors),
 * the protocol (the prefix of its report ids), where it is read from and how securely (for the
 * listing), the plant and station or work centre its counts go to, the counter width and wrap
 * window, and the scrap reason of counted scrap.
 *
 * @param name 1-24 letters, digits, '.', '_' or '-'
 * @param protocol short lower-case protocol name, e.g. {@code opcua} or {@code modbus}
 * @param endpoint where the machine is read (URL or host:port), for display
 * @param security the security in use, for display (e.g. {@code Basic256Sha256/SignAndEncrypt})
 * @param plant plant code
 * @param station station code; counts go to the operation started there
 * @param workCenterId used when no station is set
 * @param counterBits 16 or 32
 * @param wrapWindow largest distance across the top taken as a wrap; 0 for a quarter of the range
 * @param scrapReasonCode reason code of scrap counted by the scrap counter
 * @param control measured signals checked online against frozen limits, by signal name
 */
public record MachineBinding(
    String name,
    String protocol,
    String endpoint,
    String security,
    String plant,
    String station,
    Long workCenterId,
    int counterBits,
    long wrapWindow,
    String scrapReasonCode,
    Map<String, SignalControl> control) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,23}");
  private static final Pattern PROTOCOL = Pattern.compile("[a-z][a-z0-9]{0,11}");

  /** Checks the common settings; throws one IllegalArgumentException listing the problems. */
  public MachineBinding {
    station = station == null || station.isBlank() ? null : station.trim();
    List<String> errors = problems(name, plant, station, workCenterId, counterBits, wrapWindow);
    if (protocol == null || !PROTOCOL.matcher(protocol).matches()) {
      errors.add("protocol must be a short lower-case name / 协议名无效");
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("machine '" + name + "': " + String.join("; ", errors));
    }
    control = control == null ? Map.of() : Map.copyOf(control);
  }

  /** Without online control of measured signals. */
  public MachineBinding(
      String name,
      String protocol,
      String endpoint,
      String security,
      String plant,
      String station,
      Long workCenterId,
      int counterBits,
      long wrapWindow,
      String scrapReasonCode) {
    this(
        name,
        protocol,
        endpoint,
        security,
        plant,
        station,
        workCenterId,
        counterBits,
        wrapWindow,
        scrapReasonCode,
        Map.of());
  }

  /** The same binding with these signals checked online. */
  public MachineBinding withControl(Map<String, SignalControl> signals) {
    return new MachineBinding(
        name,
        protocol,
        endpoint,
        security,
        plant,
        station,
        workCenterId,
        counterBits,
        wrapWindow,
        scrapReasonCode,
        signals);
  }

  /**
   * The problems of the common settings, for a connector that collects its own errors with them.
   */
  public static List<String> problems(
      String name,
      String plant,
      String station,
      Long workCenterId,
      int counterBits,
      long wrapWindow) {
    List<String> errors = new ArrayList<>();
    if (name == null || !NAME.matcher(name).matches()) {
      errors.add("name must be 1-24 letters, digits, '.', '_' or '-' / 机器名须为 1-24 位字母、数字或 . _ -");
    }
    if (plant == null || plant.isBlank()) {
      errors.add("plant (plant code) is required / 须配置工厂代码");
    }
    if ((station == null || station.isBlank()) && workCenterId == null) {
      errors.add("station or workCenterId is required / 须配置工位或工作中心");
    }
    if (counterBits != 16 && counterBits != 32) {
      errors.add("counterBits must be 16 or 32 / 计数器位宽须为 16 或 32");
    }
    if (wrapWindow < 0) {
      errors.add("wrapWindow must not be negative / 回绕窗口不能为负数");
    }
    return errors;
  }

  /** Where counts go, for display: the station, else the work centre. */
  public String target() {
    return station != null ? station : "WC " + workCenterId;
  }
}
