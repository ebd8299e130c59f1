package io.tianshu.connector.opcua.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.connector.MachineState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineSettingsTest {
  static MachineSettings settings(String policy, String mode, int bits) {
    return new MachineSettings(
        "press1",
        "opc.tcp://10.0.0.5:4840",
        policy,
        mode,
        null,
        "P1",
        "ST-10",
        null,
        "ns=2;s=State",
        null,
        MachineSettings.parseStateMap(new String[] {"1=RUNNING", "2=idle", "3=DOWN", "4=SETUP"}),
        "ns=2;s=Good",
        null,
        MachineSettings.parseNodes(new String[] {"diameter=ns=2;s=D"}),
        bits,
        0,
        500,
        1000,
        1000,
        60000,
        "MACHINE");
  }

  @Test
  void mapsNumericCodesAndStateNames() {
    MachineSettings s = settings("Basic256Sha256", "SignAndEncrypt", 16);
    assertThat(s.mapState(1)).isEqualTo(MachineState.RUNNING);
    assertThat(s.mapState("2")).isEqualTo(MachineState.IDLE);
    assertThat(s.mapState("setup")).isEqualTo(MachineState.SETUP);
    assertThat(s.mapState(99)).isEqualTo(MachineState.UNKNOWN);
    assertThat(s.measurementNodes()).isEqualTo(Map.of("diameter", "ns=2;s=D"));
  }

  @Test
  void noneMeansNoSecurityModeAndSecuredPoliciesNeedSignOrSignAndEncrypt() {
    assertThat(settings("None", "SignAndEncrypt", 32).securityMode()).isEqualTo("None");
    assertThatThrownBy(() -> settings("Basic256Sha256", "None", 32))
        .hasMessageContaining("securityMode must be Sign or SignAndEncrypt");
  }

  @Test
  void rejectsBadValuesWithOneMessage() {
    assertThatThrownBy(() -> settings("Basic128Rsa15", "Sign", 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("securityPolicy")
        .hasMessageContaining("counterBits");
    assertThatThrownBy(() -> MachineSettings.parseStateMap(new String[] {"1=BROKEN"}))
        .hasMessageContaining("unknown state");
    assertThatThrownBy(() -> MachineSettings.parseNodes(new String[] {"novalue"}))
        .hasMessageContaining("key=value");
  }
}
