package io.tianshu.connector.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.modbus.internal.Decoder.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineSettingsTest {
  static Map<String, Object> valid() {
    Map<String, Object> p = new HashMap<>();
    p.put("name", "press2");
    p.put("host", "10.0.0.7");
    p.put("plant", "P1");
    p.put("station", "ST-20");
    p.put("goodRegister", "holding:100:uint32");
    p.put("scrapRegister", "input:102:uint32");
    p.put("stateRegister", "holding:10:uint16");
    p.put("stateMap", "1=RUNNING,2=IDLE,3=DOWN,4=SETUP");
    p.put("stateReasonRegister", "holding:11");
    p.put("measurements", "diameter=input:20:float32*0.01,temp=holding:30:int16*0.1");
    return p;
  }

  @Test
  void aFullConfigurationWithDefaults() {
    MachineSettings s = MachineSettings.parse(valid());
    assertThat(s.port()).isEqualTo(502);
    assertThat(s.unitId()).isEqualTo(1);
    assertThat(s.pollIntervalMs()).isEqualTo(1000);
    assertThat(s.counterBits()).isEqualTo(32);
    assertThat(s.registers().wordOrder()).isEqualTo(ByteOrder.BIG);
    assertThat(s.registers().mapState(3)).isEqualTo(MachineState.DOWN);
    assertThat(s.registers().mapState(9)).isEqualTo(MachineState.UNKNOWN);
    assertThat(s.registers().measurements().keySet()).containsExactly("diameter", "temp");
    assertThat(s.registers().measurements().get("temp").scale()).isEqualTo(0.1);
    assertThat(s.binding().protocol()).isEqualTo("modbus");
    assertThat(s.binding().endpoint()).isEqualTo("10.0.0.7:502/1");
    assertThat(s.binding().security()).startsWith("none");
    // holding 10-11, 30, 100-101 and input 20-21, 102-103: five requests
    assertThat(s.registers().plan().blocks()).hasSize(5);
  }

  @Test
  void arraysFromConfigurationAdminAndTypedNumbers() {
    Map<String, Object> p = valid();
    p.put("stateMap", new String[] {"1=RUNNING", "2=IDLE"});
    p.put("measurements", new String[] {"diameter=input:20:float32"});
    p.put("port", 5020);
    p.put("wordOrder", "little");
    p.put("workCenterId", 0L);
    MachineSettings s = MachineSettings.parse(p);
    assertThat(s.port()).isEqualTo(5020);
    assertThat(s.workCenterId()).isNull();
    assertThat(s.registers().wordOrder()).isEqualTo(ByteOrder.LITTLE);
    assertThat(s.registers().stateMap()).hasSize(2);
  }

  @Test
  void aCoilAsStateMeansRunningOrIdle() {
    Map<String, Object> p = valid();
    p.put("stateRegister", "coil:5");
    p.remove("stateMap");
    MachineSettings s = MachineSettings.parse(p);
    assertThat(s.registers().mapState(1)).isEqualTo(MachineState.RUNNING);
    assertThat(s.registers().mapState(0)).isEqualTo(MachineState.IDLE);
    p.put("stateMap", "1=RUNNING,0=DOWN");
    assertThat(MachineSettings.parse(p).registers().mapState(0)).isEqualTo(MachineState.DOWN);
  }

  @Test
  void everyProblemIsListedAtOnceInEnglishAndChinese() {
    Map<String, Object> p = new HashMap<>();
    p.put("name", "bad name!");
    p.put("port", "70000");
    p.put("unitId", "x");
    p.put("goodRegister", "holding:100:uint16");
    p.put("scrapRegister", "register:5");
    p.put("stateRegister", "holding:10");
    p.put("measurements", "t=input:abc,v=holding:5:float32*0,w");
    p.put("wordOrder", "MIDDLE");
    p.put("reconnectMinMs", "5000");
    p.put("reconnectMaxMs", "100");
    p.put("stateReasonRegister", "input:1:float32");
    assertThatThrownBy(() -> MachineSettings.parse(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name must be")
        .hasMessageContaining("机器名")
        .hasMessageContaining("host is required")
        .hasMessageContaining("plant (plant code) is required")
        .hasMessageContaining("station or workCenterId is required")
        .hasMessageContaining("port must be 1-65535")
        .hasMessageContaining("unitId: 'x' is not a whole number")
        .hasMessageContaining("goodRegister: a uint16 counter needs counterBits = 16")
        .hasMessageContaining("scrapRegister: 'register:5' type must be coil")
        .hasMessageContaining("stateMap is required")
        .hasMessageContaining("measurements.t: 'input:abc' address is not a number")
        .hasMessageContaining("measurements.v: 'holding:5:float32*0' scale must be")
        .hasMessageContaining("measurements: 'w' is not key=value")
        .hasMessageContaining("wordOrder must be BIG or LITTLE / wordOrder 须为 BIG 或 LITTLE")
        .hasMessageContaining("reconnect delays")
        .hasMessageContaining("stateReasonRegister must be an integer type / 状态原因寄存器须为整数类型");
  }

  @Test
  void counterAndStateRules() {
    Map<String, Object> p = valid();
    p.put("goodRegister", "input:5:float32");
    p.put("scrapRegister", "coil:3");
    p.put("stateMap", "1=RUNNING,x=IDLE,3=BROKEN");
    p.put("measurements", "temp=input:1,temp=input:2,9bad=input:3");
    assertThatThrownBy(() -> MachineSettings.parse(p))
        .hasMessageContaining("goodRegister must be an integer register")
        .hasMessageContaining("scrapRegister must be an integer register")
        .hasMessageContaining("stateMap: 'x' is not a number")
        .hasMessageContaining("stateMap: unknown state 'BROKEN'")
        .hasMessageContaining("measurement 'temp' defined twice")
        .hasMessageContaining("measurement name '9bad'");
    Map<String, Object> q = valid();
    q.put("goodRegister", "holding:100:uint32*2");
    q.put("counterBits", "16");
    q.put("scrapRegister", "holding:102:uint16");
    assertThatThrownBy(() -> MachineSettings.parse(q))
        .hasMessageContaining("a counter takes no scale")
        .hasMessageContaining("goodRegister: a uint32 counter needs counterBits = 32")
        .hasMessageNotContaining("scrapRegister");
    Map<String, Object> none = valid();
    none.remove("goodRegister");
    none.remove("scrapRegister");
    none.remove("stateRegister");
    none.remove("stateReasonRegister");
    none.remove("measurements");
    assertThatThrownBy(() -> MachineSettings.parse(none))
        .hasMessageContaining("no signal configured");
  }
}
