package io.tianshu.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.FieldError;
import io.tianshu.core.ValidationException;
import io.tianshu.exchange.ExchangeDocument;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV sections without a database: columns, cell parsing and the errors of bad cells. */
class CsvSectionsTest {

  @Test
  void columnsAreTheFieldsOfTheSectionsRecord() {
    Map<String, Class<?>> records =
        Map.of(
            "materials", ExchangeDocument.Material.class,
            "stock", ExchangeDocument.Stock.class,
            "planParameters", ExchangeDocument.PlanParameter.class,
            "forecasts", ExchangeDocument.Forecast.class,
            "salesOrders", ExchangeDocument.SalesOrder.class,
            "receipts", ExchangeDocument.Receipt.class);
    assertThat(CsvSections.names()).containsExactlyInAnyOrderElementsOf(records.keySet());
    records.forEach(
        (name, type) ->
            assertThat(CsvSections.section(name).columns())
                .as(name)
                .containsExactlyElementsOf(
                    Arrays.stream(type.getRecordComponents())
                        // a list (planParameters' safetyStockSteps) has no column in a flat file
                        .filter(c -> !List.class.isAssignableFrom(c.getType()))
                        .map(RecordComponent::getName)
                        .toList()));
  }

  @Test
  void sectionNamesIgnoreCaseAndAnUnknownOneListsTheSections() {
    assertThat(CsvSections.section(" SalesOrders ").name()).isEqualTo("salesOrders");
    assertThat(CsvSections.section("planparameters").name()).isEqualTo("planParameters");
    assertThatThrownBy(() -> CsvSections.section("boms"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors().get(0).message())
                    .contains(
                        "materials, stock, planParameters, forecasts, salesOrders, receipts"));
    assertThatThrownBy(() -> CsvSections.section(null)).isInstanceOf(ValidationException.class);
  }

  @Test
  void cellsParseAsNumbersBooleansAndDates() {
    CsvSections.Read read =
        CsvSections.section("planParameters")
            .read(
                new StringReader(
                    "plant,material,leadTimeDays,fixedQuantity,phantom,mps\n"
                        + "SH01,A,7,12.5,true,N\n"
                        + "SH01,B,3.0,,1,y\n"
                        + "SH01,C,,,FALSE,0\n"));
    assertThat(read.cellErrors()).isEmpty();
    List<ExchangeDocument.PlanParameter> p = read.document().planParameters();
    assertThat(p)
        .extracting(ExchangeDocument.PlanParameter::leadTimeDays)
        .containsExactly(7, 3, null);
    assertThat(p.get(0).fixedQuantity()).isEqualByComparingTo("12.5");
    assertThat(p.get(1).fixedQuantity()).isNull();
    assertThat(p)
        .extracting(ExchangeDocument.PlanParameter::phantom)
        .containsExactly(true, true, false);
    assertThat(p)
        .extracting(ExchangeDocument.PlanParameter::mps)
        .containsExactly(false, true, false);
    assertThat(read.document().forecasts()).isNull();

    CsvSections.Read orders =
        CsvSections.section("salesOrders")
            .read(
                new StringReader(
                    "orderNo,lineNo,requestedDate,quantity,makeToOrder\nSO-1,2,2026-11-05,40,Y\n"));
    ExchangeDocument.SalesOrder o = orders.document().salesOrders().get(0);
    assertThat(o.requestedDate()).isEqualTo(LocalDate.of(2026, 11, 5));
    assertThat(o.quantity()).isEqualTo(new BigDecimal("40"));
    assertThat(o.makeToOrder()).isTrue();
    assertThat(o.lineNo()).isEqualTo(2);
  }

  @Test
  void everyBadCellIsAnErrorOfItsLineAndColumnAndReadsAsAbsent() {
    CsvSections.Read read =
        CsvSections.section("salesOrders")
            .read(
                new StringReader(
                    "plant,orderNo,lineNo,material,requestedDate,quantity,priority,makeToOrder\n"
                        + "SH01,SO-1,1,FG,2026-11-05,10,5,true\n"
                        + "SH01,SO-1,x,FG,05.11.2026,1 000,1.5,maybe\n"
                        + "SH01,SO-1,99999999999,FG,2026-02-30,1e,,\n"));
    assertThat(read.cellErrors())
        .extracting(FieldError::field)
        .containsExactly(
            "line 3.lineNo",
            "line 3.requestedDate",
            "line 3.quantity",
            "line 3.priority",
            "line 3.makeToOrder",
            "line 4.lineNo",
            "line 4.requestedDate",
            "line 4.quantity");
    assertThat(read.cellErrors())
        .extracting(FieldError::code)
        .containsExactly(
            "not_an_integer",
            "not_a_date",
            "not_a_number",
            "not_an_integer",
            "not_a_boolean",
            "not_an_integer",
            "not_a_date",
            "not_a_number");
    ExchangeDocument.SalesOrder bad = read.document().salesOrders().get(1);
    assertThat(bad.lineNo()).isNull();
    assertThat(bad.requestedDate()).isNull();
    assertThat(bad.makeToOrder()).isNull();
    assertThat(bad.plant()).isEqualTo("SH01");
  }

  @Test
  void anUnknownColumnOrAMissingHeaderIsAnErrorOfLineOne() {
    assertThatThrownBy(
            () -> CsvSections.section("receipts").read(new StringReader("plant,due\nSH01,x\n")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("line 1"));
    assertThatThrownBy(() -> CsvSections.section("receipts").read(new StringReader("")))
        .isInstanceOf(ValidationException.class);
  }
}
