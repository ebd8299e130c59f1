package io.tianshu.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.FieldError;
import io.tianshu.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningQueryTest {

  private static List<String> fields(Throwable t) {
    return ((ValidationException) t).fieldErrors().stream().map(FieldError::field).toList();
  }

  private static long placeholders(String sql) {
    return sql.chars().filter(ch -> ch == '?').count();
  }

  @Test
  void aStationOrAWorkCentreIsRequiredAndBothFieldsAreNamed() {
    assertThatThrownBy(() -> RunningQuery.of(null, null))
        .isInstanceOf(ValidationException.class)
        .satisfies(t -> assertThat(fields(t)).containsExactly("station", "workCenterId"));
    assertThatThrownBy(() -> RunningQuery.of("   ", null))
        .satisfies(t -> assertThat(fields(t)).containsExactly("station", "workCenterId"));
    assertThatThrownBy(() -> RunningQuery.of("S".repeat(41), null))
        .satisfies(t -> assertThat(fields(t)).containsExactly("station"));
  }

  @Test
  void aStationIsTrimmedComparedInUpperCaseAndWinsOverTheWorkCentre() {
    RunningQuery q = RunningQuery.of("  st-1 ", 42L);
    assertThat(q.station()).isEqualTo("st-1");
    assertThat(q.workCenterId()).isNull();
    assertThat(q.atStation()).isTrue();
    String sql = q.sql();
    assertThat(sql).contains("UNION ALL").contains("UPPER(o.station) = ?");
    assertThat(sql).contains("UPPER(p.station) = ?").contains("work_order_operation_part p");
    assertThat(q.args(7)).containsExactly(7L, "ST-1", 7L, "ST-1");
    assertThat(placeholders(sql)).isEqualTo(q.args(7).size());
    assertThat(sql)
        .endsWith("ORDER BY unstarted, started_at DESC, work_order_id DESC, seq, part_no");
  }

  @Test
  void withoutAStationTheWorkCentreIsOneSelectWithoutParts() {
    RunningQuery q = RunningQuery.of(null, 42L);
    assertThat(q.atStation()).isFalse();
    String sql = q.sql();
    assertThat(sql).doesNotContain("UNION").doesNotContain("work_order_operation_part");
    assertThat(sql).contains("o.status = 'STARTED'").contains("o.work_center_id = ?");
    assertThat(q.args(7)).containsExactly(7L, 42L);
    assertThat(placeholders(sql)).isEqualTo(2);
  }

  @Test
  void partZeroIsTheOperationItself() {
    assertThat(RunningQuery.part(0)).isNull();
    assertThat(RunningQuery.part(2)).isEqualTo(2);
  }
}
