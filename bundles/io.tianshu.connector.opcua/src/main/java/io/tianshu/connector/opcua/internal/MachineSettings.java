package io.tianshu.connector.opcua.internal;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.spi.MachineBinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A machine's validated signal mapping (from {@link MachineConfig}, or built directly by tests).
 * Node ids are OPC UA node id strings: {@code ns=2;s=Press1/Good} or, independent of the server's
 * namespace order, {@code nsu=urn:example;s=Press1/Good}.
 */
public record MachineSettings(
    String name,
    String endpointUrl,
    String securityPolicy,
    String securityMode,
    Path pkiDir,
    String plant,
    String station,
    Long workCenterId,
    String stateNode,
    String stateReasonNode,
    Map<String, MachineState> stateMap,
    String goodNode,
    String scrapNode,
    Map<String, String> measurementNodes,
    int counterBits,
    long wrapWindow,
    double samplingIntervalMs,
    double publishingIntervalMs,
    long reconnectMinMs,
    long reconnectMaxMs,
    String scrapReasonCode) {

  static final List<String> POLICIES =
      List.of("None", "Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss");

  /** Checks everything and throws one IllegalArgumentException listing the problems. */
  public MachineSettings {
    List<String> errors =
        new ArrayList<>(
            MachineBinding.problems(name, plant, station, workCenterId, counterBits, wrapWindow));
    if (endpointUrl == null || !endpointUrl.startsWith("opc.tcp://")) {
      errors.add("endpointUrl must start with opc.tcp:// / 端点地址须以 opc.tcp:// 开头");
    }
    if (!POLICIES.contains(securityPolicy)) {
      errors.add("securityPolicy must be one of " + POLICIES + " / 安全策略无效");
    }
    if ("None".equals(securityPolicy)) {
      securityMode = "None";
    } else if (!"Sign".equals(securityMode) && !"SignAndEncrypt".equals(securityMode)) {
      errors.add("securityMode must be Sign or SignAndEncrypt / 安全模式须为 Sign 或 SignAndEncrypt");
    }
    if (goodNode == null && scrapNode == null && stateNode == null && measurementNodes.isEmpty()) {
      errors.add("no signal node configured / 未配置任何信号节点");
    }
    if (samplingIntervalMs < 0 || publishingIntervalMs <= 0) {
      errors.add("sampling/publishing intervals must be positive / 采样和发布间隔须为正数");
    }
    if (reconnectMinMs <= 0 || reconnectMaxMs < reconnectMinMs) {
      errors.add("reconnect delays: 0 < min <= max / 重连间隔须满足 0 < 最小 <= 最大");
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "OPC UA machine '" + name + "': " + String.join("; ", errors));
    }
    stateMap = Map.copyOf(stateMap);
    measurementNodes = Map.copyOf(measurementNodes);
  }

  /** What the machine signals need of these settings (protocol {@code opcua}). */
  public MachineBinding binding() {
    return new MachineBinding(
        name,
        "opcua",
        endpointUrl,
        securityPolicy + "/" + securityMode,
        plant,
        station,
        workCenterId,
        counterBits,
        wrapWindow,
        scrapReasonCode);
  }

  /** Maps a state value: a configured code first, then the state's own name, else UNKNOWN. */
  public MachineState mapState(Object value) {
    if (value == null) {
      return MachineState.UNKNOWN;
    }
    String v = String.valueOf(value).trim();
    MachineState s = stateMap.get(v);
    if (s != null) {
      return s;
    }
    try {
      return MachineState.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return MachineState.UNKNOWN;
    }
  }

  /** Parses {@code code=STATE} entries (e.g. {@code 1=RUNNING}). */
  public static Map<String, MachineState> parseStateMap(String[] entries) {
    Map<String, MachineState> m = new HashMap<>();
    for (String[] kv : pairs(entries, "stateMap")) {
      try {
        m.put(kv[0], MachineState.valueOf(kv[1].toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "stateMap: unknown state '" + kv[1] + "' / 未知状态 '" + kv[1] + "'", e);
      }
    }
    return m;
  }

  /** Parses {@code name=nodeId} entries. */
  public static Map<String, String> parseNodes(String[] entries) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String[] kv : pairs(entries, "measurementNodes")) {
      m.put(kv[0], kv[1]);
    }
    return m;
  }

  private static List<String[]> pairs(String[] entries, String what) {
    List<String[]> out = new ArrayList<>();
    if (entries == null) {
      return out;
    }
    for (String e : entries) {
      if (e == null || e.isBlank()) {
        continue;
      }
      int eq = e.indexOf('=');
      if (eq <= 0 || eq == e.length() - 1) {
        throw new IllegalArgumentException(
            what + ": '" + e + "' is not key=value / '" + e + "' 不是 key=value 格式");
      }
      out.add(new String[] {e.substring(0, eq).trim(), e.substring(eq + 1).trim()});
    }
    return out;
  }
}
