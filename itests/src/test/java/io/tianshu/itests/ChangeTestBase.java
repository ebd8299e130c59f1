package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tianshu.itests.ItSupport.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Engineering change through REST: the lifecycle, the impact evaluation, and a release that ends
 * the old BOM and routing versions and creates the new ones at the breakpoint in one transaction.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class ChangeTestBase extends ContainerTestBase {
  @javax.inject.Inject protected org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String ECO = "/engineering-changes";

  @Override
  protected void awaitDomainApi() {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Response r = admin.get(ECO + "?limit=1");
      Response b = admin.get("/boms?limit=1");
      last = r.status() + " " + b.status();
      if (r.status() == 200 && b.status() == 200) {
        return;
      }
      ItSupport.sleep(500);
    }
    fail("engineering change API not ready: " + last);
  }

  /** A plant with a work centre, materials P (over A), A, B, C; A's BOM rev 1 and routing rev 1. */
  private record Model(
      String plant,
      String wc,
      String wc2,
      String p,
      String a,
      String b,
      String c,
      String location) {}

  private Model model() {
    String plant =
        id(admin.post("/plants", obj("code", code("ECP"), "name", "变更厂")).expect(201).json());
    String ws =
        id(
            admin
                .post(
                    "/org-units",
                    obj(
                        "type",
                        "WORKSHOP",
                        "code",
                        code("W"),
                        "name",
                        "车间",
                        "parentId",
                        Long.parseLong(plant)))
                .expect(201)
                .json());
    String line =
        id(
            admin
                .post(
                    "/org-units",
                    obj(
                        "type",
                        "LINE",
                        "code",
                        code("L"),
                        "name",
                        "线",
                        "parentId",
                        Long.parseLong(ws)))
                .expect(201)
                .json());
    String wc =
        id(
            admin
                .post(
                    "/org-units",
                    obj(
                        "type",
                        "WORK_CENTER",
                        "code",
                        code("C"),
                        "name",
                        "中心",
                        "parentId",
                        Long.parseLong(line)))
                .expect(201)
                .json());
    String wc2 =
        id(
            admin
                .post(
                    "/org-units",
                    obj(
                        "type",
                        "WORK_CENTER",
                        "code",
                        code("C"),
                        "name",
                        "中心2",
                        "parentId",
                        Long.parseLong(line)))
                .expect(201)
                .json());
    String p = material(plant, "MANUFACTURED");
    String a = material(plant, "MANUFACTURED");
    String b = material(plant, "PURCHASED");
    String c = material(plant, "PURCHASED");
    admin.post("/boms", bom(plant, a, "1", line(b, 2))).expect(201);
    admin.post("/boms", bom(plant, p, "1", line(a, 1))).expect(201);
    admin
        .post(
            "/routings",
            obj(
                "plantId", Long.parseLong(plant),
                "materialId", Long.parseLong(a),
                "revision", "1",
                "validFrom", "2026-01-01",
                "operations",
                    List.of(
                        obj(
                            "opNo",
                            10,
                            "description",
                            "装配",
                            "workCenterId",
                            Long.parseLong(wc),
                            "runMinutes",
                            2))))
        .expect(201);
    String wh =
        id(
            admin
                .post(
                    "/warehouses",
                    obj("plantId", Long.parseLong(plant), "code", code("WH"), "name", "库"))
                .expect(201)
                .json());
    String loc =
        id(
            admin
                .post("/warehouses/" + wh + "/locations", obj("code", "A1", "name", "架"))
                .expect(201)
                .json());
    admin
        .post(
            "/stock/movements",
            obj(
                "type",
                "RECEIPT",
                "materialId",
                Long.parseLong(b),
                "quantity",
                40,
                "locationId",
                Long.parseLong(loc)))
        .expect(201);
    return new Model(plant, wc, wc2, p, a, b, c, loc);
  }

  @Test
  public void aDateBreakpointReleasesNewVersionsAtomically() {
    Model m = model();
    // ECO: from 2030-01-01 A is made of 1 B and 3 C, and its operation moves to the second centre.
    ObjectNode input = change(m, "DATE", "2030-01-01", null, m.wc2);
    JsonNode eco = admin.post(ECO, input).expect(201).json();
    assertEquals("DRAFT", eco.path("status").asText());
    String id = id(eco);
    // Approving a draft skips the evaluation: refused.
    admin.post(ECO + "/" + id + "/approve?version=" + version(eco), null).expectProblem(409);

    // An open work order of 5 A, released with today's BOM (2 B each): execution reports it.
    JsonNode wo =
        admin
            .post(
                "/work-orders",
                obj(
                    "plantId",
                    Long.parseLong(m.plant),
                    "materialId",
                    Long.parseLong(m.a),
                    "quantity",
                    5,
                    "receiveLocationId",
                    Long.parseLong(m.location)))
            .expect(201)
            .json();
    admin.post("/work-orders/" + id(wo) + "/release", obj("version", version(wo))).expect(200);

    JsonNode evaluated =
        admin.post(ECO + "/" + id + "/evaluate?version=" + version(eco), null).expect(200).json();
    assertEquals("EVALUATED", evaluated.path("status").asText());
    boolean openOrderA = false;
    boolean orderNeedsB = false;
    for (JsonNode item : evaluated.path("impact")) {
      if (item.path("kind").asText().equals("OPEN_WORK_ORDER")
          && item.path("materialId").asText().equals(m.a)) {
        openOrderA = item.path("quantity").asDouble() == 5;
      }
      if (item.path("kind").asText().equals("WORK_ORDER_COMPONENT")
          && item.path("materialId").asText().equals(m.b)) {
        orderNeedsB = item.path("quantity").asDouble() == 10;
      }
    }
    assertTrue("the open order of 5 A: " + evaluated.path("impact"), openOrderA);
    assertTrue("its order BOM still needs 10 B: " + evaluated.path("impact"), orderNeedsB);
    // Impact: A, B (2 → 1) and C (new) are affected; P uses A; 40 B are on hand.
    Set<String> kinds = new HashSet<>();
    boolean whereUsedP = false;
    boolean onHandB = false;
    for (JsonNode item : evaluated.path("impact")) {
      kinds.add(item.path("kind").asText());
      if (item.path("kind").asText().equals("WHERE_USED")
          && item.path("materialId").asText().equals(m.a)) {
        whereUsedP = true;
      }
      if (item.path("kind").asText().equals("ON_HAND")
          && item.path("materialId").asText().equals(m.b)) {
        onHandB = item.path("quantity").asDouble() == 40;
      }
    }
    assertTrue("where-used of A names P: " + evaluated.path("impact"), whereUsedP);
    assertTrue("40 B on hand: " + evaluated.path("impact"), onHandB);

    JsonNode approved =
        admin
            .post(ECO + "/" + id + "/approve?version=" + version(evaluated), null)
            .expect(200)
            .json();
    assertEquals("APPROVED", approved.path("status").asText());
    JsonNode released =
        admin
            .post(ECO + "/" + id + "/release?version=" + version(approved), null)
            .expect(200)
            .json();
    assertEquals("RELEASED", released.path("status").asText());
    assertEquals(1, released.path("releasedBomIds").size());
    assertEquals(1, released.path("releasedRoutingIds").size());

    // Before the breakpoint A still takes 2 B; from it 1 B and 3 C.
    assertEquals(Map.of(m.b, 2.0), explosion(m, m.a, "2029-12-31"));
    assertEquals(Map.of(m.b, 1.0, m.c, 3.0), explosion(m, m.a, "2030-01-01"));
    JsonNode oldRouting =
        admin
            .get("/materials/" + m.a + "/routing?plantId=" + m.plant + "&date=2029-12-31")
            .expect(200)
            .json();
    assertEquals("1", oldRouting.path("revision").asText());
    assertEquals("2030-01-01", oldRouting.path("validTo").asText());
    JsonNode newRouting =
        admin
            .get("/materials/" + m.a + "/routing?plantId=" + m.plant + "&date=2030-06-01")
            .expect(200)
            .json();
    assertEquals("2", newRouting.path("revision").asText());
    assertEquals(m.wc2, newRouting.path("operations").get(0).path("workCenterId").asText());
    String console = ItSupport.executeCommand(sessionFactory, "mom:eco-show " + id);
    assertTrue(
        "the console shows the released change and its impact: " + console,
        console.contains("RELEASED") && console.contains("WHERE_USED"));
    String list = ItSupport.executeCommand(sessionFactory, "mom:eco-list -s RELEASED");
    assertTrue(list, list.contains(released.path("number").asText()));
    // Released is final.
    admin.post(ECO + "/" + id + "/release?version=" + version(released), null).expectProblem(409);
    admin.post(ECO + "/" + id + "/cancel?version=" + version(released), null).expectProblem(409);
  }

  @Test
  public void aReleaseThatFailsLeavesNothingBehind() {
    Model m = model();
    // The routing's operation names a work centre of no plant: the release must fail after the
    // BOM part has been written, and take the BOM part back with it.
    ObjectNode input = change(m, "DATE", "2030-01-01", null, "999999999");
    JsonNode eco = admin.post(ECO, input).expect(201).json();
    String id = id(eco);
    JsonNode e1 =
        admin.post(ECO + "/" + id + "/evaluate?version=" + version(eco), null).expect(200).json();
    JsonNode e2 =
        admin.post(ECO + "/" + id + "/approve?version=" + version(e1), null).expect(200).json();
    JsonNode problem =
        admin.post(ECO + "/" + id + "/release?version=" + version(e2), null).expectProblem(400);
    assertTrue(
        "the error names the routing operation: " + problem,
        problem.path("errors").toString().contains("routings[0].operations[0].workCenterId"));
    // Nothing changed: A's BOM rev 1 is open-ended, no rev 2; the routing too; still APPROVED.
    JsonNode boms =
        admin.get("/boms?parentMaterialId=" + m.a + "&plantId=" + m.plant).expect(200).json();
    assertEquals("one BOM version: " + boms, 1, boms.path("total").asInt());
    assertTrue(
        "rev 1 still open: " + boms,
        boms.path("items").get(0).path("validTo").isNull()
            || boms.path("items").get(0).path("validTo").isMissingNode());
    assertEquals(
        1, admin.get("/routings?materialId=" + m.a).expect(200).json().path("total").asInt());
    assertEquals("APPROVED", admin.get(ECO + "/" + id).expect(200).json().path("status").asText());
  }

  @Test
  public void aSerialBreakpointAddsAnExceptionForLaterSerials() {
    Model m = model();
    ObjectNode input = change(m, "SERIAL", null, "1000", null);
    input.remove("routings");
    JsonNode eco = admin.post(ECO, input).expect(201).json();
    String id = id(eco);
    JsonNode e1 =
        admin.post(ECO + "/" + id + "/evaluate?version=" + version(eco), null).expect(200).json();
    JsonNode e2 =
        admin.post(ECO + "/" + id + "/approve?version=" + version(e1), null).expect(200).json();
    admin.post(ECO + "/" + id + "/release?version=" + version(e2), null).expect(200);
    String today = java.time.LocalDate.now().plusDays(1).toString();
    // Serial 1000 and later: the new structure; earlier serials and no serial: the old one.
    assertEquals(Map.of(m.b, 1.0, m.c, 3.0), explosion(m, m.a, today + "&serial=1000"));
    assertEquals(Map.of(m.b, 2.0), explosion(m, m.a, today + "&serial=999"));
    assertEquals(Map.of(m.b, 2.0), explosion(m, m.a, today));
  }

  @Test
  public void badChangesAndForeignPlantsAreRefused() {
    Model m = model();
    ObjectNode bad = change(m, "FOREVER", null, null, m.wc);
    bad.put("number", "");
    JsonNode problem = admin.post(ECO, bad).expectProblem(400);
    Set<String> fields = new HashSet<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertTrue(fields.toString(), fields.containsAll(Set.of("number", "breakpoint")));
    assertEquals(
        0, admin.get(ECO + "?plantId=" + m.plant).expect(200).json().path("total").asInt());
    JsonNode eco = admin.post(ECO, change(m, "DATE", "2030-01-01", null, m.wc)).expect(201).json();
    Model other = model();
    String user = "eco-" + code("U").toLowerCase(Locale.ROOT);
    admin
        .post(
            "/users",
            obj(
                "username",
                user,
                "password",
                "Pw-planner-123",
                "grants",
                List.of(obj("plantId", Long.parseLong(other.plant), "role", "PLANNER"))))
        .expect(201);
    var api = ItSupport.api().as(user, "Pw-planner-123");
    for (int i = 0; i < 20 && api.get("/me").status() != 200; i++) {
      ItSupport.sleep(500);
    }
    api.get(ECO + "/" + id(eco)).expectProblem(404);
    assertEquals(
        1,
        admin
            .get("/audit?entity=EngineeringChange&entityId=" + id(eco))
            .expect(200)
            .json()
            .path("total")
            .asInt());
  }

  // ------------------------------------------------------------------ helpers

  private ObjectNode change(
      Model m, String breakpoint, String date, String serial, String newCentre) {
    ObjectNode c =
        obj(
            "plantId",
            Long.parseLong(m.plant),
            "number",
            code("ECO"),
            "title",
            "A 改为 1 B + 3 C",
            "reason",
            "降本 / cost down",
            "breakpoint",
            breakpoint);
    if (date != null) {
      c.put("effectiveDate", date);
    }
    if (serial != null) {
      c.put("serialFrom", serial);
    }
    c.set(
        "boms",
        ItSupport.JSON.valueToTree(
            List.of(
                obj(
                    "parentMaterialId",
                    Long.parseLong(m.a),
                    "newRevision",
                    "2",
                    "lines",
                    List.of(line(m.b, 1), line(m.c, 3))))));
    if (newCentre != null) {
      c.set(
          "routings",
          ItSupport.JSON.valueToTree(
              List.of(
                  obj(
                      "materialId", Long.parseLong(m.a),
                      "newRevision", "2",
                      "operations",
                          List.of(
                              obj(
                                  "opNo",
                                  10,
                                  "description",
                                  "装配",
                                  "workCenterId",
                                  Long.parseLong(newCentre),
                                  "runMinutes",
                                  1.5))))));
    }
    return c;
  }

  private Map<String, Double> explosion(Model m, String material, String dateAndMore) {
    Map<String, Double> result = new HashMap<>();
    for (JsonNode r :
        admin
            .get(
                "/materials/" + material + "/explosion?plantId=" + m.plant + "&date=" + dateAndMore)
            .expect(200)
            .json()
            .path("items")) {
      result.put(r.path("materialId").asText(), r.path("quantity").asDouble());
    }
    return result;
  }

  private static ObjectNode bom(String plant, String parent, String revision, ObjectNode... lines) {
    return obj(
        "parentMaterialId", Long.parseLong(parent),
        "plantId", Long.parseLong(plant),
        "revision", revision,
        "validFrom", "2026-01-01",
        "lines", List.of(lines));
  }

  private static ObjectNode line(String component, double quantity) {
    return obj("componentMaterialId", Long.parseLong(component), "quantityPer", quantity);
  }

  private String material(String plant, String type) {
    return id(
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
                    Long.parseLong(plant)))
            .expect(201)
            .json());
  }

  private static long version(JsonNode entity) {
    return entity.path("version").asLong();
  }

  private static String code(String prefix) {
    return (prefix
            + "-"
            + SEQUENCE.incrementAndGet()
            + UUID.randomUUID().toString().substring(0, 5))
        .toUpperCase(Locale.ROOT);
  }
}
