package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.fieldValues;
import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tianshu.itests.ItSupport.Api;
import io.tianshu.itests.ItSupport.Response;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The inventory contract (warehouses, locations, the movement ledger and stock balances), run
 * against the assembled distribution. Subclasses choose the database; one container per class, so
 * every test makes its own plant, material, warehouse and locations under unique codes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class InventoryTestBase extends ContainerTestBase {

  private static final String MOVEMENTS = "/stock/movements";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Override
  protected void awaitDomainApi() {
    awaitInventoryApi(Duration.ofMinutes(1));
  }

  // ------------------------------------------------------------------ 0. packaging

  @Test
  public void inventoryBundleActive() {
    assertBundleActive("io.tianshu.inventory");
  }

  // ------------------------------------------------------------------ warehouses and locations

  @Test
  public void warehousesAndLocations() {
    JsonNode plantId = createPlant(code("PW"));
    String whCode = code("WH");
    JsonNode wh =
        admin
            .post(
                "/warehouses",
                obj("plantId", plantId, "code", whCode, "name", "原料库", "nameEn", "Raw stores"))
            .expect(201)
            .json();
    String whId = id(wh);
    assertEquals(plantId.asText(), wh.path("plantId").asText());
    assertEquals(whCode, wh.path("code").asText());
    assertEquals("原料库", wh.path("name").asText());
    assertEquals("Raw stores", wh.path("nameEn").asText());
    assertTrue("allowNegative defaults to false: " + wh, wh.path("allowNegative").isBoolean());
    assertFalse("allowNegative defaults to false: " + wh, wh.path("allowNegative").asBoolean());
    assertTrue("version is a number: " + wh, wh.path("version").isNumber());

    JsonNode loc =
        admin
            .post("/warehouses/" + whId + "/locations", obj("code", "BIN-01", "name", "一号货位"))
            .expect(201)
            .json();
    id(loc);
    assertEquals(whId, loc.path("warehouseId").asText());
    assertEquals(plantId.asText(), loc.path("plantId").asText());
    assertEquals("BIN-01", loc.path("code").asText());
    assertEquals("一号货位", loc.path("name").asText());
    assertTrue("version is a number: " + loc, loc.path("version").isNumber());

    JsonNode whs = admin.get("/warehouses?plantId=" + plantId.asText()).expect(200).json();
    assertList(whs);
    assertEquals("one warehouse in the plant: " + whs, 1, whs.path("total").asInt());
    assertEquals(Set.of(whCode), fieldValues(whs, "code"));

    JsonNode locs = admin.get("/warehouses/" + whId + "/locations").expect(200).json();
    assertList(locs);
    assertEquals("one location: " + locs, 1, locs.path("total").asInt());
    assertEquals(Set.of("BIN-01"), fieldValues(locs, "code"));
  }

  // ------------------------------------------------------------------ 1. receipt and issue

  @Test
  public void receiptAndIssue() {
    Site s = site("RI", false);

    JsonNode receipt =
        post(movement("RECEIPT", s.materialId(), 10, s.l1(), "reference", "PO-4711"));
    assertTrue("documentId is a number: " + receipt, receipt.path("documentId").isNumber());
    JsonNode lines = receipt.path("lines");
    assertEquals("a receipt gives one line: " + receipt, 1, lines.size());
    JsonNode in = lines.get(0);
    id(in);
    assertTrue("quantity is a JSON number: " + in, in.path("quantity").isNumber());
    assertQty("receipt line", "10", in.path("quantity"));
    assertEquals(receipt.path("documentId").asText(), in.path("documentId").asText());
    assertEquals("RECEIPT", in.path("type").asText());
    assertEquals(s.materialId().asText(), in.path("materialId").asText());
    assertEquals(s.plantId().asText(), in.path("plantId").asText());
    assertEquals(s.l1().asText(), in.path("locationId").asText());
    assertEquals("AVAILABLE", in.path("status").asText());
    assertEquals("PCS", in.path("unit").asText());
    assertEquals("PO-4711", in.path("reference").asText());
    assertEquals("admin", in.path("username").asText());
    assertTrue("line has a time: " + in, in.hasNonNull("at"));

    JsonNode issue = post(movement("ISSUE", s.materialId(), 3, s.l1()));
    assertEquals("an issue gives one line: " + issue, 1, issue.path("lines").size());
    JsonNode out = issue.path("lines").get(0);
    assertEquals("ISSUE", out.path("type").asText());
    assertQty("issue line is negative", "-3", out.path("quantity"));
    assertFalse(
        "a new document number: " + issue,
        issue.path("documentId").asText().equals(receipt.path("documentId").asText()));

    JsonNode stock = stock(s, "&locationId=" + s.l1().asText());
    assertList(stock);
    assertEquals("one stock key in L1: " + stock, 1, stock.path("total").asInt());
    JsonNode balance = stock.path("items").get(0);
    assertTrue(
        "balance quantity is a JSON number: " + balance, balance.path("quantity").isNumber());
    assertQty("L1 after receipt 10 and issue 3", "7", balance.path("quantity"));
    assertEquals(s.plantId().asText(), balance.path("plantId").asText());
    assertEquals(s.warehouseId().asText(), balance.path("warehouseId").asText());
    assertEquals(s.l1().asText(), balance.path("locationId").asText());
    assertEquals(s.materialId().asText(), balance.path("materialId").asText());
    assertEquals("AVAILABLE", balance.path("status").asText());
    assertEquals("PCS", balance.path("unit").asText());

    JsonNode moves =
        admin
            .get(
                MOVEMENTS
                    + "?plantId="
                    + s.plantId().asText()
                    + "&materialId="
                    + s.materialId().asText()
                    + "&locationId="
                    + s.l1().asText())
            .expect(200)
            .json();
    assertList(moves);
    assertEquals("two movement lines: " + moves, 2, moves.path("total").asInt());
    assertQty("newest first: the issue", "-3", moves.path("items").get(0).path("quantity"));
    assertQty("then the receipt", "10", moves.path("items").get(1).path("quantity"));

    // paging of the ledger
    JsonNode page =
        admin
            .get(MOVEMENTS + "?plantId=" + s.plantId().asText() + "&offset=1&limit=1")
            .expect(200)
            .json();
    assertEquals(1, page.path("offset").asInt());
    assertEquals(1, page.path("limit").asInt());
    assertEquals(2, page.path("total").asInt());
    assertEquals(1, page.path("items").size());
    assertQty("second newest is the receipt", "10", page.path("items").get(0).path("quantity"));

    assertLedgerMatchesStock(s);
  }

  // ------------------------------------------------------------------ 2. transfer

  @Test
  public void transferConservesStock() {
    Site s = site("TR", false);
    post(movement("RECEIPT", s.materialId(), 7, s.l1()));

    JsonNode doc = post(movement("TRANSFER", s.materialId(), 4, s.l1(), "toLocationId", s.l2()));
    JsonNode lines = doc.path("lines");
    assertEquals("a transfer gives two lines: " + doc, 2, lines.size());
    Map<String, BigDecimal> byLocation = new TreeMap<>();
    for (JsonNode line : lines) {
      assertEquals("TRANSFER", line.path("type").asText());
      assertEquals(doc.path("documentId").asText(), line.path("documentId").asText());
      assertEquals("AVAILABLE", line.path("status").asText());
      byLocation.merge(
          line.path("locationId").asText(), qty(line.path("quantity")), BigDecimal::add);
    }
    assertQty("out of L1: " + doc, "-4", byLocation.get(s.l1().asText()));
    assertQty("into L2: " + doc, "4", byLocation.get(s.l2().asText()));

    assertQty("L1", "3", balance(s, s.l1(), null, null));
    assertQty("L2", "4", balance(s, s.l2(), null, null));
    assertQty("total conserved", "7", balance(s, null, null, null));
    assertLedgerMatchesStock(s);
  }

  // ------------------------------------------------------------------ 3. status change

  @Test
  public void statusChangeAndInsufficientStock() {
    Site s = site("SC", false);
    post(movement("RECEIPT", s.materialId(), 4, s.l2()));

    JsonNode doc =
        post(
            movement(
                "STATUS_CHANGE",
                s.materialId(),
                2,
                s.l2(),
                "status",
                "AVAILABLE",
                "toStatus",
                "QUARANTINE"));
    JsonNode lines = doc.path("lines");
    assertEquals("a status change gives two lines: " + doc, 2, lines.size());
    Map<String, BigDecimal> byStatus = new TreeMap<>();
    for (JsonNode line : lines) {
      assertEquals("STATUS_CHANGE", line.path("type").asText());
      assertEquals("same location: " + line, s.l2().asText(), line.path("locationId").asText());
      byStatus.merge(line.path("status").asText(), qty(line.path("quantity")), BigDecimal::add);
    }
    assertQty("out of AVAILABLE: " + doc, "-2", byStatus.get("AVAILABLE"));
    assertQty("into QUARANTINE: " + doc, "2", byStatus.get("QUARANTINE"));

    assertQty("L2 AVAILABLE", "2", balance(s, s.l2(), "AVAILABLE", null));
    assertQty("L2 QUARANTINE", "2", balance(s, s.l2(), "QUARANTINE", null));
    JsonNode quarantined = stock(s, "&status=QUARANTINE");
    assertEquals("status filter: " + quarantined, 1, quarantined.path("total").asInt());
    assertEquals("QUARANTINE", quarantined.path("items").get(0).path("status").asText());

    int ledgerBefore = ledgerTotal(s);
    Map<String, BigDecimal> stockBefore = stockByKey(s);
    JsonNode problem =
        admin.post(MOVEMENTS, movement("ISSUE", s.materialId(), 3, s.l2())).expectProblem(400);
    assertError(problem, "quantity", "insufficient_stock");
    assertEquals("nothing stored on 400", ledgerBefore, ledgerTotal(s));
    assertEquals("stock unchanged on 400", stockBefore, stockByKey(s));
    assertQty("L2 AVAILABLE unchanged", "2", balance(s, s.l2(), "AVAILABLE", null));
    assertQty("L2 QUARANTINE unchanged", "2", balance(s, s.l2(), "QUARANTINE", null));

    // Quarantined stock cannot be changed back beyond what is there either.
    admin
        .post(
            MOVEMENTS,
            movement(
                "STATUS_CHANGE",
                s.materialId(),
                3,
                s.l2(),
                "status",
                "QUARANTINE",
                "toStatus",
                "AVAILABLE"))
        .expectProblem(400);
    assertEquals("stock unchanged on 400", stockBefore, stockByKey(s));
    assertLedgerMatchesStock(s);
  }

  // ------------------------------------------------------------------ 4. lots

  @Test
  public void lotsAreSeparateKeys() {
    Site s = site("LT", false);
    post(movement("RECEIPT", s.materialId(), 5, s.l1(), "lot", "LOT-A"));
    post(movement("RECEIPT", s.materialId(), 5, s.l1(), "lot", "LOT-B"));
    assertQty("L1 holds both lots", "10", balance(s, s.l1(), null, null));

    int ledgerBefore = ledgerTotal(s);
    JsonNode problem =
        admin
            .post(MOVEMENTS, movement("ISSUE", s.materialId(), 6, s.l1(), "lot", "LOT-A"))
            .expectProblem(400);
    assertError(problem, "quantity", "insufficient_stock");
    assertEquals("nothing stored on 400", ledgerBefore, ledgerTotal(s));

    JsonNode lotA = stock(s, "&lot=LOT-A");
    assertEquals("one LOT-A key: " + lotA, 1, lotA.path("total").asInt());
    assertEquals("LOT-A", lotA.path("items").get(0).path("lot").asText());
    assertQty("LOT-A", "5", lotA.path("items").get(0).path("quantity"));
    JsonNode both = stock(s, "&locationId=" + s.l1().asText());
    assertEquals("two lot keys: " + both, 2, both.path("total").asInt());
    assertEquals(Set.of("LOT-A", "LOT-B"), fieldValues(both, "lot"));

    // Emptying a key removes it from the balances (only non-zero keys are listed).
    post(movement("ISSUE", s.materialId(), 5, s.l1(), "lot", "LOT-A"));
    JsonNode emptied = stock(s, "&lot=LOT-A");
    assertEquals("LOT-A empty, not listed: " + emptied, 0, emptied.path("total").asInt());
    assertQty("LOT-B untouched", "5", balance(s, s.l1(), null, "LOT-B"));
    assertLedgerMatchesStock(s);
  }

  // ------------------------------------------------------------------ 5. negative stock allowed

  @Test
  public void allowNegativeWarehouse() {
    Site s = site("NG", true);
    JsonNode wh = admin.get("/warehouses?plantId=" + s.plantId().asText()).expect(200).json();
    assertEquals(1, wh.path("total").asInt());
    assertTrue(
        "allowNegative kept: " + wh, wh.path("items").get(0).path("allowNegative").asBoolean());

    JsonNode doc = post(movement("ISSUE", s.materialId(), 1, s.l1()));
    assertQty("issue line", "-1", doc.path("lines").get(0).path("quantity"));
    assertQty("balance below zero", "-1", balance(s, s.l1(), null, null));
    JsonNode stock = stock(s, "&locationId=" + s.l1().asText());
    assertEquals("a negative key is listed: " + stock, 1, stock.path("total").asInt());
    assertLedgerMatchesStock(s);

    // The same issue in an ordinary warehouse of the same plant is refused.
    JsonNode strict =
        admin
            .post("/warehouses", obj("plantId", s.plantId(), "code", code("WS"), "name", "严格仓库"))
            .expect(201)
            .json();
    assertFalse("allowNegative defaults to false", strict.path("allowNegative").asBoolean());
    JsonNode bin =
        admin
            .post("/warehouses/" + id(strict) + "/locations", obj("code", "S-01", "name", "严格货位"))
            .expect(201)
            .json();
    JsonNode problem =
        admin
            .post(MOVEMENTS, movement("ISSUE", s.materialId(), 1, bin.get("id")))
            .expectProblem(400);
    assertError(problem, "quantity", "insufficient_stock");
    assertQty("nothing issued there", "0", balance(s, bin.get("id"), null, null));
  }

  // ------------------------------------------------------------------ adjustments

  @Test
  public void adjustmentsCorrectEitherWay() {
    Site s = site("AD", false);
    post(movement("RECEIPT", s.materialId(), 5, s.l1()));

    JsonNode down = post(movement("ADJUSTMENT", s.materialId(), -2, s.l1()));
    assertEquals("an adjustment gives one line: " + down, 1, down.path("lines").size());
    assertEquals("ADJUSTMENT", down.path("lines").get(0).path("type").asText());
    assertQty("negative adjustment", "-2", down.path("lines").get(0).path("quantity"));
    JsonNode up = post(movement("ADJUSTMENT", s.materialId(), 1, s.l1()));
    assertQty("positive adjustment", "1", up.path("lines").get(0).path("quantity"));
    assertQty("L1", "4", balance(s, s.l1(), null, null));

    JsonNode problem =
        admin
            .post(MOVEMENTS, movement("ADJUSTMENT", s.materialId(), -5, s.l1()))
            .expectProblem(400);
    assertError(problem, "quantity", "insufficient_stock");
    assertQty("L1 unchanged", "4", balance(s, s.l1(), null, null));
    assertLedgerMatchesStock(s);
  }

  // ------------------------------------------------------------------ 6. concurrency

  @Test
  public void concurrentIssuesNeverOverdraw() throws Exception {
    Site s = site("CC", false);
    post(movement("RECEIPT", s.materialId(), 10, s.l1()));

    int requests = 20;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger conflicts = new AtomicInteger();
    List<Future<Response>> futures = new ArrayList<>();
    ObjectNode body = movement("ISSUE", s.materialId(), 1, s.l1());
    try {
      for (int i = 0; i < requests; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  // A 409 is an acceptable answer to a write conflict; a client retries it.
                  Response r = admin.post(MOVEMENTS, body);
                  for (int attempt = 1; r.status() == 409 && attempt <= 20; attempt++) {
                    conflicts.incrementAndGet();
                    ItSupport.sleep(10L * attempt);
                    r = admin.post(MOVEMENTS, body);
                  }
                  return r;
                }));
      }
      start.countDown();
      int created = 0;
      int refused = 0;
      List<String> unexpected = new ArrayList<>();
      for (Future<Response> f : futures) {
        Response r = f.get(2, TimeUnit.MINUTES);
        if (r.status() == 201) {
          created++;
        } else if (r.status() == 400 && r.body().contains("insufficient_stock")) {
          refused++;
        } else {
          unexpected.add(r.status() + " " + r.body());
        }
      }
      String summary =
          created + " created, " + refused + " refused, " + conflicts.get() + " conflicts retried";
      assertTrue("no other answers (" + summary + "): " + unexpected, unexpected.isEmpty());
      assertEquals("exactly the stock on hand is issued (" + summary + ")", 10, created);
      assertEquals("the rest is refused (" + summary + ")", requests - 10, refused);
    } finally {
      pool.shutdownNow();
    }

    JsonNode stock = stock(s, "");
    assertEquals(
        "key emptied, not listed, never negative: " + stock, 0, stock.path("total").asInt());
    List<JsonNode> ledger = ledger(s);
    BigDecimal sum = BigDecimal.ZERO;
    int issues = 0;
    for (JsonNode line : ledger) {
      sum = sum.add(qty(line.path("quantity")));
      if ("ISSUE".equals(line.path("type").asText())) {
        issues++;
        assertQty("each issue line", "-1", line.path("quantity"));
      }
    }
    assertEquals("ten issue lines stored", 10, issues);
    assertQty("ledger sums to zero", "0", sum);
    assertLedgerMatchesStock(s);
  }

  // ------------------------------------------------------------------ 7. invalid input

  @Test
  public void invalidMovementsAreRejected() {
    Site s = site("IV", false);
    post(movement("RECEIPT", s.materialId(), 5, s.l1()));
    int ledgerBefore = ledgerTotal(s);
    Map<String, BigDecimal> stockBefore = stockByKey(s);

    JsonNode problem =
        admin
            .post(MOVEMENTS, obj("type", "NOPE", "materialId", s.materialId(), "quantity", 0))
            .expectProblem(400);
    Set<String> fields = errorFields(problem);
    for (String f : List.of("type", "quantity", "locationId")) {
      assertTrue("error for " + f + " in " + problem, fields.contains(f));
    }

    admin.send("POST", MOVEMENTS, "{\"type\": \"RECEIPT\", \"quantity\": ").expectProblem(400);
    admin.send("POST", MOVEMENTS, "").expectProblem(400);

    JsonNode negativeIssue =
        admin.post(MOVEMENTS, movement("ISSUE", s.materialId(), -1, s.l1())).expectProblem(400);
    assertTrue("negative issue: " + negativeIssue, errorFields(negativeIssue).contains("quantity"));

    JsonNode zeroAdjustment =
        admin.post(MOVEMENTS, movement("ADJUSTMENT", s.materialId(), 0, s.l1())).expectProblem(400);
    assertTrue(
        "zero adjustment: " + zeroAdjustment, errorFields(zeroAdjustment).contains("quantity"));

    JsonNode noTarget =
        admin.post(MOVEMENTS, movement("TRANSFER", s.materialId(), 1, s.l1())).expectProblem(400);
    assertTrue(
        "transfer without target: " + noTarget, errorFields(noTarget).contains("toLocationId"));

    JsonNode badStatus =
        admin
            .post(MOVEMENTS, movement("RECEIPT", s.materialId(), 1, s.l1(), "status", "WET"))
            .expectProblem(400);
    assertTrue("unknown status: " + badStatus, errorFields(badStatus).contains("status"));

    assertEquals("nothing stored on 400", ledgerBefore, ledgerTotal(s));
    assertEquals("stock unchanged on 400", stockBefore, stockByKey(s));
  }

  // ------------------------------------------------------------------ 8. scoping and roles

  @Test
  public void plantScopingAndRoles() {
    Site a = site("SA", false);
    Site b = site("SB", false);
    post(movement("RECEIPT", b.materialId(), 8, b.l1()));
    Map<String, BigDecimal> stockB = stockByKey(b);

    String suffix = code("").toLowerCase(Locale.ROOT);
    String viewerName = "it-inv-viewer" + suffix;
    String plannerName = "it-inv-planner" + suffix;
    createUser(viewerName, a.plantId(), "VIEWER");
    createUser(plannerName, a.plantId(), "PLANNER");
    Api viewer = ItSupport.api().as(viewerName, "Pw-viewer-123");
    Api planner = ItSupport.api().as(plannerName, "Pw-planner-123");

    // A planner of plant A posts movements there.
    post(planner, movement("RECEIPT", a.materialId(), 6, a.l1()));
    assertQty("planner's receipt", "6", balance(a, a.l1(), null, null));

    // Plant B does not exist for plant A's users.
    String plantB = b.plantId().asText();
    for (Api user : List.of(planner, viewer)) {
      user.get("/warehouses?plantId=" + plantB).expectProblem(404);
      user.get("/warehouses/" + b.warehouseId().asText() + "/locations").expectProblem(404);
      user.get("/stock?plantId=" + plantB).expectProblem(404);
      user.get(MOVEMENTS + "?plantId=" + plantB).expectProblem(404);
    }
    planner.post(MOVEMENTS, movement("ISSUE", b.materialId(), 1, b.l1())).expectProblem(404);
    planner.post(MOVEMENTS, movement("RECEIPT", a.materialId(), 1, b.l1())).expectProblem(404);
    planner
        .post(MOVEMENTS, movement("TRANSFER", a.materialId(), 1, a.l1(), "toLocationId", b.l1()))
        .expectProblem(404);
    assertEquals("plant B unchanged", stockB, stockByKey(b));
    assertQty("plant A unchanged", "6", balance(a, a.l1(), null, null));

    // A viewer of plant A reads its stock but does not move it.
    JsonNode seen = viewer.get("/stock?plantId=" + a.plantId().asText()).expect(200).json();
    assertEquals("viewer reads plant A stock: " + seen, 1, seen.path("total").asInt());
    assertQty("viewer sees", "6", seen.path("items").get(0).path("quantity"));
    viewer.get("/warehouses?plantId=" + a.plantId().asText()).expect(200);
    viewer.get("/warehouses/" + a.warehouseId().asText() + "/locations").expect(200);
    JsonNode viewerLedger =
        viewer.get(MOVEMENTS + "?plantId=" + a.plantId().asText()).expect(200).json();
    assertEquals("viewer reads plant A ledger", 1, viewerLedger.path("total").asInt());
    viewer.post(MOVEMENTS, movement("ISSUE", a.materialId(), 1, a.l1())).expectProblem(403);
    viewer.post(MOVEMENTS, movement("RECEIPT", a.materialId(), 1, a.l1())).expectProblem(403);
    assertQty("nothing moved by the viewer", "6", balance(a, a.l1(), null, null));

    // Warehouses need a plant administrator.
    planner
        .post("/warehouses", obj("plantId", a.plantId(), "code", code("WX"), "name", "越权仓库"))
        .expectProblem(403);
    viewer
        .post("/warehouses", obj("plantId", a.plantId(), "code", code("WX"), "name", "越权仓库"))
        .expectProblem(403);
    assertEquals(
        "no warehouse created",
        1,
        admin
            .get("/warehouses?plantId=" + a.plantId().asText())
            .expect(200)
            .json()
            .path("total")
            .asInt());

    // A material of plant B cannot be moved at a location of plant A.
    int ledgerA = ledgerTotal(a);
    JsonNode foreign =
        admin.post(MOVEMENTS, movement("RECEIPT", b.materialId(), 1, a.l1())).expectProblem(400);
    assertTrue("foreign material: " + foreign, errorFields(foreign).contains("materialId"));
    assertEquals("nothing stored on 400", ledgerA, ledgerTotal(a));
    assertEquals("plant B unchanged", stockB, stockByKey(b));
  }

  // ------------------------------------------------------------------ 9. audit

  @Test
  public void movementsAreAudited() {
    Site s = site("AU", false);
    JsonNode receipt = post(movement("RECEIPT", s.materialId(), 5, s.l1()));
    JsonNode transfer =
        post(movement("TRANSFER", s.materialId(), 2, s.l1(), "toLocationId", s.l2()));

    for (JsonNode doc : List.of(receipt, transfer)) {
      List<JsonNode> rows = auditRowsOf(doc);
      assertFalse("audit rows for document " + doc, rows.isEmpty());
      for (JsonNode row : rows) {
        assertEquals("StockMovement", row.path("entity").asText());
        assertEquals("action: " + row, "CREATE", row.path("action").asText());
        assertEquals("audited user: " + row, "admin", row.path("username").asText());
        assertEquals("audited plant: " + row, s.plantId().asText(), row.path("plantId").asText());
      }
    }

    // A refused movement writes no audit row.
    int before = auditTotal();
    admin.post(MOVEMENTS, movement("ISSUE", s.materialId(), 99, s.l1())).expectProblem(400);
    assertEquals("no audit row for a refused movement", before, auditTotal());
  }

  // ------------------------------------------------------------------ helpers: fixtures

  /** A plant with a material, one warehouse and two locations L1 and L2. */
  protected record Site(
      JsonNode plantId, JsonNode materialId, JsonNode warehouseId, JsonNode l1, JsonNode l2) {}

  protected Site site(String tag, boolean allowNegative) {
    JsonNode plantId = createPlant(code("P" + tag));
    JsonNode material =
        admin
            .post(
                "/materials",
                obj(
                    "code",
                    code("M" + tag),
                    "name",
                    "库存物料 " + tag,
                    "type",
                    "PURCHASED",
                    "baseUnit",
                    "PCS",
                    "plantId",
                    plantId))
            .expect(201)
            .json();
    JsonNode wh =
        admin
            .post(
                "/warehouses",
                obj(
                    "plantId",
                    plantId,
                    "code",
                    code("W" + tag),
                    "name",
                    "仓库 " + tag,
                    "nameEn",
                    "Warehouse " + tag,
                    "allowNegative",
                    allowNegative))
            .expect(201)
            .json();
    assertEquals("allowNegative: " + wh, allowNegative, wh.path("allowNegative").asBoolean());
    String whId = id(wh);
    JsonNode l1 =
        admin
            .post("/warehouses/" + whId + "/locations", obj("code", "L1", "name", "货位一"))
            .expect(201)
            .json();
    JsonNode l2 =
        admin
            .post("/warehouses/" + whId + "/locations", obj("code", "L2", "name", "货位二"))
            .expect(201)
            .json();
    return new Site(plantId, material.get("id"), wh.get("id"), l1.get("id"), l2.get("id"));
  }

  /** A code unique in this container: prefix, a counter and a random part (at most 32 chars). */
  protected static String code(String prefix) {
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    return (prefix + "-" + SEQUENCE.incrementAndGet() + random).toUpperCase(Locale.ROOT);
  }

  private JsonNode createPlant(String code) {
    return admin
        .post("/plants", obj("code", code, "name", "工厂 " + code, "nameEn", "Plant " + code))
        .expect(201)
        .json()
        .get("id");
  }

  private void createUser(String username, JsonNode plantId, String role) {
    String password = role.equals("VIEWER") ? "Pw-viewer-123" : "Pw-planner-123";
    admin
        .post(
            "/users",
            obj(
                "username", username,
                "password", password,
                "grants", List.of(obj("plantId", plantId, "role", role))))
        .expect(201);
    // The new user must be able to log in as a Tianshu user before the inventory checks mean
    // anything; a failure here is a user-management fault, not an inventory one, so say so.
    Api user = ItSupport.api().as(username, password);
    Response me = user.get("/me");
    for (int i = 0; i < 20 && me.status() != 200; i++) {
      ItSupport.sleep(500);
      me = user.get("/me");
    }
    assertEquals(
        "user "
            + username
            + " just created through POST /users cannot log in (user management, not inventory): "
            + me.body(),
        200,
        me.status());
    assertEquals(
        "grant of " + username + ": " + me.body(),
        role,
        me.json().path("grants").path(plantId.asText()).asText());
  }

  // ------------------------------------------------------------------ helpers: movements

  /** A movement body; extra alternating keys and values (lot, status, toLocationId, ...). */
  protected static ObjectNode movement(
      String type, JsonNode materialId, Object quantity, JsonNode locationId, Object... extra) {
    ObjectNode body =
        obj("type", type, "materialId", materialId, "quantity", quantity, "locationId", locationId);
    body.setAll(obj(extra));
    return body;
  }

  private JsonNode post(ObjectNode body) {
    return post(admin, body);
  }

  private static JsonNode post(Api api, ObjectNode body) {
    JsonNode doc = api.post(MOVEMENTS, body).expect(201).json();
    assertTrue("document has lines: " + doc, doc.path("lines").isArray());
    for (JsonNode line : doc.path("lines")) {
      assertEquals(
          "line carries the document number: " + doc,
          doc.path("documentId").asText(),
          line.path("documentId").asText());
    }
    return doc;
  }

  // ------------------------------------------------------------------ helpers: stock and ledger

  private JsonNode stock(Site s, String moreQuery) {
    return admin
        .get(
            "/stock?plantId="
                + s.plantId().asText()
                + "&materialId="
                + s.materialId().asText()
                + moreQuery)
        .expect(200)
        .json();
  }

  /** Sum of the balances of the site's material matching the given filters (null: any). */
  private BigDecimal balance(Site s, JsonNode locationId, String status, String lot) {
    StringBuilder q = new StringBuilder();
    if (locationId != null) {
      q.append("&locationId=").append(locationId.asText());
    }
    if (status != null) {
      q.append("&status=").append(status);
    }
    if (lot != null) {
      q.append("&lot=").append(URLEncoder.encode(lot, StandardCharsets.UTF_8));
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode item :
        all(
            "/stock?plantId="
                + s.plantId().asText()
                + "&materialId="
                + s.materialId().asText()
                + q)) {
      if (locationId != null) {
        assertEquals(
            "location filter: " + item, locationId.asText(), item.path("locationId").asText());
      }
      if (status != null) {
        assertEquals("status filter: " + item, status, item.path("status").asText());
      }
      if (lot != null) {
        assertEquals("lot filter: " + item, lot, item.path("lot").asText());
      }
      sum = sum.add(qty(item.path("quantity")));
    }
    return sum;
  }

  /** Balances of the site's material by key (location, lot, serial, status). */
  private Map<String, BigDecimal> stockByKey(Site s) {
    Map<String, BigDecimal> byKey = new TreeMap<>();
    for (JsonNode item :
        all("/stock?plantId=" + s.plantId().asText() + "&materialId=" + s.materialId().asText())) {
      BigDecimal q = qty(item.path("quantity"));
      assertTrue("only non-zero keys are listed: " + item, q.signum() != 0);
      assertEquals("one item per key: " + item, null, byKey.put(key(item), q.stripTrailingZeros()));
    }
    return byKey;
  }

  /** Every ledger line of the site's material. */
  private List<JsonNode> ledger(Site s) {
    return all(
        MOVEMENTS + "?plantId=" + s.plantId().asText() + "&materialId=" + s.materialId().asText());
  }

  private int ledgerTotal(Site s) {
    return admin
        .get(MOVEMENTS + "?plantId=" + s.plantId().asText() + "&limit=1")
        .expect(200)
        .json()
        .path("total")
        .asInt();
  }

  /** The balances are the sums of the ledger lines, key by key. */
  private void assertLedgerMatchesStock(Site s) {
    Map<String, BigDecimal> fromLedger = new TreeMap<>();
    for (JsonNode line : ledger(s)) {
      fromLedger.merge(key(line), qty(line.path("quantity")), BigDecimal::add);
    }
    fromLedger.replaceAll((k, v) -> v.stripTrailingZeros());
    fromLedger.values().removeIf(v -> v.signum() == 0);
    Map<String, BigDecimal> stock = stockByKey(s);
    assertEquals("balances equal the ledger sums per key", fromLedger, stock);
  }

  private static String key(JsonNode row) {
    return row.path("locationId").asText()
        + "|"
        + orEmpty(row.get("lot"))
        + "|"
        + orEmpty(row.get("serial"))
        + "|"
        + row.path("status").asText();
  }

  private static String orEmpty(JsonNode v) {
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** All items of a list, page by page (the query must already have a '?'). */
  private List<JsonNode> all(String path) {
    List<JsonNode> items = new ArrayList<>();
    int total;
    do {
      JsonNode page = admin.get(path + "&offset=" + items.size() + "&limit=500").expect(200).json();
      assertList(page);
      total = page.path("total").asInt();
      if (page.path("items").isEmpty()) {
        break;
      }
      page.path("items").forEach(items::add);
    } while (items.size() < total);
    assertEquals("all items read of " + path, total, items.size());
    return items;
  }

  // ------------------------------------------------------------------ helpers: audit

  private int auditTotal() {
    return admin
        .get("/audit?entity=StockMovement&limit=1")
        .expect(200)
        .json()
        .path("total")
        .asInt();
  }

  /** Audit rows of one movement document: by document number or by the ids of its lines. */
  private List<JsonNode> auditRowsOf(JsonNode doc) {
    Set<String> ids = new HashSet<>();
    ids.add(doc.path("documentId").asText());
    doc.path("lines").forEach(l -> ids.add(l.path("id").asText()));
    List<JsonNode> rows = new ArrayList<>();
    int offset = 0;
    int total;
    do {
      JsonNode page =
          admin
              .get("/audit?entity=StockMovement&offset=" + offset + "&limit=500")
              .expect(200)
              .json();
      total = page.path("total").asInt();
      for (JsonNode row : page.path("items")) {
        if (ids.contains(row.path("entityId").asText())) {
          rows.add(row);
        }
      }
      offset += page.path("items").size();
      if (page.path("items").isEmpty()) {
        break;
      }
    } while (offset < total);
    return rows;
  }

  // ------------------------------------------------------------------ helpers: assertions

  private static void assertList(JsonNode list) {
    assertTrue("items array: " + list, list.path("items").isArray());
    assertTrue("offset: " + list, list.path("offset").isNumber());
    assertTrue("limit: " + list, list.path("limit").isNumber());
    assertTrue("total: " + list, list.path("total").isNumber());
  }

  /** A quantity as a decimal (tolerates a quantity written as text; test 1 checks the type). */
  private static BigDecimal qty(JsonNode node) {
    assertTrue(
        "quantity present: " + node, node != null && !node.isNull() && !node.isMissingNode());
    try {
      return new BigDecimal(node.asText());
    } catch (NumberFormatException e) {
      throw new AssertionError("quantity is not a number: " + node, e);
    }
  }

  private static void assertQty(String message, String expected, JsonNode actual) {
    assertQty(message + " (" + actual + ")", expected, qty(actual));
  }

  private static void assertQty(String message, String expected, BigDecimal actual) {
    assertNotNull(message + ": no quantity", actual);
    if (new BigDecimal(expected).compareTo(actual) != 0) {
      fail(message + ": expected " + expected + " but was " + actual.toPlainString());
    }
  }

  private static Set<String> errorFields(JsonNode problem) {
    JsonNode errors = problem.path("errors");
    assertTrue("errors array: " + problem, errors.isArray() && errors.size() > 0);
    Set<String> fields = new HashSet<>();
    errors.forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  private static void assertError(JsonNode problem, String field, String code) {
    errorFields(problem);
    for (JsonNode e : problem.path("errors")) {
      if (field.equals(e.path("field").asText()) && code.equals(e.path("code").asText())) {
        return;
      }
    }
    fail("expected error " + field + "/" + code + " in " + problem);
  }

  // ------------------------------------------------------------------ helpers: readiness

  /** The inventory resources register with the JAX-RS whiteboard after /plants and /materials. */
  private void awaitInventoryApi(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      Response warehouses = admin.get("/warehouses?limit=1");
      Response stock = admin.get("/stock?limit=1");
      Response movements = admin.get(MOVEMENTS + "?limit=1");
      last = warehouses.status() + "/" + stock.status() + "/" + movements.status();
      if (ready(warehouses) && ready(stock) && ready(movements)) {
        return;
      }
      ItSupport.sleep(500);
    }
    fail("Inventory API not ready in " + timeout + "; last: " + last);
  }

  private static boolean ready(Response r) {
    return r.status() != 404 && r.status() != 503;
  }
}
