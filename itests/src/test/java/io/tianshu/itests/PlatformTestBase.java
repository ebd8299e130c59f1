package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.fieldValues;
import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static io.tianshu.itests.ItSupport.text;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tianshu.itests.ItSupport.Api;
import io.tianshu.itests.ItSupport.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * The REST, console and packaging contract, run against the assembled distribution. Subclasses
 * choose the database (one container per class).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class PlatformTestBase extends ContainerTestBase {

  @Inject protected FeaturesService featuresService;

  @Inject protected SessionFactory sessionFactory;

  // ------------------------------------------------------------------ 1. packaging

  @Test
  public void featuresInstalledAndBundlesActive() throws Exception {
    for (String feature : List.of("tianshu", "tianshu-rest", "tianshu-console")) {
      Feature f = featuresService.getFeature(feature);
      assertNotNull("feature " + feature + " known", f);
      assertTrue("feature " + feature + " installed", featuresService.isInstalled(f));
    }
    List<String> problems = new ArrayList<>();
    int ours = 0;
    for (Bundle b : bundleContext.getBundles()) {
      String bsn = b.getSymbolicName();
      if (bsn == null || !bsn.startsWith("io.tianshu")) {
        continue;
      }
      ours++;
      boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
      int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
      if (b.getState() != expected) {
        problems.add(bsn + " state " + b.getState() + " expected " + expected);
      }
    }
    assertTrue("at least one io.tianshu bundle", ours > 0);
    assertTrue("bundle states: " + problems, problems.isEmpty());
  }

  // ------------------------------------------------------------------ 2. health and OpenAPI

  @Test
  public void healthAndOpenApiAreAnonymous() {
    JsonNode health = ItSupport.api().get("/health").expect(200).json();
    assertEquals("UP", health.path("status").asText());
    assertTrue("health has a database field: " + health, health.has("database"));

    JsonNode openapi = ItSupport.api().get("/openapi.json").expect(200).json();
    assertTrue(
        "openapi 3.x: " + openapi.path("openapi"),
        openapi.path("openapi").asText().startsWith("3."));
    JsonNode paths = openapi.path("paths");
    assertTrue("paths has /materials", paths.has("/materials"));
    assertTrue("paths has /plants", paths.has("/plants"));
  }

  // ------------------------------------------------------------------ 3. authentication

  @Test
  public void apiRequiresValidCredentials() {
    Response anonymous = ItSupport.api().get("/materials").expect(401);
    String challenge = anonymous.header("WWW-Authenticate");
    assertNotNull("WWW-Authenticate header", challenge);
    assertTrue("Basic challenge: " + challenge, challenge.trim().toLowerCase().startsWith("basic"));

    ItSupport.api().as("karaf", "karaf").get("/materials").expect(401);
    ItSupport.api().as("admin", "wrong-password").get("/materials").expect(401);
    admin.get("/materials").expect(200);
  }

  // ------------------------------------------------------------------ 4. plants

  @Test
  public void plantCrud() {
    Response created =
        admin
            .post("/plants", obj("code", "P-IT1", "name", "一号工厂", "nameEn", "Plant One"))
            .expect(201);
    JsonNode plant = created.json();
    String plantId = id(plant);
    assertNotNull("Location header", created.header("Location"));
    assertTrue(
        "Location names the plant: " + created.header("Location"),
        created.header("Location").endsWith("/plants/" + plantId));
    assertEquals("P-IT1", plant.path("code").asText());
    assertTrue("version is a number: " + plant, plant.path("version").isNumber());
    long version = plant.path("version").asLong();

    JsonNode read = admin.get("/plants/" + plantId).expect(200).json();
    assertEquals("P-IT1", read.path("code").asText());
    assertEquals("一号工厂", read.path("name").asText());
    assertEquals("Plant One", read.path("nameEn").asText());
    assertEquals(version, read.path("version").asLong());

    JsonNode updated =
        admin
            .put(
                "/plants/" + plantId,
                obj(
                    "code", "P-IT1",
                    "name", "一号工厂(改)",
                    "nameEn", "Plant One",
                    "status", "ACTIVE",
                    "version", version))
            .expect(200)
            .json();
    assertEquals("一号工厂(改)", updated.path("name").asText());
    assertTrue("version incremented: " + updated, updated.path("version").asLong() > version);
    assertEquals(
        "一号工厂(改)", admin.get("/plants/" + plantId).expect(200).json().path("name").asText());

    JsonNode list = admin.get("/plants?sort=code&limit=10").expect(200).json();
    assertTrue("items array", list.path("items").isArray());
    assertEquals(0, list.path("offset").asInt());
    assertEquals(10, list.path("limit").asInt());
    assertTrue("total >= 1: " + list, list.path("total").asInt() >= 1);
    assertTrue("list contains P-IT1", fieldValues(list, "code").contains("P-IT1"));

    // delete a plant that owns nothing
    JsonNode spare =
        admin
            .post("/plants", obj("code", "P-IT-DEL", "name", "待删工厂", "nameEn", "Spare"))
            .expect(201)
            .json();
    String spareId = id(spare);
    admin.delete("/plants/" + spareId + "?version=" + spare.path("version").asLong()).expect(204);
    admin.get("/plants/" + spareId).expect(404);
  }

  // ------------------------------------------------------------------ 5. materials

  @Test
  public void materialCrud() {
    JsonNode plantId = createPlant("P-IT-MAT");
    Response created =
        admin
            .post(
                "/materials",
                obj(
                    "code", "M-IT-001",
                    "name", "钢板",
                    "nameEn", "Steel sheet",
                    "type", "PURCHASED",
                    "baseUnit", "PCS",
                    "plantId", plantId))
            .expect(201);
    JsonNode material = created.json();
    String id = id(material);
    assertEquals("M-IT-001", material.path("code").asText());
    long version = material.path("version").asLong();

    JsonNode read = admin.get("/materials/" + id).expect(200).json();
    assertEquals("钢板", read.path("name").asText());
    assertEquals("PURCHASED", read.path("type").asText());
    assertEquals("PCS", read.path("baseUnit").asText());
    assertEquals(plantId.asText(), read.path("plantId").asText());

    JsonNode updated =
        admin
            .put(
                "/materials/" + id,
                obj(
                    "code", "M-IT-001",
                    "name", "冷轧钢板",
                    "nameEn", "Cold-rolled steel sheet",
                    "type", "PURCHASED",
                    "baseUnit", "PCS",
                    "plantId", plantId,
                    "version", version))
            .expect(200)
            .json();
    assertEquals("冷轧钢板", updated.path("name").asText());
    assertTrue("version incremented", updated.path("version").asLong() > version);

    JsonNode list =
        admin.get("/materials?plantId=" + plantId.asText() + "&q=M-IT").expect(200).json();
    assertTrue("list contains M-IT-001: " + list, fieldValues(list, "code").contains("M-IT-001"));

    admin.delete("/materials/" + id + "?version=" + updated.path("version").asLong()).expect(204);
    admin.get("/materials/" + id).expect(404);
  }

  // ------------------------------------------------------------------ 6. invalid input

  @Test
  public void invalidInputIsRejectedWithProblemDetails() {
    JsonNode plantId = createPlant("P-IT-BAD");
    String listPath = "/materials?plantId=" + plantId.asText();
    int before = admin.get(listPath).expect(200).json().path("total").asInt();

    JsonNode problem =
        admin
            .post(
                "/materials",
                obj("code", "", "name", "", "type", "NOPE", "baseUnit", "XX", "plantId", plantId))
            .expectProblem(400);
    JsonNode errors = problem.path("errors");
    assertTrue("errors array: " + problem, errors.isArray() && errors.size() > 0);
    Set<String> fields = new HashSet<>();
    for (JsonNode e : errors) {
      assertTrue("error has a field: " + e, e.hasNonNull("field"));
      fields.add(e.path("field").asText());
    }
    for (String f : List.of("code", "name", "type", "baseUnit")) {
      assertTrue("error for " + f + " in " + fields, fields.contains(f));
    }
    assertEquals(before, admin.get(listPath).expect(200).json().path("total").asInt());

    admin.send("POST", "/materials", "{\"code\": \"M-IT-BROKEN\", ").expectProblem(400);
    assertEquals(before, admin.get(listPath).expect(200).json().path("total").asInt());

    createMaterial(plantId, "M-IT-DUP", "重复物料");
    JsonNode duplicate =
        admin
            .post(
                "/materials",
                obj(
                    "code", "M-IT-DUP",
                    "name", "重复物料二",
                    "type", "PURCHASED",
                    "baseUnit", "PCS",
                    "plantId", plantId))
            .expectProblem(400);
    Set<String> dupFields = new HashSet<>();
    duplicate.path("errors").forEach(e -> dupFields.add(e.path("field").asText()));
    assertTrue("duplicate reported on code: " + duplicate, dupFields.contains("code"));
    assertEquals(before + 1, admin.get(listPath).expect(200).json().path("total").asInt());
  }

  // ------------------------------------------------------------------ 7. optimistic locking

  @Test
  public void staleVersionIsAConflict() {
    JsonNode plantId = createPlant("P-IT-LOCK");
    JsonNode material = createMaterial(plantId, "M-IT-LOCK", "Original");
    String id = id(material);
    long v0 = material.path("version").asLong();

    admin.put("/materials/" + id, materialBody(material, "Newer", v0)).expect(200);
    admin.put("/materials/" + id, materialBody(material, "Stale", v0)).expectProblem(409);

    assertEquals("Newer", admin.get("/materials/" + id).expect(200).json().path("name").asText());
  }

  // ------------------------------------------------------------------ 8. plant scoping

  @Test
  public void usersSeeOnlyTheirPlants() {
    JsonNode plantA = createPlant("P-IT-A");
    JsonNode plantB = createPlant("P-IT-B");
    String matA = id(createMaterial(plantA, "M-IT-A1", "A物料"));
    String matB = id(createMaterial(plantB, "M-IT-B1", "B物料"));

    admin
        .post(
            "/users",
            obj(
                "username", "it-user-a",
                "password", "Pw-a-123456",
                "displayName", "User A",
                "grants", List.of(obj("plantId", plantA, "role", "PLANNER"))))
        .expect(201);
    Api userA = ItSupport.api().as("it-user-a", "Pw-a-123456");

    userA.get("/materials/" + matA).expect(200);
    userA.get("/materials/" + matB).expect(404);
    userA.get("/plants/" + plantB.asText()).expect(404);

    JsonNode list = userA.get("/materials?limit=500").expect(200).json();
    Set<String> plants = fieldValues(list, "plantId");
    plants.remove(null);
    assertEquals("user A sees only plant A materials: " + list, Set.of(plantA.asText()), plants);
    Set<String> ids = new HashSet<>();
    list.path("items").forEach(i -> ids.add(i.path("id").asText()));
    assertTrue(ids.contains(matA));
    assertFalse(ids.contains(matB));

    // Writes to plant B's records answer 404 as reads do: B does not exist for user A.
    userA
        .post(
            "/materials",
            obj(
                "code", "M-IT-B2",
                "name", "越权",
                "type", "PURCHASED",
                "baseUnit", "PCS",
                "plantId", plantB))
        .expectProblem(404);
    JsonNode b1 = admin.get("/materials/" + matB).expect(200).json();
    userA
        .put("/materials/" + matB, materialBody(b1, "越权修改", b1.path("version").asLong()))
        .expectProblem(404);
    userA.delete("/materials/" + matB + "?version=" + b1.path("version").asLong()).expect(404);
    assertEquals("B物料", admin.get("/materials/" + matB).expect(200).json().path("name").asText());
    userA.get("/plants/" + plantB.asText() + "/units").expect(404);
    // Plant A's planner is no plant administrator, let alone a group administrator.
    userA
        .post(
            "/org-units",
            obj("type", "WORKSHOP", "code", "WS-IT", "name", "车间", "parentId", plantA))
        .expect(403);
    userA.get("/users").expect(403);
    // The audit trail shows plant A's rows only.
    JsonNode audit = userA.get("/audit?entity=Material&limit=500").expect(200).json();
    Set<String> audited = fieldValues(audit, "entityId");
    assertTrue("A's material audited: " + audit, audited.contains(matA));
    assertFalse("B's material hidden from A's audit: " + audit, audited.contains(matB));
    assertEquals(Set.of(plantA.asText()), fieldValues(audit, "plantId"));
    assertFalse(
        "nothing created in plant B",
        fieldValues(admin.get("/materials?plantId=" + plantB.asText()).expect(200).json(), "code")
            .contains("M-IT-B2"));

    userA
        .post("/plants", obj("code", "P-IT-U", "name", "用户工厂", "nameEn", "User plant"))
        .expect(403);
  }

  // ------------------------------------------------------------------ 9. audit

  @Test
  public void changesAreAudited() {
    JsonNode plantId = createPlant("P-IT-AUD");
    JsonNode material = createMaterial(plantId, "M-IT-AUD", "Audit before");
    String id = id(material);
    admin
        .put(
            "/materials/" + id,
            materialBody(material, "Audit after", material.path("version").asLong()))
        .expect(200);

    JsonNode audit = admin.get("/audit?entity=Material&entityId=" + id).expect(200).json();
    Set<String> actions = new HashSet<>();
    JsonNode update = null;
    for (JsonNode row : audit.path("items")) {
      actions.add(row.path("action").asText());
      assertEquals("audited user: " + row, "admin", row.path("username").asText());
      if ("UPDATE".equals(row.path("action").asText())) {
        update = row;
      }
    }
    assertEquals("one row per change: " + audit, 2, audit.path("total").asInt());
    assertEquals(Set.of("CREATE", "UPDATE"), actions);
    assertNotNull(update);
    assertTrue(
        "before has old name: " + update, text(update.get("before")).contains("Audit before"));
    assertTrue("after has new name: " + update, text(update.get("after")).contains("Audit after"));

    // Refused changes write nothing: not the change, not an audit row.
    JsonNode current = admin.get("/materials/" + id).expect(200).json();
    long version = current.path("version").asLong();
    admin.put("/materials/" + id, materialBody(current, "", version)).expectProblem(400);
    admin.put("/materials/" + id, materialBody(current, "Stale", version - 1)).expectProblem(409);
    assertEquals(
        2,
        admin
            .get("/audit?entity=Material&entityId=" + id)
            .expect(200)
            .json()
            .path("total")
            .asInt());

    admin.delete("/materials/" + id + "?version=" + version).expect(204);
    JsonNode afterDelete = admin.get("/audit?entity=Material&entityId=" + id).expect(200).json();
    assertEquals(3, afterDelete.path("total").asInt());
    JsonNode newest = afterDelete.path("items").get(0);
    assertEquals("DELETE", newest.path("action").asText());
    assertTrue(
        "delete keeps the last state: " + newest,
        text(newest.get("before")).contains("Audit after"));
  }

  // ------------------------------------------------------------------ 8b. the user realm

  /**
   * Users created one after another must all be able to log in, and admin too: the realm file is
   * rewritten for each, and Karaf's own watcher reads it at the same time.
   */
  @Test
  public void usersCreatedInARowCanAllLogIn() {
    JsonNode plant = createPlant("P-IT-REALM");
    for (int i = 0; i < 25; i++) {
      String name = "it-realm-" + i;
      admin
          .post(
              "/users",
              obj(
                  "username",
                  name,
                  "password",
                  "Pw-realm-" + i + "-x",
                  "grants",
                  List.of(obj("plantId", plant, "role", "VIEWER"))))
          .expect(201);
      ItSupport.api().as(name, "Pw-realm-" + i + "-x").get("/me").expect(200);
    }
    for (int i = 0; i < 25; i++) {
      ItSupport.api().as("it-realm-" + i, "Pw-realm-" + i + "-x").get("/me").expect(200);
    }
    admin.delete("/users/it-realm-0").expect(204);
    ItSupport.api().as("it-realm-0", "Pw-realm-0-x").get("/me").expect(401);
    admin.get("/me").expect(200);
  }

  // ------------------------------------------------------------------ 9b. empty bodies

  @Test
  public void missingBodyIsInvalidInputNotAServerError() {
    JsonNode problem = admin.send("POST", "/materials", "").expectProblem(400);
    assertEquals("body", problem.path("errors").get(0).path("field").asText());
    admin.send("POST", "/plants", "null").expectProblem(400);
    admin.send("PUT", "/materials/1", "").expectProblem(400);
  }

  // ------------------------------------------------------------------ 10. console

  @Test
  public void consoleCommands() {
    JsonNode plantId = createPlant("P-IT-CON");
    createMaterial(plantId, "M-IT-CONSOLE", "控制台物料");

    String status = ItSupport.executeCommand(sessionFactory, "mom:status");
    assertTrue("mom:status mentions Tianshu: " + status, status.contains("Tianshu"));
    assertTrue("mom:status mentions Database: " + status, status.contains("Database"));

    String materials = ItSupport.executeCommand(sessionFactory, "mom:material-list");
    assertTrue(
        "mom:material-list lists M-IT-CONSOLE: " + materials, materials.contains("M-IT-CONSOLE"));

    // Create and update through the console; REST sees the result.
    String created =
        ItSupport.executeCommand(
            sessionFactory, "mom:material-create -p P-IT-CON -t MANUFACTURED M-IT-CON2 控制台新建");
    assertTrue(created, created.contains("MANUFACTURED"));
    JsonNode list =
        admin.get("/materials?plantId=" + plantId.asText() + "&q=M-IT-CON2").expect(200).json();
    assertEquals(1, list.path("total").asInt());
    String conId = id(list.path("items").get(0));
    ItSupport.executeCommand(sessionFactory, "mom:material-update --name 控制台改名 " + conId);
    assertEquals(
        "控制台改名", admin.get("/materials/" + conId).expect(200).json().path("name").asText());
    String invalid =
        ItSupport.tryCommandAs(sessionFactory, "mom:material-create '' x", "admin", "admin");
    assertTrue(
        "invalid input fails the command: " + invalid,
        invalid.startsWith("FAILED") && invalid.contains("code"));

    // A Tianshu user on the console: their plants only, and no Karaf administration.
    JsonNode otherPlant = createPlant("P-IT-CON-B");
    createMaterial(otherPlant, "M-IT-CON-B", "别厂物料");
    admin
        .post(
            "/users",
            obj(
                "username", "it-console-user",
                "password", "Pw-console-1",
                "grants", List.of(obj("plantId", plantId, "role", "VIEWER"))))
        .expect(201);
    String mine =
        ItSupport.tryCommandAs(
            sessionFactory, "mom:material-list", "it-console-user", "tianshu", "ssh");
    assertTrue("user sees own plant's material: " + mine, mine.contains("M-IT-CONSOLE"));
    assertFalse("user does not see plant B's: " + mine, mine.contains("M-IT-CON-B"));
    String write =
        ItSupport.tryCommandAs(
            sessionFactory,
            "mom:material-create -p P-IT-CON M-IT-CON3 x",
            "it-console-user",
            "tianshu",
            "ssh");
    assertTrue(
        "a viewer may not create: " + write, write.startsWith("FAILED") && write.contains("403"));
    String karaf =
        ItSupport.tryCommandAs(sessionFactory, "bundle:list", "it-console-user", "tianshu", "ssh");
    assertTrue("Karaf administration refused: " + karaf, karaf.startsWith("FAILED"));
  }

  // ------------------------------------------------------------------ helpers

  /** Creates a plant and returns its id as JSON (number or string, as the API gives it). */
  protected JsonNode createPlant(String code) {
    JsonNode plant =
        admin
            .post("/plants", obj("code", code, "name", "工厂 " + code, "nameEn", "Plant " + code))
            .expect(201)
            .json();
    return plant.get("id");
  }

  protected JsonNode createMaterial(JsonNode plantId, String code, String name) {
    return admin
        .post(
            "/materials",
            obj(
                "code", code,
                "name", name,
                "type", "PURCHASED",
                "baseUnit", "PCS",
                "plantId", plantId))
        .expect(201)
        .json();
  }

  /** A PUT body for a material read earlier, with a new name and the given version. */
  protected static JsonNode materialBody(JsonNode material, String name, long version) {
    return obj(
        "code", material.path("code").asText(),
        "name", name,
        "type", material.path("type").asText(),
        "baseUnit", material.path("baseUnit").asText(),
        "plantId", material.get("plantId"),
        "version", version);
  }
}
