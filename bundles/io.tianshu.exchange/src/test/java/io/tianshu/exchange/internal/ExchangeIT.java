package io.tianshu.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.CallerContext;
import io.tianshu.core.FieldError;
import io.tianshu.core.PlantRole;
import io.tianshu.core.ValidationException;
import io.tianshu.exchange.ExchangeDocument;
import io.tianshu.exchange.ImportReport;
import io.tianshu.persistence.internal.MigratedDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The exchange on real databases (embedded Derby and the local PostgreSQL), migrated by the
 * product's own migrations: the documented sample imports with known counts and a consistent
 * ledger, exports and re-imports to the same document, and a bad document writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeIT {
  private static final Path SAMPLE = Path.of("../../docs/exchange/sample-group.json");
  private static final CallerContext ADMIN = CallerContext.system();
  private final List<String> pgDatabases = new java.util.ArrayList<>();

  @AfterAll
  void dropPostgres() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement st = c.createStatement()) {
      for (String name : pgDatabases) {
        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  @BeforeAll
  void sampleExists() {
    assertThat(SAMPLE).exists();
  }

  private static DataSource derby() {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:ex-" + UUID.randomUUID());
    ds.setCreateDatabase("create");
    new MigratedDatabase(ds);
    return ds;
  }

  private DataSource postgres() throws Exception {
    String name = "tianshu_ex_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    pgDatabases.add(name);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl("jdbc:postgresql://127.0.0.1:5432/" + name);
    ds.setUser("postgres");
    new MigratedDatabase(ds);
    return ds;
  }

  private static ExchangeDocument sample() throws Exception {
    try (InputStream in = Files.newInputStream(SAMPLE)) {
      return Exchange.parse(in);
    }
  }

  /** The demo's planning data (docs/exchange/sample-planning.json) imports over the sample. */
  @Test
  void samplePlanningDataImports() throws Exception {
    for (DataSource ds : List.of(derby(), postgres())) {
      new Exchange(ds).importDocument(ADMIN, sample(), false);
      ImportReport report;
      try (InputStream in = Files.newInputStream(SAMPLE.resolveSibling("sample-planning.json"))) {
        report = new Exchange(ds).importDocument(ADMIN, Exchange.parse(in), false);
      }
      assertThat(report.created())
          .containsEntry("planParameters", 10)
          .containsEntry("forecasts", 10)
          .containsEntry("salesOrders", 5)
          .containsEntry("receipts", 3);
    }
  }

  @Test
  void sampleImportsExportsAndRoundTripsOnDerby() throws Exception {
    roundTrip(derby(), derby());
  }

  @Test
  void sampleImportsExportsAndRoundTripsOnPostgres() throws Exception {
    roundTrip(postgres(), postgres());
  }

  private void roundTrip(DataSource first, DataSource second) throws Exception {
    ImportReport dry = new Exchange(first).importDocument(ADMIN, sample(), true);
    assertThat(dry.dryRun()).isTrue();
    assertThat(count(first, "SELECT COUNT(*) FROM material"))
        .as("a dry run writes nothing")
        .isZero();

    ImportReport report = new Exchange(first).importDocument(ADMIN, sample(), false);
    // Counted in docs/exchange/sample-group.json: 2 plants with 7 + 3 units, 10 materials, 2
    // calendars, 4 capacities, 4 resources, 2 warehouses with 3 locations, 5 BOMs with 5 + 3 + 3 +
    // 1 + 1 = 13 lines, 3 routings, 4 stock lines.
    assertThat(report.created())
        .containsEntry("plants", 2)
        .containsEntry("units", 10)
        .containsEntry("materials", 10)
        .containsEntry("calendars", 2)
        .containsEntry("capacities", 4)
        .containsEntry("resources", 4)
        .containsEntry("warehouses", 2)
        .containsEntry("locations", 3)
        .containsEntry("boms", 5)
        .containsEntry("bomLines", 13)
        .containsEntry("routings", 3)
        .containsEntry("stock", 4);
    assertThat(count(first, "SELECT COUNT(*) FROM org_unit")).isEqualTo(12);
    assertThat(count(first, "SELECT COUNT(*) FROM bom_line")).isEqualTo(13);
    assertThat(count(first, "SELECT COUNT(*) FROM routing_operation")).isEqualTo(6);
    assertThat(count(first, "SELECT COUNT(*) FROM routing_link")).isEqualTo(3);
    assertThat(count(first, "SELECT COUNT(*) FROM calendar_day")).isEqualTo(36);
    // The ledger: on-hand is the sum of the movements, 5000 + 20000 + 400 + 1200 = 26600.
    assertThat(decimal(first, "SELECT SUM(quantity) FROM stock_movement"))
        .isEqualByComparingTo("26600");
    assertThat(decimal(first, "SELECT SUM(quantity) FROM stock_balance"))
        .isEqualByComparingTo("26600");
    assertThat(count(first, "SELECT COUNT(*) FROM stock_balance WHERE status = 'QUARANTINE'"))
        .isEqualTo(1);
    // One audit row per created record: 2 + 10 + 10 + 2 + 4 + 4 + 2 + 3 + 5 + 3 + 1 stock document.
    assertThat(count(first, "SELECT COUNT(*) FROM audit_log")).isEqualTo(46);
    // Plants are plant_id 0, units carry their plant; the calendar default flag is set.
    assertThat(
            count(
                first, "SELECT COUNT(*) FROM org_unit WHERE unit_type = 'PLANT' AND plant_id = 0"))
        .isEqualTo(2);
    assertThat(count(first, "SELECT COUNT(*) FROM work_calendar WHERE plant_default = TRUE"))
        .isEqualTo(2);

    // Planning data travels too: parameters, forecasts, open and closed order lines, receipts.
    new Exchange(first).importDocument(ADMIN, parse(PLANNING), false);

    // Export, import the export into an empty database, export again: the same document.
    String exported = export(first);
    assertThat(exported)
        .contains(
            "\"lotSizing\" : \"PERIOD_ORDER_QUANTITY\"",
            "\"yieldPercent\" : 98.5",
            "\"date\" : \"2026-11-09\"",
            "\"status\" : \"CLOSED\"",
            "\"kind\" : \"PRODUCTION\"",
            "\"quantity\" : 2500.5",
            "\"period\" : \"MONTH\"");
    ExchangeDocument doc =
        Exchange.parse(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.planParameters()).hasSize(5);
    assertThat(doc.planParameters()).anySatisfy(p -> assertThat(p.sourcePlant()).isEqualTo("SH01"));
    assertThat(doc.forecasts()).hasSize(2);
    assertThat(doc.salesOrders()).hasSize(3);
    assertThat(doc.receipts()).hasSize(2);
    new Exchange(second)
        .importDocument(
            ADMIN,
            Exchange.parse(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8))),
            false);
    assertThat(export(second)).isEqualTo(exported);

    // The same document again: every record is a duplicate, and nothing more is written.
    int audits = count(first, "SELECT COUNT(*) FROM audit_log");
    assertThatThrownBy(() -> new Exchange(first).importDocument(ADMIN, sample(), false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(fields(e)).contains("$.plants[0].code", "$.materials[0].code"));
    assertThat(count(first, "SELECT COUNT(*) FROM audit_log")).isEqualTo(audits);
  }

  private static String export(DataSource ds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exchange.write(new Exchange(ds).export(ADMIN, null), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyErrorIsReportedWithItsPathAndNothingIsWritten() throws Exception {
    DataSource ds = derby();
    String json =
        """
        {"format": "tianshu-exchange/1",
         "plants": [{"code": "P1", "name": "厂", "units": [
            {"type": "WORKSHOP", "code": "W1", "name": "车间"},
            {"type": "LINE", "code": "L1", "name": "线", "parent": "NOPE"},
            {"type": "WORK_CENTER", "code": "C1", "name": "中心", "parent": "W1"}]}],
         "materials": [
            {"code": "A", "name": "甲", "type": "MANUFACTURED", "baseUnit": "PCS"},
            {"code": "B", "name": "乙", "type": "ROCKET", "baseUnit": "PCS"},
            {"code": "A", "name": "重复", "type": "PURCHASED", "baseUnit": "XYZ"},
            {"code": "C", "name": "丙", "type": "MANUFACTURED", "baseUnit": "PCS"}],
         "boms": [
            {"parent": "A", "revision": "A", "validFrom": "2026-01-01",
             "lines": [{"component": "C", "quantityPer": 1}, {"component": "Z", "quantityPer": 0}]},
            {"parent": "C", "revision": "A", "validFrom": "2026-01-01", "lines": [{"component": "A", "quantityPer": 2}]}],
         "stock": [{"plant": "P9", "warehouse": "W", "location": "L", "material": "A", "quantity": 1}]
        }
        """;
    assertThatThrownBy(
            () ->
                new Exchange(ds)
                    .importDocument(
                        ADMIN,
                        Exchange.parse(
                            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))),
                        false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(fields(e))
                  .contains(
                      "$.plants[0].units[1].parent",
                      "$.plants[0].units[2].parent",
                      "$.materials[1].type",
                      "$.materials[2].code",
                      "$.materials[2].baseUnit",
                      "$.boms[0].lines[1].component",
                      "$.boms[0].lines[1].quantityPer",
                      "$.stock[0].plant");
              // A → C → A only shows once both BOMs are complete; here BOM 0 has bad lines.
            });
    assertThat(count(ds, "SELECT COUNT(*) FROM org_unit")).isZero();
    assertThat(count(ds, "SELECT COUNT(*) FROM material")).isZero();

    String cycle =
        """
        {"materials": [
            {"code": "A", "name": "甲", "type": "MANUFACTURED", "baseUnit": "PCS"},
            {"code": "C", "name": "丙", "type": "MANUFACTURED", "baseUnit": "PCS"}],
         "boms": [
            {"parent": "A", "revision": "A", "validFrom": "2026-01-01", "lines": [{"component": "C", "quantityPer": 1}]},
            {"parent": "C", "revision": "A", "validFrom": "2026-01-01", "lines": [{"component": "A", "quantityPer": 2}]}]}
        """;
    assertThatThrownBy(
            () ->
                new Exchange(ds)
                    .importDocument(
                        ADMIN,
                        Exchange.parse(
                            new ByteArrayInputStream(cycle.getBytes(StandardCharsets.UTF_8))),
                        false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .anySatisfy(fe -> assertThat(fe.code()).isEqualTo("cycle")));
    assertThat(count(ds, "SELECT COUNT(*) FROM material")).isZero();
  }

  @Test
  void bomOutputsSerialRangesAndAllocationTravel() throws Exception {
    DataSource ds = derby();
    new Exchange(ds).importDocument(ADMIN, sample(), false);
    String json =
        """
        {"materials": [
            {"code": "CAST-1", "name": "铸件", "type": "MANUFACTURED", "baseUnit": "PCS"},
            {"code": "CO-1", "name": "联产品", "type": "MANUFACTURED", "baseUnit": "PCS"},
            {"code": "SCRAP", "name": "废铝", "type": "MANUFACTURED", "baseUnit": "KG"}],
         "boms": [
            {"parent": "CAST-1", "revision": "S1", "validFrom": "2026-01-01", "serialFrom": "0001",
             "serialTo": "0999", "allocatedPlants": ["SH01"],
             "lines": [{"component": "RM-AL-6061", "quantityPer": 2.5}],
             "outputs": [{"material": "CO-1", "quantityPer": 1, "kind": "CO_PRODUCT", "costSharePercent": 30},
                         {"material": "SCRAP", "quantityPer": 0.4, "kind": "BY_PRODUCT"}]}]}
        """;
    new Exchange(ds).importDocument(ADMIN, parse(json), false);
    assertThat(count(ds, "SELECT COUNT(*) FROM bom_output")).isEqualTo(2);
    assertThat(count(ds, "SELECT COUNT(*) FROM bom_allocation")).isEqualTo(1);
    assertThat(count(ds, "SELECT COUNT(*) FROM bom_version WHERE serial_from = '0001'"))
        .isEqualTo(1);
    String exported = export(ds);
    assertThat(exported)
        .contains(
            "\"serialTo\" : \"0999\"",
            "\"allocatedPlants\" : [ \"SH01\" ]",
            "\"kind\" : \"BY_PRODUCT\"");
    // Shares of 60 + 50 reach 100; a by-product with a share; the parent as its own output.
    String bad =
        """
        {"boms": [{"parent": "CO-1", "revision": "X", "validFrom": "2026-01-01",
             "lines": [{"component": "RM-AL-6061", "quantityPer": 1}],
             "outputs": [{"material": "CAST-1", "quantityPer": 1, "kind": "CO_PRODUCT", "costSharePercent": 60},
                         {"material": "SCRAP", "quantityPer": 1, "kind": "CO_PRODUCT", "costSharePercent": 50},
                         {"material": "CO-1", "quantityPer": 1, "kind": "BY_PRODUCT", "costSharePercent": 5}]}]}
        """;
    assertThatThrownBy(() -> new Exchange(ds).importDocument(ADMIN, parse(bad), false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(fields(e))
                    .contains(
                        "$.boms[0].outputs",
                        "$.boms[0].outputs[2].material",
                        "$.boms[0].outputs[2].costSharePercent"));
  }

  /**
   * Planning data over the sample: 5 parameters (one of a material created here, one a transfer
   * from SH01 into WX02), 2 forecasts, 3 order lines (one closed), 2 receipts.
   */
  private static final String PLANNING =
      """
      {"materials": [
          {"code": "FG-NEW", "name": "新车身", "type": "MANUFACTURED", "baseUnit": "PCS", "plant": "SH01"}],
       "planParameters": [
          {"plant": "SH01", "material": "SA-DOOR-L", "procurement": "MAKE", "leadTimeDays": 2,
           "lotSizing": "FIXED_QUANTITY", "fixedQuantity": 50, "safetyStock": 20,
           "yieldPercent": 98.5, "mps": true, "demandFenceDays": 3, "planningFenceDays": 5},
          {"plant": "SH01", "material": "RM-STEEL-1.2", "procurement": "buy", "leadTimeDays": 7,
           "lotSizing": "PERIOD_ORDER_QUANTITY", "periodDays": 5, "minimumQuantity": 1000,
           "maximumQuantity": 50000, "multipleQuantity": 500},
          {"plant": "SH01", "material": "FG-NEW", "phantom": true},
          {"plant": "WX02", "material": "MC-HUB-01"},
          {"plant": "WX02", "material": "RM-BOLT-M8", "procurement": "TRANSFER",
           "sourcePlant": "SH01", "leadTimeDays": 3}],
       "forecasts": [
          {"plant": "SH01", "material": "FG-BODY-A1", "date": "2026-11-02", "quantity": 120,
           "customer": "SAIC", "channel": "OEM", "region": "East"},
          {"plant": "SH01", "material": "FG-BODY-A1", "date": "2026-11-09", "quantity": 0,
           "period": "month"}],
       "salesOrders": [
          {"plant": "SH01", "orderNo": "SO-1001", "lineNo": 1, "customer": "SAIC",
           "material": "FG-BODY-A1", "requestedDate": "2026-11-05", "quantity": 40, "priority": 10,
           "makeToOrder": true},
          {"plant": "SH01", "orderNo": "SO-1001", "lineNo": 2, "material": "SA-DOOR-L",
           "requestedDate": "2026-11-06", "quantity": 8},
          {"plant": "WX02", "orderNo": "SO-1001", "lineNo": 1, "material": "MC-HUB-01",
           "requestedDate": "2026-10-20", "quantity": 100, "status": "CLOSED"}],
       "receipts": [
          {"plant": "SH01", "kind": "PURCHASE", "reference": "PO-4711", "material": "RM-STEEL-1.2",
           "dueDate": "2026-11-03", "quantity": 2500.5},
          {"plant": "WX02", "kind": "production", "reference": "MO-88", "material": "MC-HUB-01",
           "dueDate": "2026-11-04", "quantity": 60}]}
      """;

  @Test
  void planningSectionsImportOnDerby() throws Exception {
    planningSectionsImport(derby());
  }

  @Test
  void planningSectionsImportOnPostgres() throws Exception {
    planningSectionsImport(postgres());
  }

  private void planningSectionsImport(DataSource ds) throws Exception {
    new Exchange(ds).importDocument(ADMIN, sample(), false);
    int audits = count(ds, "SELECT COUNT(*) FROM audit_log");
    ImportReport report = new Exchange(ds).importDocument(ADMIN, parse(PLANNING), false);
    assertThat(report.created())
        .containsEntry("materials", 1)
        .containsEntry("planParameters", 5)
        .containsEntry("forecasts", 2)
        .containsEntry("salesOrders", 3)
        .containsEntry("receipts", 2);
    assertThat(count(ds, "SELECT COUNT(*) FROM plan_parameter")).isEqualTo(5);
    assertThat(
            count(
                ds,
                "SELECT COUNT(*) FROM plan_parameter p JOIN org_unit s ON s.id = p.source_plant_id"
                    + " WHERE p.procurement = 'TRANSFER' AND s.code = 'SH01'"))
        .isEqualTo(1);
    assertThat(
            text(
                ds,
                "SELECT p.procurement || ' ' || p.lot_sizing || ' ' || CAST(p.period_days AS CHAR(4))"
                    + " FROM plan_parameter p JOIN material m ON m.id = p.material_id"
                    + " WHERE m.code = 'RM-STEEL-1.2'"))
        .isEqualTo("BUY PERIOD_ORDER_QUANTITY 5");
    assertThat(
            decimal(
                ds,
                "SELECT p.fixed_quantity + p.safety_stock + p.yield_percent FROM plan_parameter p"
                    + " JOIN material m ON m.id = p.material_id WHERE m.code = 'SA-DOOR-L'"))
        .isEqualByComparingTo("168.5");
    // Absent fields take the API's defaults: MAKE, LOT_FOR_LOT, yield 100, version 0.
    assertThat(
            count(
                ds,
                "SELECT COUNT(*) FROM plan_parameter p JOIN material m ON m.id = p.material_id"
                    + " WHERE m.code = 'MC-HUB-01' AND p.procurement = 'MAKE'"
                    + " AND p.lot_sizing = 'LOT_FOR_LOT' AND p.yield_percent = 100"
                    + " AND p.version = 0 AND p.mps = FALSE AND p.phantom = FALSE"))
        .isEqualTo(1);
    assertThat(count(ds, "SELECT COUNT(*) FROM plan_parameter WHERE phantom = TRUE")).isEqualTo(1);
    assertThat(decimal(ds, "SELECT SUM(quantity) FROM forecast")).isEqualByComparingTo("120");
    assertThat(count(ds, "SELECT COUNT(*) FROM forecast WHERE customer = '' AND region = ''"))
        .isEqualTo(1);
    assertThat(count(ds, "SELECT COUNT(*) FROM forecast WHERE period = 'MONTH'")).isEqualTo(1);
    assertThat(count(ds, "SELECT COUNT(*) FROM sales_order_line")).isEqualTo(3);
    assertThat(count(ds, "SELECT SUM(priority) FROM sales_order_line")).isEqualTo(210);
    assertThat(count(ds, "SELECT COUNT(*) FROM sales_order_line WHERE status = 'CLOSED'"))
        .isEqualTo(1);
    assertThat(count(ds, "SELECT COUNT(*) FROM sales_order_line WHERE make_to_order = TRUE"))
        .isEqualTo(1);
    assertThat(decimal(ds, "SELECT SUM(quantity) FROM scheduled_receipt"))
        .isEqualByComparingTo("2560.5");
    assertThat(count(ds, "SELECT COUNT(*) FROM scheduled_receipt WHERE kind = 'PRODUCTION'"))
        .isEqualTo(1);
    // One audit row per record: 1 material + 5 + 2 + 3 + 2.
    assertThat(count(ds, "SELECT COUNT(*) FROM audit_log")).isEqualTo(audits + 13);
    assertThat(
            count(
                ds,
                "SELECT COUNT(*) FROM audit_log WHERE entity IN ('PlanParameter', 'Forecast',"
                    + " 'SalesOrderLine', 'ScheduledReceipt') AND action = 'CREATE'"))
        .isEqualTo(12);

    // Parameters are replaced: absent fields go back to their defaults, the version goes up.
    ImportReport again =
        new Exchange(ds)
            .importDocument(
                ADMIN,
                parse(
                    """
                    {"planParameters": [{"plant": "SH01", "material": "SA-DOOR-L", "safetyStock": 35}]}
                    """),
                false);
    assertThat(again.created()).containsEntry("planParameters", 1);
    assertThat(count(ds, "SELECT COUNT(*) FROM plan_parameter")).isEqualTo(5);
    assertThat(
            count(
                ds,
                "SELECT COUNT(*) FROM plan_parameter p JOIN material m ON m.id = p.material_id"
                    + " WHERE m.code = 'SA-DOOR-L' AND p.version = 1 AND p.safety_stock = 35"
                    + " AND p.lot_sizing = 'LOT_FOR_LOT' AND p.fixed_quantity = 0"))
        .isEqualTo(1);
    assertThat(
            count(
                ds,
                "SELECT COUNT(*) FROM audit_log WHERE entity = 'PlanParameter' AND action = 'UPDATE'"))
        .isEqualTo(1);

    // Safety-stock steps: a list replaces the material's steps, no list keeps them; export has
    // them.
    new Exchange(ds)
        .importDocument(
            ADMIN,
            parse(
                """
                {"planParameters": [{"plant": "SH01", "material": "SA-DOOR-L", "safetyStock": 35,
                  "safetyStockSteps": [{"from": "2026-12-01", "quantity": 50},
                                       {"from": "2027-01-04", "quantity": 20}]}]}
                """),
            false);
    new Exchange(ds)
        .importDocument(
            ADMIN,
            parse(
                """
                {"planParameters": [{"plant": "SH01", "material": "SA-DOOR-L", "safetyStock": 35}]}
                """),
            false);
    assertThat(count(ds, "SELECT COUNT(*) FROM safety_stock_step")).isEqualTo(2);
    assertThat(
            new Exchange(ds)
                .export(ADMIN, "SH01").planParameters().stream()
                    .filter(p -> p.material().equals("SA-DOOR-L"))
                    .findFirst()
                    .orElseThrow()
                    .safetyStockSteps())
        .containsExactly(
            new ExchangeDocument.SafetyStockStep(
                java.time.LocalDate.parse("2026-12-01"), new java.math.BigDecimal("50")),
            new ExchangeDocument.SafetyStockStep(
                java.time.LocalDate.parse("2027-01-04"), new java.math.BigDecimal("20")));
    assertThatThrownBy(
            () ->
                new Exchange(ds)
                    .importDocument(
                        ADMIN,
                        parse(
                            """
                            {"planParameters": [{"plant": "SH01", "material": "SA-DOOR-L",
                              "safetyStockSteps": [{"from": "2026-12-01", "quantity": -1},
                                                   {"from": "2026-12-01"}]}]}
                            """),
                        false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(fields(e))
                    .containsExactlyInAnyOrder(
                        "$.planParameters[0].safetyStockSteps[0].quantity",
                        "$.planParameters[0].safetyStockSteps[1].from",
                        "$.planParameters[0].safetyStockSteps[1].quantity"));
    assertThat(count(ds, "SELECT COUNT(*) FROM safety_stock_step")).isEqualTo(2);

    // An order line that exists is an error; forecasts and receipts are added again.
    assertThatThrownBy(
            () ->
                new Exchange(ds)
                    .importDocument(
                        ADMIN,
                        parse(
                            """
                            {"salesOrders": [{"plant": "SH01", "orderNo": "SO-1001", "lineNo": 2,
                              "material": "SA-DOOR-L", "requestedDate": "2026-11-06", "quantity": 8}]}
                            """),
                        false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(fields(e)).containsExactly("$.salesOrders[0].lineNo"));
    assertThat(count(ds, "SELECT COUNT(*) FROM sales_order_line")).isEqualTo(3);
  }

  @Test
  void badPlanningDataIsListedAndNothingIsWrittenOnDerby() throws Exception {
    badPlanningData(derby());
  }

  @Test
  void badPlanningDataIsListedAndNothingIsWrittenOnPostgres() throws Exception {
    badPlanningData(postgres());
  }

  private void badPlanningData(DataSource ds) throws Exception {
    new Exchange(ds).importDocument(ADMIN, sample(), false);
    new Exchange(ds)
        .importDocument(
            ADMIN,
            parse(
                """
                {"salesOrders": [{"plant": "SH01", "orderNo": "SO-1", "lineNo": 1,
                  "material": "FG-BODY-A1", "requestedDate": "2026-11-05", "quantity": 1}]}
                """),
            false);
    int audits = count(ds, "SELECT COUNT(*) FROM audit_log");
    String bad =
        """
        {"planParameters": [
            {"plant": "SH01", "material": "SA-DOOR-L", "lotSizing": "EVERY_TUESDAY"},
            {"plant": "SH01", "material": "SA-DOOR-R", "lotSizing": "FIXED_QUANTITY",
             "yieldPercent": 0, "safetyStock": -1},
            {"plant": "SH01", "material": "NO-SUCH"},
            {"plant": "SH01", "material": "RM-PAINT-W", "lotSizing": "PERIOD_ORDER_QUANTITY",
             "minimumQuantity": 10, "maximumQuantity": 5},
            {"plant": "SH01", "material": "RM-BOLT-M8", "procurement": "TRANSFER"},
            {"plant": "SH01", "material": "RM-AL-6061", "procurement": "TRANSFER",
             "sourcePlant": "SH01"}],
         "forecasts": [
            {"plant": "SH01", "material": "FG-BODY-A1", "date": "2026-11-02", "quantity": -5},
            {"plant": "SH01", "material": "FG-BODY-A1", "date": "2026-11-02", "quantity": 5,
             "period": "YEAR"}],
         "salesOrders": [
            {"plant": "SH01", "orderNo": "SO-2", "lineNo": 1, "material": "FG-BODY-A1",
             "requestedDate": "2026-11-05", "quantity": 1},
            {"plant": "SH01", "orderNo": "SO-2", "lineNo": 1, "material": "FG-BODY-A1",
             "requestedDate": "2026-11-05", "quantity": 2},
            {"plant": "SH01", "orderNo": "SO-1", "lineNo": 1, "material": "FG-BODY-A1",
             "requestedDate": "2026-11-05", "quantity": 2},
            {"plant": "SH01", "orderNo": "SO-3", "lineNo": 0, "material": "FG-BODY-A1",
             "quantity": 0, "status": "SHIPPED"}],
         "receipts": [
            {"plant": "SH01", "kind": "GIFT", "reference": "X", "material": "MC-HUB-01",
             "dueDate": "2026-11-03", "quantity": 1},
            {"plant": "WX02", "kind": "PURCHASE", "reference": "PO-1", "material": "MC-HUB-01",
             "dueDate": "2026-11-03", "quantity": -1}]}
        """;
    assertThatThrownBy(() -> new Exchange(ds).importDocument(ADMIN, parse(bad), false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(fields(e))
                    .containsExactlyInAnyOrder(
                        "$.planParameters[0].lotSizing",
                        "$.planParameters[1].fixedQuantity",
                        "$.planParameters[1].yieldPercent",
                        "$.planParameters[1].safetyStock",
                        "$.planParameters[2].material",
                        "$.planParameters[3].periodDays",
                        "$.planParameters[3].maximumQuantity",
                        "$.planParameters[4].sourcePlant",
                        "$.planParameters[5].sourcePlant",
                        "$.forecasts[0].quantity",
                        "$.forecasts[1].period",
                        "$.salesOrders[1].lineNo",
                        "$.salesOrders[2].lineNo",
                        "$.salesOrders[3].lineNo",
                        "$.salesOrders[3].requestedDate",
                        "$.salesOrders[3].quantity",
                        "$.salesOrders[3].status",
                        "$.receipts[0].kind",
                        "$.receipts[0].material",
                        "$.receipts[1].quantity"));
    assertThat(count(ds, "SELECT COUNT(*) FROM plan_parameter")).isZero();
    assertThat(count(ds, "SELECT COUNT(*) FROM forecast")).isZero();
    assertThat(count(ds, "SELECT COUNT(*) FROM sales_order_line")).isEqualTo(1);
    assertThat(count(ds, "SELECT COUNT(*) FROM scheduled_receipt")).isZero();
    assertThat(count(ds, "SELECT COUNT(*) FROM audit_log")).isEqualTo(audits);

    // A planner of SH01 writes no planning data of WX02.
    long sh01 = count(ds, "SELECT id FROM org_unit WHERE code = 'SH01'");
    CallerContext planner = new CallerContext("li", false, Map.of(sh01, PlantRole.PLANNER));
    assertThatThrownBy(
            () ->
                new Exchange(ds)
                    .importDocument(
                        planner,
                        parse(
                            """
                            {"forecasts": [
                              {"plant": "SH01", "material": "FG-BODY-A1", "date": "2026-11-02", "quantity": 5},
                              {"plant": "WX02", "material": "MC-HUB-01", "date": "2026-11-02", "quantity": 5}]}
                            """),
                        false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(fields(e)).containsExactly("$.forecasts[1].plant"));
    assertThat(count(ds, "SELECT COUNT(*) FROM forecast")).isZero();
  }

  private static String text(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1).replaceAll(" +", " ").trim();
    }
  }

  private static ExchangeDocument parse(String json) {
    return Exchange.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void syntaxAndTypeErrorsNameTheirPlace() {
    assertThatThrownBy(
            () ->
                Exchange.parse(
                    new ByteArrayInputStream("{\"materials\": [".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(fields(e)).containsExactly("$.materials"));
    assertThatThrownBy(
            () ->
                Exchange.parse(
                    new ByteArrayInputStream("{materials".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(fields(e)).containsExactly("$"));
    assertThatThrownBy(
            () ->
                Exchange.parse(
                    new ByteArrayInputStream(
                        "{\"boms\": [{\"lines\": [{\"quantityPer\": \"lots\"}]}]}"
                            .getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(fields(e)).containsExactly("$.boms[0].lines[0].quantityPer"));
    assertThatThrownBy(
            () ->
                Exchange.parse(
                    new ByteArrayInputStream(
                        "{\"matrials\": []}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(fields(e)).containsExactly("$.matrials"));
  }

  @Test
  void aPlantPlannerImportsIntoTheirPlantOnly() throws Exception {
    DataSource ds = derby();
    new Exchange(ds).importDocument(ADMIN, sample(), false);
    long sh01 = count(ds, "SELECT id FROM org_unit WHERE code = 'SH01'");
    CallerContext planner = new CallerContext("li", false, Map.of(sh01, PlantRole.PLANNER));
    String json =
        """
        {"materials": [
            {"code": "NEW-1", "name": "新", "type": "PURCHASED", "baseUnit": "PCS", "plant": "SH01"},
            {"code": "NEW-2", "name": "新", "type": "PURCHASED", "baseUnit": "PCS"},
            {"code": "NEW-3", "name": "新", "type": "PURCHASED", "baseUnit": "PCS", "plant": "WX02"}],
         "calendars": [{"plant": "SH01", "code": "X", "name": "x", "shifts": []}]}
        """;
    assertThatThrownBy(
            () ->
                new Exchange(ds)
                    .importDocument(
                        planner,
                        Exchange.parse(
                            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))),
                        false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(fields(e))
                    .containsExactlyInAnyOrder(
                        "$.materials[1].plant", "$.materials[2].plant", "$.calendars[0].plant"));
    String ok =
        """
        {"materials": [{"code": "NEW-1", "name": "新", "type": "PURCHASED", "baseUnit": "PCS", "plant": "SH01"}]}
        """;
    ImportReport r =
        new Exchange(ds)
            .importDocument(
                planner,
                Exchange.parse(new ByteArrayInputStream(ok.getBytes(StandardCharsets.UTF_8))),
                false);
    assertThat(r.created()).containsEntry("materials", 1);
    assertThat(
            count(
                ds, "SELECT COUNT(*) FROM audit_log WHERE username = 'li' AND entity = 'Material'"))
        .isEqualTo(1);
  }

  @Test
  void csvListsReportTheirLines() throws Exception {
    DataSource ds = derby();
    new Exchange(ds).importDocument(ADMIN, sample(), false);
    ExchangeServiceImpl service = new ExchangeServiceImpl(ds, null, e -> {});
    String csv =
        "code,name,type,baseUnit,plant\nCSV-1,\"螺母, M8\",PURCHASED,PCS,SH01\nCSV-2,垫片,BOGUS,PCS,SH01\n";
    assertThatThrownBy(
            () -> service.importCsv(ADMIN, "materials", new java.io.StringReader(csv), false))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(fields(e)).containsExactly("line 3.type"));
    String good = "code,name,type,baseUnit,plant\nCSV-1,\"螺母, M8\",PURCHASED,PCS,SH01\n";
    assertThat(
            service.importCsv(ADMIN, "materials", new java.io.StringReader(good), false).created())
        .containsEntry("materials", 1);
    assertThat(count(ds, "SELECT COUNT(*) FROM material WHERE name = '螺母, M8'")).isEqualTo(1);
    String stock =
        "plant,warehouse,location,material,lot,quantity\nSH01,SH01-RM,A-01,RM-BOLT-M8,,500\n";
    service.importCsv(ADMIN, "stock", new java.io.StringReader(stock), false);
    // 20000 on hand before, plus 500, in the same balance row.
    assertThat(
            decimal(
                ds,
                "SELECT quantity FROM stock_balance b JOIN material m ON m.id = b.material_id WHERE m.code = 'RM-BOLT-M8'"))
        .isEqualByComparingTo("20500");
  }

  /** The sample in Derby, and the service importing CSV into it. */
  private static ExchangeServiceImpl csvService(DataSource ds) throws Exception {
    new Exchange(ds).importDocument(ADMIN, sample(), false);
    return new ExchangeServiceImpl(ds, null, e -> {});
  }

  private static ImportReport csv(
      ExchangeServiceImpl service, String section, String csv, boolean dryRun) {
    return service.importCsv(ADMIN, section, new java.io.StringReader(csv), dryRun);
  }

  /** A bad CSV lists exactly these fields and writes nothing (not even an audit row). */
  private static void assertCsvErrors(
      DataSource ds, ExchangeServiceImpl service, String section, String csv, String... fields)
      throws Exception {
    int audits = count(ds, "SELECT COUNT(*) FROM audit_log");
    assertThatThrownBy(() -> csv(service, section, csv, false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(fields(e)).containsExactlyInAnyOrder(fields));
    assertThat(count(ds, "SELECT COUNT(*) FROM audit_log")).isEqualTo(audits);
  }

  @Test
  void csvPlanParameters() throws Exception {
    DataSource ds = derby();
    ExchangeServiceImpl service = csvService(ds);
    String good =
        """
        plant,material,procurement,leadTimeDays,lotSizing,fixedQuantity,periodDays,safetyStock,\
        yieldPercent,phantom,mps,sourcePlant,demandFenceDays,strategy
        SH01,SA-DOOR-L,MAKE,2,FIXED_QUANTITY,50,,20,98.5,N,Y,,3,MTO
        SH01,RM-STEEL-1.2,buy,7,PERIOD_ORDER_QUANTITY,,5,,,0,0,,,
        WX02,RM-BOLT-M8,TRANSFER,3,,,,,,false,FALSE,SH01,,
        WX02,MC-HUB-01,,,,,,,,1,true,,,ATO
        """;
    assertThat(csv(service, "planParameters", good, true).dryRun()).isTrue();
    assertThat(count(ds, "SELECT COUNT(*) FROM plan_parameter")).as("a dry run").isZero();

    assertThat(csv(service, "planParameters", good, false).created())
        .containsEntry("planParameters", 4);
    assertThat(count(ds, "SELECT COUNT(*) FROM plan_parameter")).isEqualTo(4);
    String door = " FROM plan_parameter p JOIN material m ON m.id = p.material_id";
    assertThat(
            text(
                ds,
                "SELECT p.procurement || ' ' || p.lot_sizing || ' ' || p.strategy || ' '"
                    + " || CAST(p.lead_time_days AS CHAR(4)) || CAST(p.demand_fence_days AS CHAR(4))"
                    + door
                    + " WHERE m.code = 'SA-DOOR-L' AND p.mps = TRUE AND p.phantom = FALSE"))
        .isEqualTo("MAKE FIXED_QUANTITY MTO 2 3");
    assertThat(
            decimal(
                ds,
                "SELECT p.fixed_quantity + p.safety_stock + p.yield_percent"
                    + door
                    + " WHERE m.code = 'SA-DOOR-L'"))
        .isEqualByComparingTo("168.5");
    assertThat(
            text(
                ds,
                "SELECT p.procurement || ' ' || p.lot_sizing || ' ' || CAST(p.period_days AS CHAR(4))"
                    + door
                    + " WHERE m.code = 'RM-STEEL-1.2' AND p.yield_percent = 100"))
        .isEqualTo("BUY PERIOD_ORDER_QUANTITY 5");
    assertThat(
            count(
                ds,
                "SELECT COUNT(*) FROM plan_parameter p JOIN org_unit s ON s.id = p.source_plant_id"
                    + " WHERE p.procurement = 'TRANSFER' AND s.code = 'SH01'"))
        .isEqualTo(1);
    assertThat(
            count(
                ds,
                "SELECT COUNT(*)"
                    + door
                    + " WHERE m.code = 'MC-HUB-01' AND p.phantom = TRUE AND p.mps = TRUE"
                    + " AND p.strategy = 'ATO' AND p.procurement = 'MAKE'"))
        .isEqualTo(1);
    assertThat(count(ds, "SELECT COUNT(*) FROM plan_parameter WHERE mps = TRUE")).isEqualTo(2);

    // Every cell that does not parse, with the import's own errors (an unknown material); a cell
    // already listed is not listed again (FIXED_QUANTITY without a fixedQuantity).
    String bad =
        """
        plant,material,leadTimeDays,lotSizing,fixedQuantity,yieldPercent,phantom,mps,strategy
        SH01,SA-DOOR-R,two,,,,,,
        SH01,RM-PAINT-W,1,FIXED_QUANTITY,fifty,abc,maybe,2,
        SH01,RM-AL-6061,1.5,,,,,,MTS
        SH01,NO-SUCH,1,,,,,,
        """;
    assertCsvErrors(
        ds,
        service,
        "planparameters",
        bad,
        "line 2.leadTimeDays",
        "line 3.fixedQuantity",
        "line 3.yieldPercent",
        "line 3.phantom",
        "line 3.mps",
        "line 4.leadTimeDays",
        "line 5.material");
    assertThat(count(ds, "SELECT COUNT(*) FROM plan_parameter")).isEqualTo(4);
    assertThat(count(ds, "SELECT COUNT(*) FROM plan_parameter WHERE version > 0")).isZero();
  }

  @Test
  void csvForecasts() throws Exception {
    DataSource ds = derby();
    ExchangeServiceImpl service = csvService(ds);
    String good =
        """
        plant,material,date,quantity,customer,channel,region
        SH01,FG-BODY-A1,2026-11-02,120,SAIC,OEM,East
        SH01,FG-BODY-A1,2026-11-09,0.5,,,
        """;
    assertThat(csv(service, "forecasts", good, true).dryRun()).isTrue();
    assertThat(count(ds, "SELECT COUNT(*) FROM forecast")).as("a dry run").isZero();

    assertThat(csv(service, "forecasts", good, false).created()).containsEntry("forecasts", 2);
    assertThat(decimal(ds, "SELECT SUM(quantity) FROM forecast")).isEqualByComparingTo("120.5");
    assertThat(
            text(
                ds,
                "SELECT CAST(forecast_date AS CHAR(10)) FROM forecast"
                    + " WHERE customer = 'SAIC' AND channel = 'OEM' AND region = 'East'"))
        .isEqualTo("2026-11-02");
    assertThat(
            text(
                ds,
                "SELECT CAST(forecast_date AS CHAR(10)) FROM forecast"
                    + " WHERE customer = '' AND channel = '' AND region = ''"))
        .isEqualTo("2026-11-09");

    String bad =
        """
        plant,material,date,quantity,region
        SH01,FG-BODY-A1,02/11/2026,10,East
        SH01,FG-BODY-A1,2026-11-31,ten,
        SH01,FG-BODY-A1,2026-11-02,-5,
        SH01,FG-BODY-A1,2026-11-02,5,North
        """;
    assertCsvErrors(
        ds,
        service,
        "forecasts",
        bad,
        "line 2.date",
        "line 3.date",
        "line 3.quantity",
        "line 4.quantity");
    assertThat(count(ds, "SELECT COUNT(*) FROM forecast")).isEqualTo(2);
  }

  @Test
  void csvSalesOrders() throws Exception {
    DataSource ds = derby();
    ExchangeServiceImpl service = csvService(ds);
    String good =
        """
        plant,orderNo,lineNo,customer,material,requestedDate,quantity,priority,makeToOrder,status
        SH01,SO-1001,1,SAIC,FG-BODY-A1,2026-11-05,40,10,Y,
        SH01,SO-1001,2,,SA-DOOR-L,2026-11-06,8,,,
        WX02,SO-1001,1,,MC-HUB-01,2026-10-20,100,,false,CLOSED
        """;
    assertThat(csv(service, "salesOrders", good, true).dryRun()).isTrue();
    assertThat(count(ds, "SELECT COUNT(*) FROM sales_order_line")).as("a dry run").isZero();

    assertThat(csv(service, "salesOrders", good, false).created()).containsEntry("salesOrders", 3);
    assertThat(count(ds, "SELECT COUNT(*) FROM sales_order_line")).isEqualTo(3);
    assertThat(count(ds, "SELECT SUM(priority) FROM sales_order_line")).isEqualTo(210);
    assertThat(count(ds, "SELECT COUNT(*) FROM sales_order_line WHERE status = 'CLOSED'"))
        .isEqualTo(1);
    assertThat(
            text(
                ds,
                "SELECT customer || ' ' || CAST(requested_date AS CHAR(10)) FROM sales_order_line"
                    + " WHERE make_to_order = TRUE AND line_no = 1 AND quantity = 40"))
        .isEqualTo("SAIC 2026-11-05");

    String bad =
        """
        plant,orderNo,lineNo,material,requestedDate,quantity,priority,makeToOrder
        SH01,SO-2,one,FG-BODY-A1,2026-11-05,1,,
        SH01,SO-2,2,FG-BODY-A1,2026-11-5,1,high,yes
        SH01,SO-1001,1,FG-BODY-A1,2026-11-05,2,,
        SH01,SO-2,3,FG-BODY-A1,2026-11-05,1e3x,,N
        """;
    assertCsvErrors(
        ds,
        service,
        "salesorders",
        bad,
        "line 2.lineNo",
        "line 3.requestedDate",
        "line 3.priority",
        "line 3.makeToOrder",
        "line 4.lineNo",
        "line 5.quantity");
    assertThat(count(ds, "SELECT COUNT(*) FROM sales_order_line")).isEqualTo(3);
  }

  @Test
  void csvReceipts() throws Exception {
    DataSource ds = derby();
    ExchangeServiceImpl service = csvService(ds);
    String good =
        """
        plant,kind,reference,material,dueDate,quantity
        SH01,PURCHASE,PO-4711,RM-STEEL-1.2,2026-11-03,2500.5
        WX02,production,MO-88,MC-HUB-01,2026-11-04,60
        """;
    assertThat(csv(service, "receipts", good, true).dryRun()).isTrue();
    assertThat(count(ds, "SELECT COUNT(*) FROM scheduled_receipt")).as("a dry run").isZero();

    assertThat(csv(service, "receipts", good, false).created()).containsEntry("receipts", 2);
    assertThat(decimal(ds, "SELECT SUM(quantity) FROM scheduled_receipt"))
        .isEqualByComparingTo("2560.5");
    assertThat(
            text(
                ds,
                "SELECT kind || ' ' || CAST(due_date AS CHAR(10)) FROM scheduled_receipt"
                    + " WHERE reference = 'MO-88'"))
        .isEqualTo("PRODUCTION 2026-11-04");

    String bad =
        """
        plant,kind,reference,material,dueDate,quantity
        SH01,PURCHASE,PO-1,RM-STEEL-1.2,3.11.2026,1
        SH01,PURCHASE,PO-2,RM-STEEL-1.2,2026-11-03,"1,5"
        SH01,GIFT,PO-3,RM-STEEL-1.2,2026-11-03,1
        """;
    assertCsvErrors(
        ds, service, "receipts", bad, "line 2.dueDate", "line 3.quantity", "line 4.kind");
    assertThat(count(ds, "SELECT COUNT(*) FROM scheduled_receipt")).isEqualTo(2);
  }

  /** The CSV examples of docs/exchange.md import over the sample, each under its section. */
  @Test
  void csvExamplesOfTheDocsImport() throws Exception {
    DataSource ds = derby();
    ExchangeServiceImpl service = csvService(ds);
    String doc = Files.readString(SAMPLE.resolveSibling("../exchange.md"));
    doc = doc.substring(doc.indexOf("## CSV lists"));
    List<String> sections = new java.util.ArrayList<>();
    int start = doc.indexOf("```csv\n");
    while (start >= 0) {
      int title = doc.lastIndexOf("**`", start) + 3;
      String section = doc.substring(title, doc.indexOf('`', title));
      int end = doc.indexOf("```", start + 7);
      String example = doc.substring(start + 7, end);
      sections.add(section);
      assertThat(csv(service, section, example, false).created())
          .as(section)
          .containsEntry(section, (int) example.lines().count() - 1);
      start = doc.indexOf("```csv\n", end + 3);
    }
    assertThat(sections)
        .containsExactly(
            "materials", "stock", "planParameters", "forecasts", "salesOrders", "receipts");
  }

  private static List<String> fields(ValidationException e) {
    return e.fieldErrors().stream().map(FieldError::field).toList();
  }

  private static int count(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static BigDecimal decimal(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getBigDecimal(1);
    }
  }
}
