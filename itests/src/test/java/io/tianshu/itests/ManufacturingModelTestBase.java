package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tianshu.itests.ItSupport.Api;
import io.tianshu.itests.ItSupport.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The manufacturing model through REST and the console: plant calendars (shifts, China's 2026
 * National Day holiday with its make-up Saturday, efficiency), work-centre capacity, resources,
 * skills and routings with their networks. Known answers are worked by hand in the comments.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class ManufacturingModelTestBase extends ContainerTestBase {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final double TOLERANCE = 1e-6;

  @Inject protected SessionFactory sessionFactory;

  @Override
  protected void awaitDomainApi() {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Response c = admin.get("/calendars?limit=1");
      Response r = admin.get("/routings?limit=1");
      Response s = admin.get("/resources?limit=1");
      last = c.status() + " " + r.status() + " " + s.status();
      if (c.status() == 200 && r.status() == 200 && s.status() == 200) {
        return;
      }
      ItSupport.sleep(500);
    }
    fail("calendar/routing/resource API not ready: " + last);
  }

  @Test
  public void bundlesActive() {
    assertBundleActive("io.tianshu.resource");
    assertBundleActive("io.tianshu.routing");
  }

  // ------------------------------------------------------------------ calendars

  @Test
  public void nationalDayCalendarAnswersPlannersQuestions() {
    Plant p = plant();
    JsonNode cal = admin.post("/calendars", calendarBody(p.id, code("CAL"))).expect(201).json();
    String calId = id(cal);
    assertTrue(
        "first calendar of a plant is its default: " + cal, cal.path("plantDefault").asBoolean());
    assertEquals(2, cal.path("shifts").size());
    assertEquals(8, cal.path("days").size());
    assertEquals(calId, id(admin.get("/plants/" + p.id + "/calendar").expect(200).json()));

    // 2026-09-28 is a Monday. Mon 28 – Wed 30 work (3 days × 900 min), Thu 1 – Wed 7 October are
    // the holiday, Thu 8 and Fri 9 work, Sat 10 is the make-up day (900 min), Sun 11 is off.
    JsonNode days =
        admin.get("/calendars/" + calId + "/days?from=2026-09-28&to=2026-10-11").expect(200).json();
    assertEquals(14, days.size());
    int working = 0;
    double minutes = 0;
    for (JsonNode d : days) {
      working += d.path("working").asBoolean() ? 1 : 0;
      minutes += d.path("nominalMinutes").asInt();
    }
    assertEquals("working days 28 Sep – 11 Oct: " + days, 6, working);
    assertEquals("6 × 900 minutes", 5400, minutes, TOLERANCE);
    assertEquals("2026-10-01", days.get(3).path("date").asText());
    assertEquals(0, days.get(3).path("nominalMinutes").asInt());
    assertEquals("国庆节", days.get(3).path("note").asText());
    assertEquals("make-up Saturday", 900, days.get(12).path("nominalMinutes").asInt());
    assertEquals("Sunday", 0, days.get(13).path("nominalMinutes").asInt());

    // Offsets in working days: one after Wed 30 Sep is Thu 8 Oct; three after it Sat 10 Oct (8, 9,
    // 10); one before Thu 8 Oct is Wed 30 Sep.
    assertEquals("2026-10-08", offset(calId, "2026-09-30", 1));
    assertEquals("2026-10-10", offset(calId, "2026-09-30", 3));
    assertEquals("2026-09-30", offset(calId, "2026-10-08", -1));

    // November runs at 80 %: Monday 2 November has 900 × 0.8 = 720 effective minutes.
    JsonNode nov =
        admin.get("/calendars/" + calId + "/days?from=2026-11-02&to=2026-11-02").expect(200).json();
    assertEquals(900, nov.get(0).path("nominalMinutes").asInt());
    assertEquals(720, nov.get(0).path("capacityMinutes").asDouble(), TOLERANCE);

    // A second default calendar takes the flag over.
    ObjectNode second = calendarBody(p.id, code("CAL2"));
    second.put("plantDefault", true);
    String secondId = id(admin.post("/calendars", second).expect(201).json());
    assertEquals(secondId, id(admin.get("/plants/" + p.id + "/calendar").expect(200).json()));
    assertTrue(
        !admin.get("/calendars/" + calId).expect(200).json().path("plantDefault").asBoolean());

    // Update with the version; a stale version is a conflict.
    JsonNode current = admin.get("/calendars/" + calId).expect(200).json();
    ObjectNode update = calendarBody(p.id, current.path("code").asText());
    update.put("name", "改名日历");
    update.put("version", current.path("version").asLong());
    JsonNode updated = admin.put("/calendars/" + calId, update).expect(200).json();
    assertEquals("改名日历", updated.path("name").asText());
    admin.put("/calendars/" + calId, update).expectProblem(409);
    assertEquals(
        "audit rows for the calendar: create and update",
        2,
        admin
            .get("/audit?entity=Calendar&entityId=" + calId)
            .expect(200)
            .json()
            .path("total")
            .asInt());
  }

  @Test
  public void badCalendarsAreRefusedWithEveryField() {
    Plant p = plant();
    ObjectNode body = calendarBody(p.id, "");
    body.put("name", "");
    ((ObjectNode) body.withArray("shifts").get(0)).remove("start");
    JsonNode problem = admin.post("/calendars", body).expectProblem(400);
    assertError(problem, "code", "required");
    assertError(problem, "name", "required");
    assertError(problem, "shifts[0].start", "required");

    // Shift B starting at 15:00 overlaps shift A (08:00 – 15:30 after its break).
    ObjectNode overlapping = calendarBody(p.id, code("CALX"));
    ((ObjectNode) overlapping.withArray("shifts").get(1)).put("start", "15:00");
    assertError(
        admin.post("/calendars", overlapping).expectProblem(400), "shifts", "invalid_calendar");
    assertEquals(
        "nothing stored",
        0,
        admin.get("/calendars?plantId=" + p.id).expect(200).json().path("total").asInt());
    admin.get("/calendars/999999999").expectProblem(404);
  }

  // ------------------------------------------------------------------ capacity and resources

  @Test
  public void workCentreCapacityFollowsItsCalendar() {
    Plant p = plant();
    admin.post("/calendars", calendarBody(p.id, code("CAL"))).expect(201);
    String wc = p.workCentres.get(0);
    JsonNode defaults = admin.get("/work-centers/" + wc + "/capacity").expect(200).json();
    assertEquals(1, defaults.path("parallelUnits").asInt());
    JsonNode set =
        admin
            .put(
                "/work-centers/" + wc + "/capacity",
                obj("parallelUnits", 2, "utilisationPercent", 90))
            .expect(200)
            .json();
    assertEquals(2, set.path("parallelUnits").asInt());
    // 30 Sep: 900 × 2 × 0.9 = 1620; 3 Oct (holiday): 0; 2 Nov: 900 × 0.8 × 2 × 0.9 = 1296.
    Map<String, Double> days = new HashMap<>();
    for (JsonNode d :
        admin
            .get("/work-centers/" + wc + "/capacity/days?from=2026-09-30&to=2026-11-02")
            .expect(200)
            .json()) {
      days.put(d.path("date").asText(), d.path("availableMinutes").asDouble());
    }
    assertEquals(1620, days.get("2026-09-30"), TOLERANCE);
    assertEquals(0, days.get("2026-10-03"), TOLERANCE);
    assertEquals(1296, days.get("2026-11-02"), TOLERANCE);
    // An update needs the current version.
    admin
        .put("/work-centers/" + wc + "/capacity", obj("parallelUnits", 3, "version", 99))
        .expectProblem(409);
    assertError(
        admin
            .put(
                "/work-centers/" + wc + "/capacity",
                obj("utilisationPercent", 0, "version", set.path("version").asLong()))
            .expectProblem(400),
        "utilisationPercent",
        "out_of_range");
  }

  @Test
  public void resourcesAndSkillsAreStoredScopedAndValidated() {
    Plant p = plant();
    Plant other = plant();
    JsonNode mould =
        admin
            .post(
                "/resources",
                obj(
                    "plantId",
                    p.id,
                    "code",
                    code("MD"),
                    "name",
                    "前盖模具",
                    "type",
                    "mould",
                    "workCenterId",
                    p.workCentres.get(0),
                    "cavities",
                    4,
                    "lifeCycles",
                    500000))
            .expect(201)
            .json();
    assertEquals("MOULD", mould.path("type").asText());
    assertEquals("ACTIVE", mould.path("status").asText());
    assertEquals(4, mould.path("cavities").asInt());
    assertEquals(
        1,
        admin
            .get("/resources?plantId=" + p.id + "&type=MOULD")
            .expect(200)
            .json()
            .path("total")
            .asInt());
    String console =
        ItSupport.executeCommand(sessionFactory, "mom:resource-list -t MOULD " + p.code);
    assertTrue(console, console.contains(mould.path("code").asText()) && console.contains("MOULD"));
    JsonNode bad =
        admin
            .post(
                "/resources",
                obj(
                    "plantId",
                    p.id,
                    "code",
                    "",
                    "name",
                    "x",
                    "type",
                    "SPACESHIP",
                    "workCenterId",
                    other.workCentres.get(0),
                    "units",
                    0))
            .expectProblem(400);
    assertError(bad, "code", "required");
    assertError(bad, "type", "invalid_value");
    assertError(bad, "workCenterId", "unknown_work_center");
    assertError(bad, "units", "not_positive");

    JsonNode skill =
        admin
            .post(
                "/skills",
                obj(
                    "plantId",
                    p.id,
                    "code",
                    code("WELD"),
                    "name",
                    "焊工证",
                    "holders",
                    List.of(
                        obj("username", "zhang.san", "level", 3, "validTo", "2027-06-30"),
                        obj("username", "li.si"))))
            .expect(201)
            .json();
    assertEquals(2, skill.path("holders").size());
    assertEquals(1, skill.path("holders").get(0).path("level").asInt());
    assertEquals("li.si", skill.path("holders").get(0).path("username").asText());
    assertError(
        admin
            .post(
                "/skills",
                obj(
                    "plantId",
                    p.id,
                    "code",
                    code("DUP"),
                    "name",
                    "重复",
                    "holders",
                    List.of(obj("username", "a"), obj("username", "a", "level", 9))))
            .expectProblem(400),
        "holders[1].username",
        "duplicate");

    // A viewer of the other plant sees none of it.
    Api viewer = user(other.id, "VIEWER");
    viewer.get("/resources/" + id(mould)).expectProblem(404);
    viewer.get("/skills/" + id(skill)).expectProblem(404);
    assertEquals(0, viewer.get("/resources?limit=500").expect(200).json().path("total").asInt());
  }

  // ------------------------------------------------------------------ routings

  @Test
  public void linearRoutingSchedulesAsTheTextbookSays() {
    Plant p = plant();
    String mat = material(p.id);
    // op 10: setup 30 + 10 × run 2 + move 10 = 60; op 20: setup 20 + 10 × run 3 = 50 → lead 110.
    JsonNode r =
        admin
            .post(
                "/routings",
                routingBody(
                    p.id,
                    mat,
                    "A",
                    "2026-01-01",
                    null,
                    op(10, p.workCentres.get(0), 30, 2, 0, 10),
                    op(20, p.workCentres.get(1), 20, 3, 0, 0)))
            .expect(201)
            .json();
    assertEquals(2, r.path("operations").size());
    JsonNode s = admin.get("/routings/" + id(r) + "/schedule?quantity=10").expect(200).json();
    assertEquals(110, s.path("leadTimeMinutes").asDouble(), TOLERANCE);
    assertEquals("[10,20]", s.path("criticalPath").toString());
    JsonNode op20 = s.path("operations").get(1);
    assertEquals(60, op20.path("earliestStart").asDouble(), TOLERANCE);
    assertEquals(50, op20.path("loadMinutes").asDouble(), TOLERANCE);
    assertEquals(
        1,
        admin
            .get("/audit?entity=Routing&entityId=" + id(r))
            .expect(200)
            .json()
            .path("total")
            .asInt());

    String console =
        ItSupport.executeCommand(
            sessionFactory,
            "mom:routing-show -q 10 -d 2026-03-01 " + p.code + " " + lastMaterialCodes.get(mat));
    assertTrue("console shows the lead time: " + console, console.contains("110.0"));
  }

  @Test
  public void networkWithParallelBranchesHasSlackOffTheCriticalPath() {
    Plant p = plant();
    String mat = material(p.id);
    String wc = p.workCentres.get(0);
    // q = 10. 10: 10 + 10 × 1 = 20 (0–20). 20 after 10: 10 × 5 = 50 (20–70). 30 after 10: 10 × 2
    // = 20 (20–40). 40 after 20 and 30: 10 × 1 = 10 (70–80). Lead 80; op 30 has 30 min slack.
    ObjectNode o10 = op(10, wc, 10, 1, 0, 0);
    ObjectNode o20 = op(20, wc, 0, 5, 0, 0);
    o20.set("predecessors", links(10));
    ObjectNode o30 = op(30, p.workCentres.get(1), 0, 2, 0, 0);
    o30.set("predecessors", links(10));
    ObjectNode o40 = op(40, wc, 0, 1, 0, 0);
    o40.set("predecessors", links(20, 30));
    JsonNode r =
        admin
            .post("/routings", routingBody(p.id, mat, "A", "2026-01-01", null, o10, o20, o30, o40))
            .expect(201)
            .json();
    JsonNode s = admin.get("/routings/" + id(r) + "/schedule?quantity=10").expect(200).json();
    assertEquals(80, s.path("leadTimeMinutes").asDouble(), TOLERANCE);
    assertEquals("[10,20,40]", s.path("criticalPath").toString());
    Map<Integer, JsonNode> ops = new HashMap<>();
    s.path("operations").forEach(o -> ops.put(o.path("opNo").asInt(), o));
    assertEquals(30, ops.get(30).path("slack").asDouble(), TOLERANCE);
    assertEquals(0, ops.get(20).path("slack").asDouble(), TOLERANCE);
    assertEquals(70, ops.get(40).path("earliestStart").asDouble(), TOLERANCE);
  }

  @Test
  public void badRoutingsAreRefusedWithTheirPaths() {
    Plant p = plant();
    String mat = material(p.id);
    String wc = p.workCentres.get(0);
    ObjectNode o10 = op(10, wc, 0, 1, 0, 0);
    o10.set("predecessors", links(20));
    ObjectNode o20 = op(20, wc, 0, 1, 0, 0);
    o20.set("predecessors", links(10));
    ObjectNode o30 = op(30, wc, 0, 1, 0, 0);
    o30.set("predecessors", links(20));
    JsonNode cycle =
        admin
            .post("/routings", routingBody(p.id, mat, "A", "2026-01-01", null, o10, o20, o30))
            .expectProblem(400);
    String cycles = cycle.path("errors").toString();
    assertTrue(
        "a cycle is named: " + cycles, cycles.contains("\"cycle\"") && cycles.contains("10"));

    Plant other = plant();
    ObjectNode foreign = op(10, other.workCentres.get(0), -1, 1, 0, 0);
    JsonNode bad =
        admin
            .post("/routings", routingBody(p.id, mat, "", "2026-01-01", null, foreign))
            .expectProblem(400);
    assertError(bad, "revision", "required");
    assertError(bad, "operations[0].workCenterId", "unknown_work_center");
    assertError(bad, "operations[0].setupMinutes", "negative");
    assertEquals(
        "nothing stored",
        0,
        admin.get("/routings?materialId=" + mat).expect(200).json().path("total").asInt());
  }

  @Test
  public void versionsAreEffectiveByDateAndNeverOverlap() {
    Plant p = plant();
    String mat = material(p.id);
    String wc = p.workCentres.get(0);
    String a =
        id(
            admin
                .post(
                    "/routings",
                    routingBody(p.id, mat, "A", "2026-01-01", "2026-07-01", op(10, wc, 0, 1, 0, 0)))
                .expect(201)
                .json());
    String b =
        id(
            admin
                .post(
                    "/routings",
                    routingBody(p.id, mat, "B", "2026-07-01", null, op(10, wc, 0, 2, 0, 0)))
                .expect(201)
                .json());
    assertEquals(
        a,
        id(
            admin
                .get("/materials/" + mat + "/routing?plantId=" + p.id + "&date=2026-03-01")
                .expect(200)
                .json()));
    assertEquals(
        b,
        id(
            admin
                .get("/materials/" + mat + "/routing?plantId=" + p.id + "&date=2026-07-01")
                .expect(200)
                .json()));
    admin
        .get("/materials/" + mat + "/routing?plantId=" + p.id + "&date=2025-12-31")
        .expectProblem(404);
    assertError(
        admin
            .post(
                "/routings",
                routingBody(p.id, mat, "C", "2026-06-01", null, op(10, wc, 0, 1, 0, 0)))
            .expectProblem(400),
        "validFrom",
        "overlapping_versions");

    // Planners of the plant write; viewers read; others see nothing.
    Api viewer = user(p.id, "VIEWER");
    viewer.get("/routings/" + a).expect(200);
    viewer
        .post("/routings", routingBody(p.id, mat, "D", "2030-01-01", null, op(10, wc, 0, 1, 0, 0)))
        .expectProblem(403);
    Plant other = plant();
    user(other.id, "PLANNER").get("/routings/" + a).expectProblem(404);

    JsonNode read = admin.get("/routings/" + b).expect(200).json();
    admin.delete("/routings/" + b + "?version=" + read.path("version").asLong()).expect(204);
    admin.get("/routings/" + b).expectProblem(404);
  }

  // ------------------------------------------------------------------ helpers

  private record Plant(String id, String code, List<String> workCentres) {}

  private Plant plant() {
    String code = code("PMM");
    String plantId =
        id(admin.post("/plants", obj("code", code, "name", "工厂 " + code)).expect(201).json());
    String ws =
        id(
            admin
                .post(
                    "/org-units",
                    obj("type", "WORKSHOP", "code", code("WS"), "name", "车间", "parentId", plantId))
                .expect(201)
                .json());
    String line =
        id(
            admin
                .post(
                    "/org-units",
                    obj("type", "LINE", "code", code("LN"), "name", "产线", "parentId", ws))
                .expect(201)
                .json());
    List<String> wcs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      wcs.add(
          id(
              admin
                  .post(
                      "/org-units",
                      obj(
                          "type",
                          "WORK_CENTER",
                          "code",
                          code("WC"),
                          "name",
                          "工作中心",
                          "parentId",
                          line))
                  .expect(201)
                  .json()));
    }
    return new Plant(plantId, code, wcs);
  }

  private String material(String plantId) {
    String code = code("MR");
    String id =
        id(
            admin
                .post(
                    "/materials",
                    obj(
                        "code",
                        code,
                        "name",
                        "物料",
                        "type",
                        "MANUFACTURED",
                        "baseUnit",
                        "PCS",
                        "plantId",
                        Long.parseLong(plantId)))
                .expect(201)
                .json());
    lastMaterialCodes.put(id, code);
    return id;
  }

  private final Map<String, String> lastMaterialCodes = new HashMap<>();

  private static ObjectNode calendarBody(String plantId, String code) {
    ArrayNode days = ItSupport.JSON.createArrayNode();
    for (int d = 1; d <= 7; d++) {
      days.add(
          obj(
              "date",
              String.format(Locale.ROOT, "2026-10-%02d", d),
              "kind",
              "HOLIDAY",
              "note",
              "国庆节"));
    }
    days.add(obj("date", "2026-10-10", "kind", "WORKDAY", "note", "调休"));
    List<String> weekdays = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    ObjectNode body =
        obj(
            "plantId", Long.parseLong(plantId),
            "code", code,
            "name", "2026 两班",
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
                        30,
                        "days",
                        weekdays),
                    obj(
                        "code",
                        "B",
                        "start",
                        "16:00",
                        "end",
                        "00:00",
                        "breakMinutes",
                        30,
                        "days",
                        weekdays)),
            "efficiencies", List.of(obj("from", "2026-11-01", "to", "2026-11-30", "percent", 80)));
    body.set("days", days);
    return body;
  }

  private String offset(String calId, String date, int days) {
    return admin
        .get("/calendars/" + calId + "/offset?date=" + date + "&days=" + days)
        .expect(200)
        .json()
        .path("result")
        .asText();
  }

  private static ObjectNode op(
      int no, String wc, double setup, double run, double queue, double move) {
    return obj(
        "opNo", no,
        "description", "工序 " + no,
        "workCenterId", Long.parseLong(wc),
        "setupMinutes", setup,
        "runMinutes", run,
        "queueMinutes", queue,
        "moveMinutes", move);
  }

  private static ArrayNode links(int... predecessors) {
    ArrayNode a = ItSupport.JSON.createArrayNode();
    for (int p : predecessors) {
      a.add(obj("predecessorOpNo", p));
    }
    return a;
  }

  private static ObjectNode routingBody(
      String plantId,
      String materialId,
      String revision,
      String from,
      String to,
      ObjectNode... ops) {
    ObjectNode body =
        obj(
            "plantId",
            Long.parseLong(plantId),
            "materialId",
            Long.parseLong(materialId),
            "revision",
            revision,
            "validFrom",
            from);
    if (to != null) {
      body.put("validTo", to);
    }
    ArrayNode a = body.putArray("operations");
    for (ObjectNode o : ops) {
      a.add(o);
    }
    return body;
  }

  private Api user(String plantId, String role) {
    String username =
        "it-mm-" + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 4);
    String password = "Pw-" + role.toLowerCase(Locale.ROOT) + "-123";
    admin
        .post(
            "/users",
            obj(
                "username", username,
                "password", password,
                "grants", List.of(obj("plantId", Long.parseLong(plantId), "role", role))))
        .expect(201);
    Api user = ItSupport.api().as(username, password);
    Response me = user.get("/me");
    for (int i = 0; i < 20 && me.status() != 200; i++) {
      ItSupport.sleep(500);
      me = user.get("/me");
    }
    return user;
  }

  private static String code(String prefix) {
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    return (prefix + "-" + SEQUENCE.incrementAndGet() + random).toUpperCase(Locale.ROOT);
  }

  private static void assertError(JsonNode problem, String field, String code) {
    for (JsonNode e : problem.path("errors")) {
      if (field.equals(e.path("field").asText()) && code.equals(e.path("code").asText())) {
        return;
      }
    }
    fail("expected error " + field + "/" + code + " in " + problem);
  }
}
