package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
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
      // is beyond UCL 0.01 + 3 sqrt(0.01 × 0.99 / 80) = 0.043373 → WE1, an event, no hold
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
      assertEquals(0, viewer.get("/inspection-lots/" + lots[0] + "/holds").json().size());
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
    expectedEvents.put(lots[0], "VIS P WE1 NONCONFORMANCE");
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
