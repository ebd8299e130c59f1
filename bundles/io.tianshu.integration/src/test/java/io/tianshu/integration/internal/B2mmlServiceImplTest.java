package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.CallerContext;
import io.tianshu.core.FieldError;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.OperationReport;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderKind;
import io.tianshu.execution.WorkOrderStatus;
import io.tianshu.integration.b2mml.B2mmlReader;
import io.tianshu.integration.b2mml.B2mmlReport;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitStatus;
import io.tianshu.org.OrgUnitType;
import io.tianshu.resource.ResourceService;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The performance export against in-memory fakes of the domain services. */
class B2mmlServiceImplTest {
  private static final CallerContext CALLER = CallerContext.system();
  private static final Instant FROM = Instant.parse("2026-11-22T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-23T00:00:00Z");

  @SuppressWarnings("unchecked")
  private static <T> T fake(Class<T> type, BiFunction<String, Object[], Object> f) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, m, args) -> f.apply(m.getName(), args));
  }

  private static <T> T none(Class<T> type) {
    return fake(
        type,
        (name, args) -> {
          throw new UnsupportedOperationException(name);
        });
  }

  private static OrgService org() {
    return fake(
        OrgService.class,
        (name, args) -> {
          if (name.equals("get") && (Long) args[1] == 7L) {
            return new OrgUnit(
                7L,
                OrgUnitType.PLANT,
                "P1",
                "一厂",
                null,
                null,
                7L,
                OrgUnitStatus.ACTIVE,
                1,
                FROM,
                "a",
                FROM,
                "a");
          }
          if (name.equals("get")) {
            throw new NotFoundException("OrgUnit", (Long) args[1]);
          }
          throw new UnsupportedOperationException(name);
        });
  }

  private static WorkOrder order(
      long id, String code, WorkOrderStatus status, Instant releasedAt, Instant completedAt) {
    return new WorkOrder(
        id,
        7,
        code,
        WorkOrderKind.STANDARD,
        status,
        2,
        "FG-2",
        new BigDecimal("100"),
        "PCS",
        null,
        LocalDate.of(2026, 11, 20),
        LocalDate.of(2026, 11, 25),
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        null,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        null,
        releasedAt,
        null,
        completedAt,
        null,
        FROM,
        "a",
        1,
        List.of(),
        List.of());
  }

  private static OperationReport report(long id, long orderId, String good, Instant at) {
    return new OperationReport(
        id,
        7,
        "R-" + id,
        orderId,
        10,
        new BigDecimal(good),
        new BigDecimal("1.000000"),
        BigDecimal.ZERO,
        false,
        BigDecimal.ZERO,
        null,
        null,
        null,
        null,
        null,
        null,
        at,
        "op",
        false);
  }

  @Test
  void thePeriodDefaultsToADayAndIsAtMost31Days() {
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    assertThat(B2mmlServiceImpl.period(null, null, now))
        .containsExactly(now.minus(Duration.ofDays(1)), now);
    assertThat(B2mmlServiceImpl.period(FROM, null, now))
        .containsExactly(FROM, FROM.plus(Duration.ofDays(1)));
    assertThat(B2mmlServiceImpl.period(null, TO, now))
        .containsExactly(TO.minus(Duration.ofDays(1)), TO);
    assertThat(B2mmlServiceImpl.period(FROM, FROM.plus(Duration.ofDays(31)), now))
        .containsExactly(FROM, FROM.plus(Duration.ofDays(31)));
    assertThatThrownBy(
            () -> B2mmlServiceImpl.period(FROM, FROM.plus(Duration.ofDays(31)).plusSeconds(1), now))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("to", "period_too_long")));
    assertThatThrownBy(() -> B2mmlServiceImpl.period(TO, FROM, now))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::code)
                    .containsExactly("before_from"));
  }

  @Test
  void theReportsOfThePeriodExportPerOrderAndReadBack() {
    List<WorkOrder> orders =
        List.of(
            order(1, "WO-1", WorkOrderStatus.STARTED, FROM.minusSeconds(3600), null),
            order(2, "WO-2", WorkOrderStatus.PLANNED, null, null),
            // released after the period: not asked for its reports
            order(3, "WO-3", WorkOrderStatus.RELEASED, TO, null),
            // completed before the period: not asked either
            order(
                4,
                "WO-4",
                WorkOrderStatus.COMPLETED,
                FROM.minusSeconds(9000),
                FROM.minusSeconds(1)),
            order(
                5,
                "WO-5",
                WorkOrderStatus.COMPLETED,
                FROM.minusSeconds(9000),
                FROM.plusSeconds(60)));
    Map<Long, List<OperationReport>> reports =
        Map.of(
            1L,
            List.of(
                report(11, 1, "5", FROM.minusSeconds(1)), // before the period
                report(12, 1, "7.000000", FROM.plusSeconds(3600)),
                report(13, 1, "2", TO)), // the end is not in the period
            5L,
            List.of(report(51, 5, "4", FROM)));
    List<Long> askedForReports = new ArrayList<>();
    List<PageRequest> listPages = new ArrayList<>();
    ExecutionService execution =
        fake(
            ExecutionService.class,
            (name, args) -> {
              if (name.equals("list")) {
                assertThat(args[1]).isEqualTo(7L);
                PageRequest page = (PageRequest) args[4];
                listPages.add(page);
                return new Page<>(orders, page.offset(), page.limit(), orders.size());
              }
              if (name.equals("reports")) {
                long id = (Long) args[1];
                askedForReports.add(id);
                PageRequest page = (PageRequest) args[2];
                List<OperationReport> r = reports.getOrDefault(id, List.of());
                return new Page<>(r, page.offset(), page.limit(), r.size());
              }
              throw new UnsupportedOperationException(name);
            });
    B2mmlServiceImpl service =
        new B2mmlServiceImpl(
            none(MasterDataService.class), execution, org(), none(ResourceService.class));

    String xml = service.productionPerformance(CALLER, 7, FROM, TO);

    assertThat(listPages).hasSize(1);
    assertThat(askedForReports).containsExactly(1L, 5L);
    assertThat(xml)
        .contains("<StartTime>2026-11-22T00:00:00Z</StartTime>")
        .contains("<EndTime>2026-11-23T00:00:00Z</EndTime>");
    List<B2mmlReport> back = B2mmlReader.performance(xml);
    assertThat(back)
        .extracting(B2mmlReport::workOrderCode, B2mmlReport::segmentResponseId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("WO-1", "R-12"),
            org.assertj.core.groups.Tuple.tuple("WO-5", "R-51"));
    assertThat(back.get(0).good()).isEqualByComparingTo("7");
    assertThat(back.get(0).scrap()).isEqualByComparingTo("1");
    assertThat(back.get(1).good()).isEqualByComparingTo("4");
  }

  @Test
  void aPlantTheCallerMayNotReadIsNotFound() {
    B2mmlServiceImpl service =
        new B2mmlServiceImpl(
            none(MasterDataService.class),
            none(ExecutionService.class),
            org(),
            none(ResourceService.class));
    assertThatThrownBy(() -> service.productionPerformance(CALLER, 8, FROM, TO))
        .isInstanceOf(NotFoundException.class);
  }
}
