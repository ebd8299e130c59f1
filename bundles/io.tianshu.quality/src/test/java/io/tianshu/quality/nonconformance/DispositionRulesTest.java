package io.tianshu.quality.nonconformance;

import static io.tianshu.quality.nonconformance.DispositionKind.RETURN_TO_SUPPLIER;
import static io.tianshu.quality.nonconformance.DispositionKind.REWORK;
import static io.tianshu.quality.nonconformance.DispositionKind.SCRAP;
import static io.tianshu.quality.nonconformance.DispositionKind.SORT;
import static io.tianshu.quality.nonconformance.DispositionKind.USE_AS_IS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.core.FieldError;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispositionRulesTest {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private static DispositionLine line(DispositionKind k, String q) {
    return new DispositionLine(k, q == null ? null : new BigDecimal(q), null, null, null);
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
  }

  @Test
  void sixtyThirtyTenAddUpToTheHundred() {
    List<FieldError> e =
        DispositionRules.check(
            HUNDRED,
            "SUPPLIER",
            "S1",
            List.of(
                line(SCRAP, "60"),
                new DispositionLine(USE_AS_IS, new BigDecimal("30.000"), "CN-7", "cosmetic", null),
                line(RETURN_TO_SUPPLIER, "10")));
    assertThat(e).isEmpty();
  }

  @Test
  void quantitiesMustAddUpExactly() {
    assertThat(
            fields(
                DispositionRules.check(
                    HUNDRED, "UNKNOWN", null, List.of(line(SCRAP, "60"), line(REWORK, "39.5")))))
        .containsExactly("dispositions:quantity_mismatch");
    assertThat(
            fields(
                DispositionRules.check(
                    HUNDRED, "UNKNOWN", null, List.of(line(SCRAP, "60"), line(SORT, "41")))))
        .containsExactly("dispositions:quantity_mismatch");
    // exact to the sixth decimal
    assertThat(
            DispositionRules.check(
                new BigDecimal("1.5"),
                "UNKNOWN",
                null,
                List.of(line(SCRAP, "0.750001"), line(REWORK, "0.749999"))))
        .isEmpty();
  }

  @Test
  void badLinesAreListedAndTheSumIsNotJudgedOnThem() {
    List<FieldError> e =
        DispositionRules.check(
            HUNDRED,
            "DEPARTMENT",
            null,
            Arrays.asList(
                line(null, "10"),
                line(SCRAP, "-5"),
                line(SCRAP, null),
                line(SCRAP, "0.0000001"),
                line(USE_AS_IS, "5"),
                line(RETURN_TO_SUPPLIER, "5"),
                null));
    assertThat(fields(e))
        .containsExactly(
            "dispositions[0].kind:required",
            "dispositions[1].quantity:not_positive",
            "dispositions[2].quantity:required",
            "dispositions[3].quantity:too_precise",
            "dispositions[4].concessionNo:required",
            "dispositions[4].reason:required",
            "dispositions[5].supplier:required",
            "dispositions[6]:required");
  }

  @Test
  void noLinesIsAnError() {
    assertThat(fields(DispositionRules.check(HUNDRED, "UNKNOWN", null, List.of())))
        .containsExactly("dispositions:required");
    assertThat(fields(DispositionRules.check(HUNDRED, "UNKNOWN", null, null)))
        .containsExactly("dispositions:required");
  }

  @Test
  void aReturnNeedsTheSupplierOnTheLineOrAsResponsible() {
    DispositionLine own = new DispositionLine(RETURN_TO_SUPPLIER, HUNDRED, null, null, "S9");
    assertThat(DispositionRules.check(HUNDRED, "DEPARTMENT", null, List.of(own))).isEmpty();
    assertThat(DispositionRules.returnSupplier(own, "S1")).isEqualTo("S9");
    DispositionLine bare = line(RETURN_TO_SUPPLIER, "100");
    assertThat(DispositionRules.check(HUNDRED, "SUPPLIER", "S1", List.of(bare))).isEmpty();
    assertThat(DispositionRules.returnSupplier(bare, "S1")).isEqualTo("S1");
    // a supplier on the NC that is not held responsible does not count
    assertThat(fields(DispositionRules.check(HUNDRED, "DEPARTMENT", "S1", List.of(bare))))
        .containsExactly("dispositions[0].supplier:required");
  }

  @Test
  void fourEyes() {
    assertThat(DispositionRules.mayApprove("qe.wang", "mrb.li")).isTrue();
    assertThat(DispositionRules.mayApprove("qe.wang", "qe.wang")).isFalse();
    assertThat(DispositionRules.mayApprove("qe.wang", null)).isFalse();
  }

  @Test
  void stockEffects() {
    assertThat(DispositionRules.effect(SCRAP, "BLOCKED")).contains(new StockEffect("ISSUE", null));
    assertThat(DispositionRules.effect(RETURN_TO_SUPPLIER, "QUARANTINE"))
        .contains(new StockEffect("ISSUE", null));
    assertThat(DispositionRules.effect(REWORK, "BLOCKED")).contains(new StockEffect("ISSUE", null));
    assertThat(DispositionRules.effect(USE_AS_IS, "BLOCKED"))
        .contains(new StockEffect("STATUS_CHANGE", "AVAILABLE"));
    assertThat(DispositionRules.effect(SORT, "BLOCKED"))
        .contains(new StockEffect("STATUS_CHANGE", "QUARANTINE"));
    assertThat(DispositionRules.effect(SORT, "QUARANTINE")).isEmpty();
  }
}
