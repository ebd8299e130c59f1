package io.tianshu.bom;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.bom.BomDifference.Change;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BomDifferenceTest {
  static BomItem item(long component, String qty, String scrap, boolean phantom) {
    return new BomItem(
        1, component, new BigDecimal(qty), "PCS", new BigDecimal(scrap), phantom, null);
  }

  static Bom bom(String revision, BomItem... items) {
    return new Bom(
        1L,
        100,
        null,
        BomView.MANUFACTURING,
        revision,
        LocalDate.of(2026, 1, 1),
        null,
        null,
        null,
        null,
        List.of(items),
        null,
        1);
  }

  @Test
  void listsAddedRemovedAndChangedComponentsOnly() {
    Bom a =
        bom(
            "A",
            item(1, "2", "0", false),
            item(2, "1", "0", false),
            item(3, "4", "5", false),
            item(3, "1", "5", false));
    Bom b =
        bom(
            "B",
            item(1, "2.000", "0", false),
            item(3, "5", "5", false),
            item(4, "1", "0", true),
            item(2, "1", "0", true));
    assertThat(BomDifference.between(a, b))
        .extracting(BomDifference::componentMaterialId, BomDifference::change)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, Change.CHANGED),
            org.assertj.core.groups.Tuple.tuple(4L, Change.ADDED));
    // Component 3: 4 + 1 before equals 5 after, so it is unchanged; 1 differs only in scale.
    assertThat(BomDifference.between(b, a))
        .extracting(BomDifference::componentMaterialId, BomDifference::change)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, Change.CHANGED),
            org.assertj.core.groups.Tuple.tuple(4L, Change.REMOVED));
    BomDifference added = BomDifference.between(a, b).get(1);
    assertThat(added.quantityBefore()).isNull();
    assertThat(added.quantityAfter()).isEqualByComparingTo("1");
    assertThat(added.phantomAfter()).isTrue();
    assertThat(BomDifference.between(a, a)).isEmpty();
  }
}
