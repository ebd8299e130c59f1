package io.tianshu.bom;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How one component differs between two BOM versions: quantities per parent (base unit, lines of
 * the same component added up), scrap and phantom flag before and after; null on the side where the
 * component is absent.
 */
public record BomDifference(
    long componentMaterialId,
    Change change,
    BigDecimal quantityBefore,
    BigDecimal quantityAfter,
    BigDecimal scrapBefore,
    BigDecimal scrapAfter,
    Boolean phantomBefore,
    Boolean phantomAfter) {

  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * The differences from {@code before} to {@code after}, in component order; equal lines omitted.
   */
  public static List<BomDifference> between(Bom before, Bom after) {
    var a = byComponent(before);
    var b = byComponent(after);
    var ids = new TreeSet<Long>();
    ids.addAll(a.keySet());
    ids.addAll(b.keySet());
    var result = new ArrayList<BomDifference>();
    for (long id : ids) {
      BomItem x = a.get(id);
      BomItem y = b.get(id);
      if (x == null) {
        result.add(
            new BomDifference(
                id,
                Change.ADDED,
                null,
                y.quantityPer(),
                null,
                y.scrapPercent(),
                null,
                y.phantom()));
      } else if (y == null) {
        result.add(
            new BomDifference(
                id,
                Change.REMOVED,
                x.quantityPer(),
                null,
                x.scrapPercent(),
                null,
                x.phantom(),
                null));
      } else if (x.quantityPer().compareTo(y.quantityPer()) != 0
          || x.scrapPercent().compareTo(y.scrapPercent()) != 0
          || x.phantom() != y.phantom()) {
        result.add(
            new BomDifference(
                id,
                Change.CHANGED,
                x.quantityPer(),
                y.quantityPer(),
                x.scrapPercent(),
                y.scrapPercent(),
                x.phantom(),
                y.phantom()));
      }
    }
    return result;
  }

  /**
   * One item per component: quantities of repeated lines added, the first line's scrap and flag.
   */
  private static Map<Long, BomItem> byComponent(Bom bom) {
    var items = new LinkedHashMap<Long, BomItem>();
    for (BomItem i : bom.lines()) {
      items.merge(
          i.componentMaterialId(),
          i,
          (old, add) ->
              new BomItem(
                  old.lineNo(),
                  old.componentMaterialId(),
                  old.quantityPer().add(add.quantityPer()),
                  old.unit(),
                  old.scrapPercent(),
                  old.phantom(),
                  old.operationRef()));
    }
    return items;
  }
}
