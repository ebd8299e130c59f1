package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
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
                            "MAJOR",
                            "instrument",
                            "外径千分尺 0-25 mm",
                            "method",
                            "GB/T 1958 两点法"),
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
    assertEquals("外径千分尺 0-25 mm", plan.path("characteristics").get(0).path("instrument").asText());
    assertEquals("GB/T 1958 两点法", plan.path("characteristics").get(0).path("method").asText());
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
    autoLots(s, false, events);
  }

  private void autoLots(Site s, boolean reducedApproved, String... events) {
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
                    List.of(events),
                    "reducedApproved",
                    reducedApproved))
            .expect(200)
            .json();
    assertEquals(reducedApproved, put.path("reducedApproved").asBoolean());
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
  public void goodsReceiptsAndCustomerReturnsOpenTheirLots() throws Exception {
    Site s = site();
    autoLots(s, "RETURN", "IQC");
    // the audit trail keeps each version of the plan in full: revision A before, B after
    JsonNode versions =
        admin
            .get("/audit?entity=InspectionPlan&entityId=" + s.planId())
            .expect(200)
            .json()
            .path("items");
    JsonNode replaced = null;
    for (JsonNode e : versions) {
      if ("UPDATE".equals(e.path("action").asText())) {
        replaced = e;
      }
    }
    assertTrue("a replacement: " + versions, replaced != null);
    JsonNode before = ItSupport.JSON.readTree(replaced.path("before").asText());
    JsonNode after = ItSupport.JSON.readTree(replaced.path("after").asText());
    assertEquals("A", before.path("revision").asText());
    assertEquals("B", after.path("revision").asText());
    assertEquals(
        "外径千分尺 0-25 mm", before.path("characteristics").get(0).path("instrument").asText());
    assertEquals(
        0,
        new BigDecimal("9.9")
            .compareTo(
                new BigDecimal(after.path("characteristics").get(0).path("lower").asText())));
    assertEquals(List.of("IQC", "RETURN"), strings(after.path("autoLots")));
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
    // a fixed plan (n 5, Ac 0) instead of the master tables; a fixed plan needs its n
    ObjectNode fixed =
        obj(
            "plantId",
            s.plant(),
            "materialId",
            s.material(),
            "revision",
            "C",
            "aql",
            "1.0",
            "characteristics",
            admin.get("/inspection-plans/" + s.planId()).expect(200).json().path("characteristics"),
            "autoLots",
            List.of("IQC"),
            "samplingMode",
            "FIXED",
            "fixedAcceptance",
            0);
    assertEquals(
        Set.of("fixedSampleSize"),
        fields(admin.put("/inspection-plans", fixed).expect(400).json()));
    fixed.put("fixedSampleSize", 5);
    assertEquals(
        "FIXED",
        admin.put("/inspection-plans", fixed).expect(200).json().path("samplingMode").asText());
    JsonNode f = goodsReceipt(s, null, "S1", "GR-3", 1000).expect(201).json().path("inspectionLot");
    assertEquals(5, f.path("sampleSize").asInt());
    assertEquals(0, f.path("acceptance").asInt());
    assertEquals(1, f.path("rejection").asInt());
    assertEquals(false, f.path("hundredPercent").asBoolean());
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
   * ISO 2859-1 9.3.3 with the responsible authority's approval on the plan: ten lots of 1,000 at J
   * accepted with no defect each add 3 to the switching score (each would have been accepted at AQL
   * 0.65, Ac 1), so the score reaches 30 and the next delivery is sampled on reduced inspection (J
   * reduced: n 32, Ac 1, Re 3).
   */
  @Test
  public void approvedReducedInspectionAfterTenGoodLots() {
    Site s = site();
    autoLots(s, true, "IQC");
    for (int i = 1; i <= 10; i++) {
      JsonNode lot =
          goodsReceipt(s, null, "S1", "R-" + i, 1000).expect(201).json().path("inspectionLot");
      assertEquals("lot " + i, "NORMAL", lot.path("severity").asText());
      long id = lot.path("id").asLong();
      results(admin, id, 0, 0).expect(200);
      decide(admin, id, "ACCEPT", null).expect(200);
    }
    JsonNode state = state(s);
    assertEquals("state: " + state, "REDUCED", state.path("severity").asText());
    JsonNode next =
        goodsReceipt(s, null, "S1", "R-11", 1000).expect(201).json().path("inspectionLot");
    assertEquals("REDUCED", next.path("severity").asText());
    assertEquals(32, next.path("sampleSize").asInt());
    assertEquals(1, next.path("acceptance").asInt());
    assertEquals(3, next.path("rejection").asInt());
  }

  /**
   * A work order of 300 reporting 100 and then 200 at its only operation receives its product into
   * QUARANTINE under one final-inspection lot that grows from 100 (code letter F, whose AQL 1.0
   * cell points up to E: n 13, Ac 0, Re 1) to 300 (H: n 50, Ac 1, Re 2); a retried report changes
   * nothing; accepting the lot releases the 300. The first report also opened the order's
   * first-article (IPQC) lot, whose decision moves no stock. Then 120 are staged for a shipment
   * under outgoing inspection (OQC) and released again.
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

    // 120 staged for sales order SO-1 under outgoing inspection: F, whose AQL 1.0 cell points up
    // to E (n 13, Ac 0, Re 1); more than is available is refused with nothing left behind
    ObjectNode oqc =
        obj(
            "plantId",
            s.plant(),
            "materialId",
            fg,
            "lot",
            woLot,
            "quantity",
            120,
            "locationId",
            s.iqc(),
            "salesOrder",
            "SO-1");
    JsonNode outgoing = admin.post("/outgoing-inspections", oqc).expect(201).json();
    assertEquals("OQC", outgoing.path("source").asText());
    assertEquals("SO-1", outgoing.path("reference").asText());
    assertEquals(13, outgoing.path("sampleSize").asInt());
    assertEquals(0, outgoing.path("acceptance").asInt());
    assertEquals(Map.of(woLot + "@AVAILABLE", "180", woLot + "@QUARANTINE", "120"), stockOf(fg));
    oqc.put("quantity", 181);
    assertEquals(
        Set.of("quantity"), fields(admin.post("/outgoing-inspections", oqc).expect(400).json()));
    assertEquals(1, lotsOf(s, fg, "OQC").size());
    long oqcId = outgoing.path("id").asLong();
    admin
        .post(
            "/inspection-lots/" + oqcId + "/results",
            obj("results", List.of(obj("characteristic", "VIS", "defects", 0))))
        .expect(200);
    decide(admin, oqcId, "ACCEPT", null).expect(200);
    assertEquals(Map.of(woLot + "@AVAILABLE", "300"), stockOf(fg));
  }

  /**
   * Patrol inspection (巡检): a started order of a material whose plan patrols every 60 minutes and
   * that has no in-process lot yet gets one (sampled for its 500: H, n 50, Ac 1, Re 2, holding no
   * stock), whether this call or the scheduler opens it; a run within the interval opens none.
   */
  @Test
  public void patrolOpensInProcessLotsOfStartedOrders() {
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
                            "齿轮",
                            "type",
                            "MANUFACTURED",
                            "baseUnit",
                            "PCS",
                            "plantId",
                            s.plant()))
                    .expect(201)
                    .json()));
    ObjectNode plan =
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
            "patrolMinutes",
            0);
    assertEquals(
        Set.of("patrolMinutes"), fields(admin.put("/inspection-plans", plan).expect(400).json()));
    plan.put("patrolMinutes", 60);
    assertEquals(
        60, admin.put("/inspection-plans", plan).expect(200).json().path("patrolMinutes").asInt());
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
                    500,
                    "issueLocationId",
                    s.iqc(),
                    "receiveLocationId",
                    s.iqc()))
            .expect(201)
            .json();
    long order = wo.path("id").asLong();
    String patrol = "/patrol-inspections?plantId=" + s.plant();
    // a released order that has not started is not patrolled
    admin
        .post("/work-orders/" + order + "/release", obj("version", wo.path("version").asLong()))
        .expect(200);
    admin.post(patrol, obj()).expect(200);
    assertEquals(0, lotsOf(s, fg, "IPQC").size());
    admin
        .post(
            "/operation-reports",
            obj(
                "reportKey",
                UUID.randomUUID().toString(),
                "workOrderId",
                order,
                "operationSeq",
                10,
                "good",
                10))
        .expect(201);
    admin.post(patrol, obj()).expect(200);
    JsonNode lots = lotsOf(s, fg, "IPQC");
    assertEquals("one patrol lot: " + lots, 1, lots.size());
    JsonNode lot = lots.get(0);
    assertEquals(wo.path("code").asText(), lot.path("reference").asText());
    assertEquals(false, lot.path("holdsStock").asBoolean());
    assertEquals("H", lot.path("codeLetter").asText());
    assertEquals(50, lot.path("sampleSize").asInt());
    assertEquals(1, lot.path("acceptance").asInt());
    assertEquals(2, lot.path("rejection").asInt());
    assertEquals(0, admin.post(patrol, obj()).expect(200).json().size());
    assertEquals(1, lotsOf(s, fg, "IPQC").size());

    // operation 10's own in-process plan: its reports of 40 and 60 grow one lot to 100 (F, whose
    // AQL 1.0 cell points up to E: n 13, Ac 0, Re 1); the material's plan is untouched
    ObjectNode opPlan = plan.deepCopy();
    opPlan.put("operationSeq", 10);
    opPlan.put("patrolMinutes", 0);
    opPlan.set("autoLots", ItSupport.JSON.valueToTree(List.of("IPQC")));
    opPlan.put("supplier", "S1");
    assertEquals(
        Set.of("supplier", "patrolMinutes"),
        fields(admin.put("/inspection-plans", opPlan).expect(400).json()));
    opPlan.remove("supplier");
    opPlan.remove("patrolMinutes");
    JsonNode put = admin.put("/inspection-plans", opPlan).expect(200).json();
    assertEquals(10, put.path("operationSeq").asInt());
    assertTrue("a plan of its own", put.path("id").asLong() != lot.path("planId").asLong());
    for (int good : new int[] {40, 60}) {
      admin
          .post(
              "/operation-reports",
              obj(
                  "reportKey",
                  UUID.randomUUID().toString(),
                  "workOrderId",
                  order,
                  "operationSeq",
                  10,
                  "good",
                  good))
          .expect(201);
    }
    JsonNode opLot = null;
    for (JsonNode l : lotsOf(s, fg, "IPQC")) {
      if (l.path("reference").asText().equals(wo.path("code").asText() + "/10")) {
        assertTrue("one lot of the operation", opLot == null);
        opLot = l;
      }
    }
    assertTrue("the operation's lot", opLot != null);
    assertEquals(
        0, new BigDecimal("100").compareTo(new BigDecimal(opLot.path("quantity").asText())));
    assertEquals(put.path("id").asLong(), opLot.path("planId").asLong());
    assertEquals(13, opLot.path("sampleSize").asInt());
    assertEquals(false, opLot.path("holdsStock").asBoolean());
    // its defects count for operation 10 in the Pareto by operation
    admin
        .post(
            "/inspection-lots/" + opLot.path("id").asLong() + "/results",
            obj("results", List.of(obj("characteristic", "VIS", "defects", 2))))
        .expect(200);
    JsonNode byOperation =
        admin
            .get("/quality-statistics/pareto?plantId=" + s.plant() + "&by=OPERATION")
            .expect(200)
            .json();
    assertEquals("pareto: " + byOperation, 1, byOperation.path("rows").size());
    assertEquals("10", byOperation.path("rows").get(0).path("key").asText());
    assertEquals(2, byOperation.path("rows").get(0).path("defects").asInt());
    assertEquals(
        60,
        admin
            .get("/inspection-plans/" + lot.path("planId").asLong())
            .expect(200)
            .json()
            .path("patrolMinutes")
            .asInt());
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

  // ---- nonconformance, MRB dispositions, 8D, QC circles

  private void receive(Site s, int qty, String lot, String status) {
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
                status))
        .expect(201);
  }

  private JsonNode nc(Api api, Site s, String lot, int qty, String stockStatus) {
    return api.post(
            "/nonconformances",
            obj(
                "plantId",
                s.plant(),
                "source",
                "SUPPLIER",
                "sourceReference",
                "DN-" + lot,
                "materialId",
                s.material(),
                "lot",
                lot,
                "locationId",
                s.iqc(),
                "stockStatus",
                stockStatus,
                "quantity",
                qty,
                "description",
                "划伤、外径超差",
                "responsibility",
                "SUPPLIER",
                "supplier",
                "S1",
                "defects",
                List.of(
                    obj("code", "SCRATCH", "quantity", 40, "description", "划伤"),
                    obj("code", "DIM-OD", "quantity", 70))))
        .expect(201)
        .json();
  }

  private static JsonNode line(String kind, int qty, String... more) {
    List<Object> kv = new java.util.ArrayList<>(List.of("kind", kind, "quantity", qty));
    kv.addAll(List.of((Object[]) more));
    return obj(kv.toArray());
  }

  private static Response propose(Api api, long nc, JsonNode... lines) {
    return api.post(
        "/nonconformances/" + nc + "/dispositions", obj("dispositions", List.of(lines)));
  }

  private static Response ncStep(Api api, long nc, String step) {
    return api.post("/nonconformances/" + nc + "/" + step, obj("comment", step + " / 处理"));
  }

  /** Ledger lines of the material: "reference status signed-quantity", sorted. */
  private List<String> ledger(Site s) {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode m :
        admin
            .get("/stock/movements?materialId=" + s.material() + "&limit=500")
            .expect(200)
            .json()
            .path("items")) {
      out.add(
          (m.path("reference").isTextual() ? m.path("reference").asText() : "-")
              + " "
              + m.path("status").asText()
              + " "
              + new BigDecimal(m.path("quantity").asText()).stripTrailingZeros().toPlainString());
    }
    java.util.Collections.sort(out);
    return out;
  }

  private static String num(JsonNode n) {
    return new BigDecimal(n.asText()).stripTrailingZeros().toPlainString();
  }

  @Test
  public void ncScrapUseAsIsReturnMoveStockWithFourEyes() {
    Site s = site();
    receive(s, 100, "NC-L1", "BLOCKED");
    Api viewer = user(code("vw").toLowerCase(Locale.ROOT), s.plant(), "VIEWER");
    Api inspector = user(code("op").toLowerCase(Locale.ROOT), s.plant(), "OPERATOR");
    Api qe = user(code("qe").toLowerCase(Locale.ROOT), s.plant(), "PLANNER");
    Api mrb = user(code("mrb").toLowerCase(Locale.ROOT), s.plant(), "PLANNER");
    viewer
        .post(
            "/nonconformances",
            obj(
                "plantId",
                s.plant(),
                "materialId",
                s.material(),
                "locationId",
                s.iqc(),
                "quantity",
                100))
        .expectProblem(403);
    JsonNode n = nc(inspector, s, "NC-L1", 100, "BLOCKED");
    long id = n.path("id").asLong();
    assertEquals("first NC of the plant: " + n, "NC-000001", n.path("ncNo").asText());
    assertEquals("OPEN", n.path("status").asText());
    assertEquals(2, n.path("defects").size());
    assertEquals("SUPPLIER", n.path("responsibility").asText());
    viewer.get("/nonconformances/" + id).expect(200);
    admin.get("/nonconformances/999999999").expectProblem(404);
    // another plant's planner does not see it
    Site other = site();
    Api stranger = user(code("qe").toLowerCase(Locale.ROOT), other.plant(), "PLANNER");
    stranger.get("/nonconformances/" + id).expectProblem(404);
    propose(stranger, id, line("SCRAP", 100)).expectProblem(404);
    stranger.get("/nonconformances?plantId=" + s.plant()).expectProblem(404);

    // an inspector does not propose; 60 + 30 + 5 = 95 ≠ 100 and a use-as-is without concession
    propose(inspector, id, line("SCRAP", 60)).expectProblem(403);
    JsonNode p =
        propose(qe, id, line("SCRAP", 60), line("USE_AS_IS", 30), line("RETURN_TO_SUPPLIER", 5))
            .expectProblem(400);
    assertEquals(
        Set.of("dispositions[1].concessionNo", "dispositions[1].reason", "dispositions"),
        fields(p));
    p = propose(qe, id, line("SCRAP", 60), line("MELT", 40)).expectProblem(400);
    assertEquals(Set.of("dispositions[1].kind"), fields(p));
    JsonNode still = admin.get("/nonconformances/" + id).expect(200).json();
    assertEquals("nothing stored", "OPEN", still.path("status").asText());
    assertEquals(n.path("version").asLong(), still.path("version").asLong());
    assertEquals(0, still.path("dispositions").size());

    // 60 scrap + 30 use as is under concession + 10 back to the responsible supplier S1
    JsonNode proposed =
        propose(
                qe,
                id,
                line("SCRAP", 60),
                line("USE_AS_IS", 30, "concessionNo", "CN-001", "reason", "cosmetic only / 外观"),
                line("RETURN_TO_SUPPLIER", 10))
            .expect(200)
            .json();
    assertEquals("PROPOSED", proposed.path("status").asText());
    assertEquals("S1", proposed.path("dispositions").get(2).path("supplier").asText());
    // not approved yet: nothing to execute
    ncStep(qe, id, "execute").expectProblem(409);
    // four eyes: not the proposer, not an operator
    ncStep(qe, id, "approve").expectProblem(403);
    ncStep(inspector, id, "approve").expectProblem(403);
    assertEquals("PROPOSED", admin.get("/nonconformances/" + id).json().path("status").asText());
    JsonNode approved = ncStep(mrb, id, "approve").expect(200).json();
    assertEquals("APPROVED", approved.path("status").asText());
    assertTrue(approved.path("approvedBy").asText().startsWith("mrb"));
    ncStep(qe, id, "cancel").expectProblem(409);

    JsonNode executed = ncStep(qe, id, "execute").expect(200).json();
    assertEquals("EXECUTED", executed.path("status").asText());
    for (JsonNode d : executed.path("dispositions")) {
      assertTrue("posted: " + d, d.path("movementDocumentId").asLong() > 0);
    }
    // 100 blocked: 60 scrapped and 10 returned (70 issued), 30 released, none left blocked
    assertEquals(Map.of("NC-L1@AVAILABLE", "30"), stock(s));
    assertEquals(
        List.of(
            "- BLOCKED 100",
            "NC-000001 RETURN_TO_SUPPLIER S1 BLOCKED -10",
            "NC-000001 SCRAP BLOCKED -60",
            "NC-000001 USE_AS_IS CN-001 AVAILABLE 30",
            "NC-000001 USE_AS_IS CN-001 BLOCKED -30"),
        ledger(s));
    ncStep(qe, id, "execute").expectProblem(409);

    // costs: scrap value, freight, and the supplier's charge-back as a credit
    admin
        .post("/nonconformances/" + id + "/costs", obj("type", "SCRAP_VALUE", "amount", 600))
        .expect(200);
    admin
        .post("/nonconformances/" + id + "/costs", obj("type", "FREIGHT", "amount", 50.5))
        .expect(200);
    JsonNode costed =
        qe.post(
                "/nonconformances/" + id + "/costs",
                obj("type", "OTHER", "amount", -100, "note", "charged back to S1 / 索赔"))
            .expect(200)
            .json();
    assertEquals("550.5", num(costed.path("costTotal")));
    assertEquals("600", num(costed.path("costByType").path("SCRAP_VALUE")));
    assertEquals(3, costed.path("costs").size());
    p =
        qe.post("/nonconformances/" + id + "/costs", obj("type", "BRIBE", "amount", 0))
            .expectProblem(400);
    assertEquals(Set.of("type", "amount"), fields(p));

    assertEquals("CLOSED", ncStep(qe, id, "close").expect(200).json().path("status").asText());
    ncStep(qe, id, "cancel").expectProblem(409);
    JsonNode audit =
        admin.get("/audit?entity=Nonconformance&entityId=" + id + "&limit=50").expect(200).json();
    // CREATE, PROPOSE, APPROVE, EXECUTE, 3 × COST, CLOSE; refused calls wrote nothing
    assertEquals("audit: " + audit, 8, audit.path("total").asInt());

    JsonNode list =
        viewer.get("/nonconformances?plantId=" + s.plant() + "&status=closed").expect(200).json();
    assertEquals(1, list.path("total").asInt());
    String out = ItSupport.executeCommand(sessionFactory, "mom:nc-list " + s.plantCode());
    assertTrue(out, out.contains("NC-000001"));
    assertTrue(out, out.contains("SCRAP=60 USE_AS_IS=30 RETURN_TO_SUPPLIER=10"));
    assertTrue(out, out.contains("1 of 1"));
    out = ItSupport.executeCommand(sessionFactory, "mom:nc-show " + id);
    assertTrue(out, out.contains("CN-001"));
    assertTrue(out, out.contains("Cost total 550.5"));
  }

  @Test
  public void reworkDispositionCreatesAReworkOrderAndSortStaysInQuarantine() {
    Site s = site();
    receive(s, 50, "RW-1", "QUARANTINE");
    Api mrb = user(code("mrb").toLowerCase(Locale.ROOT), s.plant(), "PLANNER");
    JsonNode n =
        admin
            .post(
                "/nonconformances",
                obj(
                    "plantId",
                    s.plant(),
                    "source",
                    "PRODUCTION",
                    "materialId",
                    s.material(),
                    "lot",
                    "RW-1",
                    "locationId",
                    s.iqc(),
                    "stockStatus",
                    "QUARANTINE",
                    "quantity",
                    50,
                    "responsibility",
                    "DEPARTMENT",
                    "department",
                    "冲压车间"))
            .expect(201)
            .json();
    long id = n.path("id").asLong();
    // a return needs a supplier: the department is responsible and the line names none
    JsonNode p =
        propose(admin, id, line("REWORK", 20), line("RETURN_TO_SUPPLIER", 30)).expectProblem(400);
    assertEquals(Set.of("dispositions[1].supplier"), fields(p));
    propose(admin, id, line("REWORK", 20), line("SORT", 30)).expect(200);
    // four eyes hold for the group administrator too
    ncStep(admin, id, "approve").expectProblem(403);
    ncStep(mrb, id, "approve").expect(200);
    JsonNode executed = ncStep(admin, id, "execute").expect(200).json();
    JsonNode rework = executed.path("dispositions").get(0);
    long wo = rework.path("workOrderId").asLong();
    assertTrue("rework order: " + executed, wo > 0);
    assertTrue(rework.path("movementDocumentId").asLong() > 0);
    assertTrue(
        "sorting quarantined stock posts nothing: " + executed,
        executed.path("dispositions").get(1).path("movementDocumentId").isNull());
    JsonNode order = admin.get("/work-orders/" + wo).expect(200).json();
    assertEquals("REWORK", order.path("kind").asText());
    assertEquals("PLANNED", order.path("status").asText());
    assertEquals(s.material(), order.path("materialId").asLong());
    assertEquals("20", num(order.path("quantity")));
    // 20 issued to the rework order, 30 stay in quarantine to be sorted
    assertEquals(Map.of("RW-1@QUARANTINE", "30"), stock(s));
    assertTrue(
        "issued to the order: " + ledger(s),
        ledger(s).contains("NC-000001 REWORK " + order.path("code").asText() + " QUARANTINE -20"));
  }

  @Test
  public void aRefusedPostingLeavesTheNcUnexecuted() {
    Site s = site();
    // the NC claims 100 but only 70 are blocked: use as is 60 posts, scrap 30 is refused
    receive(s, 70, "SHORT-1", "BLOCKED");
    Api mrb = user(code("mrb").toLowerCase(Locale.ROOT), s.plant(), "PLANNER");
    long id = nc(admin, s, "SHORT-1", 100, "BLOCKED").path("id").asLong();
    propose(
            admin,
            id,
            line("USE_AS_IS", 60, "concessionNo", "CN-9", "reason", "ok"),
            line("SCRAP", 30),
            line("REWORK", 10))
        .expect(200);
    long version = ncStep(mrb, id, "approve").expect(200).json().path("version").asLong();
    JsonNode p = ncStep(admin, id, "execute").expectProblem(400);
    assertTrue("inventory's refusal: " + p, p.toString().contains("insufficient_stock"));
    JsonNode after = admin.get("/nonconformances/" + id).expect(200).json();
    assertEquals("APPROVED", after.path("status").asText());
    assertEquals(version, after.path("version").asLong());
    assertTrue("no executor: " + after, after.path("executedBy").isNull());
    for (JsonNode d : after.path("dispositions")) {
      assertTrue("nothing recorded: " + d, d.path("movementDocumentId").isNull());
      assertTrue("no order: " + d, d.path("workOrderId").isNull());
    }
    assertEquals("the 60 released were rolled back", Map.of("SHORT-1@BLOCKED", "70"), stock(s));
    assertEquals(1, ledger(s).size());
    assertEquals(
        "no rework order",
        0,
        admin.get("/work-orders?plantId=" + s.plant()).expect(200).json().path("total").asInt());
    JsonNode audit =
        admin.get("/audit?entity=Nonconformance&entityId=" + id + "&limit=50").expect(200).json();
    assertTrue("no EXECUTE row: " + audit, !audit.toString().contains("EXECUTE"));
  }

  @Test
  public void aRejectedInspectionLotOpensItsNcWhichReturnsToTheSupplier() {
    Site s = site();
    receiveQuarantined(s, 1000, "S1-900");
    long lot = createLot(s, "S1-900", 1000).path("id").asLong();
    results(admin, lot, 3, 0).expect(200);
    decide(admin, lot, "REJECT", null).expect(200);
    assertEquals(Map.of("S1-900@BLOCKED", "1000"), stock(s));
    // the decision opened the NC in its transaction
    JsonNode list = admin.get("/nonconformances?plantId=" + s.plant()).expect(200).json();
    assertEquals("one NC: " + list, 1, list.path("total").asInt());
    JsonNode n = list.path("items").get(0);
    assertEquals("NC-000001", n.path("ncNo").asText());
    assertEquals("OPEN", n.path("status").asText());
    assertEquals("INSPECTION_LOT", n.path("source").asText());
    assertEquals(lot, n.path("inspectionLotId").asLong());
    assertEquals("IL-" + lot, n.path("sourceReference").asText());
    assertEquals("S1-900", n.path("lot").asText());
    assertEquals(s.iqc(), n.path("locationId").asLong());
    assertEquals("1000", num(n.path("quantity")));
    assertEquals("BLOCKED", n.path("stockStatus").asText());
    assertEquals("SUPPLIER", n.path("responsibility").asText());
    assertEquals("S1", n.path("supplier").asText());
    // the characteristic with defects: VIS, 3 in the sample of 80
    assertEquals("defects: " + n, 1, n.path("defects").size());
    assertEquals("VIS", n.path("defects").get(0).path("code").asText());
    assertEquals("3", num(n.path("defects").get(0).path("quantity")));
    // an accepted lot opens none
    receiveQuarantined(s, 1000, "S1-901");
    long ok = createLot(s, "S1-901", 1000).path("id").asLong();
    results(admin, ok, 0, 0).expect(200);
    decide(admin, ok, "ACCEPT", null).expect(200);
    assertEquals(
        1,
        admin
            .get("/nonconformances?plantId=" + s.plant())
            .expect(200)
            .json()
            .path("total")
            .asInt());
    // by hand, the inspection lot supplies what the input leaves out
    JsonNode manual =
        admin
            .post(
                "/nonconformances",
                obj(
                    "plantId",
                    s.plant(),
                    "inspectionLotId",
                    ok,
                    "quantity",
                    5,
                    "stockStatus",
                    "QUARANTINE"))
            .expect(201)
            .json();
    assertEquals("NC-000002", manual.path("ncNo").asText());
    assertEquals("S1-901", manual.path("lot").asText());
    assertEquals("5", num(manual.path("quantity")));
    assertEquals("S1", manual.path("supplier").asText());
    long id = n.path("id").asLong();
    propose(admin, id, line("RETURN_TO_SUPPLIER", 1000)).expect(200);
    Api mrb = user(code("mrb").toLowerCase(Locale.ROOT), s.plant(), "PLANNER");
    ncStep(mrb, id, "approve").expect(200);
    ncStep(admin, id, "execute").expect(200);
    assertEquals("the rejected lot went back", Map.of("S1-901@AVAILABLE", "1000"), stock(s));
    assertTrue(
        ledger(s).toString(), ledger(s).contains("NC-000001 RETURN_TO_SUPPLIER S1 BLOCKED -1000"));
    // an unknown or foreign inspection lot is a bad field
    JsonNode p =
        admin
            .post("/nonconformances", obj("plantId", s.plant(), "inspectionLotId", 999999999))
            .expectProblem(400);
    assertEquals(Set.of("inspectionLotId"), fields(p));
  }

  private static Response discipline(Api api, long capa, String d, Object... kv) {
    return api.put("/capas/" + capa + "/disciplines/" + d, obj(kv));
  }

  @Test
  public void eightDClosesOnlyAfterAnEffectiveCheck() {
    Site s = site();
    Api viewer = user(code("vw").toLowerCase(Locale.ROOT), s.plant(), "VIEWER");
    viewer.post("/capas", obj("plantId", s.plant(), "title", "划伤")).expectProblem(403);
    JsonNode k =
        admin
            .post(
                "/capas",
                obj(
                    "plantId",
                    s.plant(),
                    "title",
                    "Bearing scratches / 轴承划伤",
                    "problem",
                    "40 of 100 scratched",
                    "disciplines",
                    List.of(
                        obj("discipline", "D1", "owner", "zhang", "dueDate", "2027-01-10"),
                        obj("discipline", "D4", "owner", "li", "dueDate", "2027-01-20"))))
            .expect(201)
            .json();
    long id = k.path("id").asLong();
    assertEquals("8D-000001", k.path("capaNo").asText());
    assertEquals(8, k.path("disciplines").size());
    assertEquals("zhang", k.path("disciplines").get(0).path("owner").asText());
    assertEquals("2027-01-10", k.path("disciplines").get(0).path("dueDate").asText());
    assertEquals("OPEN", k.path("status").asText());

    // D8 first: D1..D7 are open
    JsonNode p =
        discipline(admin, id, "D8", "owner", "wang", "status", "DONE", "evidence", "x")
            .expectProblem(400);
    assertTrue(p.toString(), p.toString().contains("disciplines_open"));
    // done needs an owner (D2 has none) and evidence
    p = discipline(admin, id, "D2", "status", "DONE", "evidence", "5W2H").expectProblem(400);
    assertEquals(Set.of("owner"), fields(p));
    discipline(admin, id, "D1", "status", "DONE", "evidence", "team of 4").expect(200);
    for (String d : List.of("D2", "D3")) {
      discipline(admin, id, d, "owner", "zhang", "status", "DONE", "evidence", d + " ok")
          .expect(200);
    }
    // D4 needs the five whys first
    p = discipline(admin, id, "D4", "status", "DONE", "evidence", "analysis").expectProblem(400);
    assertTrue(p.toString(), p.toString().contains("no_root_cause"));
    p =
        admin
            .put("/capas/" + id + "/whys", obj("whys", List.of("burr", " "), "rootCause", ""))
            .expectProblem(400);
    assertEquals(Set.of("whys[1]", "rootCause"), fields(p));
    JsonNode w =
        admin
            .put(
                "/capas/" + id + "/whys",
                obj(
                    "whys",
                    List.of(
                        "burr on the race",
                        "die worn",
                        "no wear limit",
                        "no PM plan",
                        "PM not in EMS"),
                    "rootCause",
                    "die without preventive maintenance / 模具无预防性维护"))
            .expect(200)
            .json();
    assertEquals(5, w.path("whys").size());
    assertEquals("die worn", w.path("whys").get(1).asText());
    discipline(admin, id, "D4", "status", "DONE", "evidence", "5 whys").expect(200);
    discipline(admin, id, "D5", "owner", "li", "status", "DONE", "evidence", "PM plan").expect(200);
    // the check needs D6 done
    admin.post("/capas/" + id + "/effectiveness", obj("result", "EFFECTIVE")).expectProblem(409);
    discipline(admin, id, "D6", "owner", "li", "status", "DONE", "evidence", "PM in EMS")
        .expect(200);
    // not effective: D4..D7 reopen
    JsonNode ne =
        admin
            .post(
                "/capas/" + id + "/effectiveness",
                obj("result", "NOT_EFFECTIVE", "note", "scratches again in week 3"))
            .expect(200)
            .json();
    assertEquals("NOT_EFFECTIVE", ne.path("effectiveness").asText());
    StringBuilder states = new StringBuilder();
    for (JsonNode d : ne.path("disciplines")) {
      states
          .append(d.path("discipline").asText())
          .append('=')
          .append(d.path("status").asText())
          .append(' ');
    }
    assertEquals(
        "D1=DONE D2=DONE D3=DONE D4=OPEN D5=OPEN D6=OPEN D7=OPEN D8=OPEN ", states.toString());
    for (String d : List.of("D4", "D5", "D6", "D7")) {
      discipline(admin, id, d, "owner", "li", "status", "DONE", "evidence", d + " again")
          .expect(200);
    }
    p =
        discipline(admin, id, "D8", "owner", "wang", "status", "DONE", "evidence", "closed")
            .expectProblem(400);
    assertTrue(p.toString(), p.toString().contains("not_verified"));
    admin
        .post(
            "/capas/" + id + "/effectiveness", obj("result", "EFFECTIVE", "note", "0 in 3 months"))
        .expect(200);
    JsonNode closed =
        discipline(admin, id, "D8", "owner", "wang", "status", "DONE", "evidence", "closed")
            .expect(200)
            .json();
    assertEquals("CLOSED", closed.path("status").asText());
    assertEquals("admin", closed.path("closedBy").asText());
    discipline(admin, id, "D7", "status", "OPEN").expectProblem(409);
    assertEquals(
        1,
        viewer
            .get("/capas?plantId=" + s.plant() + "&status=CLOSED")
            .expect(200)
            .json()
            .path("total")
            .asInt());
    String out = ItSupport.executeCommand(sessionFactory, "mom:capa-list " + s.plantCode());
    assertTrue(out, out.contains("8D-000001"));
    assertTrue(out, out.contains("8/8"));
    out = ItSupport.executeCommand(sessionFactory, "mom:capa-show " + id);
    assertTrue(out, out.contains("Why 2: die worn"));
    assertTrue(out, out.contains("根本原因分析"));
    assertTrue(out, out.contains("Effectiveness / 有效性: EFFECTIVE"));
    admin.get("/capas/999999999").expectProblem(404);
    discipline(admin, id, "D9", "status", "DONE").expectProblem(404);
  }

  @Test
  public void qcCircleMovesThroughPdca() {
    Site s = site();
    Api operator = user(code("op").toLowerCase(Locale.ROOT), s.plant(), "OPERATOR");
    JsonNode p =
        operator
            .post("/qc-circles", obj("plantId", s.plant(), "members", List.of(" ")))
            .expectProblem(400);
    assertEquals(Set.of("name", "theme", "leader", "members[0]"), fields(p));
    JsonNode q =
        operator
            .post(
                "/qc-circles",
                obj(
                    "plantId",
                    s.plant(),
                    "name",
                    "雄鹰 QC 小组",
                    "theme",
                    "降低轴承划伤率",
                    "leader",
                    "赵六",
                    "members",
                    List.of("钱七", "孙八", "赵六"),
                    "startDate",
                    "2027-01-04",
                    "targetDate",
                    "2027-06-30"))
            .expect(201)
            .json();
    long id = q.path("id").asLong();
    assertEquals("PLAN", q.path("stage").asText());
    assertEquals("leader first, once: " + q, 3, q.path("members").size());
    assertEquals("赵六", q.path("members").get(0).asText());
    operator.post("/qc-circles/" + id + "/stage", obj("stage", "CHECK")).expectProblem(409);
    for (String st : List.of("DO", "CHECK", "ACT")) {
      assertEquals(
          st,
          operator
              .post("/qc-circles/" + id + "/stage", obj("stage", st))
              .expect(200)
              .json()
              .path("stage")
              .asText());
    }
    p = operator.post("/qc-circles/" + id + "/stage", obj("stage", "COMPLETED")).expectProblem(400);
    assertEquals(Set.of("result"), fields(p));
    JsonNode done =
        operator
            .post(
                "/qc-circles/" + id + "/stage",
                obj("stage", "COMPLETED", "result", "scratch rate 4 % → 0.5 %"))
            .expect(200)
            .json();
    assertEquals("COMPLETED", done.path("stage").asText());
    assertTrue(done.path("completedDate").isTextual());
    String out = ItSupport.executeCommand(sessionFactory, "mom:qcc-list " + s.plantCode());
    assertTrue(out, out.contains("降低轴承划伤率"));
    assertTrue(out, out.contains("1 of 1"));
  }

  // ---- SPC, holds and statistics

  /**
   * Montgomery, Introduction to Statistical Quality Control, tables 6.3 and 6.4: inside diameters
   * of piston rings, 25 Phase I subgroups of 5 and 15 Phase II subgroups (the values as printed).
   */
  private static final double[][] PISTON_RINGS = {
    {74.030, 74.002, 74.019, 73.992, 74.008},
    {73.995, 73.992, 74.001, 74.011, 74.004},
    {73.988, 74.024, 74.021, 74.005, 74.002},
    {74.002, 73.996, 73.993, 74.015, 74.009},
    {73.992, 74.007, 74.015, 73.989, 74.014},
    {74.009, 73.994, 73.997, 73.985, 73.993},
    {73.995, 74.006, 73.994, 74.000, 74.005},
    {73.985, 74.003, 73.993, 74.015, 73.988},
    {74.008, 73.995, 74.009, 74.005, 74.004},
    {73.998, 74.000, 73.990, 74.007, 73.995},
    {73.994, 73.998, 73.994, 73.995, 73.990},
    {74.004, 74.000, 74.007, 74.000, 73.996},
    {73.983, 74.002, 73.998, 73.997, 74.012},
    {74.006, 73.967, 73.994, 74.000, 73.984},
    {74.012, 74.014, 73.998, 73.999, 74.007},
    {74.000, 73.984, 74.005, 73.998, 73.996},
    {73.994, 74.012, 73.986, 74.005, 74.007},
    {74.006, 74.010, 74.018, 74.003, 74.000},
    {73.984, 74.002, 74.003, 74.005, 73.997},
    {74.000, 74.010, 74.013, 74.020, 74.003},
    {73.988, 74.001, 74.009, 74.005, 73.996},
    {74.004, 73.999, 73.990, 74.006, 74.009},
    {74.010, 73.989, 73.990, 74.009, 74.014},
    {74.015, 74.008, 73.993, 74.000, 74.010},
    {73.982, 73.984, 73.995, 74.017, 74.013},
    {74.012, 74.015, 74.030, 73.986, 74.000},
    {73.995, 74.010, 73.990, 74.015, 74.001},
    {73.987, 73.999, 73.985, 74.000, 73.990},
    {74.008, 74.010, 74.003, 73.991, 74.006},
    {74.003, 74.000, 74.001, 73.986, 73.997},
    {73.994, 74.003, 74.015, 74.020, 74.004},
    {74.008, 74.002, 74.018, 73.995, 74.005},
    {74.001, 74.004, 73.990, 73.996, 73.998},
    {74.015, 74.000, 74.016, 74.025, 74.000},
    {74.030, 74.005, 74.000, 74.016, 74.012},
    {74.001, 73.990, 73.995, 74.010, 74.024},
    {74.015, 74.020, 74.024, 74.005, 74.019},
    {74.035, 74.010, 74.012, 74.015, 74.026},
    {74.017, 74.013, 74.036, 74.025, 74.026},
    {74.010, 74.005, 74.029, 74.000, 74.020}
  };

  private static void spcResults(Api api, long lot, double[] values, int vis) {
    List<Double> list = new java.util.ArrayList<>();
    for (double v : values) {
      list.add(v);
    }
    api.post(
            "/inspection-lots/" + lot + "/results",
            obj(
                "results",
                List.of(
                    obj("characteristic", "ID", "values", list),
                    obj("characteristic", "VIS", "defects", vis))))
        .expect(200);
  }

  private static void close(String what, double expected, JsonNode actual, double tolerance) {
    assertTrue(
        what + ": expected " + expected + " got " + actual,
        actual.isNumber() && Math.abs(actual.asDouble() - expected) <= tolerance);
  }

  private static Map<Integer, String> flags(JsonNode points) {
    Map<Integer, String> out = new TreeMap<>();
    for (JsonNode p : points) {
      if (p.path("violations").size() > 0) {
        List<String> rules = new java.util.ArrayList<>();
        p.path("violations").forEach(r -> rules.add(r.asText()));
        out.put(p.path("index").asInt() + 1, String.join(",", rules));
      }
    }
    return out;
  }

  /**
   * By hand (see SpcChartsTest): X-double-bar 1850.0294 / 25 = 74.001176, R-bar 0.569 / 25 =
   * 0.02276, X-bar limits 74.001176 ± 0.576819 × 0.02276 = 74.014304 / 73.988048 (the book's 74.014
   * and 73.988), no Phase I point flagged; Cp 1.7032, Cpk 1.6632, Pp 1.6551, Ppk 1.6162 against
   * 73.95..74.05. Frozen on Phase I, the Phase II lots 35, 37, 38, 39 and 40 violate Western
   * Electric rules and are put on hold; ACCEPT is refused until a planner releases the hold.
   */
  @Test
  public void spcPistonRingsFrozenLimitsAndHold() {
    Site s = site();
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
                "aql",
                "1.0",
                "characteristics",
                List.of(
                    obj(
                        "code",
                        "ID",
                        "name",
                        "内径",
                        "kind",
                        "VARIABLE",
                        "target",
                        74.0,
                        "lower",
                        73.95,
                        "upper",
                        74.05,
                        "unit",
                        "mm"),
                    obj("code", "VIS", "name", "外观", "kind", "ATTRIBUTE"))))
        .expect(200);
    long[] lots = new long[41];
    for (int i = 1; i <= 25; i++) {
      lots[i] = createLot(s, "PR-" + i, 1000).path("id").asLong();
      spcResults(admin, lots[i], PISTON_RINGS[i - 1], 0);
    }
    String chartPath =
        "/spc/charts?plantId=" + s.plant() + "&materialId=" + s.material() + "&characteristic=ID";
    Api viewer = user(code("vw").toLowerCase(Locale.ROOT), s.plant(), "VIEWER");
    JsonNode chart = viewer.get(chartPath).expect(200).json();
    assertEquals("XBAR_R", chart.path("chartType").asText());
    assertEquals("WESTERN_ELECTRIC", chart.path("ruleSet").asText());
    assertEquals(5, chart.path("subgroupSize").asInt());
    assertEquals(false, chart.path("frozen").asBoolean());
    assertEquals(25, chart.path("points").size());
    close("X-double-bar", 74.001176, chart.path("centerLine"), 1e-6);
    close("R-bar", 0.02276, chart.path("dispersionCenter"), 1e-9);
    JsonNode first = chart.path("points").get(0);
    assertEquals("PR-1", first.path("lot").asText());
    assertEquals(lots[1], first.path("lotId").asLong());
    assertEquals("S1", first.path("supplier").asText());
    close("subgroup 1 mean", 74.0102, first.path("value"), 1e-9);
    close("UCL", 74.014304, first.path("ucl"), 1e-6);
    close("LCL", 73.988048, first.path("lcl"), 1e-6);
    close("R UCL", 0.0481, chart.path("dispersion").get(0).path("ucl"), 1e-4);
    assertEquals("Phase I in control: " + chart, Map.of(), flags(chart.path("points")));
    assertEquals(Map.of(), flags(chart.path("dispersion")));
    JsonNode cap = chart.path("capability");
    close("Cp", 1.7032, cap.path("cp"), 1e-4);
    close("Cpk", 1.6632, cap.path("cpk"), 1e-4);
    close("Pp", 1.6551, cap.path("pp"), 1e-4);
    close("Ppk", 1.6162, cap.path("ppk"), 1e-4);

    // freeze the limits on Phase I and hold lots that violate a rule
    String settingPath = "/inspection-plans/" + s.planId() + "/characteristics/ID/spc";
    assertEquals("NONE", viewer.get(settingPath).expect(200).json().path("reaction").asText());
    JsonNode hold = obj("freeze", true, "reaction", "HOLD");
    viewer.put(settingPath, hold).expectProblem(403);
    JsonNode bad =
        admin.put(settingPath, obj("chartType", "P", "reaction", "SHOUT")).expectProblem(400);
    assertEquals(Set.of("chartType", "reaction"), fields(bad));
    bad =
        admin
            .put(settingPath, obj("chartType", "XBAR_R", "frozenCenter", 74.0, "freeze", true))
            .expectProblem(400);
    assertEquals(Set.of("frozenCenter", "frozenSpread", "frozenSubgroupSize"), fields(bad));
    JsonNode setting = admin.put(settingPath, hold).expect(200).json();
    assertEquals("XBAR_R", setting.path("chartType").asText());
    assertEquals("HOLD", setting.path("reaction").asText());
    assertEquals(5, setting.path("frozenSubgroupSize").asInt());
    close("frozen centre", 74.001176, setting.path("frozenCenter"), 1e-9);
    close("frozen R-bar", 0.02276, setting.path("frozenSpread"), 1e-9);
    assertEquals(1, setting.path("version").asInt());

    // the hook for nonconformances: every violation is published after the commit
    List<org.osgi.service.event.Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.Dictionary<String, Object> props = new java.util.Hashtable<>();
    props.put(
        org.osgi.service.event.EventConstants.EVENT_TOPIC,
        "io/tianshu/quality/SpcViolation/DETECTED");
    org.osgi.framework.ServiceRegistration<org.osgi.service.event.EventHandler> reg =
        bundleContext.registerService(
            org.osgi.service.event.EventHandler.class,
            e -> {
              if (Long.valueOf(s.plant()).equals(e.getProperty("plantId"))) {
                events.add(e);
              }
            },
            props);
    Map<Integer, String> held = new TreeMap<>();
    try {
      for (int i = 26; i <= 40; i++) {
        lots[i] = createLot(s, "PR-" + i, 1000).path("id").asLong();
        spcResults(admin, lots[i], PISTON_RINGS[i - 1], 0);
        JsonNode holds = viewer.get("/inspection-lots/" + lots[i] + "/holds").expect(200).json();
        if (holds.size() > 0) {
          assertEquals(1, holds.size());
          assertEquals("OPEN", holds.get(0).path("status").asText());
          assertEquals("ID", holds.get(0).path("characteristic").asText());
          held.put(i, holds.get(0).path("rules").asText());
        }
      }
      // VIS on a p chart with frozen p-bar 0.01 and reaction NONCONFORMANCE: 5 of 80 = 0.0625
      // is beyond UCL 0.01 + 3 sqrt(0.01 × 0.99 / 80) = 0.043373 → WE1, an event, a hold and
      // the lot's nonconformance on its quarantined stock
      JsonNode visSetting =
          admin
              .put(
                  "/inspection-plans/" + s.planId() + "/characteristics/VIS/spc",
                  obj("chartType", "P", "frozenCenter", 0.01, "reaction", "NONCONFORMANCE"))
              .expect(200)
              .json();
      assertEquals("NONCONFORMANCE", visSetting.path("reaction").asText());
      lots[0] = createLot(s, "PR-41", 1000).path("id").asLong();
      admin
          .post(
              "/inspection-lots/" + lots[0] + "/results",
              obj("results", List.of(obj("characteristic", "VIS", "defects", 5))))
          .expect(200);
      assertEquals(1, viewer.get("/inspection-lots/" + lots[0] + "/holds").json().size());
      JsonNode spcNc = null;
      for (JsonNode n :
          admin.get("/nonconformances?plantId=" + s.plant()).expect(200).json().path("items")) {
        if (n.path("inspectionLotId").asLong() == lots[0]) {
          spcNc = n;
        }
      }
      assertNotNull("the SPC nonconformance of PR-41", spcNc);
      assertEquals("QUARANTINE", spcNc.path("stockStatus").asText());
      assertEquals("OPEN", spcNc.path("status").asText());
      assertEquals(
          0, new BigDecimal("1000").compareTo(new BigDecimal(spcNc.path("quantity").asText())));
      for (int i = 0; i < 40 && events.size() < 6; i++) {
        ItSupport.sleep(250);
      }
    } finally {
      reg.unregister();
    }
    Map<Long, String> published = new TreeMap<>();
    for (org.osgi.service.event.Event e : events) {
      published.put(
          (Long) e.getProperty("lotId"),
          e.getProperty("characteristic")
              + " "
              + e.getProperty("chartType")
              + " "
              + e.getProperty("rules")
              + " "
              + e.getProperty("reaction")
              + (e.getProperty("holdId") == null ? "" : " held"));
    }
    Map<Long, String> expectedEvents = new TreeMap<>();
    expectedEvents.put(lots[35], "ID XBAR_R WE2,WE3 HOLD held");
    expectedEvents.put(lots[37], "ID XBAR_R WE1,WE2 HOLD held");
    expectedEvents.put(lots[38], "ID XBAR_R WE1,WE2,WE3 HOLD held");
    expectedEvents.put(lots[39], "ID XBAR_R WE1,WE2,WE3 HOLD held");
    expectedEvents.put(lots[40], "ID XBAR_R WE2,WE3 HOLD held");
    expectedEvents.put(lots[0], "VIS P WE1 NONCONFORMANCE held");
    assertEquals(expectedEvents, published);
    assertEquals(6, events.size());
    // z = (mean - 74.001176) / 0.0043762: 34 +2.29, 35 +2.61, 36 +0.65, 37 +3.52, 38 +4.21,
    // 39 +5.08, 40 +2.66 (31 +1.38, 32 +1.01, 33 -0.77)
    Map<Integer, String> expected = new TreeMap<>();
    expected.put(35, "WE2,WE3");
    expected.put(37, "WE1,WE2");
    expected.put(38, "WE1,WE2,WE3");
    expected.put(39, "WE1,WE2,WE3");
    expected.put(40, "WE2,WE3");
    assertEquals(expected, held);
    chart = viewer.get(chartPath).expect(200).json();
    assertEquals(true, chart.path("frozen").asBoolean());
    assertEquals(40, chart.path("points").size());
    assertEquals(expected, flags(chart.path("points")));
    close("frozen UCL", 74.014304, chart.path("points").get(39).path("ucl"), 1e-6);
    // the same points on Nelson's rules without a setting of their own: computed limits
    JsonNode nelson = viewer.get(chartPath + "&ruleSet=NELSON&last=15").expect(200).json();
    assertEquals(15, nelson.path("points").size());
    assertEquals("PR-26", nelson.path("points").get(0).path("lot").asText());

    // lot 35 is held: ACCEPT refused until a planner releases it with a reason
    receiveQuarantined(s, 1000, "PR-35");
    long l35 = lots[35];
    JsonNode refused = decide(admin, l35, "ACCEPT", null).expectProblem(409);
    assertTrue("hold named: " + refused, refused.toString().contains("hold"));
    Api operator = user(code("op").toLowerCase(Locale.ROOT), s.plant(), "OPERATOR");
    operator
        .post("/inspection-lots/" + l35 + "/release-hold", obj("reason", "gauge checked"))
        .expectProblem(403);
    assertEquals(
        Set.of("reason"),
        fields(admin.post("/inspection-lots/" + l35 + "/release-hold", obj()).expectProblem(400)));
    JsonNode released =
        admin
            .post(
                "/inspection-lots/" + l35 + "/release-hold",
                obj("reason", "gauge recalibrated / 量具已校准"))
            .expect(200)
            .json();
    assertEquals("RELEASED", released.get(0).path("status").asText());
    assertEquals("gauge recalibrated / 量具已校准", released.get(0).path("releaseReason").asText());
    admin
        .post("/inspection-lots/" + l35 + "/release-hold", obj("reason", "again"))
        .expectProblem(409);
    decide(admin, l35, "ACCEPT", null).expect(200);
    assertEquals(Map.of("PR-35@AVAILABLE", "1000"), stock(s));
    // 41 lots inspected, one decided (35: accepted, but it was held, so not first pass)
    JsonNode st =
        viewer
            .get("/quality-statistics?plantId=" + s.plant() + "&groupBy=SOURCE")
            .expect(200)
            .json();
    JsonNode iqc = st.path("rows").get(0);
    assertEquals("IQC", iqc.path("key").asText());
    assertEquals(41, iqc.path("inspected").asInt());
    assertEquals(1, iqc.path("accepted").asInt());
    assertEquals(0, iqc.path("firstPass").asInt());
    assertEquals("1", dec(iqc.path("passRate")));
    assertEquals("0", dec(iqc.path("firstPassYield")));
    JsonNode audit =
        admin.get("/audit?entity=InspectionLot&entityId=" + l35 + "&limit=20").expect(200).json();
    assertTrue("violation audited: " + audit, audit.toString().contains("SPC_VIOLATION"));
    assertTrue("release audited: " + audit, audit.toString().contains("RELEASE_HOLD"));
    assertTrue(
        "setting audited",
        admin
            .get("/audit?entity=SpcSetting&entityId=" + s.planId() + "/ID")
            .expect(200)
            .json()
            .toString()
            .contains("HOLD"));

    String material =
        admin.get("/materials/" + s.material()).expect(200).json().path("code").asText();
    String out =
        ItSupport.executeCommand(
            sessionFactory, "mom:spc-chart " + s.plantCode() + " " + material + " ID");
    assertTrue(out, out.contains("XBAR_R WESTERN_ELECTRIC frozen"));
    assertTrue(out, out.contains("WE1,WE2,WE3"));
    assertTrue(out, out.contains("74.0143"));
  }

  /**
   * Four inspected lots counted by hand (lots of 1,000: n 80, Ac 2, Re 3): S1-A 1 visual defect →
   * ACCEPT, accepted (first pass); S1-B 3 visual → REJECT, rejected; S2-C 2 visual + 1 crack →
   * REJECT, accepted on concession (not first pass); S2-D none → ACCEPT, not decided; S2-E has no
   * results (not inspected). S1: 2 inspected, pass rate 1/2, FPY 1/2; S2: 2 inspected, 1 decided,
   * pass rate 1/1, FPY 0/1; total 4, pass rate 2/3 = 0.6667, FPY 1/3 = 0.3333. Defects: VIS 1 + 3 +
   * 2 = 6, CRK 1 → shares 6/7 = 0.8571 and 1/7 = 0.1429.
   */
  @Test
  public void qualityStatisticsAndPareto() {
    Site s = site();
    String[] names = {"A", "B", "C", "D", "E"};
    long[] ids = new long[5];
    for (int i = 0; i < 5; i++) {
      String supplier = i < 2 ? "S1" : "S2";
      String lot = supplier + "-" + names[i];
      receiveQuarantined(s, 1000, lot);
      ids[i] =
          admin
              .post(
                  "/inspection-lots",
                  obj(
                      "plantId",
                      s.plant(),
                      "materialId",
                      s.material(),
                      "supplier",
                      supplier,
                      "lot",
                      lot,
                      "quantity",
                      1000,
                      "locationId",
                      s.iqc(),
                      "source",
                      "IQC"))
              .expect(201)
              .json()
              .path("id")
              .asLong();
    }
    assertEquals(
        "ACCEPT", results(admin, ids[0], 1, 0).expect(200).json().path("judgement").asText());
    assertEquals(
        "REJECT", results(admin, ids[1], 3, 0).expect(200).json().path("judgement").asText());
    assertEquals(
        "REJECT", results(admin, ids[2], 2, 1).expect(200).json().path("judgement").asText());
    assertEquals(
        "ACCEPT", results(admin, ids[3], 0, 0).expect(200).json().path("judgement").asText());
    decide(admin, ids[0], "ACCEPT", null).expect(200);
    decide(admin, ids[1], "REJECT", null).expect(200);
    decide(admin, ids[2], "ACCEPT", "concession / 让步接收").expect(200);

    Api viewer = user(code("vw").toLowerCase(Locale.ROOT), s.plant(), "VIEWER");
    String base = "/quality-statistics?plantId=" + s.plant();
    JsonNode st = viewer.get(base).expect(200).json();
    assertEquals("SUPPLIER", st.path("groupBy").asText());
    assertEquals("two suppliers: " + st, 2, st.path("rows").size());
    JsonNode s1 = st.path("rows").get(0);
    assertEquals("S1", s1.path("key").asText());
    assertEquals(
        List.of(2L, 2L, 1L, 1L, 1L),
        List.of(
            s1.path("inspected").asLong(),
            s1.path("decided").asLong(),
            s1.path("accepted").asLong(),
            s1.path("rejected").asLong(),
            s1.path("firstPass").asLong()));
    assertEquals("0.5", dec(s1.path("passRate")));
    assertEquals("0.5", dec(s1.path("firstPassYield")));
    JsonNode s2 = st.path("rows").get(1);
    assertEquals("S2", s2.path("key").asText());
    assertEquals(2, s2.path("inspected").asInt());
    assertEquals(1, s2.path("decided").asInt());
    assertEquals("1", dec(s2.path("passRate")));
    assertEquals(0, s2.path("firstPass").asInt());
    assertEquals("0", dec(s2.path("firstPassYield")));
    JsonNode total = st.path("total");
    assertEquals(4, total.path("inspected").asInt());
    assertEquals(3, total.path("decided").asInt());
    assertEquals("0.6667", dec(total.path("passRate")));
    assertEquals("0.3333", dec(total.path("firstPassYield")));

    JsonNode byMaterial = viewer.get(base + "&groupBy=material").expect(200).json();
    assertEquals(1, byMaterial.path("rows").size());
    assertEquals(String.valueOf(s.material()), byMaterial.path("rows").get(0).path("key").asText());
    assertEquals(4, byMaterial.path("rows").get(0).path("inspected").asInt());
    JsonNode byMonth = viewer.get(base + "&groupBy=MONTH").expect(200).json();
    String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
    assertEquals(month, byMonth.path("rows").get(0).path("key").asText());
    assertEquals(4, byMonth.path("rows").get(0).path("inspected").asInt());
    JsonNode bySource = viewer.get(base + "&groupBy=SOURCE&supplier=S2").expect(200).json();
    assertEquals("IQC", bySource.path("rows").get(0).path("key").asText());
    assertEquals(2, bySource.path("rows").get(0).path("inspected").asInt());
    String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    JsonNode none = viewer.get(base + "&from=" + tomorrow).expect(200).json();
    assertEquals(0, none.path("rows").size());
    assertEquals(0, none.path("total").path("inspected").asInt());
    assertTrue("no rate: " + none, none.path("total").path("passRate").isNull());

    JsonNode pareto =
        viewer.get("/quality-statistics/pareto?plantId=" + s.plant()).expect(200).json();
    assertEquals(7, pareto.path("total").asInt());
    assertEquals(2, pareto.path("rows").size());
    JsonNode vis = pareto.path("rows").get(0);
    assertEquals("VIS", vis.path("key").asText());
    assertEquals("外观", vis.path("label").asText());
    assertEquals(6, vis.path("defects").asInt());
    assertEquals("0.8571", dec(vis.path("share")));
    assertEquals("0.8571", dec(vis.path("cumulativeShare")));
    JsonNode crk = pareto.path("rows").get(1);
    assertEquals("CRK", crk.path("key").asText());
    assertEquals("0.1429", dec(crk.path("share")));
    assertEquals("1", dec(crk.path("cumulativeShare")));
    JsonNode bySupplier =
        viewer
            .get("/quality-statistics/pareto?plantId=" + s.plant() + "&by=SUPPLIER")
            .expect(200)
            .json();
    assertEquals("S1", bySupplier.path("rows").get(0).path("key").asText());
    assertEquals(4, bySupplier.path("rows").get(0).path("defects").asInt());
    assertEquals("0.5714", dec(bySupplier.path("rows").get(0).path("share")));
    JsonNode onlyS2 =
        viewer
            .get("/quality-statistics/pareto?plantId=" + s.plant() + "&supplier=S2")
            .expect(200)
            .json();
    assertEquals(3, onlyS2.path("total").asInt());
    assertEquals("0.6667", dec(onlyS2.path("rows").get(0).path("share")));

    assertEquals(
        Set.of("groupBy", "to"),
        fields(
            viewer.get(base + "&groupBy=COLOUR&from=2026-05-02&to=2026-05-01").expectProblem(400)));
    assertEquals(Set.of("from"), fields(viewer.get(base + "&from=2026-13-01").expectProblem(400)));
    assertEquals(Set.of("plantId"), fields(viewer.get("/quality-statistics").expectProblem(400)));

    String out = ItSupport.executeCommand(sessionFactory, "mom:quality-stats " + s.plantCode());
    assertTrue(out, out.contains("66.67%"));
    assertTrue(out, out.contains("85.71%"));
  }

  private static String dec(JsonNode n) {
    return new BigDecimal(n.asText()).stripTrailingZeros().toPlainString();
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
