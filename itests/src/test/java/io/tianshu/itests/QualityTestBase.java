package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tianshu.itests.ItSupport.Api;
import io.tianshu.itests.ItSupport.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Incoming inspection on a hand-worked ISO 2859-1 example: lots of 1,000 from supplier S1 at level
 * II, AQL 1.0 → code letter J; normal inspection n 80, Ac 2, Re 3; tightened n 80, Ac 1, Re 2. The
 * usage decision releases (AVAILABLE) or blocks (BLOCKED) the quarantined stock and moves the
 * switching state: 2 rejected lots within 5 switch S1 × material to tightened inspection.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class QualityTestBase extends ContainerTestBase {
  @javax.inject.Inject protected org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Override
  protected void awaitDomainApi() {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Response r = admin.get("/inspection-lots?plantId=0");
      last = r.status() + " " + r.body();
      if (r.status() == 404 || r.status() == 200) {
        return;
      }
      ItSupport.sleep(500);
    }
    fail("quality API not ready: " + last);
  }

  private static String code(String prefix) {
    return (prefix
            + "-"
            + SEQUENCE.incrementAndGet()
            + UUID.randomUUID().toString().substring(0, 5))
        .toUpperCase(Locale.ROOT);
  }

  /** A plant with one purchased material, an incoming location and its inspection plan. */
  private record Site(long plant, String plantCode, long material, long iqc, long planId) {}

  private Site site() {
    String plantCode = code("PL");
    long plant =
        Long.parseLong(
            id(admin.post("/plants", obj("code", plantCode, "name", "质检厂")).expect(201).json()));
    long material =
        Long.parseLong(
            id(
                admin
                    .post(
                        "/materials",
                        obj(
                            "code",
                            code("M"),
                            "name",
                            "轴承",
                            "type",
                            "PURCHASED",
                            "baseUnit",
                            "PCS",
                            "plantId",
                            plant))
                    .expect(201)
                    .json()));
    long wh =
        Long.parseLong(
            id(
                admin
                    .post("/warehouses", obj("plantId", plant, "code", code("WH"), "name", "库"))
                    .expect(201)
                    .json()));
    long iqc =
        Long.parseLong(
            id(
                admin
                    .post("/warehouses/" + wh + "/locations", obj("code", "IQC", "name", "待检区"))
                    .expect(201)
                    .json()));
    JsonNode plan =
        admin
            .put(
                "/inspection-plans",
                obj(
                    "plantId",
                    plant,
                    "materialId",
                    material,
                    "revision",
                    "A",
                    "inspectionLevel",
                    "II",
                    "aql",
                    "1.0",
                    "characteristics",
                    List.of(
                        obj(
                            "code",
                            "D1",
                            "name",
                            "外径",
                            "kind",
                            "VARIABLE",
                            "target",
                            10,
                            "lower",
                            9.9,
                            "upper",
                            10.1,
                            "unit",
                            "mm",
                            "defectClass",
                            "MAJOR"),
                        obj(
                            "code",
                            "VIS",
                            "name",
                            "外观",
                            "kind",
                            "ATTRIBUTE",
                            "defectClass",
                            "MAJOR"),
                        obj(
                            "code",
                            "CRK",
                            "name",
                            "裂纹",
                            "kind",
                            "ATTRIBUTE",
                            "defectClass",
                            "CRITICAL"))))
            .expect(200)
            .json();
    assertEquals("plan: " + plan, 3, plan.path("characteristics").size());
    assertEquals("II", plan.path("inspectionLevel").asText());
    assertEquals("1.0", plan.path("aql").asText());
    return new Site(plant, plantCode, material, iqc, plan.path("id").asLong());
  }

  private void receiveQuarantined(Site s, int qty, String lot) {
    admin
        .post(
            "/stock/movements",
            obj(
                "type",
                "RECEIPT",
                "materialId",
                s.material(),
                "quantity",
                qty,
                "locationId",
                s.iqc(),
                "lot",
                lot,
                "status",
                "QUARANTINE"))
        .expect(201);
  }

  private JsonNode createLot(Site s, String lot, int qty) {
    return admin
        .post(
            "/inspection-lots",
            obj(
                "plantId",
                s.plant(),
                "materialId",
                s.material(),
                "supplier",
                "S1",
                "lot",
                lot,
                "quantity",
                qty,
                "locationId",
                s.iqc(),
                "source",
                "IQC"))
        .expect(201)
        .json();
  }

  private static Response results(Api api, long lot, int vis, int crk) {
    return api.post(
        "/inspection-lots/" + lot + "/results",
        obj(
            "results",
            List.of(
                obj("characteristic", "D1", "values", List.of(10.0, 10.05, 9.95, 10.1)),
                obj("characteristic", "VIS", "defects", vis),
                obj("characteristic", "CRK", "defects", crk))));
  }

  private static Response decide(Api api, long lot, String decision, String reason) {
    return api.post(
        "/inspection-lots/" + lot + "/decision", obj("decision", decision, "reason", reason));
  }

  /** lot@status → quantity of the material. */
  private Map<String, String> stock(Site s) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode b :
        admin.get("/stock?materialId=" + s.material()).expect(200).json().path("items")) {
      String q = new BigDecimal(b.path("quantity").asText()).stripTrailingZeros().toPlainString();
      if (!q.equals("0")) {
        out.put(b.path("lot").asText() + "@" + b.path("status").asText(), q);
      }
    }
    return out;
  }

  private JsonNode state(Site s) {
    return admin
        .get("/sampling-states?plantId=" + s.plant() + "&supplier=S1&materialId=" + s.material())
        .expect(200)
        .json();
  }

  private static void assertPlan(JsonNode lot, String severity, int n, int ac, int re) {
    assertEquals("severity: " + lot, severity, lot.path("severity").asText());
    assertEquals("code letter: " + lot, "J", lot.path("codeLetter").asText());
    assertEquals("n: " + lot, n, lot.path("sampleSize").asInt());
    assertEquals("Ac: " + lot, ac, lot.path("acceptance").asInt());
    assertEquals("Re: " + lot, re, lot.path("rejection").asInt());
    assertEquals("CREATED", lot.path("status").asText());
  }

  private static Set<String> fields(JsonNode problem) {
    Set<String> out = new HashSet<>();
    for (JsonNode e : problem.path("errors")) {
      out.add(e.path("field").asText());
    }
    return out;
  }

  /** Re-puts the site's plan with the events that open its lots by themselves. */
  private void autoLots(Site s, String... events) {
    JsonNode plan = admin.get("/inspection-plans/" + s.planId()).expect(200).json();
    JsonNode put =
        admin
            .put(
                "/inspection-plans",
                obj(
                    "plantId",
                    s.plant(),
                    "materialId",
                    s.material(),
                    "revision",
                    "B",
                    "inspectionLevel",
                    "II",
                    "aql",
                    "1.0",
                    "characteristics",
                    plan.path("characteristics"),
                    "autoLots",
                    List.of(events)))
            .expect(200)
            .json();
    // stored each once, in the order IQC, FQC, RETURN whatever the order given
    assertEquals(Set.of(events), Set.copyOf(strings(put.path("autoLots"))));
    assertEquals(events.length, put.path("autoLots").size());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private Response goodsReceipt(Site s, String kind, String supplier, String lot, int qty) {
    ObjectNode body =
        obj(
            "plantId",
            s.plant(),
            "materialId",
            s.material(),
            "kind",
            kind,
            "lot",
            lot,
            "quantity",
            qty,
            "locationId",
            s.iqc(),
            "reference",
            "DN-" + lot);
    if (supplier != null) {
      body.put("supplier", supplier);
    }
    return admin.post("/goods-receipts", body);
  }

  private int lotCount(Site s) {
    return admin
        .get("/inspection-lots?plantId=" + s.plant() + "&materialId=" + s.material())
        .expect(200)
        .json()
        .path("total")
        .asInt();
  }

  /**
   * A delivery of 1,000 from S1 under a plan that opens lots on goods receipt goes into QUARANTINE
   * with an IQC lot sampled as by hand (J, n 80, Ac 2, Re 3); a customer return of 50 opens a
   * RETURN lot (code letter D, whose AQL 1.0 cell points down to n 13, Ac 0, Re 1); without the
   * event in the plan a receipt goes straight into AVAILABLE.
   */
  @Test
  public void goodsReceiptsAndCustomerReturnsOpenTheirLots() {
    Site s = site();
    autoLots(s, "RETURN", "IQC");
    JsonNode gr = goodsReceipt(s, null, "S1", "GR-1", 1000).expect(201).json();
    assertEquals("QUARANTINE", gr.path("status").asText());
    assertTrue("document: " + gr, gr.path("documentId").asLong() > 0);
    JsonNode lot = gr.path("inspectionLot");
    assertEquals("IQC", lot.path("source").asText());
    assertEquals("S1", lot.path("supplier").asText());
    assertEquals("DN-GR-1", lot.path("reference").asText());
    assertEquals(
        0, new BigDecimal("1000").compareTo(new BigDecimal(lot.path("quantity").asText())));
    assertPlan(lot, "NORMAL", 80, 2, 3);
    assertEquals(Map.of("GR-1@QUARANTINE", "1000"), stock(s));

    JsonNode ret = goodsReceipt(s, "CUSTOMER_RETURN", null, "RMA-7", 50).expect(201).json();
    assertEquals("QUARANTINE", ret.path("status").asText());
    JsonNode rl = ret.path("inspectionLot");
    assertEquals("RETURN", rl.path("source").asText());
    assertEquals("", rl.path("supplier").asText());
    assertEquals(13, rl.path("sampleSize").asInt());
    assertEquals(0, rl.path("acceptance").asInt());
    assertEquals(1, rl.path("rejection").asInt());
    results(admin, rl.path("id").asLong(), 0, 0).expect(200);
    decide(admin, rl.path("id").asLong(), "ACCEPT", null).expect(200);
    assertEquals(Map.of("GR-1@QUARANTINE", "1000", "RMA-7@AVAILABLE", "50"), stock(s));

    // invalid receipts write nothing and name their fields
    int lots = lotCount(s);
    Set<String> bad = fields(goodsReceipt(s, "CUSTOMER_RETURN", "S1", "X-1", 0).expect(400).json());
    assertTrue("fields: " + bad, bad.containsAll(Set.of("supplier", "quantity")));
    assertEquals(
        Set.of("supplier"), fields(goodsReceipt(s, null, null, "X-2", 5).expect(400).json()));
    assertEquals(
        Set.of("kind"), fields(goodsReceipt(s, "GIFT", "S1", "X-3", 5).expect(400).json()));
    assertEquals(lots, lotCount(s));

    autoLots(s);
    JsonNode free = goodsReceipt(s, "PURCHASE", "S1", "GR-2", 10).expect(201).json();
    assertEquals("AVAILABLE", free.path("status").asText());
    assertTrue("no lot: " + free, free.path("inspectionLot").isNull());
    assertEquals(lots, lotCount(s));
    assertEquals(
        Map.of("GR-1@QUARANTINE", "1000", "RMA-7@AVAILABLE", "50", "GR-2@AVAILABLE", "10"),
        stock(s));
  }

  /**
   * ISO 2859-1 9.3 and 9.4 through goods receipts: two rejected lots of five switch S1 to tightened
   * inspection, five rejected lots on tightened discontinue it; a delivery is then refused and
   * leaves neither stock nor lot behind, until a planner resumes inspection, on tightened (J, n 80,
   * Ac 1, Re 2).
   */
  @Test
  public void discontinuedInspectionRefusesDeliveriesUntilResumed() {
    Site s = site();
    autoLots(s, "IQC");
    for (int i = 1; i <= 7; i++) {
      JsonNode lot =
          goodsReceipt(s, null, "S1", "D-" + i, 1000).expect(201).json().path("inspectionLot");
      assertEquals("lot " + i, i <= 2 ? "NORMAL" : "TIGHTENED", lot.path("severity").asText());
      long id = lot.path("id").asLong();
      assertEquals(
          "REJECT", results(admin, id, 0, 1).expect(200).json().path("judgement").asText());
      decide(admin, id, "REJECT", null).expect(200);
    }
    JsonNode state = state(s);
    assertTrue("discontinued: " + state, state.path("discontinued").asBoolean());
    Map<String, String> before = stock(s);
    int lots = lotCount(s);
    goodsReceipt(s, null, "S1", "D-8", 1000).expect(409);
    assertEquals(before, stock(s));
    assertEquals(lots, lotCount(s));

    String resume = "/sampling-states/resume";
    Object[] key = {"plantId", s.plant(), "supplier", "S1", "materialId", s.material()};
    assertEquals(Set.of("reason"), fields(admin.post(resume, obj(key)).expect(400).json()));
    ObjectNode body = obj(key);
    body.put("reason", "8D-2026-017 accepted");
    JsonNode resumed = admin.post(resume, body).expect(200).json();
    assertEquals("TIGHTENED", resumed.path("severity").asText());
    assertTrue("resumed: " + resumed, !resumed.path("discontinued").asBoolean());
    admin.post(resume, body).expect(409);
    JsonNode next =
        goodsReceipt(s, null, "S1", "D-8", 1000).expect(201).json().path("inspectionLot");
    assertPlan(next, "TIGHTENED", 80, 1, 2);
  }

  /**
   * A work order of 300 reporting 100 and then 200 at its only operation receives its product into
   * QUARANTINE under one final-inspection lot that grows from 100 (code letter F, whose AQL 1.0
   * cell points up to E: n 13, Ac 0, Re 1) to 300 (H: n 50, Ac 1, Re 2); a retried report changes
   * nothing; accepting the lot releases the 300. The first report also opened the order's
   * first-article (IPQC) lot, whose decision moves no stock.
   */
  @Test
  public void workOrderReceiptsGrowOneFinalInspectionLot() {
    Site s = site();
    long fg =
        Long.parseLong(
            id(
                admin
                    .post(
                        "/materials",
                        obj(
                            "code",
                            code("FG"),
                            "name",
                            "轴承座",
                            "type",
                            "MANUFACTURED",
                            "baseUnit",
                            "PCS",
                            "plantId",
                            s.plant()))
                    .expect(201)
                    .json()));
    admin
        .put(
            "/inspection-plans",
            obj(
                "plantId",
                s.plant(),
                "materialId",
                fg,
                "revision",
                "A",
                "aql",
                "1.0",
                "characteristics",
                List.of(obj("code", "VIS", "name", "外观", "kind", "ATTRIBUTE")),
                "autoLots",
                List.of("FQC", "IPQC")))
        .expect(200);
    JsonNode wo =
        admin
            .post(
                "/work-orders",
                obj(
                    "plantId",
                    s.plant(),
                    "materialId",
                    fg,
                    "quantity",
                    300,
                    "issueLocationId",
                    s.iqc(),
                    "receiveLocationId",
                    s.iqc()))
            .expect(201)
            .json();
    long order = wo.path("id").asLong();
    admin
        .post("/work-orders/" + order + "/release", obj("version", wo.path("version").asLong()))
        .expect(200);
    String k1 = UUID.randomUUID().toString();
    admin
        .post(
            "/operation-reports",
            obj("reportKey", k1, "workOrderId", order, "operationSeq", 10, "good", 100))
        .expect(201);
    JsonNode first = lotsOf(s, fg, "FQC");
    assertEquals("one lot: " + first, 1, first.size());
    // the first report opened the first-article lot, sampled for the order's 300, holding no stock
    JsonNode ipqc = lotsOf(s, fg, "IPQC");
    assertEquals("first-article lot: " + ipqc, 1, ipqc.size());
    assertEquals(50, ipqc.get(0).path("sampleSize").asInt());
    assertEquals(false, ipqc.get(0).path("holdsStock").asBoolean());
    assertEquals("E", first.get(0).path("codeLetter").asText());
    assertEquals(13, first.get(0).path("sampleSize").asInt());
    assertEquals(0, first.get(0).path("acceptance").asInt());
    String k2 = UUID.randomUUID().toString();
    ObjectNode second = obj("reportKey", k2, "workOrderId", order, "operationSeq", 10, "good", 200);
    admin.post("/operation-reports", second).expect(201);
    admin.post("/operation-reports", second).expect(200);
    JsonNode lots = lotsOf(s, fg, "FQC");
    assertEquals("still one lot: " + lots, 1, lots.size());
    JsonNode lot = lots.get(0);
    assertEquals("FQC", lot.path("source").asText());
    assertEquals(wo.path("code").asText(), lot.path("reference").asText());
    assertEquals(0, new BigDecimal("300").compareTo(new BigDecimal(lot.path("quantity").asText())));
    assertEquals("H", lot.path("codeLetter").asText());
    assertEquals(50, lot.path("sampleSize").asInt());
    assertEquals(1, lot.path("acceptance").asInt());
    assertEquals(2, lot.path("rejection").asInt());
    String woLot = wo.path("lot").asText();
    assertEquals(Map.of(woLot + "@QUARANTINE", "300"), stockOf(fg));
    assertEquals("still one first-article lot", 1, lotsOf(s, fg, "IPQC").size());
    long firstArticle = ipqc.get(0).path("id").asLong();
    admin
        .post(
            "/inspection-lots/" + firstArticle + "/results",
            obj("results", List.of(obj("characteristic", "VIS", "defects", 0))))
        .expect(200);
    decide(admin, firstArticle, "ACCEPT", null).expect(200);
    assertEquals(Map.of(woLot + "@QUARANTINE", "300"), stockOf(fg));
    long lotId = lot.path("id").asLong();
    admin
        .post(
            "/inspection-lots/" + lotId + "/results",
            obj("results", List.of(obj("characteristic", "VIS", "defects", 1))))
        .expect(200);
    decide(admin, lotId, "ACCEPT", null).expect(200);
    assertEquals(Map.of(woLot + "@AVAILABLE", "300"), stockOf(fg));
  }

  private JsonNode lotsOf(Site s, long material, String source) {
    com.fasterxml.jackson.databind.node.ArrayNode out = ItSupport.JSON.createArrayNode();
    for (JsonNode l :
        admin
            .get("/inspection-lots?plantId=" + s.plant() + "&materialId=" + material)
            .expect(200)
            .json()
            .path("items")) {
      if (source.equals(l.path("source").asText())) {
        out.add(l);
      }
    }
    return out;
  }

  private Map<String, String> stockOf(long material) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode b : admin.get("/stock?materialId=" + material).expect(200).json().path("items")) {
      String q = new BigDecimal(b.path("quantity").asText()).stripTrailingZeros().toPlainString();
      if (!q.equals("0")) {
        out.put(b.path("lot").asText() + "@" + b.path("status").asText(), q);
      }
    }
    return out;
  }

  @Test
  public void iqcAcceptRejectAndSwitchToTightened() {
    Site s = site();
    // lot 1: 1,000 into QUARANTINE; level II, 1,000 → J; normal 1.0 → n 80, Ac 2, Re 3
    receiveQuarantined(s, 1000, "S1-001");
    JsonNode l1 = createLot(s, "S1-001", 1000);
    assertPlan(l1, "NORMAL", 80, 2, 3);
    assertEquals(s.planId(), l1.path("planId").asLong());
    long id1 = l1.path("id").asLong();
    // 4 diameters all within 9.9..10.1, 1 major visual defect, no crack: 1 ≤ Ac 2 → ACCEPT
    JsonNode r1 = results(admin, id1, 1, 0).expect(200).json();
    assertEquals("RESULTS_RECORDED", r1.path("status").asText());
    assertEquals(1, r1.path("defects").asInt());
    assertEquals("ACCEPT", r1.path("judgement").asText());
    assertEquals("3 results: " + r1, 3, r1.path("results").size());
    assertEquals("OK", r1.path("results").get(0).path("judgement").asText());
    assertEquals("10.0 10.05 9.95 10.1", r1.path("results").get(0).path("measuredValues").asText());
    JsonNode d1 = decide(admin, id1, "ACCEPT", null).expect(200).json();
    assertEquals("DECIDED", d1.path("status").asText());
    assertEquals("ACCEPT", d1.path("decision").asText());
    assertEquals(Map.of("S1-001@AVAILABLE", "1000"), stock(s));
    JsonNode st = state(s);
    assertEquals("NORMAL", st.path("severity").asText());
    assertEquals(0, st.path("normalHistory").asInt());
    // Ac 2 → the score compares with Ac 1 of J at 0.65: 1 defect ≤ 1 → +3
    assertEquals("switching score: " + st, 3, st.path("switchingScore").asInt());
    // a decided lot takes neither results nor a second decision
    results(admin, id1, 0, 0).expectProblem(409);
    decide(admin, id1, "REJECT", "again").expectProblem(409);

    // lots 2 and 3: 3 major defects = Re 3 → REJECT → BLOCKED
    for (int i = 2; i <= 3; i++) {
      String lot = "S1-00" + i;
      receiveQuarantined(s, 1000, lot);
      JsonNode l = createLot(s, lot, 1000);
      assertPlan(l, "NORMAL", 80, 2, 3);
      JsonNode r = results(admin, l.path("id").asLong(), 3, 0).expect(200).json();
      assertEquals("REJECT", r.path("judgement").asText());
      assertEquals(3, r.path("defects").asInt());
      decide(admin, l.path("id").asLong(), "REJECT", "3 major / 外观不良 3 件").expect(200);
    }
    assertEquals(
        Map.of("S1-001@AVAILABLE", "1000", "S1-002@BLOCKED", "1000", "S1-003@BLOCKED", "1000"),
        stock(s));
    // 2 of the last 3 lots rejected on normal inspection → tightened (9.3.1)
    st = state(s);
    assertEquals("state: " + st, "TIGHTENED", st.path("severity").asText());
    assertEquals("NORMAL_TO_TIGHTENED", st.path("lastReason").asText());
    assertEquals(0, st.path("switchingScore").asInt());
    assertEquals("three decisions: " + st, 3, st.path("version").asInt());
    JsonNode audit =
        admin
            .get("/audit?entity=SamplingState&entityId=S1/" + s.material() + "&limit=10")
            .expect(200)
            .json();
    assertEquals("one audit row per decision: " + audit, 3, audit.path("total").asInt());
    assertTrue(
        "transition reason audited: " + audit, audit.toString().contains("NORMAL_TO_TIGHTENED"));

    // lot 4 on tightened inspection: J at 1.0 tightened → n 80, Ac 1, Re 2
    receiveQuarantined(s, 1000, "S1-004");
    JsonNode l4 = createLot(s, "S1-004", 1000);
    assertPlan(l4, "TIGHTENED", 80, 1, 2);
    long id4 = l4.path("id").asLong();
    // one crack (critical): 1 defect is below Re 2 but any critical defect rejects
    JsonNode r4 = results(admin, id4, 0, 1).expect(200).json();
    assertEquals("REJECT", r4.path("judgement").asText());
    assertEquals(1, r4.path("criticalDefects").asInt());
    // deciding against the judgement needs a reason
    JsonNode p = decide(admin, id4, "ACCEPT", null).expectProblem(400);
    assertEquals(Set.of("reason"), fields(p));
    decide(admin, id4, "REJECT", "crack / 裂纹").expect(200);
    assertEquals("1000", stock(s).get("S1-004@BLOCKED"));
    st = state(s);
    assertEquals("TIGHTENED", st.path("severity").asText());
    assertEquals(1, st.path("tightenedRejectedTotal").asInt());

    // the console lists the four lots with their plans
    String out =
        ItSupport.executeCommand(sessionFactory, "mom:inspection-lots -p " + s.plantCode());
    assertTrue(out, out.contains("J n=80 Ac=1 Re=2"));
    assertTrue(out, out.contains("J n=80 Ac=2 Re=3"));
    assertTrue(out, out.contains("4 of 4"));
    out =
        ItSupport.executeCommand(
            sessionFactory, "mom:inspection-lots -p " + s.plantCode() + " -s decided");
    assertTrue(out, out.contains("4 of 4"));
  }

  @Test
  public void inventoryRefusalLeavesTheLotUndecided() {
    Site s = site();
    // the lot claims 1,000 but only 600 sit in QUARANTINE
    receiveQuarantined(s, 600, "S1-100");
    JsonNode l = createLot(s, "S1-100", 1000);
    long id = l.path("id").asLong();
    results(admin, id, 0, 0).expect(200);
    long version = admin.get("/inspection-lots/" + id).expect(200).json().path("version").asLong();
    JsonNode p = decide(admin, id, "ACCEPT", null).expectProblem(400);
    assertTrue("inventory's refusal: " + p, p.toString().contains("insufficient_stock"));
    JsonNode after = admin.get("/inspection-lots/" + id).expect(200).json();
    assertEquals("RESULTS_RECORDED", after.path("status").asText());
    assertTrue("no decision: " + after, !after.hasNonNull("decision"));
    assertEquals(version, after.path("version").asLong());
    assertEquals(Map.of("S1-100@QUARANTINE", "600"), stock(s));
    JsonNode st = state(s);
    assertEquals("never decided: " + st, 0, st.path("version").asInt());
    assertEquals("NORMAL", st.path("severity").asText());
    assertEquals(
        "no DECIDE audit row",
        0,
        admin
            .get("/audit?entity=SamplingState&entityId=S1/" + s.material())
            .expect(200)
            .json()
            .path("total")
            .asInt());
  }

  @Test
  public void plansAreReplacedAndSupplierPlansPreferred() {
    Site s = site();
    JsonNode vis = obj("code", "VIS", "name", "外观", "kind", "ATTRIBUTE");
    JsonNode generic =
        obj(
            "plantId",
            s.plant(),
            "materialId",
            s.material(),
            "revision",
            "B",
            "aql",
            "1.0",
            "characteristics",
            List.of(vis),
            "version",
            1);
    JsonNode b = admin.put("/inspection-plans", generic).expect(200).json();
    assertEquals("same plan, next version: " + b, s.planId(), b.path("id").asLong());
    assertEquals(2, b.path("version").asInt());
    assertEquals("B", b.path("revision").asText());
    assertEquals("only VIS left: " + b, 1, b.path("characteristics").size());
    admin.put("/inspection-plans", generic).expectProblem(409);
    // S1's own plan at AQL 2.5: J normal → n 80, Ac 5, Re 6
    JsonNode s1 =
        admin
            .put(
                "/inspection-plans",
                obj(
                    "plantId",
                    s.plant(),
                    "materialId",
                    s.material(),
                    "supplier",
                    "S1",
                    "revision",
                    "1",
                    "aql",
                    "2.5",
                    "characteristics",
                    List.of(vis)))
            .expect(200)
            .json();
    assertEquals(
        2,
        admin
            .get("/inspection-plans?plantId=" + s.plant() + "&materialId=" + s.material())
            .expect(200)
            .json()
            .size());
    JsonNode l1 = createLot(s, "S1-300", 1000);
    assertEquals(s1.path("id").asLong(), l1.path("planId").asLong());
    assertEquals(5, l1.path("acceptance").asInt());
    assertEquals(6, l1.path("rejection").asInt());
    JsonNode l2 =
        admin
            .post(
                "/inspection-lots",
                obj(
                    "plantId",
                    s.plant(),
                    "materialId",
                    s.material(),
                    "supplier",
                    "S2",
                    "lot",
                    "S2-300",
                    "quantity",
                    1000,
                    "locationId",
                    s.iqc()))
            .expect(201)
            .json();
    assertEquals("S2 takes the plan for every supplier", s.planId(), l2.path("planId").asLong());
    assertEquals("MANUAL", l2.path("source").asText());
    assertEquals(2, l2.path("acceptance").asInt());
    // a characteristic with results cannot be dropped from the plan
    admin
        .post(
            "/inspection-lots/" + l1.path("id").asLong() + "/results",
            obj("results", List.of(obj("characteristic", "VIS", "defects", 0))))
        .expect(200);
    JsonNode p =
        admin
            .put(
                "/inspection-plans",
                obj(
                    "plantId",
                    s.plant(),
                    "materialId",
                    s.material(),
                    "supplier",
                    "S1",
                    "revision",
                    "2",
                    "aql",
                    "2.5",
                    "characteristics",
                    List.of(obj("code", "LEN", "name", "长度", "kind", "ATTRIBUTE"))))
            .expectProblem(400);
    assertEquals(Set.of("characteristics"), fields(p));
    assertEquals(
        "unchanged",
        "1",
        admin.get("/inspection-plans/" + s1.path("id").asLong()).json().path("revision").asText());
  }

  @Test
  public void rolesAndBadInput() {
    Site s = site();
    receiveQuarantined(s, 500, "S1-200");
    Api viewer = user(code("vw").toLowerCase(Locale.ROOT), s.plant(), "VIEWER");
    Api operator = user(code("op").toLowerCase(Locale.ROOT), s.plant(), "OPERATOR");
    JsonNode body =
        obj(
            "plantId",
            s.plant(),
            "materialId",
            s.material(),
            "supplier",
            "S1",
            "lot",
            "S1-200",
            "quantity",
            500,
            "locationId",
            s.iqc(),
            "source",
            "IQC");
    viewer.post("/inspection-lots", body).expectProblem(403);
    JsonNode l = operator.post("/inspection-lots", body).expect(201).json();
    // 500 at level II → H; normal 1.0 → n 50, Ac 1, Re 2
    assertEquals("H", l.path("codeLetter").asText());
    assertEquals(50, l.path("sampleSize").asInt());
    long id = l.path("id").asLong();
    viewer.get("/inspection-lots/" + id).expect(200);
    results(viewer, id, 0, 0).expectProblem(403);
    results(operator, id, 0, 0).expect(200);
    decide(viewer, id, "ACCEPT", null).expectProblem(403);
    decide(operator, id, "ACCEPT", null).expectProblem(403);
    assertEquals(
        "nothing decided",
        "RESULTS_RECORDED",
        admin.get("/inspection-lots/" + id).json().path("status").asText());
    operator.put("/inspection-plans", obj("plantId", s.plant())).expectProblem(400);
    JsonNode ok =
        obj(
            "plantId",
            s.plant(),
            "materialId",
            s.material(),
            "revision",
            "B",
            "aql",
            "1.0",
            "characteristics",
            List.of(obj("code", "VIS", "name", "外观", "kind", "ATTRIBUTE")));
    operator.put("/inspection-plans", ok).expectProblem(403);

    // bad input: every bad field listed
    JsonNode p =
        admin
            .put(
                "/inspection-plans",
                obj(
                    "plantId",
                    s.plant(),
                    "materialId",
                    s.material(),
                    "inspectionLevel",
                    "IV",
                    "aql",
                    "1.1",
                    "characteristics",
                    List.of(
                        obj("code", "X", "name", "x", "kind", "COLOUR"),
                        obj("code", "Y", "name", "y", "kind", "VARIABLE", "lower", 2, "upper", 1))))
            .expectProblem(400);
    assertEquals(
        Set.of(
            "revision",
            "inspectionLevel",
            "aql",
            "characteristics[0].kind",
            "characteristics[1].upper"),
        fields(p));
    p =
        admin
            .post(
                "/inspection-lots",
                obj(
                    "plantId",
                    s.plant(),
                    "materialId",
                    s.material(),
                    "lot",
                    "",
                    "quantity",
                    1.5,
                    "source",
                    "FAX"))
            .expectProblem(400);
    assertEquals(Set.of("locationId", "lot", "quantity", "source"), fields(p));
    p =
        admin
            .post(
                "/inspection-lots/" + id + "/results",
                obj(
                    "results",
                    List.of(
                        obj("characteristic", "NOPE", "defects", 1),
                        obj("characteristic", "VIS", "defects", -1),
                        obj("characteristic", "D1"))))
            .expectProblem(400);
    assertEquals(
        Set.of("results[0].characteristic", "results[1].defects", "results[2].values"), fields(p));
    p = decide(admin, id, "MAYBE", null).expectProblem(400);
    assertEquals(Set.of("decision"), fields(p));
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
