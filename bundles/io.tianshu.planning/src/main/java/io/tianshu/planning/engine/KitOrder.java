package io.tianshu.planning.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order to be kitted (齐套): a production or assembly order that needs its components on hand
 * before it can start.
 *
 * <p>Components of the same material are merged into one line at the position of the first one,
 * their {@code quantityPer} added up (a material listed twice, e.g. on two BOM positions, is needed
 * twice). An order without components needs nothing and is always complete.
 *
 * @param id the order, reported back in {@link KitResult#orderId()}
 * @param reference free text for people, e.g. the order number; may be null
 * @param quantity the order quantity, finite and not negative
 * @param needDate the date the order should start, used for requisition proposals
 * @param components the components, merged by material as described above; never null
 */
public record KitOrder(
    long id, String reference, double quantity, LocalDate needDate, List<KitComponent> components) {

  /** Checks the fields and merges components of the same material. */
  public KitOrder {
    if (!Double.isFinite(quantity) || quantity < 0) {
      throw new IllegalArgumentException(
          "kit order "
              + id
              + ": quantity must be finite and >= 0, was "
              + quantity
              + " / 齐套订单 "
              + id
              + "：数量必须为有限非负数，实际为 "
              + quantity);
    }
    if (needDate == null) {
      throw new IllegalArgumentException(
          "kit order " + id + ": needDate is required / 齐套订单 " + id + "：需求日期必填");
    }
    if (components == null) {
      throw new IllegalArgumentException(
          "kit order " + id + ": components are required / 齐套订单 " + id + "：组件列表必填");
    }
    Map<Long, Double> merged = new LinkedHashMap<>();
    for (KitComponent c : components) {
      if (c == null) {
        throw new IllegalArgumentException(
            "kit order " + id + ": null component / 齐套订单 " + id + "：组件为空");
      }
      merged.merge(c.materialId(), c.quantityPer(), Double::sum);
    }
    if (merged.size() == components.size()) {
      components = List.copyOf(components);
    } else {
      List<KitComponent> list = new ArrayList<>(merged.size());
      merged.forEach((m, q) -> list.add(new KitComponent(m, q)));
      components = List.copyOf(list);
    }
  }
}
