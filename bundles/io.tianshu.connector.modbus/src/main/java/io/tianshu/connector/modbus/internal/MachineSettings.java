package io.tianshu.connector.modbus.internal;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.modbus.internal.Decoder.ByteOrder;
import io.tianshu.connector.spi.MachineBinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Modbus machine's validated settings: where it is (host, port, unit id), how it is polled, where
 * its counts go, and its {@link RegisterMap}. {@link #parse} reads the configuration keys of {@code
 * etc/io.tianshu.connector.modbus.machine-NAME.cfg} and reports every problem at once.
 */
public record MachineSettings(
    String name,
    String host,
    int port,
    int unitId,
    long pollIntervalMs,
    int timeoutMs,
    long reconnectMinMs,
    long reconnectMaxMs,
    String plant,
    String station,
    Long workCenterId,
    int counterBits,
    long wrapWindow,
    String scrapReasonCode,
    RegisterMap registers) {

  /** Shown in the machine listing: Modbus TCP has neither authentication nor encryption. */
  public static final String SECURITY = "none (Modbus TCP has no security: isolate the network)";

  public MachineSettings {
    station = station == null || station.isBlank() ? null : station.trim();
    List<String> errors =
        problems(
            name,
            host,
            port,
            unitId,
            pollIntervalMs,
            timeoutMs,
            reconnectMinMs,
            reconnectMaxMs,
            plant,
            station,
            workCenterId,
            counterBits,
            wrapWindow,
            registers);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "Modbus machine '" + name + "': " + String.join("; ", errors));
    }
  }

  private static List<String> problems(
      String name,
      String host,
      int port,
      int unitId,
      long pollIntervalMs,
      int timeoutMs,
      long reconnectMinMs,
      long reconnectMaxMs,
      String plant,
      String station,
      Long workCenterId,
      int counterBits,
      long wrapWindow,
      RegisterMap registers) {
    List<String> errors =
        new ArrayList<>(
            MachineBinding.problems(name, plant, station, workCenterId, counterBits, wrapWindow));
    if (host == null || host.isBlank()) {
      errors.add("host is required / 须配置设备地址 host");
    }
    if (port < 1 || port > 65535) {
      errors.add("port must be 1-65535 / 端口须在 1-65535 之间");
    }
    if (unitId < 0 || unitId > 255) {
      errors.add("unitId must be 0-255 / 从站号 unitId 须在 0-255 之间");
    }
    if (pollIntervalMs <= 0) {
      errors.add("pollIntervalMs must be positive / 轮询间隔须为正数");
    }
    if (timeoutMs <= 0) {
      errors.add("timeoutMs must be positive / 超时须为正数");
    }
    if (reconnectMinMs <= 0 || reconnectMaxMs < reconnectMinMs) {
      errors.add("reconnect delays: 0 < min <= max / 重连间隔须满足 0 < 最小 <= 最大");
    }
    if (registers != null) {
      errors.addAll(registers.problems(counterBits));
    }
    return errors;
  }

  /** What the machine signals need of these settings (protocol {@code modbus}). */
  public MachineBinding binding() {
    return new MachineBinding(
        name,
        "modbus",
        endpoint(),
        SECURITY,
        plant,
        station,
        workCenterId,
        counterBits,
        wrapWindow,
        scrapReasonCode);
  }

  /** {@code host:port/unit}, for display. */
  public String endpoint() {
    return host + ":" + port + "/" + unitId;
  }

  /**
   * Parses configuration properties (the keys of the cfg file; values are strings, numbers or
   * string arrays as Configuration Admin gives them). Throws one IllegalArgumentException listing
   * every problem, each in English and Chinese.
   */
  public static MachineSettings parse(Map<String, ?> p) {
    List<String> errors = new ArrayList<>();
    String name = str(p, "name", null);
    String host = str(p, "host", null);
    int port = (int) num(p, "port", 502, errors);
    int unitId = (int) num(p, "unitId", 1, errors);
    long poll = num(p, "pollIntervalMs", 1000, errors);
    int timeout = (int) num(p, "timeoutMs", 3000, errors);
    long rMin = num(p, "reconnectMinMs", 1000, errors);
    long rMax = num(p, "reconnectMaxMs", 60000, errors);
    String plant = str(p, "plant", null);
    String station = str(p, "station", null);
    long wc = num(p, "workCenterId", 0, errors);
    int bits = (int) num(p, "counterBits", 32, errors);
    long wrap = num(p, "wrapWindow", 0, errors);
    String scrapReason = str(p, "scrapReasonCode", "MACHINE");
    int gap = (int) num(p, "readGap", 8, errors);

    RegisterAddress good = address(p, "goodRegister", errors);
    RegisterAddress scrap = address(p, "scrapRegister", errors);
    RegisterAddress state = address(p, "stateRegister", errors);
    RegisterAddress reason = address(p, "stateReasonRegister", errors);
    Map<Long, MachineState> stateMap = new HashMap<>();
    for (String[] kv : pairs(p, "stateMap", errors)) {
      try {
        long code = Long.parseLong(kv[0]);
        MachineState s = MachineState.valueOf(kv[1].toUpperCase(Locale.ROOT));
        if (stateMap.put(code, s) != null) {
          errors.add("stateMap: value " + code + " mapped twice / 状态值 " + code + " 重复映射");
        }
      } catch (NumberFormatException e) {
        errors.add("stateMap: '" + kv[0] + "' is not a number / 状态值 '" + kv[0] + "' 不是数字");
      } catch (IllegalArgumentException e) {
        errors.add(
            "stateMap: unknown state '"
                + kv[1]
                + "' (RUNNING, IDLE, DOWN, SETUP) / 未知状态 '"
                + kv[1]
                + "'");
      }
    }
    Map<String, RegisterAddress> measurements = new LinkedHashMap<>();
    for (String[] kv : pairs(p, "measurements", errors)) {
      try {
        RegisterAddress a = RegisterAddress.parse("measurements." + kv[0], kv[1]);
        if (measurements.put(kv[0], a) != null) {
          errors.add("measurement '" + kv[0] + "' defined twice / 测量值 '" + kv[0] + "' 重复定义");
        }
      } catch (IllegalArgumentException e) {
        errors.add(e.getMessage());
      }
    }
    ByteOrder byteOrder = order(p, "byteOrder", errors);
    ByteOrder wordOrder = order(p, "wordOrder", errors);

    RegisterMap map =
        new RegisterMap(
            good, scrap, state, stateMap, reason, measurements, byteOrder, wordOrder, gap);
    Long workCenterId = wc == 0 ? null : wc;
    errors.addAll(
        problems(
            name,
            host,
            port,
            unitId,
            poll,
            timeout,
            rMin,
            rMax,
            plant,
            station,
            workCenterId,
            bits,
            wrap,
            map));
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "Modbus machine '" + name + "': " + String.join("; ", errors));
    }
    return new MachineSettings(
        name,
        host.trim(),
        port,
        unitId,
        poll,
        timeout,
        rMin,
        rMax,
        plant.trim(),
        station,
        workCenterId,
        bits,
        wrap,
        scrapReason,
        map);
  }

  private static String str(Map<String, ?> p, String key, String dflt) {
    Object v = p.get(key);
    if (v instanceof String[] a) {
      v = a.length == 0 ? null : String.join(",", a);
    }
    String s = v == null ? null : String.valueOf(v).trim();
    return s == null || s.isEmpty() ? dflt : s;
  }

  private static long num(Map<String, ?> p, String key, long dflt, List<String> errors) {
    Object v = p.get(key);
    if (v instanceof Number n) {
      return n.longValue();
    }
    String s = str(p, key, null);
    if (s == null) {
      return dflt;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      errors.add(key + ": '" + s + "' is not a whole number / " + key + " 须为整数");
      return dflt;
    }
  }

  private static RegisterAddress address(Map<String, ?> p, String key, List<String> errors) {
    String s = str(p, key, null);
    if (s == null) {
      return null;
    }
    try {
      return RegisterAddress.parse(key, s);
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      return null;
    }
  }

  private static ByteOrder order(Map<String, ?> p, String key, List<String> errors) {
    String s = str(p, key, "BIG");
    try {
      return ByteOrder.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(key + " must be BIG or LITTLE / " + key + " 须为 BIG 或 LITTLE");
      return ByteOrder.BIG;
    }
  }

  /**
   * {@code key=value} entries, separated by commas (in one string, as a cfg file gives a single
   * value, or in several array elements).
   */
  private static List<String[]> pairs(Map<String, ?> p, String key, List<String> errors) {
    List<String[]> out = new ArrayList<>();
    Object v = p.get(key);
    List<String> items = new ArrayList<>();
    if (v instanceof String[] a) {
      items.addAll(List.of(a));
    } else if (v != null) {
      items.add(String.valueOf(v));
    }
    for (String item : items) {
      for (String e : item.split(",")) {
        if (e.isBlank()) {
          continue;
        }
        int eq = e.indexOf('=');
        String k = eq < 0 ? "" : e.substring(0, eq).trim();
        String val = eq < 0 ? "" : e.substring(eq + 1).trim();
        if (eq < 0 || k.isEmpty() || val.isEmpty()) {
          errors.add(
              key + ": '" + e.trim() + "' is not key=value / '" + e.trim() + "' 不是 key=value 格式");
          continue;
        }
        out.add(new String[] {k, val});
      }
    }
    return out;
  }
}
