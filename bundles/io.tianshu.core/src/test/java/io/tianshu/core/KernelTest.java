package io.tianshu.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KernelTest {

  @Test
  void validationCollectsEveryBadField() {
    Validation v = new Validation();
    v.code("code", "", 10).code("other", "has space", 20).text("name", "x".repeat(11), 10);
    assertThat(v.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("code", "required"),
            org.assertj.core.groups.Tuple.tuple("other", "invalid_code"),
            org.assertj.core.groups.Tuple.tuple("name", "too_long"));
    assertThatThrownBy(v::throwIfInvalid)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).hasSize(3));
  }

  @Test
  void validCodesPass() {
    Validation v = new Validation().code("code", "M-100.01/A_2", 32);
    assertThat(v.isValid()).isTrue();
  }

  @Test
  void pageRequestParsesSortDirectionAndRejectsBadInput() {
    PageRequest p = PageRequest.parse(10, 20, "-code", Set.of("code", "id"), "id");
    assertThat(p).isEqualTo(new PageRequest(10, 20, "code", false));
    assertThat(PageRequest.parse(null, null, null, Set.of("id"), "id"))
        .isEqualTo(new PageRequest(0, 50, "id", true));
    assertThatThrownBy(() -> PageRequest.parse(-1, 501, "nope", Set.of("id"), "id"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("offset", "limit", "sort"));
  }

  @Test
  void quantitiesAddOnlyInTheSameUnit() {
    Quantity a = Quantity.of("1.5", "KG");
    assertThat(a.plus(Quantity.of("2.25", "KG")).sameAs(Quantity.of("3.75", "KG"))).isTrue();
    assertThat(a.times(new BigDecimal("2")).toString()).isEqualTo("3 KG");
    assertThatThrownBy(() -> a.plus(Quantity.of("1", "PCS")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jsonEscapesAndNests() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", "A\"1\n");
    m.put("qty", new BigDecimal("1.50"));
    m.put("tags", List.of("x", 2, true));
    m.put("none", null);
    m.put("name", "钢板");
    assertThat(Json.write(m))
        .isEqualTo(
            "{\"code\":\"A\\\"1\\n\",\"qty\":1.50,\"tags\":[\"x\",2,true],\"none\":null,\"name\":\"钢板\"}");
  }

  @Test
  void eventTopicNamesDomainEntityAndAction() {
    DomainEvent e =
        new DomainEvent(
            "masterdata", "Material", "CREATED", "7", 1L, "li", java.time.Instant.EPOCH, Map.of());
    assertThat(e.topic()).isEqualTo("io/tianshu/masterdata/Material/CREATED");
  }
}
