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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Work orders through REST and the console on a hand-worked example: FG ← 2 C1 + 0.5 C2 over
 * operations 10 and 20, components backflushed at the last operation from lots first in first out,
 * the product received as the order's lot, and the genealogy traced both ways. Also idempotent and
 * concurrent retries, a shortage that rolls a report back whole, roles, and orders from planning's
 * released receipts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class ExecutionTestBase extends ContainerTestBase {
  @javax.inject.Inject protected org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Override
  protected void awaitDomainApi() {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Response r = admin.get("/work-orders?plantId=0");
      last = r.status() + " " + r.body();
      if (r.status() == 404 || r.status() == 200) {
        return;
      }
      ItSupport.sleep(500);
    }
    fail("execution API not ready: " + last);
  }

  private static String code(String prefix) {
    return (prefix
            + "-"
            + SEQUENCE.incrementAndGet()
            + UUID.randomUUID().toString().substring(0, 5))
        .toUpperCase(Locale.ROOT);
  }

  /** FG ← 2 C1 + 0.5 C2, routing 10 → 20; RAW holds C1 lots L1 15, L2 100 and C2 lot K1 50. */
  private record Model(long plant, long fg, long c1, long c2, long raw, long fgLoc) {}

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

  private long plant() {
    return Long.parseLong(
        id(admin.post("/plants", obj("code", code("PL"), "name", "执行厂")).expect(201).json()));
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

  private void bom(long plant, long parent, List<JsonNode> lines) {
    admin
        .post(
            "/boms",
            obj(
                "parentMaterialId",
                parent,
                "plantId",
                plant,
                "view",
                "MANUFACTURING",
                "revision",
                "1",
                "validFrom",
                LocalDate.now().minusDays(1).toString(),
                "lines",
                lines))
        .expect(201);
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

  private void routing(long plant, long material, int... ops) {
    long wc = orgUnit("WORK_CENTER", orgUnit("LINE", orgUnit("WORKSHOP", plant)));
    List<JsonNode> operations = new ArrayList<>();
    for (int op : ops) {
      operations.add(
          obj("opNo", op, "description", "工序" + op, "workCenterId", wc, "runMinutes", 2));
    }
    admin
        .post(
            "/routings",
            obj(
                "plantId",
                plant,
                "materialId",
                material,
                "revision",
                "1",
                "validFrom",
                LocalDate.now().minusDays(1).toString(),
                "operations",
                operations))
        .expect(201);
  }

  private Model model() {
    long plant = plant();
    long fg = material(plant, "MANUFACTURED");
    long c1 = material(plant, "PURCHASED");
    long c2 = material(plant, "PURCHASED");
    bom(
        plant,
        fg,
        List.of(
            obj("componentMaterialId", c1, "quantityPer", 2),
            obj("componentMaterialId", c2, "quantityPer", 0.5)));
    routing(plant, fg, 10, 20);
    long wh =
        Long.parseLong(
            id(
                admin
                    .post("/warehouses", obj("plantId", plant, "code", code("WH"), "name", "库"))
                    .expect(201)
                    .json()));
    long raw = location(wh, "RAW");
    long fgLoc = location(wh, "FG");
    receive(c1, 15, raw, "L1");
    receive(c1, 100, raw, "L2");
    receive(c2, 50, raw, "K1");
    return new Model(plant, fg, c1, c2, raw, fgLoc);
  }

  private JsonNode createOrder(Model m, long material, Object qty, String lot) {
    ObjectNode body =
        obj(
            "plantId",
            m.plant(),
            "materialId",
            material,
            "quantity",
            qty,
            "issueLocationId",
            m.raw(),
            "receiveLocationId",
            m.fgLoc());
    if (lot != null) {
      body.put("lot", lot);
    }
    return admin.post("/work-orders", body).expect(201).json();
  }

  private JsonNode release(long id) {
    long version = admin.get("/work-orders/" + id).expect(200).json().path("version").asLong();
    return admin
        .post("/work-orders/" + id + "/release", obj("version", version))
        .expect(200)
        .json();
  }

  private Response report(Api api, long order, int seq, String key, Object... quantities) {
    ObjectNode body = obj("reportKey", key, "workOrderId", order, "operationSeq", seq);
    body.setAll(obj(quantities));
    return api.post("/operation-reports", body);
  }

  /** Stock of a material by lot, available status, as lot → quantity (plain strings). */
  private Map<String, String> stock(long material) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode b : admin.get("/stock?materialId=" + material).expect(200).json().path("items")) {
      out.put(
          b.path("lot").asText() + "@" + b.path("locationId").asText(),
          new BigDecimal(b.path("quantity").asText()).stripTrailingZeros().toPlainString());
    }
    return out;
  }

  private static String q(JsonNode n) {
    return new BigDecimal(n.asText()).stripTrailingZeros().toPlainString();
  }

  @Test
  public void aWorkOrderFromReleaseToCloseWithBackflushAndGenealogy() {
    Model m = model();
    JsonNode wo = createOrder(m, m.fg(), 10, null);
    long id = wo.path("id").asLong();
    assertEquals("PLANNED", wo.path("status").asText());
    String lot = wo.path("lot").asText();
    assertEquals(wo.path("code").asText(), lot);

    JsonNode released = release(id);
    assertEquals("RELEASED", released.path("status").asText());
    JsonNode comps = released.path("components");
    assertEquals(comps.toString(), 2, comps.size());
    assertEquals("20", q(comps.get(0).path("requiredQuantity")));
    assertEquals("5", q(comps.get(1).path("requiredQuantity")));
    JsonNode ops = released.path("operations");
    assertEquals(2, ops.size());
    assertEquals(10, ops.get(0).path("seq").asInt());
    assertEquals("10", q(ops.get(0).path("in")));
    assertEquals("READY", ops.get(0).path("status").asText());
    assertEquals("WAITING", ops.get(1).path("status").asText());

    // op 10: 8 good, 1 scrap → op 20 receives 8; nothing backflushed yet (components at the last
    // op)
    report(admin, id, 10, "K-" + id + "-1", "good", 8, "scrap", 1, "reasonCode", "R1").expect(201);
    assertEquals(Map.of("L1@" + m.raw(), "15", "L2@" + m.raw(), "100"), stock(m.c1()));
    // op 20: 6 good + 1 scrap consume 2 × 7 = 14 C1 from L1 (first in) and 3.5 C2; 6 FG to stock
    Response first =
        report(admin, id, 20, "K-" + id + "-2", "good", 6, "scrap", 1, "reasonCode", "R1");
    first.expect(201);
    assertEquals("6", q(first.json().path("completedQuantity")));
    Map<String, String> c1 = Map.of("L1@" + m.raw(), "1", "L2@" + m.raw(), "100");
    assertEquals(c1, stock(m.c1()));
    assertEquals(Map.of("K1@" + m.raw(), "46.5"), stock(m.c2()));
    assertEquals(Map.of(lot + "@" + m.fgLoc(), "6"), stock(m.fg()));

    // the same report again (the scanner lost the answer): the first one back, nothing moves
    Response retry =
        report(admin, id, 20, "K-" + id + "-2", "good", 6, "scrap", 1, "reasonCode", "R1");
    retry.expect(200);
    assertTrue(retry.json().path("duplicate").asBoolean());
    assertEquals(first.json().path("id").asLong(), retry.json().path("id").asLong());
    assertEquals(c1, stock(m.c1()));
    assertEquals(Map.of(lot + "@" + m.fgLoc(), "6"), stock(m.fg()));

    // more than is in progress at op 20 (1 left) is refused, naming the field; nothing changes
    Response over = report(admin, id, 20, "K-" + id + "-3", "good", 2);
    over.expect(400);
    assertTrue(over.body(), over.body().contains("\"good\""));
    JsonNode mid = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals("STARTED", mid.path("status").asText());
    assertEquals("1", q(mid.path("operations").get(1).path("inProgress")));
    assertEquals("1", q(mid.path("operations").get(0).path("inProgress")));
    assertEquals(c1, stock(m.c1()));

    // the last unit through both operations: C1 takes 1 from L1 and 1 from L2... 2 × 2 = 4 C1
    report(admin, id, 10, "K-" + id + "-4", "good", 1).expect(201);
    report(admin, id, 20, "K-" + id + "-5", "good", 2).expect(201);
    assertEquals(Map.of("L2@" + m.raw(), "97"), stock(m.c1()));
    assertEquals(Map.of("K1@" + m.raw(), "45.5"), stock(m.c2()));
    assertEquals(Map.of(lot + "@" + m.fgLoc(), "8"), stock(m.fg()));
    JsonNode done = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals("COMPLETED", done.path("status").asText());
    assertEquals("8", q(done.path("completedQuantity")));
    assertEquals("2", q(done.path("scrapQuantity")));
    assertEquals("18", q(done.path("components").get(0).path("issuedQuantity")));
    assertEquals("4.5", q(done.path("components").get(1).path("issuedQuantity")));
    // K1, K2, K4 and K5: the retry and the refused report left no row
    assertEquals(
        4, admin.get("/work-orders/" + id + "/reports").expect(200).json().path("total").asInt());

    // genealogy: the FG lot is made of C1 L1 15, C1 L2 3 and C2 K1 4.5
    JsonNode back =
        admin
            .get("/genealogy?materialId=" + m.fg() + "&lot=" + lot + "&direction=BACKWARD")
            .expect(200)
            .json();
    Map<String, String> made = new TreeMap<>();
    for (JsonNode l : back.path("links")) {
      assertEquals(1, l.path("level").asInt());
      made.put(
          l.path("childMaterialId").asLong() + "/" + l.path("childLot").asText(),
          q(l.path("quantity")));
    }
    assertEquals(
        new TreeMap<>(Map.of(m.c1() + "/L1", "15", m.c1() + "/L2", "3", m.c2() + "/K1", "4.5")),
        made);
    JsonNode forward =
        admin
            .get("/genealogy?materialId=" + m.c1() + "&lot=L1&direction=FORWARD")
            .expect(200)
            .json();
    assertEquals(1, forward.path("links").size());
    assertEquals(lot, forward.path("endLots").get(0).path("lot").asText());

    // closed: no more reports
    long version = done.path("version").asLong();
    admin.post("/work-orders/" + id + "/close", obj("version", version)).expect(200);
    report(admin, id, 20, "K-" + id + "-6", "good", 1).expect(400);
  }

  @Test
  public void genealogyAcrossTwoLevelsReachesTheFinishedLot() {
    Model m = model();
    // SA made of C1; FG2 made of SA: forward from C1 L1 reaches the FG2 lot at level 2
    long sa = material(m.plant(), "MANUFACTURED");
    long fg2 = material(m.plant(), "MANUFACTURED");
    bom(m.plant(), sa, List.of(obj("componentMaterialId", m.c1(), "quantityPer", 1)));
    bom(m.plant(), fg2, List.of(obj("componentMaterialId", sa, "quantityPer", 2)));
    String saLot = code("SA");
    long w1 = createOrder(m, sa, 4, saLot).path("id").asLong();
    release(w1);
    report(admin, w1, 10, code("R"), "good", 4).expect(201);
    // the SA lot is in FG location; move it to RAW so that FG2 backflushes it
    admin
        .post(
            "/stock/movements",
            obj(
                "type",
                "TRANSFER",
                "materialId",
                sa,
                "quantity",
                4,
                "locationId",
                m.fgLoc(),
                "toLocationId",
                m.raw(),
                "lot",
                saLot))
        .expect(201);
    String fgLot = code("FG");
    long w2 = createOrder(m, fg2, 2, fgLot).path("id").asLong();
    release(w2);
    report(admin, w2, 10, code("R"), "good", 2).expect(201);
    JsonNode forward =
        admin
            .get("/genealogy?materialId=" + m.c1() + "&lot=L1&direction=FORWARD&levels=5")
            .expect(200)
            .json();
    assertEquals(forward.toString(), 2, forward.path("links").size());
    assertEquals(2, forward.path("links").get(1).path("level").asInt());
    assertEquals(fgLot, forward.path("endLots").get(0).path("lot").asText());
    JsonNode backward =
        admin
            .get("/genealogy?materialId=" + fg2 + "&lot=" + fgLot + "&levels=1")
            .expect(200)
            .json();
    assertEquals(1, backward.path("links").size());
    assertTrue(backward.path("truncated").asBoolean());
  }

  @Test
  public void aShortageRollsTheWholeReportBack() {
    Model m = model();
    long id = createOrder(m, m.fg(), 100, null).path("id").asLong();
    release(id);
    report(admin, id, 10, code("R"), "good", 100).expect(201);
    // 60 FG need 120 C1 but RAW holds 115: inventory refuses, and the report leaves no trace
    String key = code("R");
    Response refused = report(admin, id, 20, key, "good", 60);
    assertTrue(
        refused.status() + " " + refused.body(),
        refused.status() == 400 || refused.status() == 409);
    JsonNode after = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals("100", q(after.path("operations").get(1).path("inProgress")));
    assertEquals("0", q(after.path("completedQuantity")));
    assertEquals(Map.of("L1@" + m.raw(), "15", "L2@" + m.raw(), "100"), stock(m.c1()));
    assertEquals(Map.of("K1@" + m.raw(), "50"), stock(m.c2()));
    assertEquals(Map.of(), stock(m.fg()));
    assertEquals(
        1, admin.get("/work-orders/" + id + "/reports").expect(200).json().path("total").asInt());
    // once the stock is there, the same key goes through
    receive(m.c1(), 5, m.raw(), "L3");
    report(admin, id, 20, key, "good", 60).expect(201);
    assertEquals(Map.of(), stock(m.c1()));
  }

  @Test
  public void concurrentRetriesOfOneReportCountOnce() throws Exception {
    Model m = model();
    long id = createOrder(m, m.fg(), 10, null).path("id").asLong();
    release(id);
    String key = code("R");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> sends = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<Integer> send = () -> report(admin, id, 10, key, "good", 3).status();
        sends.add(pool.submit(send));
      }
      int created = 0;
      int repeated = 0;
      for (Future<Integer> f : sends) {
        int status = f.get();
        if (status == 201) {
          created++;
        } else if (status == 200) {
          repeated++;
        } else {
          fail("unexpected status " + status);
        }
      }
      assertEquals(1, created);
      assertEquals(7, repeated);
    } finally {
      pool.shutdownNow();
    }
    JsonNode after = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals("3", q(after.path("operations").get(0).path("good")));
    assertEquals(
        1, admin.get("/work-orders/" + id + "/reports").expect(200).json().path("total").asInt());
  }

  @Test
  public void rolesAndTheLifecycleAreEnforced() {
    Model m = model();
    long id = createOrder(m, m.fg(), 10, null).path("id").asLong();
    String operator = code("op").toLowerCase(Locale.ROOT);
    String viewer = code("vw").toLowerCase(Locale.ROOT);
    Api op = user(operator, m.plant(), "OPERATOR");
    Api vw = user(viewer, m.plant(), "VIEWER");
    long version = admin.get("/work-orders/" + id).json().path("version").asLong();
    op.post("/work-orders/" + id + "/release", obj("version", version)).expect(403);
    release(id);
    report(vw, id, 10, code("R"), "good", 1).expect(403);
    report(op, id, 10, code("R"), "good", 1).expect(201);
    op.post("/work-orders/" + id + "/operations/20", obj("action", "SKIP")).expect(403);
    op.post(
            "/work-orders/" + id + "/operations/10",
            obj("action", "DISPATCH", "station", "ST-1", "operator", "张三"))
        .expect(200);
    // a started order is not cancelled but completed with a reason
    version = admin.get("/work-orders/" + id).json().path("version").asLong();
    admin.post("/work-orders/" + id + "/cancel", obj("version", version)).expect(409);
    admin.post("/work-orders/" + id + "/complete", obj("version", version)).expect(400);
    JsonNode forced =
        admin
            .post("/work-orders/" + id + "/complete", obj("version", version, "reason", "客户取消"))
            .expect(200)
            .json();
    assertEquals("COMPLETED", forced.path("status").asText());
    assertEquals("ST-1", forced.path("operations").get(0).path("station").asText());
    // an outsider sees nothing
    Api stranger = user(code("x").toLowerCase(Locale.ROOT), plant(), "PLANNER");
    stranger.get("/work-orders/" + id).expect(404);
    // bad input: every bad field at once
    Response bad =
        admin.post("/work-orders", obj("plantId", m.plant(), "quantity", -1, "kind", "XYZ"));
    bad.expect(400);
    for (String field : List.of("materialId", "quantity", "kind")) {
      assertTrue(bad.body(), bad.body().contains("\"" + field + "\""));
    }
  }

  @Test
  public void ordersFromReleasedPlanningReceiptsAndSplitting() {
    Model m = model();
    long receipt =
        Long.parseLong(
            id(
                admin
                    .post(
                        "/receipts",
                        obj(
                            "plantId",
                            m.plant(),
                            "kind",
                            "PRODUCTION",
                            "reference",
                            "PLN-1",
                            "materialId",
                            m.fg(),
                            "dueDate",
                            LocalDate.now().plusDays(5).toString(),
                            "quantity",
                            12))
                    .expect(201)
                    .json()));
    JsonNode made =
        admin
            .post(
                "/work-orders/from-receipts",
                obj(
                    "plantId",
                    m.plant(),
                    "receiptIds",
                    List.of(receipt),
                    "issueLocationId",
                    m.raw(),
                    "receiveLocationId",
                    m.fgLoc()))
            .expect(200)
            .json();
    assertEquals(1, made.size());
    JsonNode wo = made.get(0);
    assertEquals(receipt, wo.path("receiptId").asLong());
    assertEquals("12", q(wo.path("quantity")));
    assertEquals(LocalDate.now().plusDays(5).toString(), wo.path("dueDate").asText());
    Response again =
        admin.post(
            "/work-orders/from-receipts",
            obj("plantId", m.plant(), "receiptIds", List.of(receipt)));
    again.expect(400);
    assertTrue(again.body(), again.body().contains("receiptIds[0]"));

    // the order is the supply now: planning no longer lists the receipt
    for (JsonNode r : admin.get("/receipts?plantId=" + m.plant()).expect(200).json()) {
      assertTrue(r.toString(), r.path("id").asLong() != receipt);
    }
    long id = wo.path("id").asLong();
    release(id);
    report(admin, id, 10, code("R"), "good", 2).expect(201);
    long version = admin.get("/work-orders/" + id).json().path("version").asLong();
    // 10 not yet worked at op 10: 4 split off into a new order
    JsonNode child =
        admin
            .post("/work-orders/" + id + "/split", obj("version", version, "quantity", 4))
            .expect(200)
            .json();
    assertEquals("4", q(child.path("quantity")));
    assertEquals(id, child.path("parentId").asLong());
    assertEquals("PLANNED", child.path("status").asText());
    JsonNode parent = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals("8", q(parent.path("quantity")));
    assertEquals("8", q(parent.path("operations").get(0).path("in")));
    version = parent.path("version").asLong();
    admin.post("/work-orders/" + id + "/split", obj("version", version, "quantity", 7)).expect(400);
  }

  /**
   * Planning sees open work orders: an order of 10 FG due today makes 5 FG promisable today, and
   * kitting of work orders allocates C1 (115 available) to the first order's 20 before the second
   * order's 120: the second can build (115 - 20) / 2 = 47.5, 47 whole.
   */
  @Test
  public void planningCountsOpenWorkOrders() {
    Model m = model();
    String today = LocalDate.now().toString();
    JsonNode none =
        admin
            .get("/promise?plantId=" + m.plant() + "&materialId=" + m.fg() + "&quantity=5")
            .expect(200)
            .json();
    assertTrue(none.toString(), none.path("promisedDate").isNull());
    long first = createOrder(m, m.fg(), 10, null).path("id").asLong();
    JsonNode promise =
        admin
            .get("/promise?plantId=" + m.plant() + "&materialId=" + m.fg() + "&quantity=5")
            .expect(200)
            .json();
    assertEquals(promise.toString(), today, promise.path("promisedDate").asText());
    release(first);
    long second = createOrder(m, m.fg(), 60, null).path("id").asLong();
    release(second);
    JsonNode kit =
        admin.get("/kitting?plantId=" + m.plant() + "&source=WORK_ORDER").expect(200).json();
    JsonNode orders = kit.path("orders");
    assertEquals(kit.toString(), 2, orders.size());
    assertEquals(first, orders.get(0).path("orderId").asLong());
    assertTrue(orders.get(0).path("complete").asBoolean());
    assertEquals(second, orders.get(1).path("orderId").asLong());
    assertEquals(47, orders.get(1).path("buildableNowWhole").asLong());
  }

  /**
   * An order without backflush: the pick list suggests C1 from L1 (15) then L2 (5) and C2 from K1
   * (5); a kit issue posts exactly that, a retry posts nothing, 3 C1 of L2 come back, and the
   * reports move no component. The product's lot is made of C1 L1 15, L2 2 and C2 K1 5.
   */
  @Test
  public void pickListKitIssueAndReturn() {
    Model m = model();
    ObjectNode body =
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
            m.fgLoc(),
            "backflush",
            false);
    JsonNode wo = admin.post("/work-orders", body).expect(201).json();
    long id = wo.path("id").asLong();
    JsonNode released = release(id);
    assertTrue(!released.path("components").get(0).path("backflush").asBoolean());
    JsonNode pick = admin.get("/work-orders/" + id + "/pick-list").expect(200).json();
    JsonNode c1 = pick.path("lines").get(0);
    assertEquals("20", q(c1.path("open")));
    assertEquals("L1", c1.path("lots").get(0).path("lot").asText());
    assertEquals("15", q(c1.path("lots").get(0).path("quantity")));
    assertEquals("L2", c1.path("lots").get(1).path("lot").asText());
    assertEquals("5", q(c1.path("lots").get(1).path("quantity")));
    assertEquals("0", q(c1.path("shortage")));

    String key = code("KIT");
    admin
        .post("/work-orders/" + id + "/material-issues", obj("issueKey", key, "kind", "KIT"))
        .expect(201);
    admin
        .post("/work-orders/" + id + "/material-issues", obj("issueKey", key, "kind", "KIT"))
        .expect(200);
    assertEquals(Map.of("L2@" + m.raw(), "95"), stock(m.c1()));
    assertEquals(Map.of("K1@" + m.raw(), "45"), stock(m.c2()));
    long c1Line = c1.path("componentId").asLong();
    admin
        .post(
            "/work-orders/" + id + "/material-issues",
            obj(
                "issueKey",
                code("RET"),
                "kind",
                "RETURN",
                "lines",
                List.of(obj("componentId", c1Line, "quantity", 3, "lot", "L2"))))
        .expect(201);
    Response tooMuch =
        admin.post(
            "/work-orders/" + id + "/material-issues",
            obj(
                "issueKey",
                code("RET"),
                "kind",
                "RETURN",
                "lines",
                List.of(obj("componentId", c1Line, "quantity", 30, "lot", "L2"))));
    tooMuch.expect(400);
    assertTrue(tooMuch.body(), tooMuch.body().contains("lines[0].quantity"));
    assertEquals(Map.of("L2@" + m.raw(), "98"), stock(m.c1()));
    report(admin, id, 10, code("R"), "good", 10).expect(201);
    report(admin, id, 20, code("R"), "good", 10).expect(201);
    assertEquals(Map.of("L2@" + m.raw(), "98"), stock(m.c1()));
    JsonNode after = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals("17", q(after.path("components").get(0).path("issuedQuantity")));
    String lot = after.path("lot").asText();
    Map<String, String> made = new TreeMap<>();
    for (JsonNode l :
        admin
            .get("/genealogy?materialId=" + m.fg() + "&lot=" + lot)
            .expect(200)
            .json()
            .path("links")) {
      made.put(
          l.path("childMaterialId").asLong() + "/" + l.path("childLot").asText(),
          q(l.path("quantity")));
    }
    assertEquals(
        new TreeMap<>(Map.of(m.c1() + "/L1", "15", m.c1() + "/L2", "2", m.c2() + "/K1", "5")),
        made);
  }

  private long handIssuedOrder(Model m, Object qty, LocalDate start) {
    ObjectNode body =
        obj(
            "plantId",
            m.plant(),
            "materialId",
            m.fg(),
            "quantity",
            qty,
            "startDate",
            start.toString(),
            "issueLocationId",
            m.raw(),
            "receiveLocationId",
            m.fgLoc(),
            "backflush",
            false);
    long id = admin.post("/work-orders", body).expect(201).json().path("id").asLong();
    release(id);
    return id;
  }

  /**
   * Merged issue (合并发料) of C1 for A (10 FG, starts in 2 days: 20 C1), B (5, in 1 day: 10) and C
   * (30, in 2 days, created after A: 60). The merged pick list serves B, A, C: 90 from L1 15 and L2
   * 75; B L1 10, A L1 5 + L2 15, C L2 60. Asking 100 for C (130 in all, 115 on hand) is refused
   * whole and leaves nothing; the orders' needs then go through as listed, a retry posts nothing,
   * and the key cannot be used again for a single issue.
   */
  @Test
  public void mergedIssueAcrossOrders() {
    Model m = model();
    LocalDate today = LocalDate.now();
    long a = handIssuedOrder(m, 10, today.plusDays(2));
    long b = handIssuedOrder(m, 5, today.plusDays(1));
    long c = handIssuedOrder(m, 30, today.plusDays(2));

    JsonNode pick =
        admin.get("/pick-lists/merged?workOrderIds=" + a + "," + b + "," + c).expect(200).json();
    JsonNode c1 = pick.path("lines").get(0);
    assertEquals(pick.toString(), m.c1(), c1.path("materialId").asLong());
    assertEquals("90", q(c1.path("open")));
    assertEquals("0", q(c1.path("shortage")));
    assertEquals("L1", c1.path("lots").get(0).path("lot").asText());
    assertEquals("15", q(c1.path("lots").get(0).path("quantity")));
    assertEquals("75", q(c1.path("lots").get(1).path("quantity")));
    JsonNode shares = c1.path("orders");
    assertEquals(b, shares.get(0).path("workOrderId").asLong());
    assertEquals(a, shares.get(1).path("workOrderId").asLong());
    assertEquals(c, shares.get(2).path("workOrderId").asLong());
    assertEquals("5", q(shares.get(1).path("lots").get(0).path("quantity")));
    assertEquals("L2", shares.get(1).path("lots").get(1).path("lot").asText());
    assertEquals("15", q(shares.get(1).path("lots").get(1).path("quantity")));
    assertEquals("22.5", q(pick.path("lines").get(1).path("open")));

    Response invalid = admin.post("/material-issues/merged", obj("issueKey", code("MI")));
    invalid.expect(400);
    assertTrue(invalid.body(), invalid.body().contains("materialId"));
    assertTrue(invalid.body(), invalid.body().contains("\"orders\""));

    String key = code("MI");
    Response refused =
        admin.post(
            "/material-issues/merged",
            obj(
                "issueKey",
                key,
                "materialId",
                m.c1(),
                "orders",
                List.of(
                    obj("workOrderId", a),
                    obj("workOrderId", b),
                    obj("workOrderId", c, "quantity", 100))));
    refused.expect(409);
    assertEquals(Map.of("L1@" + m.raw(), "15", "L2@" + m.raw(), "100"), stock(m.c1()));
    assertEquals(
        "0",
        q(
            admin
                .get("/work-orders/" + b)
                .expect(200)
                .json()
                .path("components")
                .get(0)
                .path("issuedQuantity")));

    ObjectNode body =
        obj(
            "issueKey",
            key,
            "materialId",
            m.c1(),
            "orders",
            List.of(obj("workOrderId", a), obj("workOrderId", b), obj("workOrderId", c)));
    Response first = admin.post("/material-issues/merged", body);
    first.expect(201);
    JsonNode issued = first.json();
    assertEquals("90", q(issued.path("quantity")));
    JsonNode issues = issued.path("issues");
    assertEquals(issued.toString(), 3, issues.size());
    assertEquals(b, issues.get(0).path("workOrderId").asLong());
    assertEquals("L1", issues.get(0).path("lines").get(0).path("lot").asText());
    assertEquals("10", q(issues.get(0).path("lines").get(0).path("quantity")));
    assertEquals(a, issues.get(1).path("workOrderId").asLong());
    assertEquals(2, issues.get(1).path("lines").size());
    assertEquals(c, issues.get(2).path("workOrderId").asLong());
    assertEquals("60", q(issues.get(2).path("lines").get(0).path("quantity")));
    assertEquals(Map.of("L2@" + m.raw(), "25"), stock(m.c1()));

    Response retry = admin.post("/material-issues/merged", body);
    retry.expect(200);
    assertTrue(retry.json().path("duplicate").asBoolean());
    assertEquals(issued.path("id").asLong(), retry.json().path("id").asLong());
    assertEquals(3, retry.json().path("issues").size());
    assertEquals(Map.of("L2@" + m.raw(), "25"), stock(m.c1()));
    Response single =
        admin.post("/work-orders/" + a + "/material-issues", obj("issueKey", key, "kind", "KIT"));
    single.expect(400);
    assertTrue(single.body(), single.body().contains("issueKey"));

    assertEquals(
        "20",
        q(
            admin
                .get("/work-orders/" + a)
                .expect(200)
                .json()
                .path("components")
                .get(0)
                .path("issuedQuantity")));
    assertEquals(
        "60",
        q(
            admin
                .get("/work-orders/" + c)
                .expect(200)
                .json()
                .path("components")
                .get(0)
                .path("issuedQuantity")));
    String lotA = admin.get("/work-orders/" + a).expect(200).json().path("lot").asText();
    Map<String, String> made = new TreeMap<>();
    for (JsonNode l :
        admin
            .get("/genealogy?materialId=" + m.fg() + "&lot=" + lotA)
            .expect(200)
            .json()
            .path("links")) {
      made.put(l.path("childLot").asText(), q(l.path("quantity")));
    }
    assertEquals(new TreeMap<>(Map.of("L1", "5", "L2", "15")), made);
  }

  /**
   * Line-side stock of C1 kept between 10 and 40: empty, it signals 40; executed, 40 move from RAW
   * (L1 15, L2 25); full, no signal; an order backflushing from the line takes 2 x 10 = 20 there.
   */
  @Test
  public void lineSideStockIsRefilledByPullSignals() {
    Model m = model();
    long wh =
        admin
            .get("/stock?materialId=" + m.c1())
            .json()
            .path("items")
            .get(0)
            .path("warehouseId")
            .asLong();
    long line = location(wh, "LINE");
    admin
        .put(
            "/line-stock-rules",
            obj(
                "plantId",
                m.plant(),
                "locationId",
                line,
                "materialId",
                m.c1(),
                "min",
                10,
                "max",
                40,
                "sourceLocationId",
                m.raw()))
        .expect(200);
    JsonNode signals =
        admin.post("/line-stock-replenishments?plantId=" + m.plant(), null).expect(200).json();
    assertEquals(1, signals.size());
    assertEquals("40", q(signals.get(0).path("quantity")));
    assertTrue(!signals.get(0).path("moved").asBoolean());
    admin
        .post("/line-stock-replenishments?plantId=" + m.plant() + "&execute=true", null)
        .expect(200);
    assertEquals(
        Map.of("L1@" + line, "15", "L2@" + line, "25", "L2@" + m.raw(), "75"), stock(m.c1()));
    assertEquals(
        0,
        admin
            .post("/line-stock-replenishments?plantId=" + m.plant() + "&execute=true", null)
            .expect(200)
            .json()
            .size());
    ObjectNode body =
        obj(
            "plantId",
            m.plant(),
            "materialId",
            m.fg(),
            "quantity",
            10,
            "issueLocationId",
            line,
            "receiveLocationId",
            m.fgLoc());
    long id = admin.post("/work-orders", body).expect(201).json().path("id").asLong();
    receive(m.c2(), 5, line, "K9");
    release(id);
    report(admin, id, 10, code("R"), "good", 10).expect(201);
    report(admin, id, 20, code("R"), "good", 10).expect(201);
    assertEquals(Map.of("L2@" + line, "20", "L2@" + m.raw(), "75"), stock(m.c1()));
  }

  /**
   * Operation 20 of an order of 10 is outsourced: 8 of the 10 at op 20 go to SUP1; only the 2 left
   * here can be reported here; SUP1 returns 6 good + 1 scrap with a fee of 120.50, which
   * backflushes 2 x 7 C1 and receives 6 FG; 1 is still at SUP1.
   */
  @Test
  public void anOperationDoneBySupplier() {
    Model m = model();
    long id = createOrder(m, m.fg(), 10, null).path("id").asLong();
    release(id);
    report(admin, id, 10, code("R"), "good", 10).expect(201);
    String send = code("OS");
    String path = "/work-orders/" + id + "/operations/20/";
    admin
        .post(path + "outsourcing-shipments", obj("key", send, "supplier", "SUP1", "quantity", 8))
        .expect(200);
    admin
        .post(path + "outsourcing-shipments", obj("key", send, "supplier", "SUP1", "quantity", 8))
        .expect(200);
    JsonNode sent = admin.get("/work-orders/" + id).expect(200).json().path("operations").get(1);
    assertEquals("8", q(sent.path("atSupplier")));
    assertEquals("SUP1", sent.path("supplier").asText());
    report(admin, id, 20, code("R"), "good", 3).expect(400);
    report(admin, id, 20, code("R"), "good", 2).expect(201);
    String back = code("OR");
    JsonNode received =
        admin
            .post(
                path + "outsourcing-receipts",
                obj("key", back, "good", 6, "scrap", 1, "reasonCode", "SUP", "fee", 120.50))
            .expect(200)
            .json();
    admin
        .post(
            path + "outsourcing-receipts",
            obj("key", back, "good", 6, "scrap", 1, "reasonCode", "SUP", "fee", 120.50))
        .expect(200);
    JsonNode op20 = received.path("operations").get(1);
    assertEquals("8", q(op20.path("good")));
    assertEquals("1", q(op20.path("scrap")));
    assertEquals("1", q(op20.path("atSupplier")));
    assertEquals("8", q(received.path("completedQuantity")));
    // 2 x (2 + 7) = 18 C1 from L1 (15) and L2 (3)
    assertEquals(Map.of("L2@" + m.raw(), "97"), stock(m.c1()));
    JsonNode held = admin.get("/outsourced-work?plantId=" + m.plant()).expect(200).json();
    assertEquals(1, held.size());
    assertEquals("SUP1", held.get(0).path("supplier").asText());
    assertEquals("1", q(held.get(0).path("atSupplier")));
    assertEquals("120.5", q(held.get(0).path("fees")));
  }

  /**
   * Sales order SO-x line 1 of 10 FG requested in 3 days: a work order of 10 for "SO SO-x/1" due in
   * 5 days is LATE; after it is made and 4 are shipped with the order as reference, the line shows
   * 10 completed and 4 shipped. Line 2 has nothing: NO_SUPPLY. Two planned orders merge into a
   * batch of 10 on the earliest dates; the batch moves to line L2 and shows in its line plan.
   */
  @Test
  public void orderTrackingBatchesAndLinePlans() {
    Model m = model();
    String orderNo = code("SO");
    LocalDate today = LocalDate.now();
    for (int line = 1; line <= 2; line++) {
      admin
          .post(
              "/sales-orders",
              obj(
                  "plantId",
                  m.plant(),
                  "orderNo",
                  orderNo,
                  "lineNo",
                  line,
                  "customer",
                  "C1",
                  "materialId",
                  m.fg(),
                  "requestedDate",
                  today.plusDays(3).toString(),
                  "quantity",
                  10))
          .expect(201);
    }
    ObjectNode body =
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
            m.fgLoc(),
            "salesOrder",
            "SO " + orderNo + "/1",
            "dueDate",
            today.plusDays(5).toString());
    long id = admin.post("/work-orders", body).expect(201).json().path("id").asLong();
    JsonNode track =
        admin
            .get("/order-tracking?plantId=" + m.plant() + "&orderNo=" + orderNo)
            .expect(200)
            .json();
    JsonNode first = track.path("lines").get(0);
    assertEquals(1, first.path("workOrders").size());
    assertTrue(first.toString(), first.path("warnings").toString().contains("LATE"));
    assertTrue(track.path("lines").get(1).path("warnings").toString().contains("NO_SUPPLY"));
    release(id);
    report(admin, id, 10, code("R"), "good", 10).expect(201);
    report(admin, id, 20, code("R"), "good", 10).expect(201);
    String lot = admin.get("/work-orders/" + id).json().path("lot").asText();
    admin
        .post(
            "/stock/movements",
            obj(
                "type",
                "ISSUE",
                "materialId",
                m.fg(),
                "quantity",
                4,
                "locationId",
                m.fgLoc(),
                "lot",
                lot,
                "reference",
                orderNo))
        .expect(201);
    first =
        admin
            .get("/order-tracking?plantId=" + m.plant() + "&orderNo=" + orderNo)
            .expect(200)
            .json()
            .path("lines")
            .get(0);
    assertEquals("10", q(first.path("completed")));
    assertEquals("4", q(first.path("shipped")));
    assertEquals(0, first.path("warnings").size());
    // recall: forward from C1 L1 reaches the FG lot and its shipment of 4 to customer C1
    JsonNode recall =
        admin
            .get("/genealogy?materialId=" + m.c1() + "&lot=L1&direction=FORWARD")
            .expect(200)
            .json();
    assertEquals(recall.toString(), 1, recall.path("shipments").size());
    assertEquals(orderNo, recall.path("shipments").get(0).path("reference").asText());
    assertEquals("C1", recall.path("shipments").get(0).path("customer").asText());
    assertEquals("4", q(recall.path("shipments").get(0).path("quantity")));
    admin.get("/order-tracking?plantId=" + m.plant() + "&orderNo=NONE-" + orderNo).expect(404);

    long a =
        admin
            .post(
                "/work-orders",
                obj(
                    "plantId",
                    m.plant(),
                    "materialId",
                    m.fg(),
                    "quantity",
                    4,
                    "startDate",
                    today.plusDays(2).toString(),
                    "dueDate",
                    today.plusDays(4).toString()))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long b =
        admin
            .post(
                "/work-orders",
                obj(
                    "plantId",
                    m.plant(),
                    "materialId",
                    m.fg(),
                    "quantity",
                    6,
                    "startDate",
                    today.plusDays(1).toString(),
                    "dueDate",
                    today.plusDays(6).toString()))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    JsonNode batch = admin.post("/work-orders/merge", obj("ids", List.of(a, b))).expect(201).json();
    assertEquals("BATCH", batch.path("kind").asText());
    assertEquals("10", q(batch.path("quantity")));
    assertEquals(today.plusDays(1).toString(), batch.path("startDate").asText());
    assertEquals(today.plusDays(4).toString(), batch.path("dueDate").asText());
    JsonNode merged = admin.get("/work-orders/" + a).expect(200).json();
    assertEquals("CANCELLED", merged.path("status").asText());
    assertEquals(batch.path("id").asLong(), merged.path("parentId").asLong());
    admin.post("/work-orders/merge", obj("ids", List.of(a, b))).expect(400);
    long batchId = batch.path("id").asLong();
    admin
        .post(
            "/work-orders/" + batchId + "/line",
            obj("version", batch.path("version").asLong(), "lineCode", "L2"))
        .expect(200);
    JsonNode plan =
        admin
            .get(
                "/line-plans?plantId="
                    + m.plant()
                    + "&from="
                    + today
                    + "&to="
                    + today.plusDays(7)
                    + "&line=L2")
            .expect(200)
            .json();
    assertEquals(plan.toString(), 1, plan.size());
    assertEquals(batchId, plan.get(0).path("workOrderId").asLong());
    assertEquals(today.plusDays(1).toString(), plan.get(0).path("date").asText());
    assertEquals("10", q(plan.get(0).path("remaining")));
    admin.get("/line-plans?plantId=" + m.plant() + "&from=x").expect(400);
  }

  /**
   * The order BOM is the order's own: C2 moved to operation 10 at 1 per unit is backflushed there
   * (10 of K1 for 10 good), a new line of 1 C1 per unit at operation 10 takes 10 C1 from L1 there
   * (the BOM's 2 C1 per unit stay at the last operation); both changes are audited with before and
   * after; a stale version is refused.
   */
  @Test
  public void theOrderBomIsEditedWithAudit() {
    Model m = model();
    long id = createOrder(m, m.fg(), 10, null).path("id").asLong();
    JsonNode released = release(id);
    long c2Line = released.path("components").get(1).path("id").asLong();
    long version = released.path("version").asLong();
    JsonNode edited =
        admin
            .post(
                "/work-orders/" + id + "/components",
                obj(
                    "componentId",
                    c2Line,
                    "quantityPer",
                    1,
                    "operationSeq",
                    10,
                    "version",
                    version))
            .expect(200)
            .json();
    assertEquals("10", q(edited.path("components").get(1).path("requiredQuantity")));
    admin
        .post(
            "/work-orders/" + id + "/components",
            obj("componentId", c2Line, "quantityPer", 2, "version", version))
        .expect(409);
    edited =
        admin
            .post(
                "/work-orders/" + id + "/components",
                obj(
                    "materialId",
                    m.c1(),
                    "quantityPer",
                    1,
                    "operationSeq",
                    10,
                    "version",
                    edited.path("version").asLong()))
            .expect(200)
            .json();
    assertEquals(3, edited.path("components").size());
    report(admin, id, 10, code("R"), "good", 10).expect(201);
    assertEquals(Map.of("K1@" + m.raw(), "40"), stock(m.c2()));
    assertEquals(Map.of("L1@" + m.raw(), "5", "L2@" + m.raw(), "100"), stock(m.c1()));
    JsonNode audit =
        admin.get("/audit?entity=WorkOrder&entityId=" + id + "&limit=50").expect(200).json();
    int bomChanges = 0;
    for (JsonNode e : audit.path("items")) {
      if (e.path("action").asText().equals("ORDER_BOM")) {
        bomChanges++;
      }
    }
    assertEquals(audit.toString(), 2, bomChanges);
  }

  /** Moves a made lot from FG to RAW, where the next order backflushes it. */
  private void toRaw(Model m, long material, Object qty, String lot) {
    admin
        .post(
            "/stock/movements",
            obj(
                "type",
                "TRANSFER",
                "materialId",
                material,
                "quantity",
                qty,
                "locationId",
                m.fgLoc(),
                "toLocationId",
                m.raw(),
                "lot",
                lot))
        .expect(201);
  }

  private static ObjectNode unit(String serial, ObjectNode... components) {
    return obj("serial", serial, "components", List.of(components));
  }

  /**
   * Serial genealogy over five levels, lots and serials mixed (one-operation orders):
   *
   * <pre>
   *   STEEL lot S ← 10 ORE of lot O (backflush, lot genealogy); PISTON lot P ← 8 STEEL S
   *   ENGINE E-1, E-2 (serials) ← 4 PISTON of lot P each (recorded per unit; backflush 8 P)
   *   CAR C-1 ← E-1, C-2 ← E-2; TRAIN T-1 ← C-1 + C-2; 1 TRAIN shipped on a sales order
   *   backward from T-1: 1 C-1, C-2; 2 E-1, E-2; 3 P twice; 4 S; 5 O: 8 links, end O
   *   forward from E-1: 1 C-1; 2 T-1: end T-1, shipped to the sales order's customer
   * </pre>
   */
  @Test
  public void serialGenealogyOverFiveLevelsWithLotsAndRecall() {
    Model m = model();
    long ore = material(m.plant(), "PURCHASED");
    long steel = material(m.plant(), "MANUFACTURED");
    long piston = material(m.plant(), "MANUFACTURED");
    long engine = material(m.plant(), "MANUFACTURED");
    long car = material(m.plant(), "MANUFACTURED");
    long train = material(m.plant(), "MANUFACTURED");
    bom(m.plant(), steel, List.of(obj("componentMaterialId", ore, "quantityPer", 1)));
    bom(m.plant(), piston, List.of(obj("componentMaterialId", steel, "quantityPer", 1)));
    bom(m.plant(), engine, List.of(obj("componentMaterialId", piston, "quantityPer", 4)));
    bom(m.plant(), car, List.of(obj("componentMaterialId", engine, "quantityPer", 1)));
    bom(m.plant(), train, List.of(obj("componentMaterialId", car, "quantityPer", 2)));
    String oreLot = code("O");
    receive(ore, 10, m.raw(), oreLot);
    String s = code("S");
    long ws = createOrder(m, steel, 10, s).path("id").asLong();
    release(ws);
    report(admin, ws, 10, code("R"), "good", 10).expect(201);
    toRaw(m, steel, 10, s);
    String p = code("P");
    long wp = createOrder(m, piston, 8, p).path("id").asLong();
    release(wp);
    report(admin, wp, 10, code("R"), "good", 8).expect(201);
    toRaw(m, piston, 8, p);
    String e1 = code("E");
    String e2 = code("E");
    String e = code("EL");
    long we = createOrder(m, engine, 2, e).path("id").asLong();
    release(we);
    ObjectNode pistons = obj("materialId", piston, "lot", p, "quantity", 4);
    // one serial per good unit
    Response few =
        report(admin, we, 10, code("R"), "good", 2, "serials", List.of(unit(e1, pistons)));
    few.expect(400);
    assertTrue(few.body(), few.body().contains("\"serials\""));
    Response both =
        report(
            admin,
            we,
            10,
            code("R"),
            "good",
            2,
            "serials",
            List.of(
                unit(e1, pistons),
                unit(e2, obj("materialId", piston, "lot", p, "serial", "X", "quantity", 4))));
    both.expect(400);
    assertTrue(both.body(), both.body().contains("serials[1].components[0].serial"));
    report(
            admin,
            we,
            10,
            code("R"),
            "good",
            2,
            "serials",
            List.of(unit(e1, pistons), unit(e2, pistons)))
        .expect(201);
    toRaw(m, engine, 2, e);
    String c1 = code("C");
    String c2 = code("C");
    String c = code("CL");
    long wc = createOrder(m, car, 2, c).path("id").asLong();
    release(wc);
    report(
            admin,
            wc,
            10,
            code("R"),
            "good",
            2,
            "serials",
            List.of(
                unit(c1, obj("materialId", engine, "serial", e1)),
                unit(c2, obj("materialId", engine, "serial", e2))))
        .expect(201);
    toRaw(m, car, 2, c);
    // a serial is received once per material; an engine goes into one car
    String t1 = code("T");
    String t = code("TL");
    long wt = createOrder(m, train, 1, t).path("id").asLong();
    release(wt);
    Response again =
        report(
            admin,
            wt,
            10,
            code("R"),
            "good",
            1,
            "serials",
            List.of(unit(t1, obj("materialId", engine, "serial", e1))));
    again.expect(400);
    assertTrue(again.body(), again.body().contains("serials[0].components[0].serial"));
    report(
            admin,
            wt,
            10,
            code("R"),
            "good",
            1,
            "serials",
            List.of(
                unit(
                    t1,
                    obj("materialId", car, "serial", c1),
                    obj("materialId", car, "serial", c2))))
        .expect(201);
    String orderNo = code("SO");
    admin
        .post(
            "/sales-orders",
            obj(
                "plantId",
                m.plant(),
                "orderNo",
                orderNo,
                "lineNo",
                1,
                "customer",
                "CUST-S",
                "materialId",
                train,
                "requestedDate",
                LocalDate.now().plusDays(3).toString(),
                "quantity",
                1))
        .expect(201);
    admin
        .post(
            "/stock/movements",
            obj(
                "type",
                "ISSUE",
                "materialId",
                train,
                "quantity",
                1,
                "locationId",
                m.fgLoc(),
                "lot",
                t,
                "reference",
                orderNo))
        .expect(201);

    JsonNode back =
        admin
            .get("/genealogy/serials/" + t1 + "?materialId=" + train + "&direction=BACKWARD")
            .expect(200)
            .json();
    JsonNode links = back.path("links");
    assertEquals(back.toString(), 8, links.size());
    List<String> levels = new ArrayList<>();
    List<String> children = new ArrayList<>();
    for (JsonNode l : links) {
      levels.add(l.path("level").asText());
      JsonNode child = l.path("child");
      children.add(
          child.path("serial").isNull()
              ? "lot " + child.path("lot").asText()
              : child.path("serial").asText() + "@" + child.path("lot").asText());
    }
    assertEquals(List.of("1", "1", "2", "2", "3", "3", "4", "5"), levels);
    assertEquals(
        new java.util.TreeSet<>(List.of(c1 + "@" + c, c2 + "@" + c)),
        new java.util.TreeSet<>(children.subList(0, 2)));
    assertEquals(
        new java.util.TreeSet<>(List.of(e1 + "@" + e, e2 + "@" + e)),
        new java.util.TreeSet<>(children.subList(2, 4)));
    assertEquals(
        List.of("lot " + p, "lot " + p, "lot " + s, "lot " + oreLot), children.subList(4, 8));
    assertEquals("4", q(links.get(4).path("quantity")));
    assertEquals("8", q(links.get(6).path("quantity")));
    assertEquals(1, back.path("ends").size());
    assertEquals(oreLot, back.path("ends").get(0).path("lot").asText());
    assertFalse(back.path("truncated").asBoolean());
    JsonNode cut =
        admin
            .get("/genealogy/serials/" + t1 + "?materialId=" + train + "&levels=4")
            .expect(200)
            .json();
    assertEquals(7, cut.path("links").size());
    assertTrue(cut.path("truncated").asBoolean());

    JsonNode recall =
        admin
            .get("/genealogy/serials/" + e1 + "?materialId=" + engine + "&direction=FORWARD")
            .expect(200)
            .json();
    assertEquals(recall.toString(), 2, recall.path("links").size());
    assertEquals(t1, recall.path("ends").get(0).path("serial").asText());
    assertEquals(t, recall.path("ends").get(0).path("lot").asText());
    JsonNode shipped = recall.path("shipments");
    assertEquals(recall.toString(), 1, shipped.size());
    assertEquals(orderNo, shipped.get(0).path("reference").asText());
    assertEquals("CUST-S", shipped.get(0).path("customer").asText());

    admin.get("/genealogy/serials/" + t1 + "?materialId=" + train + "&levels=21").expect(400);
    admin.get("/genealogy/serials/" + t1).expect(400);
    // another plant's viewer sees nothing of this plant's genealogy
    JsonNode none =
        user(code("sv").toLowerCase(Locale.ROOT), plant(), "VIEWER")
            .get("/genealogy/serials/" + t1 + "?materialId=" + train)
            .expect(200)
            .json();
    assertEquals(0, none.path("links").size());
    // the report's audit row carries the serials
    String audit = admin.get("/audit?entity=WorkOrder&entityId=" + wc).expect(200).body();
    assertTrue(audit, audit.contains(c1));
  }

  @Test
  public void theConsoleListsReportsAndTraces() throws Exception {
    Model m = model();
    long id = createOrder(m, m.fg(), 5, null).path("id").asLong();
    String out = ItSupport.executeCommand(sessionFactory, "mom:wo-action " + id + " release");
    assertTrue(out, out.contains("RELEASED"));
    out = ItSupport.executeCommand(sessionFactory, "mom:wo-report -g 5 " + id + " 10");
    assertTrue(out, out.contains("Reported"));
    out =
        ItSupport.executeCommand(
            sessionFactory, "mom:wo-report -g 5 -k CK-" + id + " " + id + " 20");
    assertTrue(out, out.contains("to stock 5"));
    out =
        ItSupport.executeCommand(
            sessionFactory, "mom:wo-report -g 5 -k CK-" + id + " " + id + " 20");
    assertTrue(out, out.contains("Already reported"));
    out = ItSupport.executeCommand(sessionFactory, "mom:wo-show " + id);
    assertTrue(out, out.contains("COMPLETED"));
    String lot = admin.get("/work-orders/" + id).json().path("lot").asText();
    out = ItSupport.executeCommand(sessionFactory, "mom:trace " + m.fg() + " " + lot);
    assertTrue(out, out.contains("L1"));
    out =
        ItSupport.executeCommand(
            sessionFactory, "mom:trace-serial -f " + m.fg() + " NO-SUCH-SERIAL");
    assertTrue(out, out.contains("Level"));
  }

  /**
   * The order routing is the order's own. FG3 ← 2 C1 (at the last operation) + 0.5 C2 over 10 → 20
   * → 30, an order of 10 with C2 moved to operation 30 in the order BOM. Worked by hand:
   *
   * <pre>
   *   change 20: another work centre (audited before / after)
   *   10 reports 8 good → 20 in 8; 20 reports 6 good, 1 scrap → 30 in 6 (nothing backflushed)
   *   insert 15: refused (20 has reports); insert 25: the 6 waiting at 30 move to 25, 30 in 0
   *   remove 20: refused (reports); remove 30: allowed, C2 moves to 25, 25 is the last operation
   *   25 reports 6 good: 6 FG to stock, C1 2 × 6 = 12 from L1 (15 → 3), C2 0.5 × 6 = 3 (50 → 47)
   *   10 reports 2, 20 reports 3, 25 reports 3: 9 FG in all; C1 18 (L1 0, L2 97), C2 4.5 (45.5)
   *   check: 10 = scrap 1 + good at the last operation 9 = FG received 9
   * </pre>
   */
  @Test
  public void theOrderRoutingIsEditedWithAudit() {
    Model m = model();
    long fg3 = material(m.plant(), "MANUFACTURED");
    bom(
        m.plant(),
        fg3,
        List.of(
            obj("componentMaterialId", m.c1(), "quantityPer", 2),
            obj("componentMaterialId", m.c2(), "quantityPer", 0.5)));
    routing(m.plant(), fg3, 10, 20, 30);
    long wc2 = orgUnit("WORK_CENTER", orgUnit("LINE", orgUnit("WORKSHOP", m.plant())));
    Api op = user(code("op").toLowerCase(Locale.ROOT), m.plant(), "OPERATOR");

    // a planned order has no routing of its own yet
    JsonNode planned = createOrder(m, fg3, 10, null);
    admin
        .put(
            "/work-orders/" + planned.path("id").asLong() + "/operations/10",
            obj("description", "x", "version", planned.path("version").asLong()))
        .expect(409);

    long id = createOrder(m, fg3, 10, null).path("id").asLong();
    JsonNode w = release(id);
    String lot = w.path("lot").asText();
    assertEquals(3, w.path("operations").size());
    long wc1 = w.path("operations").get(1).path("workCenterId").asLong();
    String path = "/work-orders/" + id + "/operations";

    // change 20: work centre and description; the audit row holds before and after
    long version = w.path("version").asLong();
    op.put(path + "/20", obj("workCenterId", wc2, "version", version)).expect(403);
    // an operation keeps its seq (reports and components refer to it)
    admin.put(path + "/20", obj("seq", 21, "version", version)).expect(400);
    Response badChange =
        admin.put(path + "/20", obj("runMinutes", -1, "description", " ", "version", version));
    badChange.expect(400);
    for (String field : List.of("runMinutes", "description")) {
      assertTrue(badChange.body(), badChange.body().contains("\"" + field + "\""));
    }
    admin.put(path + "/20", obj("workCenterId", m.plant(), "version", version)).expect(400);
    w =
        admin
            .put(path + "/20", obj("workCenterId", wc2, "description", "精加工", "version", version))
            .expect(200)
            .json();
    assertEquals(wc2, w.path("operations").get(1).path("workCenterId").asLong());
    assertEquals("精加工", w.path("operations").get(1).path("description").asText());
    admin.put(path + "/20", obj("runMinutes", 5, "version", version)).expect(409);

    // C2 to operation 30 in the order BOM
    long c2Line = w.path("components").get(1).path("id").asLong();
    w =
        admin
            .post(
                "/work-orders/" + id + "/components",
                obj("componentId", c2Line, "operationSeq", 30, "version", w.path("version")))
            .expect(200)
            .json();

    report(admin, id, 10, code("R"), "good", 8).expect(201);
    report(admin, id, 20, code("R"), "good", 6, "scrap", 1, "reasonCode", "R1").expect(201);
    assertEquals(Map.of("L1@" + m.raw(), "15", "L2@" + m.raw(), "100"), stock(m.c1()));
    assertEquals(Map.of("K1@" + m.raw(), "50"), stock(m.c2()));

    version = admin.get("/work-orders/" + id).json().path("version").asLong();
    Response before20 = admin.post(path, obj("seq", 15, "version", version));
    before20.expect(400);
    assertTrue(before20.body(), before20.body().contains("\"seq\""));
    admin.post(path, obj("seq", 25, "version", version - 1)).expect(409);
    op.post(path, obj("seq", 25, "version", version)).expect(403);
    w =
        admin
            .post(
                path, obj("seq", 25, "description", "检验", "workCenterId", wc2, "version", version))
            .expect(200)
            .json();
    JsonNode ops = w.path("operations");
    assertEquals(4, ops.size());
    assertEquals(25, ops.get(2).path("seq").asInt());
    assertEquals("6", q(ops.get(2).path("in")));
    assertEquals("READY", ops.get(2).path("status").asText());
    assertEquals("0", q(ops.get(3).path("in")));
    assertEquals("WAITING", ops.get(3).path("status").asText());

    version = w.path("version").asLong();
    Response withReports = admin.delete(path + "/20?version=" + version);
    withReports.expect(400);
    assertTrue(withReports.body(), withReports.body().contains("\"seq\""));
    op.delete(path + "/30?version=" + version).expect(403);
    admin.delete(path + "/30").expect(400);
    w = admin.delete(path + "/30?version=" + version).expect(200).json();
    ops = w.path("operations");
    assertEquals(3, ops.size());
    assertEquals(25, ops.get(2).path("seq").asInt());
    assertEquals(25, w.path("components").get(1).path("operationSeq").asInt());

    // 25 is the last operation now: its good goes to stock and C1 and C2 are backflushed there
    Response at25 = report(admin, id, 25, code("R"), "good", 6);
    at25.expect(201);
    assertEquals("6", q(at25.json().path("completedQuantity")));
    assertEquals(Map.of("L1@" + m.raw(), "3", "L2@" + m.raw(), "100"), stock(m.c1()));
    assertEquals(Map.of("K1@" + m.raw(), "47"), stock(m.c2()));
    assertEquals(Map.of(lot + "@" + m.fgLoc(), "6"), stock(fg3));

    report(admin, id, 10, code("R"), "good", 2).expect(201);
    report(admin, id, 20, code("R"), "good", 3).expect(201);
    report(admin, id, 25, code("R"), "good", 3).expect(201);
    JsonNode done = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals("COMPLETED", done.path("status").asText());
    assertEquals("9", q(done.path("completedQuantity")));
    assertEquals("1", q(done.path("scrapQuantity")));
    ops = done.path("operations");
    assertEquals("9", q(ops.get(2).path("good")));
    for (JsonNode o : ops) {
      assertEquals(o.toString(), "0", q(o.path("inProgress")));
    }
    assertEquals(Map.of("L2@" + m.raw(), "97"), stock(m.c1()));
    assertEquals(Map.of("K1@" + m.raw(), "45.5"), stock(m.c2()));
    assertEquals(Map.of(lot + "@" + m.fgLoc(), "9"), stock(fg3));

    // a completed order's routing stays as it was worked
    version = done.path("version").asLong();
    admin.put(path + "/25", obj("runMinutes", 1, "version", version)).expect(409);
    admin.post(path, obj("seq", 40, "version", version)).expect(409);
    admin.delete(path + "/25?version=" + version).expect(409);

    JsonNode audit =
        admin.get("/audit?entity=WorkOrder&entityId=" + id + "&limit=50").expect(200).json();
    List<String> changes = new ArrayList<>();
    for (JsonNode e : audit.path("items")) {
      if (e.path("action").asText().equals("ORDER_ROUTING")) {
        String after = e.path("after").asText();
        if (after.contains("CHANGE")) {
          assertTrue(e.toString(), e.path("before").asText().contains("\"workCenterId\":" + wc1));
          assertTrue(e.toString(), after.contains("\"workCenterId\":" + wc2));
          changes.add("CHANGE");
        } else if (after.contains("INSERT")) {
          changes.add("INSERT");
        } else if (after.contains("REMOVE")) {
          assertTrue(e.toString(), after.contains("\"componentsMovedTo\":25"));
          changes.add("REMOVE");
        }
      }
    }
    java.util.Collections.sort(changes);
    assertEquals(audit.toString(), List.of("CHANGE", "INSERT", "REMOVE"), changes);
  }

  @Test
  public void theConsoleEditsTheOrderRouting() throws Exception {
    Model m = model();
    long id = createOrder(m, m.fg(), 5, null).path("id").asLong();
    release(id);
    String out =
        ItSupport.executeCommand(sessionFactory, "mom:wo-op-edit -d 包装 " + id + " insert 30");
    assertTrue(out, out.contains("30:WAITING"));
    out = ItSupport.executeCommand(sessionFactory, "mom:wo-op-edit " + id + " remove 30");
    assertTrue(out, !out.contains("30:"));
    JsonNode w = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals(2, w.path("operations").size());
  }

  /** A material without BOM in the model's plant, with a routing of the given operations. */
  /**
   * The operations running at a station: A/10 and B/20 started at station A, B/10 at B and 20 of
   * B/20 split off to B; each station lists its own, most recently started first, a part with its
   * number; the work centre lists the operations; a paused operation drops out.
   */
  @Test
  public void theOperationsRunningAtAStationNewestFirst() {
    Model m = model();
    long wc = orgUnit("WORK_CENTER", orgUnit("LINE", orgUnit("WORKSHOP", m.plant())));
    long fgR = plainProduct(m, List.of(routingOp(wc, 10), routingOp(wc, 20)));
    String stA = code("STA");
    String stB = code("STB");
    long a = createOrder(m, fgR, 10, null).path("id").asLong();
    long b = createOrder(m, fgR, 100, null).path("id").asLong();
    release(a);
    release(b);
    String running = "/work-orders/running?plantId=" + m.plant();
    assertEquals(0, admin.get(running + "&station=" + stA).expect(200).json().size());

    startAt(a, 10, stA);
    startAt(b, 10, stB);
    report(admin, b, 10, code("R"), "good", 50).expect(201);
    startAt(b, 20, stA);
    admin
        .post(
            "/work-orders/" + b + "/operations/20/splits",
            obj("parts", List.of(obj("quantity", 20, "station", stB))))
        .expect(200);

    Api viewer = user(code("vw").toLowerCase(Locale.ROOT), m.plant(), "VIEWER");
    // the station in any case
    assertEquals(
        List.of(b + "/20", a + "/10"),
        runningRows(viewer.get(running + "&station=" + stA.toLowerCase(Locale.ROOT))));
    assertEquals(
        List.of(b + "/20#1@" + stB, b + "/10"),
        runningRows(viewer.get(running + "&station=" + stB)));
    assertEquals(List.of(), runningRows(viewer.get(running + "&station=" + code("IDLE"))));
    assertEquals(
        List.of(b + "/20", b + "/10", a + "/10"),
        runningRows(viewer.get(running + "&workCenterId=" + wc)));
    JsonNode first = viewer.get(running + "&station=" + stA).expect(200).json().get(0);
    assertEquals(
        admin.get("/work-orders/" + b).json().path("code").asText(),
        first.path("workOrderCode").asText());
    assertEquals(fgR, first.path("materialId").asLong());
    assertEquals(wc, first.path("workCenterId").asLong());
    assertFalse(first.path("startedAt").isNull());

    // a paused operation is not running
    admin.post("/work-orders/" + a + "/operations/10", obj("action", "PAUSE")).expect(200);
    assertEquals(List.of(b + "/20"), runningRows(viewer.get(running + "&station=" + stA)));

    // a station or a work centre is required, named with the plant when that is missing too
    Response none = viewer.get("/work-orders/running?station=");
    none.expect(400);
    for (String field : List.of("plantId", "station", "workCenterId")) {
      assertTrue(none.body(), none.body().contains("\"" + field + "\""));
    }
    // a viewer of another plant sees nothing of this one
    Api stranger = user(code("x").toLowerCase(Locale.ROOT), plant(), "VIEWER");
    stranger.get(running + "&station=" + stA).expect(404);
  }

  private void startAt(long order, int seq, String station) {
    String path = "/work-orders/" + order + "/operations/" + seq;
    admin.post(path, obj("action", "DISPATCH", "station", station)).expect(200);
    admin.post(path, obj("action", "START")).expect(200);
    ItSupport.sleep(20); // distinct start times
  }

  /** "order/seq" for each running operation, "order/seq#part@station" for a part. */
  private static List<String> runningRows(Response r) {
    r.expect(200);
    List<String> out = new ArrayList<>();
    for (JsonNode o : r.json()) {
      out.add(
          o.path("workOrderId").asLong()
              + "/"
              + o.path("operationSeq").asInt()
              + (o.path("part").isNull() || o.path("part").isMissingNode()
                  ? ""
                  : "#" + o.path("part").asInt() + "@" + o.path("station").asText()));
    }
    return out;
  }

  private long plainProduct(Model m, List<ObjectNode> operations) {
    long material = material(m.plant(), "MANUFACTURED");
    admin
        .post(
            "/routings",
            obj(
                "plantId",
                m.plant(),
                "materialId",
                material,
                "revision",
                "1",
                "validFrom",
                LocalDate.now().minusDays(1).toString(),
                "operations",
                operations))
        .expect(201);
    return material;
  }

  private ObjectNode routingOp(long wc, int opNo, ObjectNode... predecessors) {
    ObjectNode o =
        obj("opNo", opNo, "description", "工序" + opNo, "workCenterId", wc, "runMinutes", 1);
    if (predecessors.length > 0) {
      o.set("predecessors", ItSupport.JSON.valueToTree(List.of(predecessors)));
    }
    return o;
  }

  private static JsonNode operation(JsonNode order, int seq) {
    for (JsonNode o : order.path("operations")) {
      if (o.path("seq").asInt() == seq) {
        return o;
      }
    }
    throw new AssertionError("no operation " + seq + " in " + order);
  }

  /** "partNo:in/good/scrap/rework/inProgress@station" for each part of an operation. */
  private static List<String> parts(JsonNode operation) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : operation.path("parts")) {
      out.add(
          p.path("partNo").asInt()
              + ":"
              + q(p.path("in"))
              + "/"
              + q(p.path("good"))
              + "/"
              + q(p.path("scrap"))
              + "/"
              + q(p.path("rework"))
              + "/"
              + q(p.path("inProgress"))
              + (p.path("station").isTextual() ? "@" + p.path("station").asText() : ""));
    }
    return out;
  }

  /**
   * 100 at operation 20 split 60 to station A and 40 to station B (工序分割), each reported on its own
   * and merged back: the parts always add up to the operation (in = good + scrap + rework + in
   * progress), a retried report changes nothing, and the order ends with 95 in stock and 5
   * scrapped.
   */
  @Test
  public void anOperationSplitSixtyFortyIsReportedByPartAndMerged() throws Exception {
    Model m = model();
    long wc = orgUnit("WORK_CENTER", orgUnit("LINE", orgUnit("WORKSHOP", m.plant())));
    long fgS = plainProduct(m, List.of(routingOp(wc, 10), routingOp(wc, 20), routingOp(wc, 30)));
    Api op = user(code("op").toLowerCase(Locale.ROOT), m.plant(), "OPERATOR");
    Api viewer = user(code("vw").toLowerCase(Locale.ROOT), m.plant(), "VIEWER");
    long id = createOrder(m, fgS, 100, null).path("id").asLong();
    release(id);
    report(op, id, 10, code("R"), "good", 100).expect(201);
    String splits = "/work-orders/" + id + "/operations/20/splits";
    String merge = "/work-orders/" + id + "/operations/20/merge";

    ObjectNode sixtyForty =
        obj(
            "parts",
            List.of(
                obj("quantity", 60, "station", "A", "operator", "张三"),
                obj("quantity", 40, "station", "B", "operator", "李四")));
    viewer.post(splits, sixtyForty).expect(403);
    Response tooMuch =
        op.post(splits, obj("parts", List.of(obj("quantity", 60), obj("quantity", 41))));
    tooMuch.expect(400);
    assertTrue(tooMuch.body(), tooMuch.body().contains("\"quantity\""));
    Response negative = op.post(splits, obj("parts", List.of(obj("quantity", -1))));
    negative.expect(400);
    assertTrue(negative.body(), negative.body().contains("\"parts[0].quantity\""));
    op.post(splits, obj("version", 0, "parts", List.of(obj("quantity", 1)))).expect(409);

    JsonNode w = op.post(splits, sixtyForty).expect(200).json();
    assertEquals(
        List.of("0:0/0/0/0/0", "1:60/0/0/0/60@A", "2:40/0/0/0/40@B"), parts(operation(w, 20)));
    assertEquals("100", q(operation(w, 20).path("inProgress")));
    assertEquals(3, viewer.get(splits).expect(200).json().size());

    String keyA = code("RA");
    Response a = report(op, id, 20, keyA, "part", 1, "good", 55, "scrap", 5, "reasonCode", "R1");
    a.expect(201);
    assertEquals(1, a.json().path("part").asInt());
    // a retry of the same report id changes nothing, also by part; another part is another report
    Response again =
        report(op, id, 20, keyA, "part", 1, "good", 55, "scrap", 5, "reasonCode", "R1");
    again.expect(200);
    assertTrue(again.json().path("duplicate").asBoolean());
    Response otherPart = report(op, id, 20, keyA, "part", 2, "good", 5);
    otherPart.expect(400);
    assertTrue(otherPart.body(), otherPart.body().contains("\"reportKey\""));
    Response over = report(op, id, 20, code("R"), "part", 2, "good", 41);
    over.expect(400);
    assertTrue(over.body(), over.body().contains("\"good\""));
    Response fromRest = report(op, id, 20, code("R"), "good", 1);
    fromRest.expect(400);
    assertTrue(fromRest.body(), fromRest.body().contains("\"good\""));
    report(op, id, 20, code("R"), "part", 9, "good", 1).expect(400);
    report(op, id, 20, code("R"), "part", 2, "good", 38, "rework", 2).expect(201);

    w = admin.get("/work-orders/" + id).expect(200).json();
    JsonNode op20 = operation(w, 20);
    assertEquals(List.of("0:0/0/0/0/0", "1:60/55/5/0/0@A", "2:40/38/0/2/0@B"), parts(op20));
    assertEquals("100", q(op20.path("in")));
    assertEquals("93", q(op20.path("good")));
    assertEquals("5", q(op20.path("scrap")));
    assertEquals("2", q(op20.path("rework")));
    assertEquals("0", q(op20.path("inProgress")));
    assertEquals("93", q(operation(w, 30).path("in")));

    report(op, id, 20, code("R"), "part", 2, "good", 2, "fromRework", true).expect(201);
    w = op.post(merge, obj()).expect(200).json();
    op20 = operation(w, 20);
    assertEquals(List.of(), parts(op20));
    assertEquals("100", q(op20.path("in")));
    assertEquals("95", q(op20.path("good")));
    assertEquals("5", q(op20.path("scrap")));
    assertEquals("0", q(op20.path("rework")));
    assertEquals("95", q(operation(w, 30).path("in")));
    Response notSplit = op.post(merge, obj());
    notSplit.expect(400);
    assertTrue(notSplit.body(), notSplit.body().contains("\"parts\""));

    // by console: 95 at operation 30 split 50/45, then merged back
    String out =
        ItSupport.executeCommand(sessionFactory, "mom:wo-op-split " + id + " split 30 50@C 45@D");
    assertTrue(out, out.contains("part 1") && out.contains("part 2") && out.contains("@D"));
    out = ItSupport.executeCommand(sessionFactory, "mom:wo-op-split " + id + " merge 30");
    assertTrue(out, out.contains("not split"));

    // receiving product into stock at the last operation needs more than an operator
    report(admin, id, 30, code("R"), "good", 95).expect(201);
    JsonNode done = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals("COMPLETED", done.path("status").asText());
    assertEquals("95", q(done.path("completedQuantity")));
    assertEquals("5", q(done.path("scrapQuantity")));
    assertEquals(Map.of(done.path("lot").asText() + "@" + m.fgLoc(), "95"), stock(fgS));

    JsonNode audit =
        admin.get("/audit?entity=WorkOrder&entityId=" + id + "&limit=100").expect(200).json();
    int split = 0;
    int merged = 0;
    for (JsonNode e : audit.path("items")) {
      split += e.path("action").asText().equals("OPERATION_SPLIT") ? 1 : 0;
      merged += e.path("action").asText().equals("OPERATION_MERGE") ? 1 : 0;
    }
    assertEquals(audit.toString(), 2, split);
    assertEquals(audit.toString(), 2, merged);
  }

  /**
   * Overlap (重叠) from the routing on the floor: 20 overlaps 10 by 40 %, so it takes reports once 60
   * of the 100 are finished at 10; 30 is linked to 20 without overlap (finish-to-start); 40,
   * inserted into the order with 50 %, waits for half of 30.
   */
  @Test
  public void theSuccessorWaitsForItsPredecessorsShare() {
    Model m = model();
    long wc = orgUnit("WORK_CENTER", orgUnit("LINE", orgUnit("WORKSHOP", m.plant())));
    long fgO =
        plainProduct(
            m,
            List.of(
                routingOp(wc, 10),
                routingOp(
                    wc, 20, obj("predecessorOpNo", 10, "overlapPercent", 40, "lagMinutes", 5)),
                routingOp(wc, 30, obj("predecessorOpNo", 20))));
    long id = createOrder(m, fgO, 100, null).path("id").asLong();
    JsonNode w = release(id);
    assertTrue(w.toString(), !operation(w, 10).hasNonNull("overlapPercent"));
    assertEquals("40", q(operation(w, 20).path("overlapPercent")));
    assertEquals("5", q(operation(w, 20).path("lagMinutes")));
    assertEquals("0", q(operation(w, 30).path("overlapPercent")));

    String path = "/work-orders/" + id + "/operations";
    long version = w.path("version").asLong();
    Response bad = admin.post(path, obj("seq", 40, "overlapPercent", 150, "version", version));
    bad.expect(400);
    assertTrue(bad.body(), bad.body().contains("\"overlapPercent\""));
    w =
        admin
            .post(path, obj("seq", 40, "overlapPercent", 50, "version", version))
            .expect(200)
            .json();
    assertEquals("50", q(operation(w, 40).path("overlapPercent")));

    report(admin, id, 10, code("R"), "good", 50).expect(201);
    Response early = report(admin, id, 20, code("R"), "good", 10);
    early.expect(400);
    assertTrue(early.body(), early.body().contains("\"operationSeq\""));
    assertTrue(early.body(), early.body().contains("重叠"));
    admin.post(path + "/20", obj("action", "START")).expect(400);
    report(admin, id, 10, code("R"), "good", 5, "scrap", 5, "reasonCode", "R1").expect(201);
    // 60 of 100 finished at 10: 20 may work now
    report(admin, id, 20, code("R"), "good", 10).expect(201);
    Response ftS = report(admin, id, 30, code("R"), "good", 5);
    ftS.expect(400);
    assertTrue(ftS.body(), ftS.body().contains("\"operationSeq\""));
    report(admin, id, 10, code("R"), "good", 40).expect(201);
    report(admin, id, 20, code("R"), "good", 85).expect(201);
    // 20 has finished all it received: 30 works
    report(admin, id, 30, code("R"), "good", 40).expect(201);
    // 40 waits for 50 % of the 95 at 30 (47.5)
    report(admin, id, 40, code("R"), "good", 10).expect(400);
    report(admin, id, 30, code("R"), "good", 8).expect(201);
    report(admin, id, 40, code("R"), "good", 48).expect(201);
    report(admin, id, 30, code("R"), "good", 47).expect(201);
    Response last = report(admin, id, 40, code("R"), "good", 47);
    last.expect(201);
    JsonNode done = admin.get("/work-orders/" + id).expect(200).json();
    assertEquals("COMPLETED", done.path("status").asText());
    assertEquals("95", q(done.path("completedQuantity")));
    assertEquals("5", q(done.path("scrapQuantity")));
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
