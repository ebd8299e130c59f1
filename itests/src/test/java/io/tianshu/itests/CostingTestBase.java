package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tianshu.itests.ItSupport.Api;
import io.tianshu.itests.ItSupport.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The actual cost of a work order through REST and the console, on a hand-worked example.
 *
 * <p>FG ← 2 C1 + 0.5 C2; routing: operation 10 setup 10 min + run 2 min/unit, operation 20 run 3
 * min/unit, both at work centre WC (labour 30.00 per person-hour, crew 2, machine 60.00 per hour).
 * Prices: C1 standard 2.00 with a moving average of 2.10, C2 standard 8.00 (no moving average).
 * Overhead rule OH: 12.00 per labour hour absorbed, standard 10.00. An order of 10 FG: operation 10
 * reports 10 good worked 09:00-09:40 (40 min), operation 20 reports 9 good + 1 scrap worked
 * 10:00-10:36 (36 min), which backflushes 2 x 10 = 20 C1 and 0.5 x 10 = 5 C2 and puts 9 FG into
 * stock.
 *
 * <pre>
 * Actual (times reported: machine minutes 40 + 36 = 76, labour minutes x crew 2 = 152)
 *   material  C1 20 x 2.10 (moving average) = 42.00, C2 5 x 8.00 (standard) = 40.00   82.00
 *   labour    152/60 h x 30.00                                                      76.00
 *   machine    76/60 h x 60.00                                                      76.00
 *   overhead  152/60 h x 12.00                                                      30.40
 *   total                                                                          264.40
 * Standard of the good quantity Q = 9
 *   material  C1 2 x 9 = 18 x 2.00 = 36.00, C2 0.5 x 9 = 4.5 x 8.00 = 36.00           72.00
 *   minutes   op 10: 10 + 2 x 9 = 28, op 20: 3 x 9 = 27 → machine 55, labour 110
 *   labour    110/60 x 30.00                                                        55.00
 *   machine    55/60 x 60.00                                                        55.00
 *   overhead  110/60 x 10.00 = 18.333…                                              18.33
 *   total                                                                          200.33
 * Variances (+ unfavourable)
 *   material price   C1 42.00 - 20 x 2.00 = 2.00; C2 0.00                            2.00
 *   material usage   C1 (20 - 18) x 2.00 = 4.00; C2 (5 - 4.5) x 8.00 = 4.00          8.00
 *   labour rate 0.00; labour efficiency 76.00 - 55.00                               21.00
 *   machine spending 0.00; machine efficiency 76.00 - 55.00                         21.00
 *   overhead spending (12 - 10) x 152/60 = 5.0666…                                   5.07
 *   overhead efficiency (152 - 110)/60 x 10.00                                       7.00
 *   total 264.40 - 200.33                                                           64.07
 * Allocation: all to FG, 264.40 / 9 = 29.3778 a unit.
 * </pre>
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class CostingTestBase extends ContainerTestBase {
  @javax.inject.Inject protected org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Override
  protected void awaitDomainApi() {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Response r = admin.get("/overhead-rules?plantId=0");
      last = r.status() + " " + r.body();
      if (r.status() == 404 || r.status() == 200) {
        return;
      }
      ItSupport.sleep(500);
    }
    fail("costing API not ready: " + last);
  }

  private static String code(String prefix) {
    return (prefix
            + "-"
            + SEQUENCE.incrementAndGet()
            + UUID.randomUUID().toString().substring(0, 5))
        .toUpperCase(Locale.ROOT);
  }

  private record Model(long plant, long fg, long c1, long c2, long wc, long raw, long fgLoc) {}

  private long material(long plant, String type) {
    return Long.parseLong(
        id(
            admin
                .post(
                    "/materials",
                    obj(
                        "code",
                        code("M"),
                        "name",
                        "物料",
                        "type",
                        type,
                        "baseUnit",
                        "PCS",
                        "plantId",
                        plant))
                .expect(201)
                .json()));
  }

  private long orgUnit(String type, long parent) {
    return Long.parseLong(
        id(
            admin
                .post(
                    "/org-units",
                    obj("type", type, "code", code("U"), "name", "单元", "parentId", parent))
                .expect(201)
                .json()));
  }

  private long location(long warehouse, String code) {
    return Long.parseLong(
        id(
            admin
                .post("/warehouses/" + warehouse + "/locations", obj("code", code, "name", code))
                .expect(201)
                .json()));
  }

  private void receive(long material, Object qty, long location, String lot) {
    admin
        .post(
            "/stock/movements",
            obj(
                "type",
                "RECEIPT",
                "materialId",
                material,
                "quantity",
                qty,
                "locationId",
                location,
                "lot",
                lot))
        .expect(201);
  }

  private Model model() {
    long plant =
        Long.parseLong(
            id(admin.post("/plants", obj("code", code("PL"), "name", "成本厂")).expect(201).json()));
    long fg = material(plant, "MANUFACTURED");
    long c1 = material(plant, "PURCHASED");
    long c2 = material(plant, "PURCHASED");
    String yesterday = LocalDate.now().minusDays(1).toString();
    admin
        .post(
            "/boms",
            obj(
                "parentMaterialId",
                fg,
                "plantId",
                plant,
                "view",
                "MANUFACTURING",
                "revision",
                "1",
                "validFrom",
                yesterday,
                "lines",
                List.of(
                    obj("componentMaterialId", c1, "quantityPer", 2),
                    obj("componentMaterialId", c2, "quantityPer", 0.5))))
        .expect(201);
    long wc = orgUnit("WORK_CENTER", orgUnit("LINE", orgUnit("WORKSHOP", plant)));
    admin
        .post(
            "/routings",
            obj(
                "plantId",
                plant,
                "materialId",
                fg,
                "revision",
                "1",
                "validFrom",
                yesterday,
                "operations",
                List.of(
                    obj(
                        "opNo",
                        10,
                        "description",
                        "工序10",
                        "workCenterId",
                        wc,
                        "setupMinutes",
                        10,
                        "runMinutes",
                        2),
                    obj(
                        "opNo",
                        20,
                        "description",
                        "工序20",
                        "workCenterId",
                        wc,
                        "setupMinutes",
                        0,
                        "runMinutes",
                        3))))
        .expect(201);
    long wh =
        Long.parseLong(
            id(
                admin
                    .post("/warehouses", obj("plantId", plant, "code", code("WH"), "name", "库"))
                    .expect(201)
                    .json()));
    long raw = location(wh, "RAW");
    long fgLoc = location(wh, "FG");
    receive(c1, 100, raw, "L1");
    receive(c2, 50, raw, "K1");
    return new Model(plant, fg, c1, c2, wc, raw, fgLoc);
  }

  /** Prices, the work centre's rates and the overhead rule of the example. */
  private void costData(Model m) {
    String yesterday = LocalDate.now().minusDays(1).toString();
    JsonNode p =
        admin
            .put(
                "/material-prices",
                obj(
                    "plantId",
                    m.plant(),
                    "materialId",
                    m.c1(),
                    "standardPrice",
                    "2.00",
                    "movingAveragePrice",
                    "2.10",
                    "validFrom",
                    yesterday))
            .expect(200)
            .json();
    assertEquals(yesterday, p.path("validFrom").asText());
    admin
        .put(
            "/material-prices",
            obj(
                "plantId",
                m.plant(),
                "materialId",
                m.c2(),
                "standardPrice",
                "8.00",
                "validFrom",
                yesterday))
        .expect(200);
    JsonNode r =
        admin
            .put(
                "/work-center-rates",
                obj(
                    "workCenterId",
                    m.wc(),
                    "labourRatePerHour",
                    "30.00",
                    "machineRatePerHour",
                    "60.00",
                    "crewSize",
                    2))
            .expect(200)
            .json();
    assertEquals(m.plant(), r.path("plantId").asLong());
    JsonNode rules =
        admin
            .put(
                "/overhead-rules?plantId=" + m.plant(),
                List.of(
                    obj(
                        "name",
                        "OH",
                        "base",
                        "LABOUR_HOURS",
                        "rate",
                        "12.00",
                        "standardRate",
                        "10.00")))
            .expect(200)
            .json();
    assertEquals(1, rules.size());
  }

  private long completedOrder(Model m) {
    long id =
        admin
            .post(
                "/work-orders",
                obj(
                    "plantId",
                    m.plant(),
                    "materialId",
                    m.fg(),
                    "quantity",
                    10,
                    "issueLocationId",
                    m.raw(),
                    "receiveLocationId",
                    m.fgLoc()))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long version = admin.get("/work-orders/" + id).expect(200).json().path("version").asLong();
    admin.post("/work-orders/" + id + "/release", obj("version", version)).expect(200);
    Instant nine = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(15, ChronoUnit.HOURS);
    report(id, 10, obj("good", 10), nine, nine.plus(40, ChronoUnit.MINUTES)).expect(201);
    Instant ten = nine.plus(1, ChronoUnit.HOURS);
    report(id, 20, obj("good", 9, "scrap", 1, "reasonCode", "R1"), ten, ten.plusSeconds(36 * 60))
        .expect(201);
    JsonNode done = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals("COMPLETED", done.path("status").asText());
    assertEquals("9", q(done.path("completedQuantity")));
    return id;
  }

  private Response report(long order, int seq, ObjectNode quantities, Instant from, Instant to) {
    ObjectNode body =
        obj(
            "reportKey",
            code("K"),
            "workOrderId",
            order,
            "operationSeq",
            seq,
            "workStartedAt",
            from.toString(),
            "workEndedAt",
            to.toString());
    body.setAll(quantities);
    return admin.post("/operation-reports", body);
  }

  private static String q(JsonNode n) {
    return new BigDecimal(n.asText()).stripTrailingZeros().toPlainString();
  }

  private static void money(String expected, JsonNode n) {
    assertEquals(n.toString(), 0, new BigDecimal(expected).compareTo(new BigDecimal(n.asText())));
  }

  /** Every figure of the class comment. */
  private static void assertTheExample(Model m, JsonNode k) {
    assertEquals("REPORTED", k.path("timeSource").asText());
    assertEquals("9", q(k.path("mainQuantity")));
    assertEquals("152", q(k.path("labourMinutes")));
    assertEquals("76", q(k.path("machineMinutes")));
    assertEquals("110", q(k.path("standardLabourMinutes")));
    assertEquals("55", q(k.path("standardMachineMinutes")));
    JsonNode a = k.path("actual");
    money("82.00", a.path("material"));
    money("76.00", a.path("labour"));
    money("76.00", a.path("machine"));
    money("30.40", a.path("overhead"));
    money("264.40", k.path("actualTotal"));
    money("40.00", k.path("materialAtStandard"));
    money("42.00", k.path("materialAtMovingAverage"));
    JsonNode s = k.path("standard");
    money("72.00", s.path("material"));
    money("55.00", s.path("labour"));
    money("55.00", s.path("machine"));
    money("18.33", s.path("overhead"));
    money("200.33", k.path("standardTotal"));
    JsonNode v = k.path("variances");
    money("2.00", v.path("materialPrice"));
    money("8.00", v.path("materialUsage"));
    money("0.00", v.path("labourRate"));
    money("21.00", v.path("labourEfficiency"));
    money("0.00", v.path("machineSpending"));
    money("21.00", v.path("machineEfficiency"));
    money("5.07", v.path("overheadSpending"));
    money("7.00", v.path("overheadEfficiency"));
    money("64.07", k.path("totalVariance"));
    JsonNode mats = v.path("materials");
    assertEquals(mats.toString(), 2, mats.size());
    JsonNode c1 = mats.get(0);
    assertEquals(String.valueOf(m.c1()), c1.path("materialId").asText());
    assertEquals("20", q(c1.path("actualQuantity")));
    assertEquals("18", q(c1.path("standardQuantity")));
    money("2.00", c1.path("standardPrice"));
    money("42.00", c1.path("actualCost"));
    money("36.00", c1.path("standardCost"));
    money("2.00", c1.path("priceVariance"));
    money("4.00", c1.path("usageVariance"));
    JsonNode c2 = mats.get(1);
    assertEquals(String.valueOf(m.c2()), c2.path("materialId").asText());
    assertEquals("5", q(c2.path("actualQuantity")));
    assertEquals("4.5", q(c2.path("standardQuantity")));
    money("0.00", c2.path("priceVariance"));
    money("4.00", c2.path("usageVariance"));
    JsonNode oh = v.path("overheads").get(0);
    assertEquals("OH", oh.path("ruleName").asText());
    money("30.40", oh.path("actualCost"));
    money("18.33", oh.path("standardCost"));
    money("5.07", oh.path("spendingVariance"));
    money("7.00", oh.path("efficiencyVariance"));
    JsonNode alloc = k.path("allocations");
    assertEquals(1, alloc.size());
    assertEquals(String.valueOf(m.fg()), alloc.get(0).path("productId").asText());
    money("264.40", alloc.get(0).path("allocatedCost"));
    money("29.3778", alloc.get(0).path("unitCost"));
    money("264.40", k.path("jointCost"));
    assertEquals(k.path("notes").toString(), 0, k.path("notes").size());
  }

  @Test
  public void theHandWorkedExampleIsComputedStoredAndKeptAtClose() {
    Model m = model();
    costData(m);
    long id = completedOrder(m);

    // computed now and not kept (fresh); the completing report also has the cost stored in the
    // background (the COMPLETED event), so a plain read shows it once that is done
    JsonNode now = admin.get("/work-orders/" + id + "/cost?fresh=true").expect(200).json();
    assertFalse(now.path("stored").asBoolean());
    assertTheExample(m, now);
    JsonNode auto = admin.get("/work-orders/" + id + "/cost").expect(200).json();
    for (int i = 0; i < 40 && !auto.path("stored").asBoolean(); i++) {
      ItSupport.sleep(250);
      auto = admin.get("/work-orders/" + id + "/cost").expect(200).json();
    }
    assertTrue("stored on completion: " + auto, auto.path("stored").asBoolean());
    assertTheExample(m, auto);

    JsonNode stored = admin.post("/work-orders/" + id + "/cost", obj()).expect(200).json();
    assertTrue(stored.path("stored").asBoolean());
    assertEquals("COMPLETED", stored.path("orderStatus").asText());
    assertTheExample(m, stored);
    JsonNode read = admin.get("/work-orders/" + id + "/cost").expect(200).json();
    assertTrue(read.path("stored").asBoolean());
    assertTheExample(m, read);

    String out = ItSupport.executeCommand(sessionFactory, "mom:wo-cost " + id);
    assertTrue(out, out.contains("264.40"));
    assertTrue(out, out.contains("200.33"));
    assertTrue(out, out.contains("64.07"));
    assertTrue(out, out.contains("stored"));

    // a later price does not reach the stored cost; closing stores it once more, then it is final
    admin
        .put(
            "/material-prices",
            obj(
                "plantId",
                m.plant(),
                "materialId",
                m.c2(),
                "standardPrice",
                "9.00",
                "validFrom",
                LocalDate.now().plusDays(1).toString()))
        .expect(200);
    long version = admin.get("/work-orders/" + id).json().path("version").asLong();
    admin.post("/work-orders/" + id + "/close", obj("version", version)).expect(200);
    JsonNode closed = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      closed = admin.get("/work-orders/" + id + "/cost").expect(200).json();
      if ("CLOSED".equals(closed.path("orderStatus").asText())) {
        break;
      }
      ItSupport.sleep(300);
    }
    assertEquals(String.valueOf(closed), "CLOSED", closed.path("orderStatus").asText());
    assertTrue(closed.path("stored").asBoolean());
    assertTheExample(m, closed);
    admin.post("/work-orders/" + id + "/cost", obj()).expect(409);
    assertEquals(
        2,
        admin
            .get("/material-prices?plantId=" + m.plant() + "&materialId=" + m.c2())
            .expect(200)
            .json()
            .size());
    assertEquals(
        1,
        admin
            .get(
                "/material-prices?plantId="
                    + m.plant()
                    + "&materialId="
                    + m.c2()
                    + "&date="
                    + LocalDate.now())
            .expect(200)
            .json()
            .size());
  }

  /**
   * Operation 20 of an order of 10 FG is done by supplier SUP1 (委外): operation 10 reports 10 good
   * worked 40 min; all 10 go to SUP1, which returns 6 good with a fee of 150.00, then 3 good + 1
   * scrap with another 150.00 (the receipts backflush 20 C1 and 5 C2 as before). Operation 20 is
   * not flagged outsourced in the routing: it was planned in-house, so its standard time stays.
   *
   * <pre>
   * Actual: material 82.00; labour 80/60 h x 30.00 = 40.00; machine 40/60 h x 60.00 = 40.00;
   *   subcontract 2 x 150.00 = 300.00 (462.00 before overhead); overhead 80/60 h x 12.00 = 16.00
   *   (labour hours: the fees are in no overhead base); total 478.00
   * Standard of 9: 200.33 as in the class example; subcontract 0.00 (no standard kept)
   * Variances: subcontract 300.00, labour efficiency 40.00 - 55.00 = -15.00, machine efficiency
   *   -15.00, overhead spending (12 - 10) x 80/60 = 2.67, efficiency (80 - 110)/60 x 10 = -5.00,
   *   material 2.00 + 8.00; total 478.00 - 200.33 = 277.67. Allocation 478.00 / 9 = 53.1111.
   * </pre>
   */
  @Test
  public void outsourcingFeesAreTheSubcontractElementOfTheStoredCost() {
    for (JsonNode c : outsourcedOrderCosts(false)) {
      assertTrue(c.path("stored").asBoolean());
      JsonNode a = c.path("actual");
      money("82.00", a.path("material"));
      money("40.00", a.path("labour"));
      money("40.00", a.path("machine"));
      money("16.00", a.path("overhead"));
      money("300.00", a.path("subcontract"));
      money("478.00", c.path("actualTotal"));
      money("0.00", c.path("standard").path("subcontract"));
      money("200.33", c.path("standardTotal"));
      JsonNode v = c.path("variances");
      money("300.00", v.path("subcontract"));
      money("-15.00", v.path("labourEfficiency"));
      money("-15.00", v.path("machineEfficiency"));
      money("2.67", v.path("overheadSpending"));
      money("-5.00", v.path("overheadEfficiency"));
      money("277.67", c.path("totalVariance"));
      money("478.00", c.path("jointCost"));
      money("53.1111", c.path("allocations").get(0).path("unitCost"));
    }
  }

  /**
   * The same order with operation 20 flagged outsourced in the order routing: it carries no
   * in-house standard time, and no standard fee is kept (subcontract standard 0).
   *
   * <pre>
   * Actual as above: 478.00. Standard of 9: op 10 only, 10 + 2 x 9 = 28 machine min, 56 labour;
   *   material 72.00, labour 56/60 x 30 = 28.00, machine 28/60 x 60 = 28.00, overhead 10 x 56/60 =
   *   9.33, subcontract 0.00: 137.33
   * Variances: labour efficiency 40.00 - 28.00 = 12.00, machine 12.00, overhead spending 2.67,
   *   efficiency (80 - 56)/60 x 10 = 4.00, subcontract 300.00, material 10.00; total 340.67
   * </pre>
   */
  @Test
  public void anOutsourcedOperationHasNoInHouseStandardCost() {
    for (JsonNode c : outsourcedOrderCosts(true)) {
      assertTrue(c.path("stored").asBoolean());
      money("478.00", c.path("actualTotal"));
      money("28.00", c.path("standard").path("labour"));
      money("28.00", c.path("standard").path("machine"));
      money("9.33", c.path("standard").path("overhead"));
      money("0.00", c.path("standard").path("subcontract"));
      money("137.33", c.path("standardTotal"));
      JsonNode v = c.path("variances");
      money("300.00", v.path("subcontract"));
      money("12.00", v.path("labourEfficiency"));
      money("12.00", v.path("machineEfficiency"));
      money("2.67", v.path("overheadSpending"));
      money("4.00", v.path("overheadEfficiency"));
      money("340.67", c.path("totalVariance"));
    }
  }

  /**
   * The order of the two outsourcing tests: operation 20 done by SUP1, flagged outsourced in the
   * order routing when {@code flagged}; the stored cost read three ways.
   */
  private List<JsonNode> outsourcedOrderCosts(boolean flagged) {
    Model m = model();
    costData(m);
    long id =
        admin
            .post(
                "/work-orders",
                obj(
                    "plantId",
                    m.plant(),
                    "materialId",
                    m.fg(),
                    "quantity",
                    10,
                    "issueLocationId",
                    m.raw(),
                    "receiveLocationId",
                    m.fgLoc()))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long version = admin.get("/work-orders/" + id).expect(200).json().path("version").asLong();
    JsonNode released =
        admin.post("/work-orders/" + id + "/release", obj("version", version)).expect(200).json();
    if (flagged) {
      admin
          .put(
              "/work-orders/" + id + "/operations/20",
              obj("outsourced", true, "version", released.path("version").asLong()))
          .expect(200);
    }
    Instant nine = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(15, ChronoUnit.HOURS);
    report(id, 10, obj("good", 10), nine, nine.plus(40, ChronoUnit.MINUTES)).expect(201);
    String path = "/work-orders/" + id + "/operations/20/";
    admin
        .post(
            path + "outsourcing-shipments",
            obj("key", code("OS"), "supplier", "SUP1", "quantity", 10))
        .expect(200);
    admin
        .post(path + "outsourcing-receipts", obj("key", code("OR"), "good", 6, "fee", "150.00"))
        .expect(200);
    admin
        .post(
            path + "outsourcing-receipts",
            obj("key", code("OR"), "good", 3, "scrap", 1, "reasonCode", "SUP", "fee", "150.00"))
        .expect(200);
    assertEquals(
        "COMPLETED", admin.get("/work-orders/" + id).expect(200).json().path("status").asText());

    // completion stores the cost in the background; wait for it so that computing again does not
    // clash with it on the cost's key
    JsonNode auto = admin.get("/work-orders/" + id + "/cost").expect(200).json();
    for (int i = 0; i < 40 && !auto.path("stored").asBoolean(); i++) {
      ItSupport.sleep(250);
      auto = admin.get("/work-orders/" + id + "/cost").expect(200).json();
    }
    JsonNode k = admin.post("/work-orders/" + id + "/cost", obj()).expect(200).json();
    return List.of(auto, k, admin.get("/work-orders/" + id + "/cost").expect(200).json());
  }

  @Test
  public void rolesAndBadInput() {
    Model m = model();
    costData(m);
    Api viewer = user(code("vw").toLowerCase(Locale.ROOT), m.plant(), "VIEWER");
    Api operator = user(code("op").toLowerCase(Locale.ROOT), m.plant(), "OPERATOR");
    ObjectNode price = obj("plantId", m.plant(), "materialId", m.c1(), "standardPrice", "3.00");
    viewer.put("/material-prices", price).expect(403);
    operator.put("/material-prices", price).expect(403);
    operator
        .put(
            "/work-center-rates",
            obj("workCenterId", m.wc(), "labourRatePerHour", 1, "machineRatePerHour", 1))
        .expect(403);
    viewer.put("/overhead-rules?plantId=" + m.plant(), List.of()).expect(403);
    assertEquals(2, viewer.get("/material-prices?plantId=" + m.plant()).expect(200).json().size());
    assertEquals(
        1, viewer.get("/work-center-rates?plantId=" + m.plant()).expect(200).json().size());
    assertEquals(1, viewer.get("/overhead-rules?plantId=" + m.plant()).expect(200).json().size());
    long id = completedOrder(m);
    viewer.post("/work-orders/" + id + "/cost", obj()).expect(403);
    money(
        "264.40",
        viewer.get("/work-orders/" + id + "/cost").expect(200).json().path("actualTotal"));
    // an outsider sees nothing
    Api stranger =
        user(
            code("x").toLowerCase(Locale.ROOT),
            Long.parseLong(
                id(
                    admin
                        .post("/plants", obj("code", code("PL"), "name", "别厂"))
                        .expect(201)
                        .json())),
            "PLANNER");
    stranger.get("/work-orders/" + id + "/cost").expect(404);
    stranger.get("/material-prices?plantId=" + m.plant()).expect(404);

    // bad input: every bad field at once
    Response bad =
        admin.put(
            "/material-prices",
            obj(
                "plantId",
                m.plant(),
                "standardPrice",
                -1,
                "movingAveragePrice",
                "1.1234567",
                "validFrom",
                "2026-01-02",
                "validTo",
                "2026-01-01"));
    bad.expect(400);
    for (String f : List.of("materialId", "standardPrice", "movingAveragePrice", "validTo")) {
      assertTrue(bad.body(), bad.body().contains("\"" + f + "\""));
    }
    Response badRules =
        admin.put(
            "/overhead-rules?plantId=" + m.plant(),
            List.of(
                obj("name", "", "base", "XYZ", "rate", -1),
                obj("name", "A", "base", "DIRECT_COST", "rate", 50),
                obj("name", "A", "base", "LABOUR_COST", "rate", 10)));
    badRules.expect(400);
    for (String f : List.of("rules[0].name", "rules[0].base", "rules[0].rate", "rules[2].name")) {
      assertTrue(badRules.body(), badRules.body().contains("\"" + f + "\""));
    }
    assertEquals(1, admin.get("/overhead-rules?plantId=" + m.plant()).json().size());
    Response badRate = admin.put("/work-center-rates", obj("labourRatePerHour", -2, "crewSize", 0));
    badRate.expect(400);
    for (String f :
        List.of("workCenterId", "labourRatePerHour", "machineRatePerHour", "crewSize")) {
      assertTrue(badRate.body(), badRate.body().contains("\"" + f + "\""));
    }
    admin.get("/material-prices").expect(400);
    // a planned order has no cost yet
    long planned =
        admin
            .post("/work-orders", obj("plantId", m.plant(), "materialId", m.fg(), "quantity", 1))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    admin.get("/work-orders/" + planned + "/cost").expect(409);
  }

  private Api user(String username, long plantId, String role) {
    String password = "Pw-" + role.toLowerCase(Locale.ROOT) + "-123";
    admin
        .post(
            "/users",
            obj(
                "username",
                username,
                "password",
                password,
                "grants",
                List.of(obj("plantId", plantId, "role", role))))
        .expect(201);
    Api api = ItSupport.api().as(username, password);
    Response me = api.get("/me");
    for (int i = 0; i < 20 && me.status() != 200; i++) {
      ItSupport.sleep(500);
      me = api.get("/me");
    }
    assertEquals(me.body(), 200, me.status());
    return api;
  }
}
