package io.tianshu.connector.modbus.internal;

import java.util.Locale;

/**
 * Where one signal is: {@code TYPE:ADDRESS[:DATATYPE][*SCALE]}, e.g. {@code holding:100:uint32},
 * {@code input:20:float32*0.01}, {@code coil:5}. Addresses are the 0-based protocol addresses (the
 * PDU's), not the 1-based "40001" numbering of some manuals. Registers default to uint16, coils and
 * discrete inputs are always bool.
 *
 * @param scale factor applied to the decoded value of a measurement (1 when none)
 */
public record RegisterAddress(RegisterType type, int address, DataType dataType, double scale) {

  /** Items the value occupies (registers, or 1 bit). */
  public int count() {
    return type.bit() ? 1 : dataType.words();
  }

  /** The last address the value occupies. */
  public int end() {
    return address + count() - 1;
  }

  /**
   * Parses an address; throws IllegalArgumentException with a bilingual message naming {@code key}
   * when it is not valid.
   */
  public static RegisterAddress parse(String key, String text) {
    String s = text == null ? "" : text.trim();
    String err = key + ": '" + s + "' ";
    double scale = 1;
    int star = s.indexOf('*');
    if (star >= 0) {
      try {
        scale = Double.parseDouble(s.substring(star + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(err + "has no valid scale after '*' / 缩放系数无效", e);
      }
      if (scale == 0 || Double.isNaN(scale) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException(err + "scale must be a non-zero number / 缩放系数须为非零数");
      }
      s = s.substring(0, star).trim();
    }
    String[] parts = s.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          err + "is not TYPE:ADDRESS[:DATATYPE] (e.g. holding:100:uint32) / 地址格式应为 类型:地址[:数据类型]");
    }
    RegisterType type = RegisterType.ofPrefix(parts[0]);
    if (type == null) {
      throw new IllegalArgumentException(
          err
              + "type must be coil, discrete, input or holding / 寄存器类型须为 coil、discrete、input 或 holding");
    }
    int address;
    try {
      address = Integer.parseInt(parts[1].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(err + "address is not a number / 地址不是数字", e);
    }
    DataType dt;
    if (type.bit()) {
      if (parts.length == 3 && DataType.of(parts[2]) != DataType.BOOL) {
        throw new IllegalArgumentException(
            err + "coils and discrete inputs are bool / 线圈和离散输入只能是 bool");
      }
      dt = DataType.BOOL;
    } else if (parts.length == 3) {
      dt = DataType.of(parts[2]);
      if (dt == null || dt == DataType.BOOL) {
        throw new IllegalArgumentException(
            err
                + "data type must be uint16, int16, uint32, int32 or float32"
                + " / 数据类型须为 uint16、int16、uint32、int32 或 float32");
      }
    } else {
      dt = DataType.UINT16;
    }
    RegisterAddress a = new RegisterAddress(type, address, dt, scale);
    if (address < 0 || a.end() > 65535) {
      throw new IllegalArgumentException(err + "address must be 0-65535 / 地址须在 0-65535 之间");
    }
    return a;
  }

  @Override
  public String toString() {
    String s =
        type.prefix()
            + ":"
            + address
            + (type.bit() ? "" : ":" + dataType.name().toLowerCase(Locale.ROOT));
    return scale == 1 ? s : s + "*" + scale;
  }
}
