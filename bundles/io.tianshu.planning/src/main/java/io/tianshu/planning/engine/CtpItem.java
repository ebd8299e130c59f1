package io.tianshu.planning.engine;

import java.util.List;

/**
 * Capable-to-promise data of one material, see {@link CtpEngine}.
 *
 * @param materialId the material; the key of the item in the map given to the engine
 * @param make true for a made item (its shortfall is produced from its components), false for a
 *     bought one (its shortfall is purchased)
 * @param leadTimeDays production or purchase lead time in working days of the calendar, &gt;= 0
 * @param components the components of a made item, in priority order (the first wins ties on the
 *     critical path); a component listed twice is needed twice. A bought item has none. Never null
 * @param onHand the free stock now, finite and not negative
 * @param supplies the material's free supplies (MPS quantities, scheduled receipts), as for {@link
 *     AvailableToPromise#of}; never null
 * @param committed the material's committed orders, as for {@link AvailableToPromise#of}; never
 *     null
 */
public record CtpItem(
    long materialId,
    boolean make,
    int leadTimeDays,
    List<CtpComponent> components,
    double onHand,
    List<AtpSupply> supplies,
    List<AtpDemand> committed) {

  /** Checks the numbers and lists and makes the lists immutable copies. */
  public CtpItem {
    if (leadTimeDays < 0) {
      throw new IllegalArgumentException(
          "CTP item "
              + materialId
              + ": lead time must be >= 0, was "
              + leadTimeDays
              + " / CTP 物料 "
              + materialId
              + "：提前期必须 >= 0，实际为 "
              + leadTimeDays);
    }
    if (!Double.isFinite(onHand) || onHand < 0) {
      throw new IllegalArgumentException(
          "CTP item "
              + materialId
              + ": on-hand must be finite and >= 0, was "
              + onHand
              + " / CTP 物料 "
              + materialId
              + "：现有库存必须为有限非负数，实际为 "
              + onHand);
    }
    components = copy(materialId, components, "components", "组件");
    supplies = copy(materialId, supplies, "supplies", "供应");
    committed = copy(materialId, committed, "committed orders", "已承诺订单");
    if (!make && !components.isEmpty()) {
      throw new IllegalArgumentException(
          "CTP item "
              + materialId
              + ": a bought item has no components / CTP 物料 "
              + materialId
              + "：外购物料不能有组件");
    }
  }

  private static <T> List<T> copy(long materialId, List<T> list, String what, String zh) {
    boolean ok = list != null;
    for (int i = 0; ok && i < list.size(); i++) {
      ok = list.get(i) != null;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "CTP item "
              + materialId
              + ": "
              + what
              + " must be a list without null / CTP 物料 "
              + materialId
              + "："
              + zh
              + "列表必填且不能含空元素");
    }
    return List.copyOf(list); // List.contains(null) may throw on immutable lists, hence the loop
  }
}
