package io.tianshu.connector.modbus.internal;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.modbus.internal.Decoder.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a machine's signals are in its registers, and how to read them: the good and scrap
 * counters, the state (a register whose values {@code stateMap} maps, or a coil / discrete input: 1
 * running, 0 idle unless mapped otherwise), the state reason (a numeric code, 0 for none), named
 * measured values, the byte and word order of the device, and how many unused registers a grouped
 * read may span ({@code readGap}).
 */
public record RegisterMap(
    RegisterAddress good,
    RegisterAddress scrap,
    RegisterAddress state,
    Map<Long, MachineState> stateMap,
    RegisterAddress stateReason,
    Map<String, RegisterAddress> measurements,
    ByteOrder byteOrder,
    ByteOrder wordOrder,
    int readGap) {

  static final Pattern MEASUREMENT = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,31}");

  /** For a coil or discrete input as the state when no stateMap is given: on = RUNNING. */
  static final Map<Long, MachineState> BOOL_STATES =
      Map.of(1L, MachineState.RUNNING, 0L, MachineState.IDLE);

  public RegisterMap {
    stateMap = stateMap.isEmpty() && state != null && state.type().bit() ? BOOL_STATES : stateMap;
    stateMap = Map.copyOf(stateMap);
    // the order of measurements is the configured one (reports, listing)
    measurements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
  }

  /** The problems of this map for a counter width of {@code counterBits}; empty when valid. */
  public List<String> problems(int counterBits) {
    List<String> errors = new ArrayList<>();
    if (good == null && scrap == null && state == null && measurements.isEmpty()) {
      errors.add(
          "no signal configured (goodRegister, scrapRegister, stateRegister or measurements)"
              + " / 未配置任何信号");
    }
    counter("goodRegister", good, counterBits, errors);
    counter("scrapRegister", scrap, counterBits, errors);
    if (state != null) {
      if (!state.dataType().integral()) {
        errors.add("stateRegister must be an integer type / 状态寄存器须为整数类型");
      }
      if (!state.type().bit() && stateMap.isEmpty()) {
        errors.add(
            "stateMap is required for a state register, e.g. 1=RUNNING,2=IDLE,3=DOWN,4=SETUP"
                + " / 状态寄存器须配置 stateMap");
      }
    }
    if (stateReason != null) {
      if (!stateReason.dataType().integral()) {
        errors.add("stateReasonRegister must be an integer type / 状态原因寄存器须为整数类型");
      }
      if (state == null) {
        errors.add("stateReasonRegister needs a stateRegister / 配置状态原因须同时配置状态寄存器");
      }
    }
    for (String name : measurements.keySet()) {
      if (!MEASUREMENT.matcher(name).matches()) {
        errors.add(
            "measurement name '"
                + name
                + "' must be 1-32 letters, digits, '.', '_' or '-' / 测量值名称 '"
                + name
                + "' 无效");
      }
    }
    if (readGap < 0 || readGap > 124) {
      errors.add("readGap must be 0-124 / readGap 须在 0-124 之间");
    }
    return errors;
  }

  private static void counter(String key, RegisterAddress a, int counterBits, List<String> errors) {
    if (a == null) {
      return;
    }
    if (a.type().bit() || !a.dataType().integral()) {
      errors.add(key + " must be an integer register / " + key + " 须为整数寄存器");
    } else if (a.dataType().bits() != counterBits) {
      errors.add(
          key
              + ": a "
              + a.dataType().name().toLowerCase(java.util.Locale.ROOT)
              + " counter needs counterBits = "
              + a.dataType().bits()
              + " (the counter wraps at its register width) / "
              + key
              + " 的寄存器位宽与 counterBits 不一致");
    }
    if (a.scale() != 1) {
      errors.add(key + ": a counter takes no scale / 计数器不能设置缩放系数");
    }
  }

  /** Every address to read. */
  public List<RegisterAddress> addresses() {
    List<RegisterAddress> all = new ArrayList<>();
    for (RegisterAddress a : new RegisterAddress[] {good, scrap, state, stateReason}) {
      if (a != null) {
        all.add(a);
      }
    }
    all.addAll(measurements.values());
    return all;
  }

  /** The grouped reads of one poll. */
  public ReadPlan plan() {
    return ReadPlan.plan(addresses(), readGap);
  }

  /** The state a value stands for; UNKNOWN when not mapped. */
  public MachineState mapState(long value) {
    return stateMap.getOrDefault(value, MachineState.UNKNOWN);
  }
}
