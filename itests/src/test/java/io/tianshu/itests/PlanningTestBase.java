package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.tianshu.itests.ItSupport.Api;
import io.tianshu.itests.ItSupport.Response;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Planning through REST and the console on a hand-worked three-level example: forecast consumption,
 * on-hand (quarantine excluded), a scheduled receipt, lead-time offsetting on the Monday-to-Friday
 * default calendar, fixed lot size and multiples, full pegging, MPS, firm/release, compare, and the
 * order promise against the released plan. Dates are offsets from a Monday at least a week ahead,
 * so the example never ages.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class PlanningTestBase extends ContainerTestBase {
  @javax.inject.Inject protected org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final LocalDate BASE =
      LocalDate.now().plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

  @Override
  protected void awaitDomainApi() {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Response r = admin.get("/plan-runs?plantId=0");
      last = r.status() + " " + r.body();
      // 404 for plant 0 (no such plant) means the resource is there.
      if (r.status() == 404 || r.status() == 200) {
        return;
      }
      ItSupport.sleep(500);
    }
    fail("planning API not ready: " + last);
  }

  private static String day(int offset) {
    return BASE.plusDays(offset).toString();
  }

  private static String code(String prefix) {
    return (prefix
            + "-"
            + SEQUENCE.incrementAndGet()
            + UUID.randomUUID().toString().substring(0, 5))
        .toUpperCase(Locale.ROOT);
  }

  /** FG ← 2 SA + 1 RM; SA ← 3 RM. */
  private record Model(long plant, String plantCode, long fg, long sa, long rm, long location) {}

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

  private Model model() {
    String plantCode = code("PL");
    long plant =
        Long.parseLong(
            id(admin.post("/plants", obj("code", plantCode, "name", "计划厂")).expect(201).json()));
    long fg = material(plant, "MANUFACTURED");
    long sa = material(plant, "MANUFACTURED");
    long rm = material(plant, "PURCHASED");
    bom(plant, sa, List.of(obj("componentMaterialId", rm, "quantityPer", 3)));
    bom(
        plant,
        fg,
        List.of(
            obj("componentMaterialId", sa, "quantityPer", 2),
            obj("componentMaterialId", rm, "quantityPer", 1)));
    long wh =
        Long.parseLong(
            id(
                admin
                    .post("/warehouses", obj("plantId", plant, "code", code("WH"), "name", "库"))
                    .expect(201)
                    .json()));
    long loc =
        Long.parseLong(
            id(
                admin
                    .post("/warehouses/" + wh + "/locations", obj("code", "A1", "name", "架"))
                    .expect(201)
                    .json()));
    // 15 FG received, 5 of them quarantined: 10 are available to planning.
    admin
        .post(
            "/stock/movements",
            obj("type", "RECEIPT", "materialId", fg, "quantity", 15, "locationId", loc))
        .expect(201);
    admin
        .post(
            "/stock/movements",
            obj(
                "type",
                "STATUS_CHANGE",
                "materialId",
                fg,
                "quantity",
                5,
                "locationId",
                loc,
                "status",
                "AVAILABLE",
                "toStatus",
                "QUARANTINE"))
        .expect(201);
    parameter(plant, fg, "MAKE", 2, "LOT_FOR_LOT", 0, 0, true);
    parameter(plant, sa, "MAKE", 1, "FIXED_QUANTITY", 50, 0, false);
    parameter(plant, rm, "BUY", 3, "LOT_FOR_LOT", 0, 10, false);
    admin
        .post(
            "/receipts",
            obj(
                "plantId",
                plant,
                "kind",
                "PURCHASE",
                "reference",
                "PO-1",
                "materialId",
                rm,
                "dueDate",
                day(7),
                "quantity",
                40))
        .expect(201);
    admin
        .post(
            "/forecasts",
            obj(
                "plantId",
                plant,
                "materialId",
                fg,
                "date",
                day(14),
                "quantity",
                50,
                "customer",
                "C1"))
        .expect(201);
    admin
        .post(
            "/sales-orders",
            obj(
                "plantId",
                plant,
                "orderNo",
                "SO-1",
                "lineNo",
                1,
                "customer",
                "C1",
                "materialId",
                fg,
                "requestedDate",
                day(18),
                "quantity",
                30))
        .expect(201);
    return new Model(plant, plantCode, fg, sa, rm, loc);
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

  private void parameter(
      long plant,
      long material,
      String procurement,
      int lead,
      String lot,
      double fixed,
      double multiple,
      boolean mps) {
    admin
        .put(
            "/plan-parameters",
            obj(
                "plantId",
                plant,
                "materialId",
                material,
                "procurement",
                procurement,
                "leadTimeDays",
                lead,
                "lotSizing",
                lot,
                "fixedQuantity",
                fixed,
                "multipleQuantity",
                multiple,
                "mps",
                mps))
        .expect(200);
  }

  private JsonNode run(Model m, String type) {
    JsonNode run =
        admin
            .post(
                "/plan-runs?wait=true",
                obj("plantId", m.plant(), "planType", type, "planStart", day(0), "horizonDays", 60))
            .expect(201)
            .json();
    assertEquals("run ended: " + run, "SIMULATED", run.path("status").asText());
    return run;
  }

  /** material → list of "release>due=quantity" in due order. */
  private Map<Long, List<String>> orders(long runId) {
    JsonNode page =
        admin.get("/plan-runs/" + runId + "/planned-orders?limit=500").expect(200).json();
    Map<Long, List<String>> out = new TreeMap<>();
    for (JsonNode o : page.path("items")) {
      out.computeIfAbsent(o.path("materialId").asLong(), k -> new ArrayList<>())
          .add(
              o.path("releaseDate").asText()
                  + ">"
                  + o.path("dueDate").asText()
                  + "="
                  + (long) o.path("quantity").asDouble());
    }
    return out;
  }

  private static String order(int release, int due, long quantity) {
    return day(release) + ">" + day(due) + "=" + quantity;
  }

  @Test
  public void mrpPlansTheHandWorkedExample() {
    Model m = model();
    JsonNode run = run(m, "MRP");
    long runId = run.path("id").asLong();
    // FG: forecast 50 on +14 less the 30 the order of +18 consumed (window 7 days back) = 20;
    // 10 available on hand (5 quarantined do not count) → 10 due +14, released 2 working days
    // before (+10, Thu); the order's 30 due +18 (Fri), released +16 (Wed).
    // SA: fixed lot 50, lead 1: 2 × 10 = 20 on +10 → 50 due +10 (released +9), 30 left;
    // 2 × 30 = 60 on +16 → 30 short → 50 due +16 (released +15).
    // RM: 150 on +9 (SA), 10 on +10 (FG), 150 on +15 (SA), 30 on +16 (FG); the receipt of 40
    // (+7) covers 40 of +9 → 110 due +9 released 3 working days before (+4, Fri); 10 due +10
    // (+7); 150 due +15 (+10); 30 due +16 (+11). Multiples of 10 change nothing.
    Map<Long, List<String>> expected = new HashMap<>();
    expected.put(m.fg(), List.of(order(10, 14, 10), order(16, 18, 30)));
    expected.put(m.sa(), List.of(order(9, 10, 50), order(15, 16, 50)));
    expected.put(
        m.rm(), List.of(order(4, 9, 110), order(7, 10, 10), order(10, 15, 150), order(11, 16, 30)));
    assertEquals(expected, orders(runId));
    assertEquals(3, run.path("items").asInt());
    assertEquals("one order line and one remaining forecast", 2, run.path("demands").asInt());
    assertEquals(8, run.path("plannedOrders").asInt());
    assertEquals(
        "no exception messages: " + admin.get("/plan-runs/" + runId + "/messages").body(),
        0,
        run.path("messages").asInt());

    // Pegging of FG: the forecast's 20 from 10 on hand and 10 planned; the order's 30 planned.
    JsonNode pegging =
        admin.get("/plan-runs/" + runId + "/pegging?materialId=" + m.fg()).expect(200).json();
    Map<String, Double> byDemand = new TreeMap<>();
    double onHand = 0;
    for (JsonNode p : pegging) {
      byDemand.merge(
          p.path("demandReference").asText(), p.path("quantity").asDouble(), Double::sum);
      if (p.path("supplyKind").asText().equals("ON_HAND")) {
        onHand += p.path("quantity").asDouble();
      }
    }
    assertEquals(10.0, onHand, 1e-9);
    assertEquals(2, byDemand.size());
    assertEquals(30.0, byDemand.get("SO SO-1/1"), 1e-9);
    assertEquals(
        20.0,
        byDemand.entrySet().stream()
            .filter(e -> e.getKey().startsWith("FC "))
            .mapToDouble(Map.Entry::getValue)
            .sum(),
        1e-9);
    // Pegging of RM: the receipt serves SA's first order; every RM requirement is covered.
    JsonNode rmPegging =
        admin.get("/plan-runs/" + runId + "/pegging?materialId=" + m.rm()).expect(200).json();
    double receipt = 0;
    double total = 0;
    for (JsonNode p : rmPegging) {
      total += p.path("quantity").asDouble();
      if (p.path("supplyKind").asText().equals("RECEIPT")) {
        receipt += p.path("quantity").asDouble();
        assertEquals("DEPENDENT", p.path("demandKind").asText());
      }
    }
    assertEquals(40.0, receipt, 1e-9);
    assertEquals("pegged = requirements 150 + 10 + 150 + 30", 340.0, total, 1e-9);

    // The weekly grid of SA: 20 needed in week 2 (+10) and 60 in week 3 (+16); orders of 50 due
    // in both; projected available 0, 30, then 20 to the end. RM's: gross 160 and 180, the
    // receipt's 40 in week 2, releases 110 (+4) in week 1 and 10 + 150 + 30 in week 2.
    JsonNode sa =
        admin
            .get("/plan-runs/" + runId + "/grid?bucketDays=7&materialId=" + m.sa())
            .expect(200)
            .json();
    assertEquals(9, sa.path("bucketStarts").size());
    assertEquals(
        "[0.0,20.0,60.0,0.0,0.0,0.0,0.0,0.0,0.0]", sa.path("grossRequirements").toString());
    assertEquals("[0.0,50.0,50.0,0.0,0.0,0.0,0.0,0.0,0.0]", sa.path("plannedReceipts").toString());
    assertEquals(
        "[0.0,30.0,20.0,20.0,20.0,20.0,20.0,20.0,20.0]", sa.path("projectedAvailable").toString());
    JsonNode rm =
        admin
            .get("/plan-runs/" + runId + "/grid?bucketDays=7&materialId=" + m.rm())
            .expect(200)
            .json();
    assertEquals(
        "[0.0,160.0,180.0,0.0,0.0,0.0,0.0,0.0,0.0]", rm.path("grossRequirements").toString());
    assertEquals("[0.0,40.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]", rm.path("scheduledReceipts").toString());
    assertEquals(
        "[110.0,190.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]", rm.path("plannedReleases").toString());
    assertEquals("[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]", rm.path("projectedAvailable").toString());
    JsonNode fg =
        admin
            .get("/plan-runs/" + runId + "/grid?bucketDays=7&materialId=" + m.fg())
            .expect(200)
            .json();
    assertEquals(10.0, fg.path("onHand").asDouble(), 1e-9);
    String grid =
        ItSupport.executeCommand(
            sessionFactory, "mom:plan-grid -n 3 " + runId + " " + code(m.sa()));
    assertTrue(grid, grid.contains("Projected available") && grid.contains(code(m.sa())));
    assertEquals(
        "[10.0,10.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]", fg.path("projectedAvailable").toString());
  }

  @Test
  public void mpsPlansOnlyMpsItemsAndRunsCompare() {
    Model m = model();
    JsonNode mrp = run(m, "MRP");
    JsonNode mps = run(m, "MPS");
    assertEquals(
        Map.of(m.fg(), List.of(order(10, 14, 10), order(16, 18, 30))),
        orders(mps.path("id").asLong()));
    JsonNode diff =
        admin
            .get("/plan-runs/" + mrp.path("id").asLong() + "/compare/" + mps.path("id").asLong())
            .expect(200)
            .json();
    List<Long> differing = new ArrayList<>();
    for (JsonNode row : diff.path("differences")) {
      differing.add(row.path("materialId").asLong());
      assertEquals(0, row.path("otherOrders").asInt());
    }
    assertEquals("SA and RM are only in the MRP run", List.of(m.sa(), m.rm()), differing);
  }

  @Test
  public void releasedPlanFeedsOrderPromising() {
    Model m = model();
    JsonNode run = run(m, "MRP");
    long runId = run.path("id").asLong();
    JsonNode firmed =
        admin
            .post(
                "/plan-runs/" + runId + "/status",
                obj("status", "FIRMED", "version", run.path("version").asLong()))
            .expect(200)
            .json();
    assertEquals("FIRMED", firmed.path("status").asText());
    // A stale version is refused.
    admin
        .post(
            "/plan-runs/" + runId + "/status",
            obj("status", "RELEASED", "version", run.path("version").asLong()))
        .expectProblem(409);
    JsonNode released =
        admin
            .post(
                "/plan-runs/" + runId + "/status",
                obj("status", "RELEASED", "version", firmed.path("version").asLong()))
            .expect(200)
            .json();
    assertEquals("RELEASED", released.path("status").asText());
    admin.delete("/plan-runs/" + runId).expectProblem(409);

    // ATP of FG: 10 on hand today, planned 10 (+14) and 30 (+18), the order's 30 committed on
    // +18 → cumulative ATP 10 now, 20 from +14. 15 pieces: promised on +14; 25: never.
    JsonNode promise =
        admin
            .get(
                "/promise?plantId="
                    + m.plant()
                    + "&materialId="
                    + m.fg()
                    + "&quantity=15&date="
                    + day(0))
            .expect(200)
            .json();
    assertEquals(runId, promise.path("runId").asLong());
    assertEquals(day(14), promise.path("promisedDate").asText());
    assertEquals(10.0, promise.path("availableOnRequested").asDouble(), 1e-9);
    JsonNode never =
        admin
            .get("/promise?plantId=" + m.plant() + "&materialId=" + m.fg() + "&quantity=25")
            .expect(200)
            .json();
    assertTrue("25 cannot be promised: " + never, never.path("promisedDate").isNull());
    // 25 on +18 anyway: supply is 10 + 10 + 30 = 50 for the order's 30; the 25 would take 25 of
    // the 30 of +18, leaving 10 + 10 + 5 = 25 for the order: it is displaced by 5.
    JsonNode rush =
        admin
            .get(
                "/promise?plantId="
                    + m.plant()
                    + "&materialId="
                    + m.fg()
                    + "&quantity=25&date="
                    + day(18))
            .expect(200)
            .json();
    assertTrue(rush.toString(), rush.path("promisedDate").isNull());
    assertEquals(1, rush.path("displaces").size());
    assertEquals("SO SO-1/1", rush.path("displaces").get(0).path("reference").asText());
    assertEquals(5.0, rush.path("displaces").get(0).path("shortBy").asDouble(), 1e-9);
    // Changing SO-1 itself to 45 on +18: its own 30 are no longer committed, 50 cover 45.
    long so1 =
        admin
            .get("/sales-orders?plantId=" + m.plant())
            .expect(200)
            .json()
            .get(0)
            .path("id")
            .asLong();
    JsonNode change =
        admin
            .get(
                "/promise?plantId="
                    + m.plant()
                    + "&materialId="
                    + m.fg()
                    + "&quantity=45&date="
                    + day(18)
                    + "&salesOrderLineId="
                    + so1)
            .expect(200)
            .json();
    assertEquals(day(18), change.path("promisedDate").asText());
    assertEquals(0, change.path("displaces").size());
    String console =
        ItSupport.executeCommand(
            sessionFactory,
            "mom:atp -d " + day(0) + " " + m.plantCode() + " " + code(m.fg()) + " 15");
    assertTrue(console, console.contains(day(14)));

    // Capable-to-promise, two lines in one call. 10 FG today: nothing of FG is free (the plan
    // pegged the 10 on hand and its orders), so it is made: 20 SA by FG's release (today), none
    // free before +10, so made too, from 60 RM bought: RM ready 3 working days from today, SA one
    // day later, FG two more: 6 working days. 30 SA on +10: the plan leaves only 20 of its second
    // SA order free (on +16), so they are made, from RM bought in time: on time.
    JsonNode ctp =
        admin
            .post(
                "/promise",
                obj(
                    "plantId",
                    m.plant(),
                    "lines",
                    List.of(
                        obj("materialId", m.fg(), "quantity", 10),
                        obj("materialId", m.sa(), "quantity", 30, "date", day(10)))))
            .expect(200)
            .json();
    assertEquals(workingDaysFromToday(6).toString(), ctp.get(0).path("promised").asText());
    assertTrue(ctp.toString(), !ctp.get(0).path("onTime").asBoolean());
    List<Long> path = new ArrayList<>();
    ctp.get(0).path("constraints").forEach(c -> path.add(c.path("materialId").asLong()));
    assertEquals("critical path FG → SA → RM: " + ctp, List.of(m.fg(), m.sa(), m.rm()), path);
    assertEquals(day(10), ctp.get(1).path("promised").asText());
    assertTrue(ctp.toString(), ctp.get(1).path("onTime").asBoolean());
    admin
        .post("/promise", obj("plantId", m.plant(), "lines", List.of(obj("quantity", -1))))
        .expectProblem(400);
    String ctpConsole =
        ItSupport.executeCommand(
            sessionFactory, "mom:atp --ctp " + m.plantCode() + " " + code(m.fg()) + " 10");
    assertTrue(ctpConsole, ctpConsole.contains(workingDaysFromToday(6).toString()));
  }

  /** Monday to Friday (the default calendar): n working days after today (or the next one). */
  private static LocalDate workingDaysFromToday(int n) {
    LocalDate d = LocalDate.now();
    while (d.getDayOfWeek().getValue() > 5) {
      d = d.plusDays(1);
    }
    for (int i = 0; i < n; i++) {
      d = d.plusDays(1);
      while (d.getDayOfWeek().getValue() > 5) {
        d = d.plusDays(1);
      }
    }
    return d;
  }

  private String code(long materialId) {
    return admin.get("/materials/" + materialId).expect(200).json().path("code").asText();
  }

  @Test
  public void consolePlanRunShowsProgressAndTheResult() {
    Model m = model();
    String out =
        ItSupport.executeCommand(
            sessionFactory, "mom:plan-run -s " + day(0) + " -h 60 -n console-run " + m.plantCode());
    assertTrue(out, out.contains("100% DONE") && out.contains("SIMULATED"));
    assertTrue(out, out.contains("8 planned orders"));
    String list = ItSupport.executeCommand(sessionFactory, "mom:plan-list " + m.plantCode());
    assertTrue(list, list.contains("console-run"));
  }

  @Test
  public void invalidInputAndOtherPlantsAreRefused() {
    Model m = model();
    JsonNode problem =
        admin
            .put(
                "/plan-parameters",
                obj(
                    "plantId",
                    m.plant(),
                    "materialId",
                    m.fg(),
                    "lotSizing",
                    "FIXED_QUANTITY",
                    "yieldPercent",
                    0,
                    "leadTimeDays",
                    -1))
            .expectProblem(400);
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertTrue(
        "all bad fields listed: " + problem,
        fields.containsAll(List.of("fixedQuantity", "yieldPercent", "leadTimeDays")));
    admin
        .post("/plan-runs", obj("plantId", m.plant(), "horizonDays", 0, "planType", "X"))
        .expectProblem(400);
    admin
        .post(
            "/sales-orders",
            obj("plantId", m.plant(), "orderNo", "SO-2", "lineNo", 1, "materialId", m.fg()))
        .expectProblem(400);
    // Existing parameters need the version last read.
    parameterConflict(m);

    // A viewer of another plant sees nothing of this one.
    Model other = model();
    String viewer =
        "pv" + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 4);
    admin
        .post(
            "/users",
            obj(
                "username",
                viewer,
                "password",
                "Pw-viewer-123",
                "grants",
                List.of(obj("plantId", other.plant(), "role", "VIEWER"))))
        .expect(201);
    Api v = ItSupport.api().as(viewer, "Pw-viewer-123");
    Response me = v.get("/me");
    for (int i = 0; i < 20 && me.status() != 200; i++) {
      ItSupport.sleep(500);
      me = v.get("/me");
    }
    assertEquals(me.body(), 200, me.status());
    JsonNode run = run(m, "MRP");
    v.get("/plan-runs/" + run.path("id").asLong()).expectProblem(404);
    v.get("/plan-runs?plantId=" + m.plant()).expectProblem(404);
    v.get("/forecasts?plantId=" + m.plant()).expectProblem(404);
    // The viewer reads its own plant but cannot plan it.
    v.get("/plan-runs?plantId=" + other.plant()).expect(200);
    v.post("/plan-runs", obj("plantId", other.plant())).expectProblem(403);
    assertNotNull(run);
  }

  private void parameterConflict(Model m) {
    admin
        .put("/plan-parameters", obj("plantId", m.plant(), "materialId", m.fg(), "leadTimeDays", 1))
        .expectProblem(409);
    JsonNode current =
        admin
            .get("/plan-parameters?plantId=" + m.plant() + "&materialId=" + m.fg())
            .expect(200)
            .json()
            .get(0);
    JsonNode updated =
        admin
            .put(
                "/plan-parameters",
                obj(
                    "plantId",
                    m.plant(),
                    "materialId",
                    m.fg(),
                    "leadTimeDays",
                    1,
                    "mps",
                    true,
                    "version",
                    current.path("version").asLong()))
            .expect(200)
            .json();
    assertEquals(1, updated.path("leadTimeDays").asInt());
    assertEquals(current.path("version").asLong() + 1, updated.path("version").asLong());
  }

  @Test
  public void kittingFindsShortagesAndRaisesRequisitionsInOneStep() {
    Model m = model();
    String kit = "/kitting?plantId=" + m.plant() + "&date=" + day(0);
    // SO-1 wants 30 FG on +18: 60 SA (none on hand, none coming) and 30 RM (none on hand, the 40
    // of PO-1 arrive on +7). Nothing can be built now; RM is covered on +7, SA never.
    JsonNode report = admin.get(kit).expect(200).json();
    JsonNode order = report.path("orders").get(0);
    assertEquals(1, report.path("orders").size());
    assertEquals("SO SO-1/1", order.path("reference").asText());
    assertEquals(0.0, order.path("buildableNow").asDouble(), 1e-9);
    assertTrue("never complete: " + order, order.path("completeDate").isNull());
    Map<Long, JsonNode> components = new HashMap<>();
    order.path("components").forEach(c -> components.put(c.path("materialId").asLong(), c));
    assertEquals(60.0, components.get(m.sa()).path("stillShort").asDouble(), 1e-9);
    assertEquals(30.0, components.get(m.rm()).path("shortNow").asDouble(), 1e-9);
    assertEquals(day(7), components.get(m.rm()).path("coveredDate").asText());
    assertEquals(0.0, components.get(m.rm()).path("stillShort").asDouble(), 1e-9);
    JsonNode requisitions = report.path("requisitions");
    assertEquals(1, requisitions.size());
    assertEquals(m.sa(), requisitions.get(0).path("materialId").asLong());
    assertEquals(60.0, requisitions.get(0).path("quantity").asDouble(), 1e-9);
    assertEquals(day(18), requisitions.get(0).path("needDate").asText());

    String console =
        ItSupport.executeCommand(sessionFactory, "mom:kit -d " + day(0) + " " + m.plantCode());
    assertTrue(console, console.contains("SO SO-1/1") && console.contains(code(m.sa()) + ": 60"));
    JsonNode created =
        admin
            .post("/kitting/requisitions?plantId=" + m.plant() + "&date=" + day(0), null)
            .expect(201)
            .json();
    assertEquals(1, created.size());
    assertEquals("REQUISITION", created.get(0).path("kind").asText());
    assertEquals(day(18), created.get(0).path("dueDate").asText());
    // The requisition is supply now: the order is complete on +18, and a second step adds nothing.
    JsonNode after = admin.get(kit).expect(200).json();
    assertEquals(day(18), after.path("orders").get(0).path("completeDate").asText());
    assertEquals(0, after.path("requisitions").size());
    assertEquals(
        0,
        admin
            .post("/kitting/requisitions?plantId=" + m.plant() + "&date=" + day(0), null)
            .expect(201)
            .json()
            .size());
  }

  @Test
  public void capacityLoadOfAPlanThroughTheRouting() {
    Model m = model();
    long ws = orgUnit("WORKSHOP", m.plant());
    long line = orgUnit("LINE", ws);
    long wc = orgUnit("WORK_CENTER", line);
    admin
        .post(
            "/routings",
            obj(
                "plantId",
                m.plant(),
                "materialId",
                m.fg(),
                "revision",
                "1",
                "validFrom",
                LocalDate.now().minusDays(1).toString(),
                "operations",
                List.of(
                    obj(
                        "opNo",
                        10,
                        "description",
                        "总装",
                        "workCenterId",
                        wc,
                        "setupMinutes",
                        30,
                        "runMinutes",
                        6))))
        .expect(201);
    admin
        .post(
            "/routings",
            obj(
                "plantId",
                m.plant(),
                "materialId",
                m.sa(),
                "revision",
                "1",
                "validFrom",
                LocalDate.now().minusDays(1).toString(),
                "operations",
                List.of(obj("opNo", 10, "description", "门板", "workCenterId", wc, "runMinutes", 2))))
        .expect(201);
    JsonNode run = run(m, "MRP");
    JsonNode report =
        admin
            .get("/plan-runs/" + run.path("id").asLong() + "/capacity?bucketDays=7")
            .expect(200)
            .json();
    // FG's orders: 30 + 6 × 10 = 90 minutes due +14 and 30 + 6 × 30 = 210 due +18 (third week);
    // SA's: 2 × 50 = 100 due +10 (second week) and 100 due +16 (third). RM's four have no routing.
    assertEquals(9, report.path("bucketStarts").size());
    JsonNode centre = report.path("workCenters").get(0);
    assertEquals(wc, centre.path("workCenterId").asLong());
    double[] expected = new double[9];
    expected[1] = 100;
    expected[2] = 400;
    for (int b = 0; b < 9; b++) {
      assertEquals(
          "bucket " + b + ": " + centre, expected[b], centre.path("load").get(b).asDouble(), 1e-9);
    }
    assertEquals(4, report.path("unroutedOrders").size());
    // Rough cut of the MPS item FG: 6 minutes per unit of its own and 2 × 2 through SA = 10
    // minutes per FG; 10 + 30 FG due in the third week → 400 minutes there, setups left out.
    JsonNode rough =
        admin
            .get("/plan-runs/" + run.path("id").asLong() + "/rough-cut?bucketDays=7")
            .expect(200)
            .json();
    JsonNode roughCentre = rough.path("workCenters").get(0);
    double[] roughExpected = new double[9];
    roughExpected[2] = 400;
    for (int b = 0; b < 9; b++) {
      assertEquals(
          "rough-cut bucket " + b + ": " + roughCentre,
          roughExpected[b],
          roughCentre.path("load").get(b).asDouble(),
          1e-9);
    }
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

  private long plant(String name) {
    return Long.parseLong(
        id(admin.post("/plants", obj("code", code("PL"), "name", name)).expect(201).json()));
  }

  private void salesOrder(long plant, long material, int due, double quantity) {
    admin
        .post(
            "/sales-orders",
            obj(
                "plantId",
                plant,
                "orderNo",
                code("SO"),
                "lineNo",
                1,
                "materialId",
                material,
                "requestedDate",
                day(due),
                "quantity",
                quantity))
        .expect(201);
  }

  @Test
  public void aPlantSourcingByTransferPlansItsSourcePlantInTheSameRun() {
    // X is a group material; B sources it from A (transfer time 2 working days), A makes it (lead
    // 1) and holds 15. B's order: 40 on +10 (Thu); A's own order: 10 on +11 (Fri).
    long a = plant("供应厂");
    long b = plant("需求厂");
    long x =
        Long.parseLong(
            id(
                admin
                    .post(
                        "/materials",
                        obj(
                            "code",
                            code("X"),
                            "name",
                            "集团件",
                            "type",
                            "MANUFACTURED",
                            "baseUnit",
                            "PCS"))
                    .expect(201)
                    .json()));
    admin
        .put(
            "/plan-parameters",
            obj(
                "plantId",
                b,
                "materialId",
                x,
                "procurement",
                "TRANSFER",
                "sourcePlantId",
                a,
                "leadTimeDays",
                2))
        .expect(200);
    admin
        .put("/plan-parameters", obj("plantId", a, "materialId", x, "leadTimeDays", 1))
        .expect(200);
    // A transfer without a source plant is refused.
    admin
        .put(
            "/plan-parameters",
            obj("plantId", a, "materialId", x, "procurement", "TRANSFER", "version", 0))
        .expectProblem(400);
    long wh =
        Long.parseLong(
            id(
                admin
                    .post("/warehouses", obj("plantId", a, "code", code("WH"), "name", "库"))
                    .expect(201)
                    .json()));
    long loc =
        Long.parseLong(
            id(
                admin
                    .post("/warehouses/" + wh + "/locations", obj("code", "A1", "name", "架"))
                    .expect(201)
                    .json()));
    admin
        .post(
            "/stock/movements",
            obj("type", "RECEIPT", "materialId", x, "quantity", 15, "locationId", loc))
        .expect(201);
    salesOrder(b, x, 10, 40);
    salesOrder(a, x, 11, 10);

    JsonNode run =
        admin
            .post("/plan-runs?wait=true", obj("plantId", b, "planStart", day(0), "horizonDays", 60))
            .expect(201)
            .json();
    assertEquals("run ended: " + run, "SIMULATED", run.path("status").asText());
    // B: a transfer order of 40 due +10, released 2 working days before (+8, Tue).
    // A: the transfer's 40 on +8 take the 15 on hand → 25 due +8 (released +7); its own 10 due +11
    // (released +10).
    JsonNode page =
        admin
            .get("/plan-runs/" + run.path("id").asLong() + "/planned-orders?materialId=" + x)
            .expect(200)
            .json();
    Map<Long, List<String>> byPlant = new TreeMap<>();
    for (JsonNode o : page.path("items")) {
      byPlant
          .computeIfAbsent(o.path("plantId").asLong(), k -> new ArrayList<>())
          .add(
              o.path("releaseDate").asText()
                  + ">"
                  + o.path("dueDate").asText()
                  + "="
                  + (long) o.path("quantity").asDouble());
    }
    Map<Long, List<String>> expected = new TreeMap<>();
    expected.put(b, List.of(order(8, 10, 40)));
    expected.put(a, List.of(order(7, 8, 25), order(10, 11, 10)));
    assertEquals(expected, byPlant);
    // In A the transfer order is a dependent demand: 15 from stock, 25 from A's first order.
    JsonNode pegging =
        admin
            .get(
                "/plan-runs/"
                    + run.path("id").asLong()
                    + "/pegging?plantId="
                    + a
                    + "&materialId="
                    + x)
            .expect(200)
            .json();
    double dependent = 0;
    double onHand = 0;
    for (JsonNode p : pegging) {
      assertEquals(a, p.path("plantId").asLong());
      if (p.path("demandKind").asText().equals("DEPENDENT")) {
        dependent += p.path("quantity").asDouble();
      }
      if (p.path("supplyKind").asText().equals("ON_HAND")) {
        onHand += p.path("quantity").asDouble();
      }
    }
    assertEquals(40.0, dependent, 1e-9);
    assertEquals(15.0, onHand, 1e-9);

    // The results for ERP: B's order is a transfer from A; as CSV, a header and three orders.
    String codeA = admin.get("/plants/" + a).expect(200).json().path("code").asText();
    JsonNode export =
        admin.get("/plan-runs/" + run.path("id").asLong() + "/export").expect(200).json();
    assertEquals("tianshu-exchange/1", export.path("format").asText());
    boolean transfer = false;
    for (JsonNode o : export.path("planResults").path("plannedOrders")) {
      if (o.path("procurement").asText().equals("TRANSFER")) {
        transfer =
            codeA.equals(o.path("sourcePlant").asText()) && o.path("quantity").asDouble() == 40;
      }
    }
    assertTrue("transfer order from A: " + export, transfer);
    Response csv = admin.get("/plan-runs/" + run.path("id").asLong() + "/export?format=csv");
    assertEquals(200, csv.status());
    assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
    assertEquals(csv.body(), 4, csv.body().trim().split("\n").length);

    // A planner of B alone may not plan A: the run fails and says so; nothing is saved.
    String name = "pb" + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 4);
    admin
        .post(
            "/users",
            obj(
                "username",
                name,
                "password",
                "Pw-planner-123",
                "grants",
                List.of(obj("plantId", b, "role", "PLANNER"))))
        .expect(201);
    Api planner = ItSupport.api().as(name, "Pw-planner-123");
    Response me = planner.get("/me");
    for (int i = 0; i < 20 && me.status() != 200; i++) {
      ItSupport.sleep(500);
      me = planner.get("/me");
    }
    JsonNode refused =
        planner
            .post("/plan-runs?wait=true", obj("plantId", b, "planStart", day(0)))
            .expect(201)
            .json();
    assertEquals("FAILED", refused.path("status").asText());
    assertTrue(refused.toString(), refused.path("error").asText().contains(String.valueOf(a)));
    assertEquals(0, refused.path("plannedOrders").asInt());
  }

  @Test
  public void aMakeToOrderLineGetsAnOrderOfItsOwn() {
    Model m = model();
    admin
        .post(
            "/sales-orders",
            obj(
                "plantId",
                m.plant(),
                "orderNo",
                "SO-9",
                "lineNo",
                1,
                "materialId",
                m.fg(),
                "requestedDate",
                day(18),
                "quantity",
                5,
                "makeToOrder",
                true))
        .expect(201);
    JsonNode run = run(m, "MRP");
    // FG as before (10 due +14, the pooled 30 due +18), plus the make-to-order line's own 5 due
    // +18, released +16, before the pooled order of that day; it takes nothing from stock.
    assertEquals(
        List.of(order(10, 14, 10), order(16, 18, 5), order(16, 18, 30)),
        orders(run.path("id").asLong()).get(m.fg()));
    JsonNode pegging =
        admin
            .get("/plan-runs/" + run.path("id").asLong() + "/pegging?materialId=" + m.fg())
            .expect(200)
            .json();
    double mto = 0;
    for (JsonNode p : pegging) {
      if ("SO SO-9/1".equals(p.path("demandReference").asText())) {
        assertEquals("PLANNED", p.path("supplyKind").asText());
        mto += p.path("quantity").asDouble();
      }
    }
    assertEquals(5.0, mto, 1e-9);
  }

  @Test
  public void insideTheDemandTimeFenceOnlyOrdersCount() {
    Model m = model();
    updateFg(m, "demandFenceDays", 15);
    // The forecast's remaining 20 on +14 lie inside the 15-day fence: ignored. The order's 30 on
    // +18 take the 10 on hand: one order of 20 due +18, released +16.
    JsonNode run = run(m, "MRP");
    assertEquals(List.of(order(16, 18, 20)), orders(run.path("id").asLong()).get(m.fg()));
    assertEquals("only the order line is demand", 1, run.path("demands").asInt());
  }

  @Test
  public void insideThePlanningTimeFenceNothingIsProposed() {
    Model m = model();
    updateFg(m, "planningFenceDays", 20);
    // The fence ends on +20, a Sunday: no FG order is due before Monday +21. What FG needs on +14
    // and +18 (10 and 30) is due on +21, each with a PLANNING_FENCE message.
    JsonNode run = run(m, "MRP");
    double quantity = 0;
    for (JsonNode o :
        admin
            .get("/plan-runs/" + run.path("id").asLong() + "/planned-orders?materialId=" + m.fg())
            .expect(200)
            .json()
            .path("items")) {
      assertEquals(day(21), o.path("dueDate").asText());
      quantity += o.path("quantity").asDouble();
    }
    assertEquals(40.0, quantity, 1e-9);
    JsonNode messages =
        admin
            .get("/plan-runs/" + run.path("id").asLong() + "/messages?kind=PLANNING_FENCE")
            .expect(200)
            .json();
    assertTrue(messages.toString(), messages.path("total").asInt() >= 1);
  }

  /** FG's parameters as the model sets them (lead 2, MPS) plus one more field, version checked. */
  /**
   * Assemble to order: FG's order line of 30 gets its own final assembly; the forecast left after
   * it consumed 30 (20 on +14) is passed to the components on FG's release date for +14 (+10); an
   * allocation of 5 SA on +10 is netted like any requirement.
   */
  @Test
  public void assembleToOrderPassesTheForecastToTheComponentsAndAllocationsCount() {
    Model m = model();
    updateFg(m, "strategy", "ATO");
    admin
        .post(
            "/allocations",
            obj(
                "plantId",
                m.plant(),
                "materialId",
                m.sa(),
                "requiredDate",
                day(10),
                "quantity",
                5,
                "reference",
                "MAINT-7"))
        .expect(201);
    assertFields(
        admin
            .post("/allocations", obj("plantId", m.plant(), "materialId", m.sa(), "quantity", -1))
            .expectProblem(400),
        "requiredDate",
        "quantity",
        "reference");
    long runId = run(m, "MRP").path("id").asLong();
    Map<Long, List<String>> orders = orders(runId);
    // FG: only the order line, make-to-order (FG's 10 on hand do not serve it), 2 days lead.
    assertEquals(List.of(order(16, 18, 30)), orders.get(m.fg()));
    // SA (fixed 50, lead 1): +10 needs 40 (ATO forecast 20 × 2) + 5 allocated → 50 due +10;
    // +16 needs 60 for FG's order, 5 left → 55 short → two lots of 50.
    assertEquals(
        List.of(order(9, 10, 50), order(15, 16, 50), order(15, 16, 50)), orders.get(m.sa()));
    // RM: 20 (ATO forecast) + 30 (FG's order) + 3 × 150 (SA's lots) less the receipt of 40.
    double rm = 0;
    for (String o : orders.get(m.rm())) {
      rm += Double.parseDouble(o.substring(o.indexOf('=') + 1));
    }
    assertEquals(20 + 30 + 450 - 40, rm, 1e-9);
    double allocated = 0;
    double forecast = 0;
    for (JsonNode p :
        admin.get("/plan-runs/" + runId + "/pegging?materialId=" + m.sa()).expect(200).json()) {
      if ("MAINT-7".equals(p.path("demandReference").asText())) {
        allocated += p.path("quantity").asDouble();
      }
      if (p.path("demandReference").asText().endsWith("ATO")) {
        forecast += p.path("quantity").asDouble();
      }
    }
    assertEquals(5, allocated, 1e-9);
    assertEquals(40, forecast, 1e-9);
    JsonNode allocations = admin.get("/allocations?plantId=" + m.plant()).expect(200).json();
    assertEquals(1, allocations.size());
    admin.delete("/allocations/" + allocations.get(0).path("id").asLong()).expect(204);
    assertEquals(0, admin.get("/allocations?plantId=" + m.plant()).expect(200).json().size());

    // Make to order: the forecast is not planned at all, the line gets its own order.
    updateFg(m, "strategy", "MTO");
    Map<Long, List<String>> mto = orders(run(m, "MRP").path("id").asLong());
    assertEquals(List.of(order(16, 18, 30)), mto.get(m.fg()));
    assertEquals(List.of(order(15, 16, 50), order(15, 16, 50)), mto.get(m.sa()));
  }

  /** A configured plan type gives a run its horizon, bucket and scope unless the request says. */
  @Test
  public void configuredPlanTypesGiveRunsTheirDefaults() {
    Model m = model();
    admin
        .put(
            "/plan-types",
            obj(
                "plantId",
                m.plant(),
                "code",
                "daily",
                "name",
                "日计划 Daily plan",
                "horizonDays",
                21,
                "bucketDays",
                1))
        .expect(200);
    assertFields(
        admin
            .put(
                "/plan-types", obj("plantId", m.plant(), "code", "X", "name", "x", "bucketDays", 0))
            .expectProblem(400),
        "bucketDays");
    JsonNode types = admin.get("/plan-types?plantId=" + m.plant()).expect(200).json();
    List<String> codes = new ArrayList<>();
    types.forEach(t -> codes.add(t.path("code").asText()));
    assertEquals(List.of("DAILY", "MPS", "MRP"), codes);
    JsonNode run =
        admin
            .post(
                "/plan-runs?wait=true",
                obj("plantId", m.plant(), "planType", "DAILY", "planStart", day(0)))
            .expect(201)
            .json();
    assertEquals("SIMULATED", run.path("status").asText());
    assertEquals(21, run.path("horizonDays").asInt());
    assertEquals(1, run.path("bucketDays").asInt());
    assertEquals("ALL", run.path("scope").asText());
    JsonNode grid =
        admin
            .get("/plan-runs/" + run.path("id").asLong() + "/grid?materialId=" + m.sa())
            .expect(200)
            .json();
    assertEquals(21, grid.path("bucketStarts").size());
    assertEquals(day(1), grid.path("bucketStarts").get(1).asText());
    assertFields(
        admin
            .post(
                "/plan-runs?wait=true",
                obj("plantId", m.plant(), "planType", "NOPE", "planStart", day(0)))
            .expectProblem(400),
        "planType");
    admin.delete("/plan-types/DAILY?plantId=" + m.plant()).expect(204);
    admin.delete("/plan-types/DAILY?plantId=" + m.plant()).expect(404);
  }

  /**
   * Planned orders of a firmed run become scheduled receipts; RM's four orders merge in pairs with
   * a one-day window; nothing is released twice and the next run plans nothing more.
   */
  @Test
  public void releasingPlannedOrdersMergesThemIntoReceipts() {
    Model m = model();
    JsonNode run = run(m, "MRP");
    long runId = run.path("id").asLong();
    admin.post("/plan-runs/" + runId + "/release-orders", obj()).expectProblem(409);
    admin
        .post(
            "/plan-runs/" + runId + "/status",
            obj("status", "FIRMED", "version", run.path("version").asLong()))
        .expect(200);
    // RM: 110 due +9 (released +4), 10 due +10, 150 due +15 (released +10), 30 due +16.
    JsonNode rm =
        admin
            .post(
                "/plan-runs/" + runId + "/release-orders",
                obj("materialId", m.rm(), "mergeDays", 1))
            .expect(200)
            .json();
    assertEquals(2, rm.size());
    assertEquals("REQUISITION", rm.get(0).path("kind").asText());
    assertEquals(day(9), rm.get(0).path("dueDate").asText());
    assertEquals(120, rm.get(0).path("quantity").asDouble(), 1e-9);
    assertTrue(rm.get(0).path("reference").asText().endsWith(" +1"));
    assertEquals(day(15), rm.get(1).path("dueDate").asText());
    assertEquals(180, rm.get(1).path("quantity").asDouble(), 1e-9);
    // The rest: FG's two and SA's two orders, due on different days, one receipt each.
    JsonNode rest = admin.post("/plan-runs/" + runId + "/release-orders", obj()).expect(200).json();
    assertEquals(4, rest.size());
    rest.forEach(r -> assertEquals("PRODUCTION", r.path("kind").asText()));
    assertEquals(
        0, admin.post("/plan-runs/" + runId + "/release-orders", obj()).expect(200).json().size());
    for (JsonNode o :
        admin
            .get("/plan-runs/" + runId + "/planned-orders?limit=500")
            .expect(200)
            .json()
            .path("items")) {
      assertTrue("released: " + o, o.path("releasedReceiptId").asLong() > 0);
    }
    assertEquals(0, run(m, "MRP").path("plannedOrders").asInt());
  }

  /**
   * Capable-to-promise checks the work centre: X (made of C, bought without lead time, lead 0)
   * takes 48 minutes a unit on a work centre of 480 minutes a working day. 25 wanted on +0 (Monday)
   * need 1,200 minutes: Monday, Tuesday and half of Wednesday → promised +2; the next 25 take the
   * rest of Wednesday, Thursday and Friday → +4.
   */
  @Test
  public void capableToPromiseWaitsForWorkCentreCapacity() {
    String plantCode = code("PL");
    long plant =
        Long.parseLong(
            id(admin.post("/plants", obj("code", plantCode, "name", "能力厂")).expect(201).json()));
    admin
        .post(
            "/calendars",
            obj(
                "plantId",
                plant,
                "code",
                code("CAL"),
                "name",
                "单班",
                "shifts",
                List.of(
                    obj(
                        "code",
                        "A",
                        "start",
                        "08:00",
                        "end",
                        "16:00",
                        "breakMinutes",
                        0,
                        "days",
                        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")))))
        .expect(201);
    long wc = orgUnit("WORK_CENTER", orgUnit("LINE", orgUnit("WORKSHOP", plant)));
    long x = material(plant, "MANUFACTURED");
    long c = material(plant, "PURCHASED");
    parameter(plant, x, "MAKE", 0, "LOT_FOR_LOT", 0, 0, false);
    parameter(plant, c, "BUY", 0, "LOT_FOR_LOT", 0, 0, false);
    bom(plant, x, List.of(obj("componentMaterialId", c, "quantityPer", 1)));
    admin
        .post(
            "/routings",
            obj(
                "plantId",
                plant,
                "materialId",
                x,
                "revision",
                "1",
                "validFrom",
                LocalDate.now().minusDays(1).toString(),
                "operations",
                List.of(
                    obj("opNo", 10, "description", "加工", "workCenterId", wc, "runMinutes", 48))))
        .expect(201);
    JsonNode ctp =
        admin
            .post(
                "/promise",
                obj(
                    "plantId",
                    plant,
                    "lines",
                    List.of(
                        obj("materialId", x, "quantity", 25, "date", day(0)),
                        obj("materialId", x, "quantity", 25, "date", day(0)))))
            .expect(200)
            .json();
    assertEquals(ctp.toString(), day(2), ctp.get(0).path("promised").asText());
    assertEquals(ctp.toString(), day(4), ctp.get(1).path("promised").asText());
    JsonNode bottleneck = ctp.get(0).path("constraints").get(0).path("bottleneck");
    assertEquals(ctp.toString(), wc, bottleneck.path("workCenterId").asLong());
  }

  /**
   * Priority substitution (优先替代): RM may be replaced 1:1 by ALT, of which 100 are on hand and
   * nothing else needs them. RM's requirements (150 on +9, 10 on +10, 150 on +15, 30 on +16) take
   * RM's receipt of 40, then ALT's 100 for the rest of +9, and only then RM's own orders.
   */
  @Test
  public void priorityMaterialSubstitutionUsesTheSubstitutesFreeStockFirst() {
    Model m = model();
    long alt = material(m.plant(), "PURCHASED");
    admin
        .post(
            "/stock/movements",
            obj("type", "RECEIPT", "materialId", alt, "quantity", 100, "locationId", m.location()))
        .expect(201);
    admin
        .post(
            "/substitution-groups",
            obj(
                "plantId",
                m.plant(),
                "strategy",
                "PRIORITY",
                "primary",
                List.of(obj("materialId", m.rm(), "quantity", 1)),
                "substitutes",
                List.of(
                    obj("priority", 1, "parts", List.of(obj("materialId", alt, "quantity", 1))))))
        .expect(201);
    long runId = run(m, "MRP").path("id").asLong();
    Map<Long, List<String>> orders = orders(runId);
    assertEquals(
        List.of(order(4, 9, 10), order(7, 10, 10), order(10, 15, 150), order(11, 16, 30)),
        orders.get(m.rm()));
    assertEquals(null, orders.get(alt));
    double fromAlt = 0;
    for (JsonNode p :
        admin.get("/plan-runs/" + runId + "/pegging?materialId=" + alt).expect(200).json()) {
      assertEquals("ON_HAND", p.path("supplyKind").asText());
      assertEquals("DEPENDENT", p.path("demandKind").asText());
      fromAlt += p.path("quantity").asDouble();
    }
    assertEquals(100, fromAlt, 1e-9);
    JsonNode messages =
        admin.get("/plan-runs/" + runId + "/messages?kind=SUBSTITUTED").expect(200).json();
    assertEquals(messages.toString(), 1, messages.path("items").size());
    assertEquals(alt, messages.path("items").get(0).path("materialId").asLong());
  }

  /**
   * Dynamic safety stock: FG's safety stock rises to 5 from +21 (a Monday), so besides the
   * hand-worked example's orders FG gets 5 due +21, released 2 working days before (+17).
   */
  @Test
  public void aSafetyStockStepGetsAnOrderDueOnItsDate() {
    Model m = model();
    updateFg(m, "safetyStockSteps", List.of(obj("from", day(21), "quantity", 5)));
    JsonNode parameters =
        admin
            .get("/plan-parameters?plantId=" + m.plant() + "&materialId=" + m.fg())
            .expect(200)
            .json();
    assertEquals(day(21), parameters.get(0).path("safetyStockSteps").get(0).path("from").asText());
    Map<Long, List<String>> orders = orders(run(m, "MRP").path("id").asLong());
    assertEquals(
        List.of(order(10, 14, 10), order(16, 18, 30), order(17, 21, 5)), orders.get(m.fg()));
    assertEquals(List.of(order(9, 10, 50), order(15, 16, 50)), orders.get(m.sa()));
    assertFields(
        admin
            .put(
                "/plan-parameters",
                obj(
                    "plantId",
                    m.plant(),
                    "materialId",
                    m.fg(),
                    "version",
                    parameters.get(0).path("version").asLong(),
                    "safetyStockSteps",
                    List.of(obj("from", day(21), "quantity", -1), obj("from", day(21)))))
            .expectProblem(400),
        "safetyStockSteps[0].quantity",
        "safetyStockSteps[1].quantity",
        "safetyStockSteps[1].from");
  }

  /**
   * Net change: after a regenerative run, a new order line of 5 FG on +18 is applied to the kept
   * plan; the result equals a regenerative run of the same data. A new receipt is no demand change,
   * so the next net-change run is regenerative.
   */
  @Test
  public void aNetChangeRunEqualsARegenerativeRunOfTheSameData() {
    Model m = model();
    run(m, "MRP");
    salesOrder(m.plant(), m.fg(), 18, 5);
    JsonNode net = netChangeRun(m);
    assertEquals("NET_CHANGE", net.path("mode").asText());
    JsonNode full = run(m, "MRP");
    assertEquals("REGENERATIVE", full.path("mode").asText());
    Map<Long, List<String>> netOrders = sorted(orders(net.path("id").asLong()));
    assertEquals(sorted(orders(full.path("id").asLong())), netOrders);
    // The new line consumes 5 more of the forecast on +14 (15 left, 10 on hand: 5 to make) and
    // FG's order for the +18 lines grows from 30 to 35.
    assertEquals(List.of(order(10, 14, 5), order(16, 18, 35)), netOrders.get(m.fg()));
    assertEquals(full.path("peggingRows").asInt(), net.path("peggingRows").asInt());
    admin
        .post(
            "/receipts",
            obj(
                "plantId",
                m.plant(),
                "kind",
                "PURCHASE",
                "reference",
                "PO-2",
                "materialId",
                m.rm(),
                "dueDate",
                day(20),
                "quantity",
                10))
        .expect(201);
    assertEquals("REGENERATIVE", netChangeRun(m).path("mode").asText());
    String out =
        ItSupport.executeCommand(
            sessionFactory, "mom:plan-run --net-change -s " + day(0) + " -h 60 " + m.plantCode());
    assertTrue(out, out.contains("SIMULATED NET_CHANGE"));
  }

  private JsonNode netChangeRun(Model m) {
    JsonNode run =
        admin
            .post(
                "/plan-runs?wait=true",
                obj(
                    "plantId",
                    m.plant(),
                    "planType",
                    "MRP",
                    "planStart",
                    day(0),
                    "horizonDays",
                    60,
                    "mode",
                    "NET_CHANGE"))
            .expect(201)
            .json();
    assertEquals("run ended: " + run, "SIMULATED", run.path("status").asText());
    return run;
  }

  private static Map<Long, List<String>> sorted(Map<Long, List<String>> orders) {
    Map<Long, List<String>> out = new TreeMap<>();
    orders.forEach(
        (k, v) -> {
          List<String> copy = new ArrayList<>(v);
          java.util.Collections.sort(copy);
          out.put(k, copy);
        });
    return out;
  }

  /**
   * Forecasts over periods and by product group, in a plant of their own (Monday to Friday, +0 a
   * Monday). X (bought, 1 day lead time) has a weekly forecast of 100 dated Wednesday +9: its week
   * is +7 … +13, 20 a day on Monday +7 to Friday +11, each released the working day before. Group G
   * of A and B is split 60/40: its daily forecast of 50 on +14 is 30 A and 20 B, released Friday
   * +11. A split must name materials of the group with percents summing to 100; a group forecast
   * needs a split in the plant.
   */
  @Test
  public void weeklyAndGroupForecastsAreSpreadAndSplit() {
    String plantCode = code("PL");
    long plant =
        Long.parseLong(
            id(admin.post("/plants", obj("code", plantCode, "name", "预测厂")).expect(201).json()));
    long group = materialGroup(plant);
    long other = materialGroup(plant);
    long x = material(plant, "PURCHASED");
    long a = groupMaterial(plant, group);
    long b = groupMaterial(plant, group);
    for (long mat : List.of(x, a, b)) {
      parameter(plant, mat, "BUY", 1, "LOT_FOR_LOT", 0, 0, false);
    }
    admin
        .post(
            "/forecasts",
            obj(
                "plantId",
                plant,
                "materialId",
                x,
                "date",
                day(9),
                "quantity",
                100,
                "period",
                "WEEK"))
        .expect(201);
    JsonNode split =
        admin
            .put(
                "/forecast-splits",
                obj(
                    "plantId",
                    plant,
                    "groupId",
                    group,
                    "lines",
                    List.of(
                        obj("materialId", a, "percent", 60), obj("materialId", b, "percent", 40))))
            .expect(200)
            .json();
    assertEquals(2, split.path("lines").size());
    JsonNode read =
        admin.get("/forecast-splits?plantId=" + plant + "&groupId=" + group).expect(200).json();
    assertEquals(split, read);
    JsonNode gf =
        admin
            .post(
                "/forecasts",
                obj("plantId", plant, "materialGroupId", group, "date", day(14), "quantity", 50))
            .expect(201)
            .json();
    assertEquals("DAY", gf.path("period").asText());
    assertTrue(gf.path("materialId").isNull());
    JsonNode run =
        admin
            .post(
                "/plan-runs?wait=true",
                obj("plantId", plant, "planType", "MRP", "planStart", day(0), "horizonDays", 60))
            .expect(201)
            .json();
    assertEquals("run ended: " + run, "SIMULATED", run.path("status").asText());
    Map<Long, List<String>> orders = orders(run.path("id").asLong());
    assertEquals(
        List.of(
            order(4, 7, 20), order(7, 8, 20), order(8, 9, 20), order(9, 10, 20), order(10, 11, 20)),
        orders.get(x));
    assertEquals(List.of(order(11, 14, 30)), orders.get(a));
    assertEquals(List.of(order(11, 14, 20)), orders.get(b));

    // bad splits: all bad lines at once; then a material outside the group
    assertFields(
        admin
            .put(
                "/forecast-splits",
                obj(
                    "plantId",
                    plant,
                    "groupId",
                    group,
                    "lines",
                    List.of(
                        obj("materialId", a, "percent", 60),
                        obj("materialId", a, "percent", -5),
                        obj("percent", 45))))
            .expectProblem(400),
        "lines[1].materialId",
        "lines[1].percent",
        "lines[2].materialId");
    assertFields(
        admin
            .put(
                "/forecast-splits",
                obj(
                    "plantId",
                    plant,
                    "groupId",
                    group,
                    "lines",
                    List.of(
                        obj("materialId", a, "percent", 60), obj("materialId", b, "percent", 30))))
            .expectProblem(400),
        "lines");
    assertFields(
        admin
            .put(
                "/forecast-splits",
                obj(
                    "plantId",
                    plant,
                    "groupId",
                    group,
                    "lines",
                    List.of(obj("materialId", x, "percent", 100))))
            .expectProblem(400),
        "lines[0].materialId");
    // the split is unchanged
    assertEquals(
        read,
        admin.get("/forecast-splits?plantId=" + plant + "&groupId=" + group).expect(200).json());
    // a group forecast without a split; a bad period and both material and group
    JsonNode noSplit =
        admin
            .post(
                "/forecasts",
                obj("plantId", plant, "materialGroupId", other, "date", day(14), "quantity", 5))
            .expectProblem(400);
    assertFields(noSplit, "materialGroupId");
    assertTrue(noSplit.toString(), noSplit.toString().contains("no forecast split for the group"));
    assertFields(
        admin
            .post(
                "/forecasts",
                obj(
                    "plantId",
                    plant,
                    "materialId",
                    x,
                    "materialGroupId",
                    group,
                    "date",
                    day(14),
                    "quantity",
                    5,
                    "period",
                    "YEAR"))
            .expectProblem(400),
        "materialGroupId",
        "period");
  }

  private long materialGroup(long plant) {
    return Long.parseLong(
        id(
            admin
                .post(
                    "/material-groups",
                    obj("code", code("G"), "name", "产品组", "plantId", plant, "version", 0))
                .expect(201)
                .json()));
  }

  private long groupMaterial(long plant, long group) {
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
                        "PURCHASED",
                        "baseUnit",
                        "PCS",
                        "plantId",
                        plant,
                        "groupId",
                        group))
                .expect(201)
                .json()));
  }

  private static void assertFields(JsonNode problem, String... expected) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertTrue("bad fields listed: " + problem, fields.containsAll(List.of(expected)));
  }

  private void updateFg(Model m, String field, Object value) {
    JsonNode current =
        admin
            .get("/plan-parameters?plantId=" + m.plant() + "&materialId=" + m.fg())
            .expect(200)
            .json()
            .get(0);
    admin
        .put(
            "/plan-parameters",
            obj(
                "plantId",
                m.plant(),
                "materialId",
                m.fg(),
                "leadTimeDays",
                2,
                "mps",
                true,
                field,
                value,
                "version",
                current.path("version").asLong()))
        .expect(200);
  }

  @Test
  public void aByProductOfAPlannedOrderCoversLaterDemandOnly() {
    // P ← 1 R, and every P yields 0.5 BY. Orders: 10 P on +10; BY 4 on +8 and 3 on +12. P's
    // order of 10 (lead 0) yields 5 BY on +10: too late for +8 (a by-product cannot be moved
    // forward), so BY gets its own order of 4 due +8; the 3 on +12 take 3 of the 5.
    long plant = plant("副产品厂");
    long p = material(plant, "MANUFACTURED");
    long r = material(plant, "PURCHASED");
    long by = material(plant, "MANUFACTURED");
    admin
        .post(
            "/boms",
            obj(
                "parentMaterialId",
                p,
                "plantId",
                plant,
                "view",
                "MANUFACTURING",
                "revision",
                "1",
                "validFrom",
                LocalDate.now().minusDays(1).toString(),
                "lines",
                List.of(obj("componentMaterialId", r, "quantityPer", 1)),
                "outputs",
                List.of(obj("materialId", by, "quantityPer", 0.5, "kind", "BY_PRODUCT"))))
        .expect(201);
    salesOrder(plant, p, 10, 10);
    salesOrder(plant, by, 8, 4);
    salesOrder(plant, by, 12, 3);
    JsonNode run =
        admin
            .post(
                "/plan-runs?wait=true",
                obj("plantId", plant, "planStart", day(0), "horizonDays", 60))
            .expect(201)
            .json();
    assertEquals("run: " + run, "SIMULATED", run.path("status").asText());
    Map<Long, List<String>> orders = orders(run.path("id").asLong());
    assertEquals(List.of(order(10, 10, 10)), orders.get(p));
    assertEquals(List.of(order(8, 8, 4)), orders.get(by));
    double fromP = 0;
    for (JsonNode x :
        admin
            .get("/plan-runs/" + run.path("id").asLong() + "/pegging?materialId=" + by)
            .expect(200)
            .json()) {
      if (x.path("supplyKind").asText().equals("CO_PRODUCT")) {
        fromP += x.path("quantity").asDouble();
      }
    }
    assertEquals(3.0, fromP, 1e-9);
    // The grid shows P's by-product receipt of 5 on +10; 2 of it are left after +12.
    JsonNode grid =
        admin
            .get("/plan-runs/" + run.path("id").asLong() + "/grid?bucketDays=1&materialId=" + by)
            .expect(200)
            .json();
    assertEquals(5.0, grid.path("coProductReceipts").get(10).asDouble(), 1e-9);
    assertEquals(0.0, grid.path("coProductReceipts").get(9).asDouble(), 1e-9);
    assertEquals(0.0, grid.path("projectedAvailable").get(9).asDouble(), 1e-9);
    assertEquals(5.0, grid.path("projectedAvailable").get(10).asDouble(), 1e-9);
    assertEquals(2.0, grid.path("projectedAvailable").get(12).asDouble(), 1e-9);
  }
}
