package io.tianshu.connector.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.connector.modbus.internal.ReadPlan.Block;
import io.tianshu.connector.modbus.internal.ReadPlan.Location;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPlanTest {
  private static RegisterAddress a(String s) {
    return RegisterAddress.parse("t", s);
  }

  @Test
  void oneRequestPerContiguousBlockPerType() {
    RegisterAddress state = a("holding:10");
    RegisterAddress reason = a("holding:11");
    RegisterAddress good = a("holding:100:uint32");
    RegisterAddress scrap = a("holding:102:uint32");
    RegisterAddress diameter = a("input:20:float32");
    RegisterAddress temp = a("input:30:int16*0.1");
    RegisterAddress coil = a("coil:5");
    ReadPlan plan = ReadPlan.plan(List.of(good, scrap, state, reason, diameter, temp, coil), 8);
    // holding 10-11 and 100-103 are 88 apart: two requests; input 20-21 and 30 are 8 apart: one
    assertThat(plan.blocks())
        .containsExactly(
            new Block(RegisterType.COIL, 5, 1),
            new Block(RegisterType.INPUT, 20, 11),
            new Block(RegisterType.HOLDING, 10, 2),
            new Block(RegisterType.HOLDING, 100, 4));
    assertThat(plan.location(state)).isEqualTo(new Location(2, 0));
    assertThat(plan.location(reason)).isEqualTo(new Location(2, 1));
    assertThat(plan.location(good)).isEqualTo(new Location(3, 0));
    assertThat(plan.location(scrap)).isEqualTo(new Location(3, 2));
    assertThat(plan.location(diameter)).isEqualTo(new Location(1, 0));
    assertThat(plan.location(temp)).isEqualTo(new Location(1, 10));
    assertThat(plan.location(coil)).isEqualTo(new Location(0, 0));
  }

  @Test
  void gapDecidesWhetherAHoleIsReadOrSplit() {
    List<RegisterAddress> two = List.of(a("holding:0"), a("holding:5"));
    // hole of 4 registers (1-4)
    assertThat(ReadPlan.plan(two, 4).blocks())
        .containsExactly(new Block(RegisterType.HOLDING, 0, 6));
    assertThat(ReadPlan.plan(two, 3).blocks())
        .containsExactly(
            new Block(RegisterType.HOLDING, 0, 1), new Block(RegisterType.HOLDING, 5, 1));
    // adjacent always merges, even with gap 0
    assertThat(ReadPlan.plan(List.of(a("input:3"), a("input:4:uint32")), 0).blocks())
        .containsExactly(new Block(RegisterType.INPUT, 3, 3));
  }

  @Test
  void overlappingAndDuplicateAddressesShareTheBlock() {
    RegisterAddress wide = a("holding:100:uint32");
    RegisterAddress low = a("holding:101");
    ReadPlan plan = ReadPlan.plan(List.of(wide, low, a("holding:100:uint32")), 0);
    assertThat(plan.blocks()).containsExactly(new Block(RegisterType.HOLDING, 100, 2));
    assertThat(plan.location(low)).isEqualTo(new Location(0, 1));
  }

  @Test
  void noRequestIsLongerThan125Registers() {
    List<RegisterAddress> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add(a("holding:" + i));
    }
    ReadPlan plan = ReadPlan.plan(all, 8);
    assertThat(plan.blocks())
        .containsExactly(
            new Block(RegisterType.HOLDING, 0, 125),
            new Block(RegisterType.HOLDING, 125, 125),
            new Block(RegisterType.HOLDING, 250, 50));
    assertThat(plan.location(a("holding:130"))).isEqualTo(new Location(1, 5));
    // a 32-bit value is never split across requests
    List<RegisterAddress> pairs = new ArrayList<>();
    for (int i = 0; i < 63; i++) {
      pairs.add(a("holding:" + (2 * i) + ":uint32"));
    }
    assertThat(ReadPlan.plan(pairs, 0).blocks())
        .containsExactly(
            new Block(RegisterType.HOLDING, 0, 124), new Block(RegisterType.HOLDING, 124, 2));
    // bits: up to 2000 per request
    assertThat(ReadPlan.plan(List.of(a("coil:0"), a("coil:1999"), a("coil:2000")), 2000).blocks())
        .containsExactly(
            new Block(RegisterType.COIL, 0, 2000), new Block(RegisterType.COIL, 2000, 1));
  }

  @Test
  void unplannedAddressIsAnError() {
    ReadPlan plan = ReadPlan.plan(List.of(a("holding:1")), 0);
    assertThatThrownBy(() -> plan.location(a("holding:2")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ReadPlan.plan(List.of(), 0).blocks()).isEmpty();
  }
}
