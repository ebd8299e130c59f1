package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import io.tianshu.itests.ItSupport.Api;
import io.tianshu.itests.ItSupport.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Andon through REST and the console: escalation ladders with levels due at 0 and 10 minutes, each
 * level notified once (also by two concurrent runs) with an ESCALATED event, acknowledgement
 * stopping a ladder or not as its rule says, the scheduled escalator, rights per role, every bad
 * field listed, and statistics over calls whose times are read back from the server.
 *
 * <p>The scheduled escalator is off in these containers ({@link #escalatorOff()}) so that only the
 * test's own runs escalate; one test turns it on for a moment.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class AndonTestBase extends ContainerTestBase {
  @javax.inject.Inject protected org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String ESCALATOR_PID = "io.tianshu.execution.andon.escalator";

  /** The escalator's configuration with the schedule off. */
  protected static Option escalatorOff() {
    return editConfigurationFilePut("etc/" + ESCALATOR_PID + ".cfg", "intervalSeconds", "0");
  }

  @Override
  protected void awaitDomainApi() {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Response r = admin.get("/andon-calls?plantId=0");
      last = r.status() + " " + r.body();
      if (r.status() == 404 || r.status() == 200) {
        return;
      }
      ItSupport.sleep(500);
    }
    fail("Andon API not ready: " + last);
  }

  private static String code(String prefix) {
    return (prefix
            + "-"
            + SEQUENCE.incrementAndGet()
            + UUID.randomUUID().toString().substring(0, 5))
        .toUpperCase(Locale.ROOT);
  }

  private record Plant(long id, String code) {}

  private Plant plant() {
    String code = code("PL");
    long id =
        Long.parseLong(
            id(admin.post("/plants", obj("code", code, "name", "安灯厂")).expect(201).json()));
    return new Plant(id, code);
  }

  private static JsonNode level(int minutes, String anchor, String recipient) {
    return obj("delayMinutes", minutes, "anchor", anchor, "recipient", recipient);
  }

  private static JsonNode rule(String category, boolean stop, JsonNode... levels) {
    return obj("category", category, "stopOnAcknowledge", stop, "levels", List.of(levels));
  }

  private JsonNode raise(Api api, long plant, String line, String category) {
    return api.post(
            "/andon-calls",
            obj("plantId", plant, "lineCode", line, "category", category, "description", "测试"))
        .expect(201)
        .json();
  }

  private JsonNode escalate(Api api, long plant) {
    return api.post("/andon-escalations?plantId=" + plant, null).expect(200).json();
  }

  private static List<String> levelsOf(JsonNode notifications, long callId) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : notifications) {
      if (n.path("callId").asLong() == callId) {
        out.add(n.path("level").asInt() + ":" + n.path("recipient").asText());
      }
    }
    return out;
  }

  @Test
  public void eachLevelIsNotifiedOnceAndAcknowledgementStopsTheLadderWhenTheRuleSaysSo()
      throws Exception {
    Plant p = plant();
    JsonNode rules =
        admin
            .put(
                "/andon-rules?plantId=" + p.id(),
                List.of(
                    // due at once and after 10 minutes; an acknowledgement stops it
                    rule(
                        "MACHINE",
                        true,
                        level(0, "RAISE", "team-leader"),
                        level(10, "RAISE", "maintenance")),
                    // two levels due at once; an acknowledgement stops it
                    rule(
                        "METHOD",
                        true,
                        level(0, "RAISE", "team-leader"),
                        level(0, "PREVIOUS_LEVEL", "engineer")),
                    // two levels due at once; runs on until resolved
                    rule(
                        "ENVIRONMENT",
                        false,
                        level(0, "RAISE", "team-leader"),
                        level(0, "PREVIOUS_LEVEL", "ehs-officer"))))
            .expect(200)
            .json();
    assertEquals(rules.toString(), 3, rules.size());
    JsonNode read = admin.get("/andon-rules?plantId=" + p.id()).expect(200).json();
    assertEquals(rules, read);
    assertEquals("MACHINE", read.get(0).path("category").asText());
    assertEquals(10, read.get(0).path("levels").get(1).path("delayMinutes").asInt());
    assertTrue(read.get(0).path("priority").isNull());

    List<Event> events = new CopyOnWriteArrayList<>();
    Dictionary<String, Object> props = new Hashtable<>();
    props.put(EventConstants.EVENT_TOPIC, "io/tianshu/execution/AndonCall/ESCALATED");
    ServiceRegistration<EventHandler> reg =
        bundleContext.registerService(
            EventHandler.class,
            e -> {
              if (Long.valueOf(p.id()).equals(e.getProperty("plantId"))) {
                events.add(e);
              }
            },
            props);
    try {
      long machine = raise(admin, p.id(), "L1", "MACHINE").path("id").asLong();
      long method = raise(admin, p.id(), "L1", "METHOD").path("id").asLong();
      long environment = raise(admin, p.id(), "L2", "ENVIRONMENT").path("id").asLong();
      long material = raise(admin, p.id(), "L2", "MATERIAL").path("id").asLong(); // no ladder
      long resolved = raise(admin, p.id(), "L2", "MACHINE").path("id").asLong();
      admin.post("/andon-calls/" + method + "/acknowledge", obj()).expect(200);
      admin.post("/andon-calls/" + environment + "/acknowledge", obj()).expect(200);
      admin.post("/andon-calls/" + resolved + "/resolve", obj("resolution", "复位")).expect(200);

      JsonNode first = escalate(admin, p.id());
      assertEquals(List.of("1:team-leader"), levelsOf(first, machine));
      // acknowledged under a stopping rule: not even the levels already due are sent
      assertEquals(List.of(), levelsOf(first, method));
      // acknowledged under a rule that runs on: both due levels, lowest first
      assertEquals(List.of("1:team-leader", "2:ehs-officer"), levelsOf(first, environment));
      assertEquals(List.of(), levelsOf(first, material));
      assertEquals(List.of(), levelsOf(first, resolved));
      assertEquals(first.toString(), 3, first.size());
      JsonNode n1 = first.get(0);
      assertEquals("L1", n1.path("lineCode").asText());
      assertEquals(
          Instant.parse(admin.get("/andon-calls/" + machine).json().path("raisedAt").asText()),
          Instant.parse(n1.path("dueAt").asText()));

      // the second run: nothing new (level 2 of MACHINE falls due only after 10 minutes)
      assertEquals(0, escalate(admin, p.id()).size());

      JsonNode call = admin.get("/andon-calls/" + machine).expect(200).json();
      assertEquals("RAISED", call.path("status").asText());
      assertEquals("机", call.path("categoryLabel").asText());
      assertEquals(1, call.path("notifications").size());

      // one event per notification, after commit
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (events.size() < 3 && System.nanoTime() < deadline) {
        ItSupport.sleep(100);
      }
      ItSupport.sleep(300);
      assertEquals(3, events.size());
      assertTrue(
          events.stream()
              .anyMatch(
                  e ->
                      String.valueOf(machine).equals(e.getProperty("entityId"))
                          && Integer.valueOf(1).equals(e.getProperty("level"))
                          && "team-leader".equals(e.getProperty("recipient"))));

      // two runs at the same moment notify a new call's level once between them
      long racing = raise(admin, p.id(), "L3", "MACHINE").path("id").asLong();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<JsonNode>> runs =
            List.of(() -> escalate(admin, p.id()), () -> escalate(admin, p.id()));
        int sent = 0;
        for (Future<JsonNode> f : pool.invokeAll(runs)) {
          sent += levelsOf(f.get(), racing).size();
        }
        assertEquals(1, sent);
      } finally {
        pool.shutdownNow();
      }
      assertEquals(1, admin.get("/andon-calls/" + racing).json().path("notifications").size());
    } finally {
      reg.unregister();
    }
  }

  @Test
  public void theScheduledEscalatorRunsWhenSwitchedOn() {
    Plant p = plant();
    admin
        .put(
            "/andon-rules?plantId=" + p.id(),
            List.of(rule("MATERIAL", true, level(0, "RAISE", "logistics"))))
        .expect(200);
    long call = raise(admin, p.id(), "L1", "MATERIAL").path("id").asLong();
    try {
      setInterval(1);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      JsonNode c = admin.get("/andon-calls/" + call).json();
      while (c.path("notifications").size() == 0 && System.nanoTime() < deadline) {
        ItSupport.sleep(500);
        c = admin.get("/andon-calls/" + call).json();
      }
      assertEquals(c.toString(), 1, c.path("notifications").size());
      assertEquals("logistics", c.path("notifications").get(0).path("recipient").asText());
    } finally {
      setInterval(0);
      // the change restarts the component asynchronously: let a last run pass before other tests
      ItSupport.sleep(3000);
    }
  }

  /** Sets the escalator's interval as an administrator would (config commands need "manager"). */
  private void setInterval(int seconds) {
    String out =
        ItSupport.tryCommandAs(
            sessionFactory,
            "config:property-set -p " + ESCALATOR_PID + " intervalSeconds " + seconds,
            "karaf",
            "admin",
            "manager");
    assertFalse(out, out.startsWith("FAILED"));
  }

  @Test
  public void rightsFollowThePlantRoles() {
    Plant p = plant();
    Api viewer = user(code("vw").toLowerCase(Locale.ROOT), p.id(), "VIEWER");
    Api operator = user(code("op").toLowerCase(Locale.ROOT), p.id(), "OPERATOR");
    Api planner = user(code("pl").toLowerCase(Locale.ROOT), p.id(), "PLANNER");
    Api plantAdmin = user(code("pa").toLowerCase(Locale.ROOT), p.id(), "PLANT_ADMIN");
    List<JsonNode> rules = List.of(rule("MAN", true, level(0, "RAISE", "supervisor")));

    viewer
        .post("/andon-calls", obj("plantId", p.id(), "lineCode", "L1", "category", "MAN"))
        .expectProblem(403);
    long id = raise(operator, p.id(), "L1", "MAN").path("id").asLong();
    operator.put("/andon-rules?plantId=" + p.id(), rules).expectProblem(403);
    viewer.put("/andon-rules?plantId=" + p.id(), rules).expectProblem(403);
    planner.put("/andon-rules?plantId=" + p.id(), rules).expect(200);
    assertEquals(1, viewer.get("/andon-rules?plantId=" + p.id()).expect(200).json().size());
    assertEquals(
        1, viewer.get("/andon-calls?plantId=" + p.id()).expect(200).json().path("total").asInt());
    viewer.get("/andon-statistics?plantId=" + p.id()).expect(200);

    viewer.post("/andon-calls/" + id + "/acknowledge", obj()).expectProblem(403);
    operator.post("/andon-escalations?plantId=" + p.id(), null).expectProblem(403);
    planner.post("/andon-escalations?plantId=" + p.id(), null).expectProblem(403);
    // a plant administrator escalates their plant, only a group administrator all plants
    assertEquals(1, escalate(plantAdmin, p.id()).size());
    plantAdmin.post("/andon-escalations", null).expectProblem(403);

    // no body at all is fine for the status changes that need none
    JsonNode acked = operator.post("/andon-calls/" + id + "/acknowledge", null).expect(200).json();
    assertEquals("ACKNOWLEDGED", acked.path("status").asText());
    assertFalse(acked.path("acknowledgedBy").asText().isEmpty());
    operator.post("/andon-calls/" + id + "/resolve", obj("resolution", "顶岗")).expectProblem(403);
    JsonNode res =
        planner.post("/andon-calls/" + id + "/resolve", obj("resolution", "顶岗")).expect(200).json();
    assertEquals("RESOLVED", res.path("status").asText());
    assertEquals("顶岗", res.path("resolution").asText());
    operator.post("/andon-calls/" + id + "/close", obj()).expectProblem(403);
    assertEquals(
        "CLOSED",
        planner
            .post("/andon-calls/" + id + "/close", null)
            .expect(200)
            .json()
            .path("status")
            .asText());

    // an outsider sees nothing
    Api stranger = user(code("x").toLowerCase(Locale.ROOT), plant().id(), "PLANNER");
    stranger.get("/andon-calls/" + id).expectProblem(404);
    stranger.get("/andon-rules?plantId=" + p.id()).expectProblem(404);
    assertEquals(0, stranger.get("/andon-calls").expect(200).json().path("total").asInt());
  }

  @Test
  public void badInputListsEveryFieldAndTheLifecycleIsEnforced() {
    Plant p = plant();
    Response bad =
        admin.post(
            "/andon-calls",
            obj(
                "plantId",
                p.id(),
                "lineCode",
                "",
                "category",
                "WEATHER",
                "priority",
                "SOON",
                "operationSeq",
                10));
    JsonNode problem = bad.expectProblem(400);
    for (String field : List.of("lineCode", "category", "priority", "operationSeq")) {
      assertTrue(bad.body(), bad.body().contains("\"" + field + "\""));
    }
    assertEquals(bad.body(), 4, problem.path("errors").size());
    Response noOrder =
        admin.post(
            "/andon-calls",
            obj("plantId", p.id(), "lineCode", "L1", "category", "MAN", "workOrderId", 999999999));
    noOrder.expectProblem(400);
    assertTrue(noOrder.body(), noOrder.body().contains("\"workOrderId\""));

    Response badRules =
        admin.put(
            "/andon-rules?plantId=" + p.id(),
            List.of(
                rule("MACHINE", true, level(10, "RAISE", "a"), level(5, "RAISE", "b")),
                obj(
                    "category",
                    "NOISE",
                    "levels",
                    List.of(obj("delayMinutes", -1, "anchor", "LATER", "recipient", ""))),
                rule("MAN", true)));
    badRules.expectProblem(400);
    for (String field :
        List.of(
            "rules[0].levels",
            "rules[1].category",
            "rules[1].levels[0].delayMinutes",
            "rules[1].levels[0].anchor",
            "rules[1].levels[0].recipient",
            "rules[2].levels")) {
      assertTrue(badRules.body(), badRules.body().contains("\"" + field + "\""));
    }
    // nothing was stored
    assertEquals(0, admin.get("/andon-rules?plantId=" + p.id()).json().size());

    long id = raise(admin, p.id(), "L1", "MAN").path("id").asLong();
    Response noResolution = admin.post("/andon-calls/" + id + "/resolve", obj());
    noResolution.expectProblem(400);
    assertTrue(noResolution.body(), noResolution.body().contains("\"resolution\""));
    admin.post("/andon-calls/" + id + "/close", obj()).expectProblem(409);
    admin.post("/andon-calls/" + id + "/acknowledge", obj()).expect(200);
    admin.post("/andon-calls/" + id + "/acknowledge", obj()).expectProblem(409);
    admin.get("/andon-calls/999999999").expectProblem(404);
    admin.get("/andon-calls?status=LOST").expectProblem(400);

    Response badPeriod =
        admin.get("/andon-statistics?plantId=" + p.id() + "&from=yesterday&to=2026-13-01");
    badPeriod.expectProblem(400);
    assertTrue(badPeriod.body(), badPeriod.body().contains("\"from\""));
    assertTrue(badPeriod.body(), badPeriod.body().contains("\"to\""));
    admin
        .get(
            "/andon-statistics?plantId="
                + p.id()
                + "&from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z")
        .expectProblem(400);
    admin.get("/andon-statistics").expectProblem(400);
  }

  /**
   * Statistics cannot be fed invented times: every time is the server's. So the test makes calls
   * whose order of events it controls (raise, wait, acknowledge, wait, resolve), reads back the
   * times the server recorded, and works the expected figures from those.
   */
  @Test
  public void statisticsOverCallsWithKnownTimes() {
    Plant p = plant();
    long m1 = raise(admin, p.id(), "L1", "MACHINE").path("id").asLong();
    long m2 = raise(admin, p.id(), "L1", "MACHINE").path("id").asLong();
    long mat = raise(admin, p.id(), "L1", "MATERIAL").path("id").asLong();
    long open = raise(admin, p.id(), "L1", "MACHINE").path("id").asLong();
    long other = raise(admin, p.id(), "L2", "MAN").path("id").asLong();
    ItSupport.sleep(150);
    admin.post("/andon-calls/" + m1 + "/acknowledge", obj()).expect(200);
    ItSupport.sleep(150);
    admin.post("/andon-calls/" + m2 + "/acknowledge", obj()).expect(200);
    ItSupport.sleep(150);
    admin.post("/andon-calls/" + m1 + "/resolve", obj("resolution", "换刀")).expect(200);
    // resolved without an acknowledgement: counts as acknowledged when resolved
    admin.post("/andon-calls/" + mat + "/resolve", obj("resolution", "补料")).expect(200);
    ItSupport.sleep(150);
    admin.post("/andon-calls/" + m2 + "/resolve", obj("resolution", "调整参数")).expect(200);
    admin.post("/andon-calls/" + m2 + "/close", obj()).expect(200);
    admin.post("/andon-calls/" + other + "/resolve", obj("resolution", "顶岗")).expect(200);

    long[] ack = new long[2];
    long[] res = new long[2];
    long[] ids = {m1, m2};
    for (int i = 0; i < 2; i++) {
      JsonNode c = admin.get("/andon-calls/" + ids[i]).json();
      Instant raised = Instant.parse(c.path("raisedAt").asText());
      ack[i] =
          Duration.between(raised, Instant.parse(c.path("acknowledgedAt").asText())).toMillis();
      res[i] = Duration.between(raised, Instant.parse(c.path("resolvedAt").asText())).toMillis();
    }
    JsonNode mc = admin.get("/andon-calls/" + mat).json();
    long matResolve =
        Duration.between(
                Instant.parse(mc.path("raisedAt").asText()),
                Instant.parse(mc.path("resolvedAt").asText()))
            .toMillis();
    assertTrue(mc.path("acknowledgedAt").isNull());
    assertTrue("acknowledged after the raise", ack[0] >= 150 && ack[1] >= 300);

    JsonNode s = admin.get("/andon-statistics?plantId=" + p.id() + "&line=L1").expect(200).json();
    assertEquals(s.toString(), 4, s.path("raisedCount").asInt());
    assertEquals(1, s.path("openCount").asInt());
    assertEquals(3, s.path("resolvedCount").asInt());
    JsonNode machine = s.path("byCategory").get(0);
    assertEquals("MACHINE", machine.path("category").asText());
    assertEquals(2, machine.path("count").asInt());
    // two values: mean of both, median = the lower (nearest rank 1), p90 = the higher (rank 2)
    assertSeconds((ack[0] + ack[1]) / 2.0, machine.path("meanToAcknowledgeSeconds"));
    assertSeconds(Math.min(ack[0], ack[1]), machine.path("medianToAcknowledgeSeconds"));
    assertSeconds(Math.max(ack[0], ack[1]), machine.path("p90ToAcknowledgeSeconds"));
    assertSeconds((res[0] + res[1]) / 2.0, machine.path("meanToResolveSeconds"));
    assertSeconds(Math.min(res[0], res[1]), machine.path("medianToResolveSeconds"));
    assertSeconds(Math.max(res[0], res[1]), machine.path("p90ToResolveSeconds"));
    JsonNode material = s.path("byCategory").get(1);
    assertEquals("MATERIAL", material.path("category").asText());
    assertSeconds(matResolve, material.path("meanToAcknowledgeSeconds"));
    assertSeconds(matResolve, material.path("p90ToResolveSeconds"));
    JsonNode pareto = s.path("pareto");
    assertEquals(2, pareto.size());
    assertEquals("MACHINE", pareto.get(0).path("category").asText());
    assertEquals(
        0, new BigDecimal("66.67").compareTo(pareto.get(0).path("percent").decimalValue()));
    assertEquals(
        0,
        new BigDecimal("100.00").compareTo(pareto.get(1).path("cumulativePercent").decimalValue()));

    // all lines: the MAN call on L2 joins
    JsonNode all = admin.get("/andon-statistics?plantId=" + p.id()).expect(200).json();
    assertEquals(5, all.path("raisedCount").asInt());
    assertEquals(4, all.path("resolvedCount").asInt());
    assertEquals(3, all.path("pareto").size());
    // the period is on the raise: from the second call on, the first is left out
    String from = admin.get("/andon-calls/" + m2).json().path("raisedAt").asText();
    JsonNode later =
        admin
            .get("/andon-statistics?plantId=" + p.id() + "&line=L1&from=" + from)
            .expect(200)
            .json();
    assertEquals(3, later.path("raisedCount").asInt());
    String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    assertEquals(
        0,
        admin
            .get("/andon-statistics?plantId=" + p.id() + "&from=" + tomorrow)
            .json()
            .path("raisedCount")
            .asInt());
    assertEquals(
        3,
        admin
            .get("/andon-calls?plantId=" + p.id() + "&line=L1&category=MACHINE")
            .json()
            .path("total")
            .asInt());
    assertEquals(
        1,
        admin
            .get("/andon-calls?plantId=" + p.id() + "&status=RAISED")
            .json()
            .path("total")
            .asInt());
    assertEquals(
        open,
        admin
            .get("/andon-calls?plantId=" + p.id() + "&status=RAISED")
            .json()
            .path("items")
            .get(0)
            .path("id")
            .asLong());
  }

  private static void assertSeconds(double millis, JsonNode actual) {
    BigDecimal expected =
        BigDecimal.valueOf(millis).movePointLeft(3).setScale(3, RoundingMode.HALF_UP);
    assertEquals(actual.toString(), 0, expected.compareTo(actual.decimalValue()));
  }

  @Test
  public void theConsoleRaisesListsAcknowledgesAndResolves() {
    Plant p = plant();
    String out =
        ItSupport.executeCommand(
            sessionFactory, "mom:andon-raise -s ST-2 -P HIGH -d 漏油 " + p.code() + " L7 MACHINE");
    assertTrue(out, out.contains("Raised"));
    long id =
        admin.get("/andon-calls?plantId=" + p.id()).json().path("items").get(0).path("id").asLong();
    JsonNode call = admin.get("/andon-calls/" + id).json();
    assertEquals("HIGH", call.path("priority").asText());
    assertEquals("ST-2", call.path("station").asText());
    out = ItSupport.executeCommand(sessionFactory, "mom:andon-list -p " + p.code() + " -c MACHINE");
    assertTrue(out, out.contains("L7") && out.contains("RAISED"));
    out = ItSupport.executeCommand(sessionFactory, "mom:andon-ack " + id);
    assertTrue(out, out.contains("ACKNOWLEDGED"));
    out = ItSupport.executeCommand(sessionFactory, "mom:andon-resolve " + id + " 更换密封圈");
    assertTrue(out, out.contains("RESOLVED"));
    assertEquals("更换密封圈", admin.get("/andon-calls/" + id).json().path("resolution").asText());
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
