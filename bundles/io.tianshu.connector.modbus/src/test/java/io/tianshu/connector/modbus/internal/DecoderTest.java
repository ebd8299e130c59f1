package io.tianshu.connector.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tianshu.connector.modbus.internal.Decoder.ByteOrder;
import org.junit.jupiter.api.Test;

/** Hand-worked known answers. */
class DecoderTest {
  private final Decoder big = new Decoder(ByteOrder.BIG, ByteOrder.BIG);
  private final Decoder lowWordFirst = new Decoder(ByteOrder.BIG, ByteOrder.LITTLE);
  private final Decoder swappedBytes = new Decoder(ByteOrder.LITTLE, ByteOrder.BIG);

  @Test
  void uint32HighWordFirstAndLowWordFirst() {
    // 100000 = 0x0001_86A0
    assertThat(big.integral(DataType.UINT32, new int[] {0x0001, 0x86A0}, 0)).isEqualTo(100_000);
    assertThat(lowWordFirst.integral(DataType.UINT32, new int[] {0x86A0, 0x0001}, 0))
        .isEqualTo(100_000);
    // the same words in the wrong order are another number: 0x86A0_0001
    assertThat(lowWordFirst.integral(DataType.UINT32, new int[] {0x0001, 0x86A0}, 0))
        .isEqualTo(0x86A0_0001L);
    assertThat(big.integral(DataType.UINT32, new int[] {0xFFFF, 0xFFFF}, 0))
        .isEqualTo(4_294_967_295L);
  }

  @Test
  void signedTypesAreTwosComplement() {
    assertThat(big.integral(DataType.INT16, new int[] {0xFFFF}, 0)).isEqualTo(-1);
    assertThat(big.integral(DataType.UINT16, new int[] {0xFFFF}, 0)).isEqualTo(65535);
    assertThat(big.integral(DataType.INT16, new int[] {0x8000}, 0)).isEqualTo(-32768);
    assertThat(big.integral(DataType.INT32, new int[] {0xFFFF, 0xFFFE}, 0)).isEqualTo(-2);
    assertThat(lowWordFirst.integral(DataType.INT32, new int[] {0xFFFE, 0xFFFF}, 0)).isEqualTo(-2);
  }

  @Test
  void float32() {
    // 3.14f = 0x4048F5C3
    assertThat(big.value(DataType.FLOAT32, new int[] {0x4048, 0xF5C3}, 0))
        .isCloseTo(3.14, within(1e-6));
    assertThat(lowWordFirst.value(DataType.FLOAT32, new int[] {0xF5C3, 0x4048}, 0))
        .isCloseTo(3.14, within(1e-6));
    // -1.5f = 0xBFC00000
    assertThat(big.value(DataType.FLOAT32, new int[] {0xBFC0, 0x0000}, 0)).isEqualTo(-1.5);
  }

  @Test
  void byteOrderSwapsTheBytesOfEachRegister() {
    assertThat(swappedBytes.integral(DataType.UINT16, new int[] {0x3412}, 0)).isEqualTo(0x1234);
    // 100000 with both words byte-swapped: 0x0100, 0xA086
    assertThat(swappedBytes.integral(DataType.UINT32, new int[] {0x0100, 0xA086}, 0))
        .isEqualTo(100_000);
    // int16 -2 = 0xFFFE, swapped 0xFEFF
    assertThat(swappedBytes.integral(DataType.INT16, new int[] {0xFEFF}, 0)).isEqualTo(-2);
  }

  @Test
  void offsetsAndScaling() {
    int[] words = {0, 0, 215, 0x0001, 0x86A0};
    assertThat(big.scaled(RegisterAddress.parse("t", "holding:2:int16*0.1"), words, 2))
        .isCloseTo(21.5, within(1e-9));
    assertThat(big.scaled(RegisterAddress.parse("t", "holding:3:uint32*0.01"), words, 3))
        .isCloseTo(1000.0, within(1e-9));
    // -1 * 0.1
    assertThat(big.scaled(RegisterAddress.parse("t", "holding:0:int16*0.1"), new int[] {0xFFFF}, 0))
        .isCloseTo(-0.1, within(1e-9));
    assertThat(big.integral(DataType.BOOL, new int[] {0, 1}, 1)).isEqualTo(1);
  }

  @Test
  void encodeIsTheInverseOfDecode() {
    for (Decoder d : new Decoder[] {big, lowWordFirst, swappedBytes}) {
      for (int v : new int[] {0, 1, 100_000, -1, 0x12345678, Float.floatToIntBits(3.14f)}) {
        assertThat(d.integral(DataType.INT32, d.encode32(v), 0)).isEqualTo(v);
      }
    }
    assertThat(lowWordFirst.encode32(100_000)).containsExactly(0x86A0, 0x0001);
  }

  @Test
  void addressSyntax() {
    RegisterAddress a = RegisterAddress.parse("k", " input:20:FLOAT32 * 0.01 ");
    assertThat(a.type()).isEqualTo(RegisterType.INPUT);
    assertThat(a.address()).isEqualTo(20);
    assertThat(a.dataType()).isEqualTo(DataType.FLOAT32);
    assertThat(a.scale()).isEqualTo(0.01);
    assertThat(a.end()).isEqualTo(21);
    assertThat(RegisterAddress.parse("k", "holding:10").dataType()).isEqualTo(DataType.UINT16);
    assertThat(RegisterAddress.parse("k", "coil:5").dataType()).isEqualTo(DataType.BOOL);
    assertThat(RegisterAddress.parse("k", "discrete:7:bool").count()).isEqualTo(1);
    assertThat(RegisterAddress.parse("k", "holding:100:uint32")).hasToString("holding:100:uint32");
  }
}
