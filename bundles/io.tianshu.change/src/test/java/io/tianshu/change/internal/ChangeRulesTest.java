package io.tianshu.change.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.bom.BomLineInput;
import io.tianshu.change.BomChange;
import io.tianshu.change.BreakpointType;
import io.tianshu.change.ChangeInput;
import io.tianshu.change.ChangeStatus;
import io.tianshu.change.RoutingChange;
import io.tianshu.change.internal.ChangeRules.Window;
import io.tianshu.core.ConflictException;
import io.tianshu.core.FieldError;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeRulesTest {
  private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
  private static final LocalDate JUL = LocalDate.of(2026, 7, 1);

  @Test
  void theLifecycleAllowsOnlyItsMoves() {
    assertThat(ChangeStatus.DRAFT.canMoveTo(ChangeStatus.EVALUATED)).isTrue();
    assertThat(ChangeStatus.DRAFT.canMoveTo(ChangeStatus.APPROVED)).isFalse();
    assertThat(ChangeStatus.EVALUATED.canMoveTo(ChangeStatus.DRAFT)).isTrue();
    assertThat(ChangeStatus.APPROVED.canMoveTo(ChangeStatus.RELEASED)).isTrue();
    assertThat(ChangeStatus.APPROVED.canMoveTo(ChangeStatus.DRAFT)).isFalse();
    for (ChangeStatus end :
        List.of(ChangeStatus.RELEASED, ChangeStatus.REJECTED, ChangeStatus.CANCELLED)) {
      assertThat(end.next()).isEmpty();
    }
    assertThatThrownBy(() -> ChangeRules.move(ChangeStatus.DRAFT, ChangeStatus.RELEASED))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("DRAFT")
        .hasMessageContaining("RELEASED");
  }

  @Test
  void aDateBreakpointEndsTheVersionInEffect() {
    // A (Jan–open) is in effect on 1 July: it ends there. A ranged exception is left alone.
    List<Window> versions =
        List.of(new Window(1, "A", JAN, null, false, 3), new Window(2, "S", JAN, null, true, 0));
    assertThat(ChangeRules.versionToEnd("boms[0]", versions, "B", JUL))
        .map(Window::id)
        .contains(1L);
    // A version that ended before the breakpoint: nothing to end.
    assertThat(
            ChangeRules.versionToEnd(
                "boms[0]",
                List.of(new Window(1, "A", JAN, LocalDate.of(2026, 3, 1), false, 0)),
                "B",
                JUL))
        .isEmpty();
  }

  @Test
  void aLaterVersionOrATakenRevisionIsRefused() {
    List<Window> later =
        List.of(new Window(1, "A", JAN, JUL, false, 0), new Window(2, "B", JUL, null, false, 0));
    assertThatThrownBy(() -> ChangeRules.versionToEnd("boms[1]", later, "C", JUL))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("later_version"));
    assertThatThrownBy(
            () -> ChangeRules.versionToEnd("boms[1]", later, "A", LocalDate.of(2027, 1, 1)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("boms[1].newRevision"));
  }

  @Test
  void affectedMaterialsAreTheParentAndTheChangedComponents() {
    // Old: 10 × 2, 11 × 1, 12 × 4 (as 3 + 1). New: 10 × 2 (same), 11 × 5 (changed), 13 × 1 (added);
    // 12 removed. Affected: parent 1, 11, 12, 13 — not 10.
    List<BomLineInput> before = List.of(line(10, "2"), line(11, "1"), line(12, "3"), line(12, "1"));
    List<BomLineInput> after = List.of(line(10, "2.000"), line(11, "5"), line(13, "1"));
    assertThat(ChangeRules.affected(1, before, after)).containsExactly(1L, 11L, 12L, 13L);
  }

  @Test
  void inputIsCheckedFieldByField() {
    Validation v = new Validation();
    ChangeInput in =
        new ChangeInput(
            null,
            "",
            "",
            null,
            "SERIAL",
            null,
            null,
            BigDecimal.ONE,
            List.of(new BomChange(null, null, "", List.of(), null)),
            List.of(new RoutingChange(5L, "B", null, List.of())),
            null);
    assertThat(ChangeRules.check(v, in)).isEqualTo(BreakpointType.SERIAL);
    assertThat(v.errors())
        .extracting(FieldError::field)
        .contains(
            "number",
            "title",
            "serialFrom",
            "routings",
            "transitionQuantity",
            "boms[0].parentMaterialId",
            "boms[0].newRevision",
            "boms[0].lines",
            "routings[0].operations");
    Validation useUp = new Validation();
    ChangeRules.check(
        useUp,
        new ChangeInput(
            1L,
            "ECO-1",
            "t",
            null,
            "USE_UP",
            JUL,
            null,
            null,
            List.of(new BomChange(1L, null, "B", List.of(line(2, "1")), null)),
            null,
            null));
    assertThat(useUp.errors()).extracting(FieldError::field).containsExactly("transitionQuantity");
  }

  private static BomLineInput line(long component, String quantity) {
    return new BomLineInput(component, new BigDecimal(quantity), null, null, false, null);
  }
}
