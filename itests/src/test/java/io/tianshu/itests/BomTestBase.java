package io.tianshu.itests;

import static io.tianshu.itests.ItSupport.fieldValues;
import static io.tianshu.itests.ItSupport.id;
import static io.tianshu.itests.ItSupport.obj;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tianshu.itests.ItSupport.Api;
import io.tianshu.itests.ItSupport.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The bill-of-materials contract (BOM versions, explosion, where-used, scoping, audit), run against
 * the assembled distribution. Subclasses choose the database; one container per class, so every
 * test makes its own plant and materials under unique codes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class BomTestBase extends ContainerTestBase {
  @javax.inject.Inject protected org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

  private static final String BOMS = "/boms";
  private static final double TOLERANCE = 1e-9;
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** A leaf material whose explosion and where-used answer once the BOM resources are up. */
  private static volatile String readinessMaterial;

  @Override
  protected void awaitDomainApi() {
    awaitBomApi(Duration.ofMinutes(1));
  }

  // ------------------------------------------------------------------ 0. packaging

  @Test
  public void bomBundleActive() {
    assertBundleActive("io.tianshu.bom");
  }

  // ------------------------------------------------------------------ storing and reading

  @Test
  public void bomIsStoredWithDefaultsAndReadBack() {
    JsonNode plant = createPlant(code("PRD"));
    JsonNode parent = material(plant, "RD-P", "MANUFACTURED", "PCS");
    JsonNode c1 = material(plant, "RD-1", "PURCHASED", "PCS");
    JsonNode c2 = material(plant, "RD-2", "PURCHASED", "KG");

    ObjectNode body = bomBody(parent, plant, "A", "2026-01-01", null, line(c1, 2));
    body.withArray("lines")
        .add(line(c2, 1.25, "scrapPercent", 5, "phantom", false, "operationRef", "OP-10"));
    JsonNode bom = admin.post(BOMS, body).expect(201).json();
    String bomId = id(bom);
    assertEquals(parent.asText(), bom.path("parentMaterialId").asText());
    assertEquals(plant.asText(), bom.path("plantId").asText());
    assertEquals(
        "view defaults to MANUFACTURING: " + bom, "MANUFACTURING", bom.path("view").asText());
    assertEquals("A", bom.path("revision").asText());
    assertEquals("2026-01-01", bom.path("validFrom").asText());
    assertTrue(
        "validTo open: " + bom,
        bom.path("validTo").isNull() || bom.path("validTo").isMissingNode());
    assertTrue("version is a number: " + bom, bom.path("version").isNumber());
    JsonNode lines = bom.path("lines");
    assertEquals("two lines: " + bom, 2, lines.size());
    JsonNode l1 = lines.get(0);
    assertEquals(c1.asText(), l1.path("componentMaterialId").asText());
    assertTrue("quantityPer is a JSON number: " + l1, l1.path("quantityPer").isNumber());
    assertNear("line 1 quantityPer", 2, l1.path("quantityPer"));
    assertEquals("unit defaults to the base unit: " + l1, "PCS", l1.path("unit").asText());
    assertNear("scrapPercent defaults to 0", 0, l1.path("scrapPercent"));
    assertTrue("phantom defaults to false: " + l1, l1.path("phantom").isBoolean());
    assertFalse("phantom defaults to false: " + l1, l1.path("phantom").asBoolean());
    JsonNode l2 = lines.get(1);
    assertEquals(c2.asText(), l2.path("componentMaterialId").asText());
    assertNear("line 2 quantityPer", 1.25, l2.path("quantityPer"));
    assertEquals("KG", l2.path("unit").asText());
    assertNear("line 2 scrapPercent", 5, l2.path("scrapPercent"));
    assertEquals("OP-10", l2.path("operationRef").asText());
    assertTrue("lineNo numbers: " + lines, l1.path("lineNo").isNumber());
    assertTrue(
        "lineNo increases in input order: " + lines,
        l2.path("lineNo").asLong() > l1.path("lineNo").asLong());

    JsonNode read = admin.get(BOMS + "/" + bomId).expect(200).json();
    assertSameBom(bom, read);

    JsonNode list =
        admin
            .get(
                BOMS
                    + "?parentMaterialId="
                    + parent.asText()
                    + "&plantId="
                    + plant.asText()
                    + "&view=MANUFACTURING")
            .expect(200)
            .json();
    assertList(list);
    assertEquals("one BOM of the parent: " + list, 1, list.path("total").asInt());
    assertEquals(Set.of(bomId), fieldValues(list, "id"));
    JsonNode engineering =
        admin
            .get(BOMS + "?parentMaterialId=" + parent.asText() + "&view=ENGINEERING")
            .expect(200)
            .json();
    assertEquals("no ENGINEERING BOM: " + engineering, 0, engineering.path("total").asInt());

    admin.get(BOMS + "/999999999").expectProblem(404);
  }

  // ------------------------------------------------------------------ 1. the hand-worked example

  @Test
  public void handWorkedSummarisedExplosion() {
    Example x = example("SU");

    JsonNode before =
        explode(x.a(), "quantity=10&date=2026-12-01&view=MANUFACTURING&mode=summarised");
    assertEquals(x.a().asText(), before.path("materialId").asText());
    assertEquals("MANUFACTURING", before.path("view").asText());
    assertEquals("2026-12-01", before.path("date").asText());
    assertNear("quantity", 10, before.path("quantity"));
    assertEquals("summarised", before.path("mode").asText());
    assertSummarised(
        "10 A on 2026-12-01 (rev 1)",
        before,
        expected(x.b(), 20, x.c(), 10, x.d(), 20, x.e(), 74),
        Map.of(x.b().asText(), 1, x.c().asText(), 1, x.e().asText(), 2, x.d().asText(), 3));

    JsonNode after =
        explode(x.a(), "quantity=10&date=2027-03-01&view=MANUFACTURING&mode=summarised");
    assertSummarised(
        "10 A on 2027-03-01 (rev 2, phantom K blown through)",
        after,
        expected(x.b(), 20, x.f(), 10, x.d(), 60, x.e(), 54),
        Map.of(x.b().asText(), 1, x.f().asText(), 1, x.e().asText(), 2, x.d().asText(), 3));

    // validTo is exclusive: rev 1 up to 2026-12-31, rev 2 from 2027-01-01.
    assertSummarised(
        "10 A on 2026-12-31",
        explode(x.a(), "quantity=10&date=2026-12-31"),
        expected(x.b(), 20, x.c(), 10, x.d(), 20, x.e(), 74),
        null);
    assertSummarised(
        "10 A on 2027-01-01",
        explode(x.a(), "quantity=10&date=2027-01-01"),
        expected(x.b(), 20, x.f(), 10, x.d(), 60, x.e(), 54),
        null);
    // Before any version of A is effective nothing is needed.
    JsonNode none = explode(x.a(), "quantity=10&date=2019-06-01");
    assertEquals("no version effective in 2019: " + none, 0, none.path("items").size());

    // Defaults: quantity 1, view MANUFACTURING, mode summarised.
    JsonNode defaults = explode(x.a(), "date=2026-12-01");
    assertNear("default quantity", 1, defaults.path("quantity"));
    assertEquals("MANUFACTURING", defaults.path("view").asText());
    assertEquals("summarised", defaults.path("mode").asText());
    assertSummarised(
        "1 A on 2026-12-01", defaults, expected(x.b(), 2, x.c(), 1, x.d(), 2, x.e(), 7.4), null);
    // The default date is today (the container's clock is this JVM's clock).
    JsonNode today = explode(x.a(), "quantity=10");
    LocalDate date = LocalDate.parse(today.path("date").asText());
    assertTrue(
        "default date is today: " + today,
        !date.isBefore(LocalDate.now().minusDays(1)) && !date.isAfter(LocalDate.now().plusDays(1)));
  }

  @Test
  public void handWorkedIndentedExplosion() {
    Example x = example("IN");

    JsonNode rev1 = explode(x.a(), "quantity=1&date=2026-12-01&view=MANUFACTURING&mode=indented");
    assertEquals("indented", rev1.path("mode").asText());
    assertIndented(
        "1 A on 2026-12-01",
        rev1,
        List.of(
            row(1, x.a(), x.b(), 2, 2, false),
            row(2, x.b(), x.d(), 1, 2, false),
            row(2, x.b(), x.e(), 2, 4.4, false),
            row(1, x.a(), x.c(), 1, 1, false),
            row(2, x.c(), x.e(), 3, 3, false)));

    // In the indented view the phantom is shown (flagged) with its components below it.
    JsonNode rev2 = explode(x.a(), "quantity=1&date=2027-03-01&mode=indented");
    assertIndented(
        "1 A on 2027-03-01",
        rev2,
        List.of(
            row(1, x.a(), x.b(), 2, 2, false),
            row(2, x.b(), x.d(), 1, 2, false),
            row(2, x.b(), x.e(), 2, 4.4, false),
            row(1, x.a(), x.f(), 1, 1, false),
            row(2, x.f(), x.e(), 1, 1, false),
            row(2, x.f(), x.k(), 1, 1, true),
            row(3, x.k(), x.d(), 4, 4, false)));

    // Quantities scale with the exploded quantity.
    JsonNode ten = explode(x.a(), "quantity=10&date=2026-12-01&mode=indented");
    assertEquals(5, ten.path("items").size());
    assertNear("E under B for 10 A", 44, ten.path("items").get(2).path("quantity"));
  }

  @Test
  public void handWorkedWhereUsed() {
    Example x = example("WU");

    JsonNode all =
        admin
            .get(
                "/materials/"
                    + x.e().asText()
                    + "/where-used?date=2026-12-01&view=MANUFACTURING&levels=all")
            .expect(200)
            .json();
    assertEquals(x.e().asText(), all.path("materialId").asText());
    assertEquals(
        "E used on 2026-12-01, all levels: " + all,
        Map.of(x.b().asText(), 1, x.c().asText(), 1, x.f().asText(), 1, x.a().asText(), 2),
        whereUsed(all));

    JsonNode single =
        admin
            .get("/materials/" + x.e().asText() + "/where-used?date=2026-12-01&levels=single")
            .expect(200)
            .json();
    assertEquals(
        "E used on 2026-12-01, single level: " + single,
        Map.of(x.b().asText(), 1, x.c().asText(), 1, x.f().asText(), 1),
        whereUsed(single));

    JsonNode byDefault =
        admin
            .get("/materials/" + x.e().asText() + "/where-used?date=2026-12-01")
            .expect(200)
            .json();
    assertEquals("levels default to all", whereUsed(all), whereUsed(byDefault));

    // Effectivity: F is used by A's rev 2 only.
    JsonNode fBefore =
        admin
            .get("/materials/" + x.f().asText() + "/where-used?date=2026-12-01")
            .expect(200)
            .json();
    assertEquals("F unused in 2026: " + fBefore, Map.of(), whereUsed(fBefore));
    JsonNode fAfter =
        admin
            .get("/materials/" + x.f().asText() + "/where-used?date=2027-03-01")
            .expect(200)
            .json();
    assertEquals(Map.of(x.a().asText(), 1), whereUsed(fAfter));

    // D through the phantom kit K in 2027.
    JsonNode d =
        admin
            .get("/materials/" + x.d().asText() + "/where-used?date=2027-03-01")
            .expect(200)
            .json();
    assertEquals(
        "D used on 2027-03-01: " + d,
        Map.of(x.b().asText(), 1, x.k().asText(), 1, x.f().asText(), 2, x.a().asText(), 2),
        whereUsed(d));

    // Both versions of A are listed for A; filters of the list.
    JsonNode versions =
        admin
            .get(BOMS + "?parentMaterialId=" + x.a().asText() + "&plantId=" + x.plant().asText())
            .expect(200)
            .json();
    assertEquals("two versions of A: " + versions, 2, versions.path("total").asInt());
    assertEquals(Set.of("1", "2"), fieldValues(versions, "revision"));
    JsonNode inPlant =
        admin.get(BOMS + "?plantId=" + x.plant().asText() + "&limit=500").expect(200).json();
    assertEquals("six BOM versions in the plant: " + inPlant, 6, inPlant.path("total").asInt());
  }

  // ------------------------------------------------------------------ 2. cycles

  @Test
  public void cyclesAreRejected() {
    JsonNode plant = createPlant(code("PCY"));
    JsonNode a = material(plant, "CY-A", "MANUFACTURED", "PCS");
    JsonNode b = material(plant, "CY-B", "MANUFACTURED", "PCS");
    JsonNode c = material(plant, "CY-C", "MANUFACTURED", "PCS");
    JsonNode d = material(plant, "CY-D", "MANUFACTURED", "PCS");

    bom(plant, a, "1", "2026-01-01", null, line(b, 1));
    JsonNode problem =
        admin.post(BOMS, bomBody(b, plant, "1", "2026-01-01", null, line(a, 1))).expectProblem(400);
    assertError(problem, "lines", "cycle");
    String message = errorMessage(problem, "lines");
    assertTrue(
        "the cycle path names A and B: " + message,
        message.contains(a.asText() + " → " + b.asText())
            || message.contains(b.asText() + " → " + a.asText()));
    assertEquals("nothing stored for B", 0, bomCount(b));

    // A longer cycle: A → B → C, then C → A.
    bom(plant, b, "1", "2026-01-01", null, line(c, 2));
    JsonNode longer =
        admin
            .post(BOMS, bomBody(c, plant, "1", "2026-01-01", null, line(d, 1), line(a, 1)))
            .expectProblem(400);
    assertError(longer, "lines", "cycle");
    String path = errorMessage(longer, "lines");
    String ia = a.asText();
    String ib = b.asText();
    String ic = c.asText();
    List<String> walks =
        List.of(
            ia + " → " + ib + " → " + ic,
            ib + " → " + ic + " → " + ia,
            ic + " → " + ia + " → " + ib,
            ic + " → " + ib + " → " + ia,
            ib + " → " + ia + " → " + ic,
            ia + " → " + ic + " → " + ib);
    assertTrue(
        "the path names A, B and C in order: " + path, walks.stream().anyMatch(path::contains));
    assertEquals("nothing stored for C", 0, bomCount(c));

    // A material used in itself.
    JsonNode self =
        admin.post(BOMS, bomBody(d, plant, "1", "2026-01-01", null, line(d, 1))).expectProblem(400);
    assertError(self, "lines", "cycle");
    assertEquals("nothing stored for D", 0, bomCount(d));

    // The stored structure still explodes.
    assertSummarised(
        "A after the refusals",
        explode(a, "quantity=1&date=2026-06-01"),
        expected(b, 1, c, 2),
        null);
  }

  /**
   * Explosions for a plant use the group's BOMs together with the plant's: a plant BOM that closes
   * a loop through a group BOM, or a group BOM that closes one through a plant's BOM, is a cycle.
   */
  @Test
  public void cyclesThroughGroupAndPlantBomsAreRejected() {
    JsonNode plant = createPlant(code("PCG"));
    JsonNode g1 = material(null, "CG-1", "MANUFACTURED", "PCS");
    JsonNode g2 = material(null, "CG-2", "MANUFACTURED", "PCS");
    bom(null, g1, "1", "2026-01-01", null, line(g2, 1));

    JsonNode plantCloses =
        admin
            .post(BOMS, bomBody(g2, plant, "P1", "2026-01-01", null, line(g1, 1)))
            .expectProblem(400);
    assertError(plantCloses, "lines", "cycle");
    assertEquals("nothing stored for G2", 0, bomCount(g2));

    JsonNode g3 = material(null, "CG-3", "MANUFACTURED", "PCS");
    JsonNode g4 = material(null, "CG-4", "MANUFACTURED", "PCS");
    bom(plant, g3, "P1", "2026-01-01", null, line(g4, 1));
    JsonNode groupCloses =
        admin
            .post(BOMS, bomBody(g4, null, "1", "2026-01-01", null, line(g3, 1)))
            .expectProblem(400);
    assertError(groupCloses, "lines", "cycle");
    assertEquals("nothing stored for G4", 0, bomCount(g4));

    admin.get("/materials/" + g1.asText() + "/explosion?plantId=" + plant.asText()).expect(200);
    admin.get("/materials/" + g3.asText() + "/explosion?plantId=" + plant.asText()).expect(200);
  }

  // ------------------------------------------------------------------ 3. overlapping versions

  @Test
  public void overlappingVersionsAreRejected() {
    JsonNode plant = createPlant(code("POV"));
    JsonNode p = material(plant, "OV-P", "MANUFACTURED", "PCS");
    JsonNode c1 = material(plant, "OV-1", "PURCHASED", "PCS");
    JsonNode c2 = material(plant, "OV-2", "PURCHASED", "PCS");

    bom(plant, p, "A", "2026-01-01", "2026-07-01", line(c1, 1));
    JsonNode overlap =
        admin
            .post(BOMS, bomBody(p, plant, "B", "2026-06-01", null, line(c2, 1)))
            .expectProblem(400);
    assertError(overlap, "validFrom", "overlap");
    JsonNode covering =
        admin
            .post(BOMS, bomBody(p, plant, "B", "2020-01-01", null, line(c2, 1)))
            .expectProblem(400);
    assertError(covering, "validFrom", "overlap");
    JsonNode inside =
        admin
            .post(BOMS, bomBody(p, plant, "B", "2026-02-01", "2026-03-01", line(c2, 1)))
            .expectProblem(400);
    assertError(inside, "validFrom", "overlap");
    assertEquals("only revision A stored", 1, bomCount(p));
    // A revision is used once per parent, view and owner, whatever the window.
    JsonNode duplicate =
        admin
            .post(BOMS, bomBody(p, plant, "A", "2030-01-01", null, line(c2, 1)))
            .expectProblem(400);
    assertTrue("duplicate revision: " + duplicate, errorFields(duplicate).contains("revision"));
    assertEquals("only revision A stored", 1, bomCount(p));

    // Adjacent windows do not overlap (validTo is exclusive).
    bom(plant, p, "B", "2026-07-01", null, line(c2, 1));
    bom(plant, p, "0", "2025-01-01", "2026-01-01", line(c1, 3));
    assertEquals(3, bomCount(p));
    assertSummarised("rev A in spring 2026", explode(p, "date=2026-06-30"), expected(c1, 1), null);
    assertSummarised("rev B from July", explode(p, "date=2026-07-01"), expected(c2, 1), null);
    assertSummarised("rev 0 in 2025", explode(p, "date=2025-12-31"), expected(c1, 3), null);

    // Another view is another structure: the same window is no overlap there.
    ObjectNode engineering = bomBody(p, plant, "E1", "2026-01-01", null, line(c1, 7));
    engineering.put("view", "ENGINEERING");
    JsonNode eng = admin.post(BOMS, engineering).expect(201).json();
    assertEquals("ENGINEERING", eng.path("view").asText());
    assertSummarised(
        "ENGINEERING view", explode(p, "date=2026-06-30&view=ENGINEERING"), expected(c1, 7), null);
    assertSummarised(
        "MANUFACTURING view unchanged",
        explode(p, "date=2026-06-30&view=MANUFACTURING"),
        expected(c1, 1),
        null);
  }

  /**
   * Overlap is checked within one owner scope: the group and a plant may each have a BOM of the
   * same material for the same window, and explosions must still answer.
   */
  @Test
  public void groupAndPlantVersionsOfOneMaterial() {
    JsonNode plant = createPlant(code("PGP"));
    JsonNode g = material(null, "GP-P", "MANUFACTURED", "PCS");
    JsonNode gc = material(null, "GP-1", "PURCHASED", "PCS");
    JsonNode pc = material(plant, "GP-2", "PURCHASED", "PCS");

    JsonNode group = bom(null, g, "1", "2026-01-01", null, line(gc, 1));
    assertTrue(
        "group-owned: " + group,
        group.path("plantId").isNull() || group.path("plantId").isMissingNode());
    JsonNode local = bom(plant, g, "1", "2026-01-01", null, line(pc, 2));
    assertEquals(plant.asText(), local.path("plantId").asText());

    // Without a plant (a group material has none) only the group's BOMs count.
    assertSummarised("group only", explode(g, "date=2026-06-01"), expected(gc, 1), null);
    Response withPlant =
        admin.get(
            "/materials/" + g.asText() + "/explosion?date=2026-06-01&plantId=" + plant.asText());
    assertEquals(
        "explosion with both a group and a plant BOM: " + withPlant.body(),
        200,
        withPlant.status());
    // The implemented rule (BomLogic.scope): a plant's BOM of a parent replaces the group's.
    assertSummarised("the plant's structure", withPlant.json(), expected(pc, 2), null);
    JsonNode used =
        admin
            .get(
                "/materials/"
                    + pc.asText()
                    + "/where-used?date=2026-06-01&plantId="
                    + plant.asText())
            .expect(200)
            .json();
    assertEquals(Map.of(g.asText(), 1), whereUsed(used));
  }

  // ------------------------------------------------------------------ 4. units

  @Test
  public void lineUnitsAreConvertedToTheBaseUnit() {
    JsonNode plant = createPlant(code("PUN"));
    JsonNode p = material(plant, "UN-P", "MANUFACTURED", "PCS");
    JsonNode steel = material(plant, "UN-KG", "PURCHASED", "KG");
    JsonNode wire = material(plant, "UN-KG2", "PURCHASED", "KG");

    JsonNode bom =
        bom(
            plant,
            p,
            "1",
            "2026-01-01",
            null,
            line(steel, 500, "unit", "G"),
            line(wire, 0.002, "unit", "T"));
    JsonNode l1 = bom.path("lines").get(0);
    assertNear("500 G as KG", 0.5, l1.path("quantityPer"));
    assertEquals("stored in the base unit: " + l1, "KG", l1.path("unit").asText());
    JsonNode l2 = bom.path("lines").get(1);
    assertNear("0.002 T as KG", 2, l2.path("quantityPer"));
    assertEquals("KG", l2.path("unit").asText());

    JsonNode read = admin.get(BOMS + "/" + id(bom)).expect(200).json();
    assertNear("read back", 0.5, read.path("lines").get(0).path("quantityPer"));
    assertEquals("KG", read.path("lines").get(0).path("unit").asText());

    assertSummarised(
        "10 P", explode(p, "quantity=10&date=2026-06-01"), expected(steel, 5, wire, 20), null);

    // A unit of another dimension, or no unit at all, cannot be converted.
    JsonNode q = material(plant, "UN-Q", "MANUFACTURED", "PCS");
    JsonNode pieces =
        admin
            .post(
                BOMS,
                bomBody(
                    q,
                    plant,
                    "1",
                    "2026-01-01",
                    null,
                    line(wire, 1),
                    line(steel, 3, "unit", "PCS")))
            .expectProblem(400);
    assertTrue("PCS for a KG component: " + pieces, errorFields(pieces).contains("lines[1].unit"));
    JsonNode unknown =
        admin
            .post(BOMS, bomBody(q, plant, "1", "2026-01-01", null, line(steel, 3, "unit", "XX")))
            .expectProblem(400);
    assertTrue("unknown unit: " + unknown, errorFields(unknown).contains("lines[0].unit"));
    assertEquals("nothing stored for Q", 0, bomCount(q));
  }

  // ------------------------------------------------------------------ 5. invalid input

  @Test
  public void invalidBomsAreRejected() {
    JsonNode plant = createPlant(code("PIV"));
    JsonNode p = material(plant, "IV-P", "MANUFACTURED", "PCS");
    JsonNode c = material(plant, "IV-1", "PURCHASED", "PCS");
    int auditBefore = auditTotal();

    JsonNode missing =
        admin.post(BOMS, obj("parentMaterialId", p, "plantId", plant)).expectProblem(400);
    Set<String> fields = errorFields(missing);
    for (String f : List.of("revision", "validFrom", "lines")) {
      assertTrue("error for " + f + " in " + missing, fields.contains(f));
    }

    JsonNode quantities =
        admin
            .post(
                BOMS,
                bomBody(p, plant, "1", "2026-01-01", null, line(c, 0), line(c, -1), line(c, 1)))
            .expectProblem(400);
    Set<String> qf = errorFields(quantities);
    assertTrue("zero quantity: " + quantities, qf.contains("lines[0].quantityPer"));
    assertTrue("negative quantity: " + quantities, qf.contains("lines[1].quantityPer"));
    assertFalse("line 2 is fine: " + quantities, qf.contains("lines[2].quantityPer"));

    JsonNode unknown =
        admin
            .post(
                BOMS,
                bomBody(
                    p,
                    plant,
                    "1",
                    "2026-01-01",
                    null,
                    line(c, 1),
                    line(ItSupport.JSON.valueToTree(999999999L), 1)))
            .expectProblem(400);
    assertError(unknown, "lines[1].componentMaterialId", "unknown_material");

    ObjectNode badView = bomBody(p, plant, "1", "2026-01-01", null, line(c, 1));
    badView.put("view", "NOPE");
    JsonNode view = admin.post(BOMS, badView).expectProblem(400);
    assertTrue("unknown view: " + view, errorFields(view).contains("view"));

    admin.send("POST", BOMS, "").expectProblem(400);
    admin.send("POST", BOMS, "{\"parentMaterialId\": ").expectProblem(400);

    assertEquals("nothing stored on 400", 0, bomCount(p));
    assertEquals("no audit row for refused BOMs", auditBefore, auditTotal());

    // A component used twice in one version is allowed; its requirements add up.
    JsonNode twice =
        bom(plant, p, "1", "2026-01-01", null, line(c, 1), line(c, 2, "operationRef", "OP-20"));
    assertEquals(2, twice.path("lines").size());
    assertSummarised("both lines count", explode(p, "date=2026-06-01"), expected(c, 3), null);
  }

  // ------------------------------------------------------------------ 6. scoping and roles

  @Test
  public void plantScopingAndRoles() {
    JsonNode plantA = createPlant(code("PSA"));
    JsonNode plantB = createPlant(code("PSB"));
    JsonNode ga = material(null, "SC-GA", "MANUFACTURED", "PCS");
    JsonNode gb = material(null, "SC-GB", "PURCHASED", "PCS");
    JsonNode gc = material(null, "SC-GC", "PURCHASED", "PCS");
    JsonNode a1 = material(plantA, "SC-A1", "MANUFACTURED", "PCS");
    JsonNode a2 = material(plantA, "SC-A2", "PURCHASED", "PCS");
    JsonNode a3 = material(plantA, "SC-A3", "MANUFACTURED", "PCS");
    JsonNode b1 = material(plantB, "SC-B1", "MANUFACTURED", "PCS");
    JsonNode b2 = material(plantB, "SC-B2", "PURCHASED", "PCS");

    String groupBom = id(bom(null, ga, "1", "2026-01-01", null, line(gb, 1)));
    String bomB = id(bom(plantB, b1, "1", "2026-01-01", null, line(b2, 1)));

    String suffix = code("").toLowerCase(Locale.ROOT);
    String plannerName = "it-bom-planner" + suffix;
    String viewerName = "it-bom-viewer" + suffix;
    createUser(plannerName, plantA, "PLANNER");
    createUser(viewerName, plantA, "VIEWER");
    Api planner = ItSupport.api().as(plannerName, "Pw-planner-123");
    Api viewer = ItSupport.api().as(viewerName, "Pw-viewer-123");

    // A planner of plant A: no group BOMs, plant A's BOMs with group or plant A components.
    JsonNode groupRefused =
        planner
            .post(BOMS, bomBody(gc, null, "1", "2026-01-01", null, line(gb, 1)))
            .expectProblem(403);
    assertNotNull(groupRefused);
    assertEquals("no group BOM by a planner", 0, bomCount(gc));
    JsonNode mine =
        planner
            .post(BOMS, bomBody(a1, plantA, "1", "2026-01-01", null, line(a2, 2), line(ga, 1)))
            .expect(201)
            .json();
    String bomA = id(mine);
    assertEquals(plantA.asText(), mine.path("plantId").asText());

    // A viewer of plant A may read but not write.
    viewer.post(BOMS, bomBody(a3, plantA, "1", "2026-01-01", null, line(a2, 1))).expectProblem(403);
    assertEquals("nothing stored by the viewer", 0, bomCount(a3));
    viewer.get(BOMS + "/" + bomA).expect(200);
    viewer.get(BOMS + "/" + groupBom).expect(200);

    // Components must be group-owned or of the BOM's plant.
    JsonNode invisible =
        planner
            .post(BOMS, bomBody(a3, plantA, "1", "2026-01-01", null, line(a2, 1), line(b2, 1)))
            .expectProblem(400);
    assertError(invisible, "lines[1].componentMaterialId", "unknown_material");
    JsonNode foreign =
        admin
            .post(BOMS, bomBody(a3, plantA, "1", "2026-01-01", null, line(b2, 1)))
            .expectProblem(400);
    assertTrue(
        "plant B component in a plant A BOM: " + foreign,
        errorFields(foreign).contains("lines[0].componentMaterialId"));
    JsonNode groupWithPlantPart =
        admin
            .post(BOMS, bomBody(gc, null, "1", "2026-01-01", null, line(a2, 1)))
            .expectProblem(400);
    assertTrue(
        "plant A component in a group BOM: " + groupWithPlantPart,
        errorFields(groupWithPlantPart).contains("lines[0].componentMaterialId"));
    assertEquals("nothing stored for A3", 0, bomCount(a3));
    assertEquals("nothing stored for GC", 0, bomCount(gc));

    // Plant B does not exist for plant A's users.
    for (Api user : List.of(planner, viewer)) {
      user.get(BOMS + "/" + bomB).expectProblem(404);
      user.get(BOMS + "?plantId=" + plantB.asText()).expectProblem(404);
      user.get("/materials/" + b1.asText() + "/explosion?date=2026-06-01").expectProblem(404);
      user.get("/materials/" + b2.asText() + "/where-used?date=2026-06-01").expectProblem(404);
      user.get("/materials/" + ga.asText() + "/explosion?plantId=" + plantB.asText())
          .expectProblem(404);
      JsonNode seen = user.get(BOMS + "?limit=500").expect(200).json();
      Set<String> ids = fieldValues(seen, "id");
      assertTrue("own plant's BOM listed: " + seen, ids.contains(bomA));
      assertTrue("group BOM listed: " + seen, ids.contains(groupBom));
      assertFalse("plant B's BOM hidden: " + seen, ids.contains(bomB));
      Set<String> owners = fieldValues(seen, "plantId");
      owners.remove(null);
      assertEquals("only plant A and group BOMs: " + seen, Set.of(plantA.asText()), owners);
    }
    Response other = planner.post(BOMS, bomBody(b2, plantB, "1", "2026-01-01", null, line(gc, 1)));
    assertTrue(
        "a BOM in plant B by plant A's planner is refused: " + other.status() + " " + other.body(),
        other.status() == 404 || other.status() == 403);
    assertEquals("nothing stored in plant B", 0, bomCount(b2));
    long versionB = admin.get(BOMS + "/" + bomB).expect(200).json().path("version").asLong();
    planner.delete(BOMS + "/" + bomB + "?version=" + versionB).expect(404);
    admin.get(BOMS + "/" + bomB).expect(200);
    long versionG = admin.get(BOMS + "/" + groupBom).expect(200).json().path("version").asLong();
    planner.delete(BOMS + "/" + groupBom + "?version=" + versionG).expect(403);
    admin.get(BOMS + "/" + groupBom).expect(200);

    // Plant A's explosion uses plant A's and the group's BOMs.
    assertSummarised(
        "A1 by the planner",
        planner.get("/materials/" + a1.asText() + "/explosion?date=2026-06-01").expect(200).json(),
        expected(a2, 2, ga, 1, gb, 1),
        null);
    assertSummarised(
        "A1 by the viewer",
        viewer.get("/materials/" + a1.asText() + "/explosion?date=2026-06-01").expect(200).json(),
        expected(a2, 2, ga, 1, gb, 1),
        null);
    JsonNode used =
        planner
            .get(
                "/materials/"
                    + gb.asText()
                    + "/where-used?date=2026-06-01&plantId="
                    + plantA.asText())
            .expect(200)
            .json();
    assertEquals(
        "GB where used in plant A: " + used,
        Map.of(ga.asText(), 1, a1.asText(), 2),
        whereUsed(used));
  }

  // ------------------------------------------------------------------ 7. audit

  @Test
  public void bomCreationIsAudited() {
    JsonNode plant = createPlant(code("PAU"));
    JsonNode p = material(plant, "AU-P", "MANUFACTURED", "PCS");
    JsonNode c = material(plant, "AU-1", "PURCHASED", "PCS");
    String bomId = id(bom(plant, p, "1", "2026-01-01", null, line(c, 1)));

    JsonNode audit = admin.get("/audit?entity=Bom&entityId=" + bomId).expect(200).json();
    assertEquals("one row for the new BOM: " + audit, 1, audit.path("total").asInt());
    JsonNode row = audit.path("items").get(0);
    assertEquals("Bom", row.path("entity").asText());
    assertEquals(bomId, row.path("entityId").asText());
    assertEquals("CREATE", row.path("action").asText());
    assertEquals("audited user: " + row, "admin", row.path("username").asText());
    assertEquals("audited plant: " + row, plant.asText(), row.path("plantId").asText());

    int before = auditTotal();
    admin.post(BOMS, bomBody(c, plant, "1", "2026-01-01", null, line(p, 1))).expectProblem(400);
    assertEquals("no audit row for a refused BOM", before, auditTotal());
  }

  /** As materials are, a deleted BOM is audited (platform convention, not only on creation). */
  @Test
  public void bomDeletionIsAudited() {
    JsonNode plant = createPlant(code("PAD"));
    JsonNode p = material(plant, "AD-P", "MANUFACTURED", "PCS");
    JsonNode c = material(plant, "AD-1", "PURCHASED", "PCS");
    JsonNode bom = bom(plant, p, "1", "2026-01-01", null, line(c, 1));
    admin.delete(BOMS + "/" + id(bom) + "?version=" + bom.path("version").asLong()).expect(204);
    JsonNode audit = admin.get("/audit?entity=Bom&entityId=" + id(bom)).expect(200).json();
    Set<String> actions = new HashSet<>();
    audit.path("items").forEach(r -> actions.add(r.path("action").asText()));
    assertEquals("create and delete audited: " + audit, Set.of("CREATE", "DELETE"), actions);
  }

  // ------------------------------------------------------------------ 8. delete

  @Test
  public void deletedBomIsNoLongerExploded() {
    JsonNode plant = createPlant(code("PDL"));
    JsonNode top = material(plant, "DL-T", "MANUFACTURED", "PCS");
    JsonNode p = material(plant, "DL-P", "MANUFACTURED", "PCS");
    JsonNode y = material(plant, "DL-Y", "PURCHASED", "PCS");
    JsonNode z = material(plant, "DL-Z", "PURCHASED", "PCS");
    bom(plant, top, "1", "2026-01-01", null, line(p, 2));
    JsonNode bom = bom(plant, p, "1", "2026-01-01", null, line(y, 3));
    String bomId = id(bom);
    long version = bom.path("version").asLong();

    // Explode first, so that anything the product caches is in use when the BOM goes.
    assertSummarised(
        "before the delete", explode(top, "date=2026-06-01"), expected(p, 2, y, 6), null);
    assertEquals(
        Map.of(p.asText(), 1, top.asText(), 2),
        whereUsed(
            admin
                .get("/materials/" + y.asText() + "/where-used?date=2026-06-01")
                .expect(200)
                .json()));

    Response stale = admin.delete(BOMS + "/" + bomId + "?version=" + (version + 1));
    assertTrue(
        "a wrong version is refused: " + stale.status() + " " + stale.body(),
        stale.status() >= 400 && stale.status() < 500);
    admin.get(BOMS + "/" + bomId).expect(200);

    admin.delete(BOMS + "/" + bomId + "?version=" + version).expect(204);
    admin.get(BOMS + "/" + bomId).expectProblem(404);
    assertEquals("P has no BOM", 0, bomCount(p));
    assertSummarised("after the delete", explode(top, "date=2026-06-01"), expected(p, 2), null);
    JsonNode pAlone = explode(p, "date=2026-06-01");
    assertEquals("P explodes to nothing: " + pAlone, 0, pAlone.path("items").size());
    assertEquals(
        "Y no longer used",
        Map.of(),
        whereUsed(
            admin
                .get("/materials/" + y.asText() + "/where-used?date=2026-06-01")
                .expect(200)
                .json()));
    admin.delete(BOMS + "/" + bomId + "?version=" + version).expectProblem(404);

    // The window is free again.
    bom(plant, p, "2", "2026-01-01", null, line(z, 1));
    assertSummarised(
        "with the new version", explode(top, "date=2026-06-01"), expected(p, 2, z, 2), null);
  }

  // ------------------------------------------------------------------ query parameters

  @Test
  public void explosionAndWhereUsedQueriesAreValidated() {
    JsonNode plant = createPlant(code("PQV"));
    JsonNode p = material(plant, "QV-P", "MANUFACTURED", "PCS");
    String ex = "/materials/" + p.asText() + "/explosion?";
    String wu = "/materials/" + p.asText() + "/where-used?";
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put(ex + "date=2026-13-01", "date");
    bad.put(ex + "view=NOPE", "view");
    bad.put(ex + "mode=flat", "mode");
    bad.put(ex + "quantity=0", "quantity");
    bad.put(ex + "quantity=-2", "quantity");
    bad.put(wu + "levels=some", "levels");
    bad.put(wu + "date=tomorrow", "date");
    bad.put(wu + "view=NOPE", "view");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      JsonNode problem = admin.get(e.getKey()).expectProblem(400);
      assertTrue(
          e.getKey() + " names " + e.getValue() + ": " + problem,
          errorFields(problem).contains(e.getValue()));
    }
    admin.get("/materials/999999999/explosion").expectProblem(404);
    admin.get("/materials/999999999/where-used").expectProblem(404);
    admin.get(BOMS + "?view=NOPE").expectProblem(400);
  }

  // ------------------------------------------------------------------ concurrency

  /**
   * Versions of one parent posted at once: exactly one of a set of overlapping versions is stored,
   * and explosions running meanwhile and afterwards see the stored structure (never a stale one).
   * Whatever is stored is deleted at the end, so that a failure here cannot break other tests.
   */
  @Test
  public void concurrentVersionsNeverOverlap() throws Exception {
    JsonNode plant = createPlant(code("PCO"));
    JsonNode p = material(plant, "CO-P", "MANUFACTURED", "PCS");
    int contenders = 8;
    List<JsonNode> parts = new ArrayList<>();
    List<ObjectNode> bodies = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      JsonNode part = material(plant, "CO-" + i, "PURCHASED", "PCS");
      parts.add(part);
      bodies.add(bomBody(p, plant, "R" + i, "2026-01-01", null, line(part, i + 1)));
    }
    explode(p, "date=2026-06-01"); // the plant's engine is cached before the race
    try {
      Race race = race(bodies, p);
      int created = 0;
      List<String> unexpected = new ArrayList<>();
      for (Response r : race.answers()) {
        if (r.status() == 201) {
          created++;
        } else if (r.status() != 400 || !r.body().contains("overlap")) {
          unexpected.add(r.status() + " " + r.body());
        }
      }
      int stored = bomCount(p);
      Response after = admin.get("/materials/" + p.asText() + "/explosion?date=2026-06-01");
      Response group = unrelatedGroupBom();
      String evidence =
          created
              + " of "
              + contenders
              + " overlapping versions created, "
              + stored
              + " stored; other answers "
              + unexpected
              + "; explosion afterwards "
              + after.status()
              + " "
              + after.body()
              + "; explosions during the race not 200: "
              + race.badReads()
              + "; an unrelated group BOM afterwards "
              + group.status()
              + " "
              + group.body();
      assertTrue(evidence, unexpected.isEmpty());
      assertEquals(evidence, 1, stored);
      assertEquals(evidence, 1, created);
      assertEquals(evidence, 200, after.status());
      assertTrue(evidence, race.badReads().isEmpty());
      assertEquals(evidence, 201, group.status());

      JsonNode version =
          admin
              .get(BOMS + "?parentMaterialId=" + p.asText())
              .expect(200)
              .json()
              .path("items")
              .get(0);
      JsonNode winner = version.path("lines").get(0).path("componentMaterialId");
      int index = -1;
      for (int i = 0; i < contenders; i++) {
        if (parts.get(i).asText().equals(winner.asText())) {
          index = i;
        }
      }
      assertTrue("the stored line is one of the contenders: " + version, index >= 0);
      assertSummarised("after the race", after.json(), expected(winner, index + 1), null);
    } finally {
      deleteBomsOf(List.of(p));
    }
  }

  /**
   * BOMs that close a cycle between them, posted at once: at most one of each pair is stored, and
   * the plant's other products still explode. Deletes what it stored (see above).
   */
  @Test
  public void concurrentBomsNeverCloseACycle() throws Exception {
    JsonNode plant = createPlant(code("PCR"));
    JsonNode u = material(plant, "CR-U", "MANUFACTURED", "PCS");
    JsonNode v = material(plant, "CR-V", "PURCHASED", "PCS");
    bom(plant, u, "1", "2026-01-01", null, line(v, 2));
    int pairs = 5;
    List<JsonNode> parents = new ArrayList<>();
    List<ObjectNode> bodies = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      JsonNode x = material(plant, "CR-X" + i, "MANUFACTURED", "PCS");
      JsonNode y = material(plant, "CR-Y" + i, "MANUFACTURED", "PCS");
      parents.add(x);
      parents.add(y);
      bodies.add(bomBody(x, plant, "1", "2026-01-01", null, line(y, 1)));
      bodies.add(bomBody(y, plant, "1", "2026-01-01", null, line(x, 1)));
    }
    explode(u, "date=2026-06-01");
    try {
      Race race = race(bodies, u);
      List<String> unexpected = new ArrayList<>();
      for (Response r : race.answers()) {
        if (r.status() != 201 && (r.status() != 400 || !r.body().contains("cycle"))) {
          unexpected.add(r.status() + " " + r.body());
        }
      }
      List<Integer> bothStored = new ArrayList<>();
      List<Integer> noneStored = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        int stored = bomCount(parents.get(2 * i)) + bomCount(parents.get(2 * i + 1));
        if (stored == 2) {
          bothStored.add(i);
        } else if (stored == 0) {
          noneStored.add(i);
        }
      }
      Response after = admin.get("/materials/" + u.asText() + "/explosion?date=2026-06-01");
      Response group = unrelatedGroupBom();
      String evidence =
          "pairs with both X uses Y and Y uses X stored "
              + bothStored
              + ", with neither "
              + noneStored
              + " (of "
              + pairs
              + "); other answers "
              + unexpected
              + "; explosion of an unrelated product of the plant afterwards "
              + after.status()
              + " "
              + after.body()
              + "; explosions of it during the race not 200: "
              + race.badReads()
              + "; an unrelated group BOM afterwards "
              + group.status()
              + " "
              + group.body();
      assertTrue(evidence, unexpected.isEmpty());
      assertTrue(evidence, bothStored.isEmpty() && noneStored.isEmpty());
      assertEquals(evidence, 200, after.status());
      assertTrue(evidence, race.badReads().isEmpty());
      assertEquals(evidence, 201, group.status());
      assertSummarised("U after the race", after.json(), expected(v, 2), null);
    } finally {
      deleteBomsOf(parents);
    }
  }

  /** Posts a group BOM of two new group materials: unrelated to anything else, it must pass. */
  private Response unrelatedGroupBom() {
    JsonNode g = material(null, "UG-P", "MANUFACTURED", "PCS");
    JsonNode h = material(null, "UG-1", "PURCHASED", "PCS");
    return admin.post(BOMS, bomBody(g, null, "1", "2026-01-01", null, line(h, 1)));
  }

  /** Deletes every stored BOM version of the parents (cleanup after the races). */
  private void deleteBomsOf(List<JsonNode> parents) {
    for (JsonNode parent : parents) {
      JsonNode list =
          admin
              .get(BOMS + "?parentMaterialId=" + parent.asText() + "&limit=500")
              .expect(200)
              .json();
      for (JsonNode b : list.path("items")) {
        admin.delete(BOMS + "/" + id(b) + "?version=" + b.path("version").asLong()).expect(204);
      }
    }
  }

  private record Race(List<Response> answers, List<String> badReads) {}

  /**
   * Posts the bodies at once (a 409 write conflict is retried, as a client would) while two threads
   * keep exploding {@code watched}; returns the answers in the order of the bodies and the
   * explosions meanwhile that did not answer 200.
   */
  private Race race(List<ObjectNode> bodies, JsonNode watched) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(bodies.size() + 2);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<Response>> writes = new ArrayList<>();
    List<Future<List<String>>> reads = new ArrayList<>();
    try {
      for (ObjectNode body : bodies) {
        writes.add(
            pool.submit(
                () -> {
                  start.await();
                  Response r = admin.post(BOMS, body);
                  for (int attempt = 1; r.status() == 409 && attempt <= 20; attempt++) {
                    ItSupport.sleep(10L * attempt);
                    r = admin.post(BOMS, body);
                  }
                  return r;
                }));
      }
      for (int t = 0; t < 2; t++) {
        reads.add(
            pool.submit(
                () -> {
                  start.await();
                  List<String> bad = new ArrayList<>();
                  while (writing.get()) {
                    Response r =
                        admin.get("/materials/" + watched.asText() + "/explosion?date=2026-06-01");
                    if (r.status() != 200) {
                      bad.add(r.status() + " " + r.body());
                    }
                  }
                  return bad;
                }));
      }
      start.countDown();
      List<Response> answers = new ArrayList<>();
      for (Future<Response> f : writes) {
        answers.add(f.get(2, TimeUnit.MINUTES));
      }
      writing.set(false);
      List<String> badReads = new ArrayList<>();
      for (Future<List<String>> f : reads) {
        badReads.addAll(f.get(2, TimeUnit.MINUTES));
      }
      return new Race(answers, badReads);
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ helpers: fixtures

  /** The hand-worked example: A over B, C (rev 1) or B, F (rev 2); F holds the phantom kit K. */
  protected record Example(
      JsonNode plant,
      JsonNode a,
      JsonNode b,
      JsonNode c,
      JsonNode d,
      JsonNode e,
      JsonNode f,
      JsonNode k) {}

  protected Example example(String tag) {
    JsonNode plant = createPlant(code("P" + tag));
    JsonNode a = material(plant, tag + "-A", "MANUFACTURED", "PCS");
    JsonNode b = material(plant, tag + "-B", "MANUFACTURED", "PCS");
    JsonNode c = material(plant, tag + "-C", "MANUFACTURED", "PCS");
    JsonNode d = material(plant, tag + "-D", "PURCHASED", "PCS");
    JsonNode e = material(plant, tag + "-E", "PURCHASED", "PCS");
    JsonNode f = material(plant, tag + "-F", "MANUFACTURED", "PCS");
    JsonNode k = material(plant, tag + "-K", "PHANTOM", "PCS");
    bom(plant, a, "1", "2020-01-01", "2027-01-01", line(b, 2), line(c, 1));
    bom(plant, a, "2", "2027-01-01", null, line(b, 2), line(f, 1));
    bom(plant, b, "1", "2020-01-01", null, line(d, 1), line(e, 2, "scrapPercent", 10));
    bom(plant, c, "1", "2020-01-01", null, line(e, 3));
    bom(plant, f, "1", "2020-01-01", null, line(e, 1), line(k, 1, "phantom", true));
    bom(plant, k, "1", "2020-01-01", null, line(d, 4));
    return new Example(plant, a, b, c, d, e, f, k);
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

  /** A material of the plant (null: group-owned); returns its id. */
  protected JsonNode material(JsonNode plantId, String tag, String type, String unit) {
    ObjectNode body =
        obj("code", code("M" + tag), "name", "物料 " + tag, "type", type, "baseUnit", unit);
    if (plantId != null) {
      body.set("plantId", plantId);
    }
    JsonNode m = admin.post("/materials", body).expect(201).json();
    return m.get("id");
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
    // The new user must be able to log in before the BOM checks mean anything; a failure here is
    // a user-management fault, not a BOM one, so say so.
    Api user = ItSupport.api().as(username, password);
    Response me = user.get("/me");
    for (int i = 0; i < 20 && me.status() != 200; i++) {
      ItSupport.sleep(500);
      me = user.get("/me");
    }
    assertEquals(
        "user "
            + username
            + " just created through POST /users cannot log in (user management, not BOM): "
            + me.body(),
        200,
        me.status());
  }

  // ------------------------------------------------------------------ comparing versions

  @Test
  public void twoVersionsCompareByComponent() {
    JsonNode plant = createPlant(code("PCMP"));
    JsonNode parent = material(plant, "CMP-P", "MANUFACTURED", "PCS");
    JsonNode kept = material(plant, "CMP-K", "PURCHASED", "PCS");
    JsonNode dropped = material(plant, "CMP-D", "PURCHASED", "PCS");
    JsonNode added = material(plant, "CMP-A", "PURCHASED", "PCS");
    JsonNode v1 =
        bom(plant, parent, "1", "2020-01-01", "2027-01-01", line(kept, 2), line(dropped, 1));
    JsonNode v2 = bom(plant, parent, "2", "2027-01-01", null, line(kept, 3), line(added, 1));
    JsonNode diff = admin.get(BOMS + "/" + id(v1) + "/compare/" + id(v2)).expect(200).json();
    Map<String, String> changes = new HashMap<>();
    diff.forEach(
        d -> changes.put(d.path("componentMaterialId").asText(), d.path("change").asText()));
    assertEquals(
        "differences: " + diff,
        Map.of(kept.asText(), "CHANGED", dropped.asText(), "REMOVED", added.asText(), "ADDED"),
        changes);
    for (JsonNode d : diff) {
      if (d.path("change").asText().equals("CHANGED")) {
        assertNear("quantity before", 2, d.path("quantityBefore"));
        assertNear("quantity after", 3, d.path("quantityAfter"));
      }
    }
    assertEquals(
        0, admin.get(BOMS + "/" + id(v1) + "/compare/" + id(v1)).expect(200).json().size());
  }

  // ------------------------------------------------------------------ co- and by-products

  @Test
  public void coAndByProductsCarryCostShares() {
    JsonNode plant = createPlant(code("PCO2"));
    JsonNode p = material(plant, "CP-P", "MANUFACTURED", "PCS");
    JsonNode c = material(plant, "CP-C", "PURCHASED", "KG");
    JsonNode co = material(plant, "CP-CO", "MANUFACTURED", "PCS");
    JsonNode by = material(plant, "CP-BY", "MANUFACTURED", "KG");
    int auditBefore = auditTotal();

    // Co-product 30 %, by-product 0 %: the parent carries 100 - 30 = 70 %.
    ObjectNode body = bomBody(p, plant, "1", "2026-01-01", null, line(c, 2));
    body.putArray("outputs")
        .add(
            obj("materialId", co, "quantityPer", 0.5, "kind", "CO_PRODUCT", "costSharePercent", 30))
        .add(obj("materialId", by, "quantityPer", 0.25, "kind", "BY_PRODUCT"));
    JsonNode bom = admin.post(BOMS, body).expect(201).json();
    assertEquals("one audit row for the create", auditBefore + 1, auditTotal());
    JsonNode read = admin.get(BOMS + "/" + id(bom)).expect(200).json();
    JsonNode outputs = read.path("outputs");
    assertEquals("two outputs: " + read, 2, outputs.size());
    assertEquals(co.asText(), outputs.get(0).path("materialId").asText());
    assertEquals("CO_PRODUCT", outputs.get(0).path("kind").asText());
    assertNear("co-product share", 30, outputs.get(0).path("costSharePercent"));
    assertNear("co-product quantity", 0.5, outputs.get(0).path("quantityPer"));
    assertEquals("BY_PRODUCT", outputs.get(1).path("kind").asText());
    assertNear("by-product share", 0, outputs.get(1).path("costSharePercent"));
    assertEquals("KG", outputs.get(1).path("unit").asText());
    assertNear("parent share 100 - 30", 70, read.path("parentCostSharePercent"));

    // Shares 60 + 40 = 100 (not under 100), the parent and a component as outputs, a by-product
    // with a share, an unknown kind: every field listed, nothing stored, no audit row.
    JsonNode q = material(plant, "CP-Q", "MANUFACTURED", "PCS");
    ObjectNode bad = bomBody(q, plant, "1", "2026-01-01", null, line(c, 1));
    bad.putArray("outputs")
        .add(obj("materialId", co, "quantityPer", 1, "kind", "CO_PRODUCT", "costSharePercent", 60))
        .add(obj("materialId", by, "quantityPer", 1, "kind", "CO_PRODUCT", "costSharePercent", 40))
        .add(obj("materialId", q, "quantityPer", 1, "kind", "BY_PRODUCT", "costSharePercent", 5))
        .add(obj("materialId", c, "quantityPer", 0, "kind", "SIDE"));
    JsonNode problem = admin.post(BOMS, bad).expectProblem(400);
    assertError(problem, "outputs", "share_total");
    assertError(problem, "outputs[2].materialId", "is_parent");
    assertError(problem, "outputs[2].costSharePercent", "by_product_share");
    assertError(problem, "outputs[3].materialId", "is_component");
    assertError(problem, "outputs[3].quantityPer", "not_positive");
    assertError(problem, "outputs[3].kind", "invalid_value");
    assertEquals("nothing stored for Q", 0, bomCount(q));
    assertEquals("no audit row for the refusal", auditBefore + 1, auditTotal());
  }

  // ------------------------------------------------------------------ where-used across plants

  @Test
  public void whereUsedOfAGroupMaterialSpansThePlantsTheCallerReads() {
    JsonNode plantA = createPlant(code("WUA"));
    JsonNode plantB = createPlant(code("WUB"));
    JsonNode g = material(null, "WU-G", "PURCHASED", "PCS");
    JsonNode groupParent = material(null, "WU-GP", "MANUFACTURED", "PCS");
    JsonNode a = material(plantA, "WU-A", "MANUFACTURED", "PCS");
    JsonNode b = material(plantB, "WU-B", "MANUFACTURED", "PCS");
    bom(null, groupParent, "A", "2026-01-01", null, line(g, 1));
    bom(plantA, a, "A", "2026-01-01", null, line(groupParent, 2));
    bom(plantB, b, "A", "2026-01-01", null, line(g, 3));
    // No plant given: the group's BOMs and every readable plant's. G is in GP (level 1) everywhere,
    // in B's own BOM (level 1) and, through GP, in A's (level 2).
    String path = "/materials/" + g.asText() + "/where-used?date=2026-06-01&levels=all";
    assertEquals(
        Map.of(groupParent.asText(), 1, a.asText(), 2, b.asText(), 1),
        whereUsed(admin.get(path).expect(200).json()));
    // A planner of plant A sees the group's and plant A's uses only.
    String user = "wu-" + code("U").toLowerCase(Locale.ROOT);
    createUser(user, plantA, "PLANNER");
    assertEquals(
        Map.of(groupParent.asText(), 1, a.asText(), 2),
        whereUsed(ItSupport.api().as(user, "Pw-planner-123").get(path).expect(200).json()));
  }

  // ------------------------------------------------------------------ serial effectivity

  @Test
  public void serialRangesChooseTheVersion() {
    JsonNode plant = createPlant(code("PSN"));
    JsonNode p = material(plant, "SN-P", "MANUFACTURED", "PCS");
    JsonNode x = material(plant, "SN-X", "PURCHASED", "PCS");
    JsonNode y = material(plant, "SN-Y", "PURCHASED", "PCS");
    ObjectNode low = bomBody(p, plant, "1", "2026-01-01", null, line(x, 3));
    low.put("serialFrom", "1").put("serialTo", "999");
    JsonNode v1 = admin.post(BOMS, low).expect(201).json();
    assertEquals("999", v1.path("serialTo").asText());
    ObjectNode high = bomBody(p, plant, "2", "2026-01-01", null, line(x, 1), line(y, 1));
    high.put("serialFrom", "1000");
    admin.post(BOMS, high).expect(201);

    // 5 P, serial 0999 (= 999): rev 1, X 5 * 3 = 15. Serial 1000: rev 2, X 5 and Y 5.
    assertSummarised(
        "serial 0999", explode(p, "quantity=5&date=2026-06-01&serial=0999"), expected(x, 15), null);
    JsonNode s1000 = explode(p, "quantity=5&date=2026-06-01&serial=1000");
    assertEquals("1000", s1000.path("serial").asText());
    assertSummarised("serial 1000", s1000, expected(x, 5, y, 5), null);
    JsonNode none = explode(p, "quantity=5&date=2026-06-01");
    assertEquals(
        "no serial: only unranged versions, none here: " + none, 0, none.path("items").size());
    String wu = "/materials/" + y.asText() + "/where-used?date=2026-06-01";
    assertEquals(
        Map.of(p.asText(), 1), whereUsed(admin.get(wu + "&serial=1500").expect(200).json()));
    assertEquals(Map.of(), whereUsed(admin.get(wu + "&serial=15").expect(200).json()));
    assertEquals(Map.of(), whereUsed(admin.get(wu).expect(200).json()));

    // Serial 999 again in the same window: overlap.
    ObjectNode clash = bomBody(p, plant, "3", "2026-03-01", null, line(y, 1));
    clash.put("serialFrom", "999").put("serialTo", "999");
    assertError(admin.post(BOMS, clash).expectProblem(400), "validFrom", "overlap");
    // An unranged version is the default under the ranged ones (a serial breakpoint): without a
    // serial, or for serials no range holds, it applies: 5 P need 5 Y; serial 0999 keeps rev 1.
    admin.post(BOMS, bomBody(p, plant, "4", "2026-03-01", null, line(y, 1))).expect(201);
    assertSummarised(
        "no serial: the default", explode(p, "quantity=5&date=2026-06-01"), expected(y, 5), null);
    assertSummarised(
        "serial 0999: still rev 1",
        explode(p, "quantity=5&date=2026-06-01&serial=0999"),
        expected(x, 15),
        null);
    // A second unranged version in the same window clashes with the first.
    assertError(
        admin.post(BOMS, bomBody(p, plant, "6", "2026-04-01", null, line(x, 1))).expectProblem(400),
        "validFrom",
        "overlap");
    ObjectNode reversed = bomBody(p, plant, "5", "2030-01-01", null, line(y, 1));
    reversed.put("serialFrom", "20").put("serialTo", "3");
    assertError(admin.post(BOMS, reversed).expectProblem(400), "serialTo", "before_start");
    assertEquals("three versions stored", 3, bomCount(p));
    assertTrue(
        "a bad serial is named",
        errorFields(
                admin
                    .get("/materials/" + p.asText() + "/explosion?serial=a%20b")
                    .expectProblem(400))
            .contains("serial"));
  }

  // ------------------------------------------------------------------ group BOM allocation

  @Test
  public void groupBomsAllocatedToPlants() {
    JsonNode plantA = createPlant(code("PAL"));
    JsonNode plantB = createPlant(code("PBL"));
    JsonNode g = material(null, "AL-G", "MANUFACTURED", "PCS");
    JsonNode h = material(null, "AL-H", "PURCHASED", "PCS");
    int auditBefore = auditTotal();
    ObjectNode body = bomBody(g, null, "1", "2026-01-01", null, line(h, 2));
    body.putArray("allocatedPlantIds").add(plantA);
    JsonNode bom = admin.post(BOMS, body).expect(201).json();
    assertEquals(
        "allocated to plant A: " + bom,
        List.of(plantA.asText()),
        List.of(bom.path("allocatedPlantIds").get(0).asText()));
    String ex = "/materials/" + g.asText() + "/explosion?date=2026-06-01&plantId=";
    assertSummarised(
        "plant A", admin.get(ex + plantA.asText()).expect(200).json(), expected(h, 2), null);
    assertEquals(0, admin.get(ex + plantB.asText()).expect(200).json().path("items").size());
    assertEquals(
        "the group's own set holds unallocated BOMs only",
        0,
        explode(g, "date=2026-06-01").path("items").size());

    // Re-allocate to plant B: one audit row, a new version.
    long version = bom.path("version").asLong();
    String allocation = BOMS + "/" + id(bom) + "/allocation";
    JsonNode moved =
        admin
            .put(allocation, obj("plantIds", List.of(plantB), "version", version))
            .expect(200)
            .json();
    assertTrue("version bumped: " + moved, moved.path("version").asLong() > version);
    assertEquals(auditBefore + 2, auditTotal());
    assertEquals(0, admin.get(ex + plantA.asText()).expect(200).json().path("items").size());
    assertSummarised(
        "plant B", admin.get(ex + plantB.asText()).expect(200).json(), expected(h, 2), null);

    // Stale version, unknown plant, a plant BOM, a planner: refused; nothing changes.
    Response stale = admin.put(allocation, obj("plantIds", List.of(plantA), "version", version));
    assertEquals("stale version: " + stale.body(), 409, stale.status());
    JsonNode unknown =
        admin
            .put(
                allocation,
                obj(
                    "plantIds",
                    List.of(ItSupport.JSON.valueToTree(999999999L)),
                    "version",
                    moved.path("version").asLong()))
            .expectProblem(400);
    assertError(unknown, "plantIds[0]", "unknown_plant");
    ObjectNode badCreate = bomBody(h, null, "1", "2026-01-01", null, line(g, 1));
    badCreate.putArray("allocatedPlantIds").add(999999999L);
    badCreate.put("revision", "");
    JsonNode refused = admin.post(BOMS, badCreate).expectProblem(400);
    assertError(refused, "allocatedPlantIds[0]", "unknown_plant");
    assertError(refused, "revision", "required");
    assertEquals(0, bomCount(h));
    String plannerName = "it-alloc-planner" + code("").toLowerCase(Locale.ROOT);
    createUser(plannerName, plantB, "PLANNER");
    Api planner = ItSupport.api().as(plannerName, "Pw-planner-123");
    planner
        .put(allocation, obj("plantIds", List.of(), "version", moved.path("version").asLong()))
        .expectProblem(403);
    assertEquals("no audit row for the refusals", auditBefore + 2, auditTotal());
    JsonNode after = admin.get(BOMS + "/" + id(bom)).expect(200).json();
    assertEquals(moved.path("version").asLong(), after.path("version").asLong());
    assertEquals(plantB.asText(), after.path("allocatedPlantIds").get(0).asText());
  }

  // ------------------------------------------------------------------ substitutions

  private static final String GROUPS = "/substitution-groups";

  private static ObjectNode part(JsonNode materialId, Object quantity) {
    return obj("materialId", materialId, "quantity", quantity);
  }

  private static ObjectNode substitute(int priority, ObjectNode... parts) {
    ObjectNode s = obj("priority", priority);
    ArrayNode array = s.putArray("parts");
    for (ObjectNode p : parts) {
      array.add(p);
    }
    return s;
  }

  private static ObjectNode groupBody(
      JsonNode plant, JsonNode parent, String strategy, ObjectNode primary, ObjectNode... subs) {
    ObjectNode body = obj("strategy", strategy);
    if (plant != null) {
      body.set("plantId", plant);
    }
    if (parent != null) {
      body.set("parentMaterialId", parent);
    }
    body.putArray("primary").add(primary);
    ArrayNode array = body.putArray("substitutes");
    for (ObjectNode s : subs) {
      array.add(s);
    }
    return body;
  }

  private int groupAuditTotal() {
    return admin
        .get("/audit?entity=SubstitutionGroup&limit=1")
        .expect(200)
        .json()
        .path("total")
        .asInt();
  }

  @Test
  public void substitutionGroupsOfferOrderedOptions() {
    JsonNode plant = createPlant(code("PSU"));
    JsonNode p = material(plant, "SB-P", "MANUFACTURED", "PCS");
    JsonNode a = material(plant, "SB-A", "PURCHASED", "PCS");
    JsonNode s1 = material(plant, "SB-S1", "PURCHASED", "PCS");
    JsonNode s2 = material(plant, "SB-S2", "PURCHASED", "PCS");
    bom(plant, p, "1", "2020-01-01", null, line(a, 2));
    int auditBefore = groupAuditTotal();

    // Primary 2 A per set; substitutes 1 S1 (priority 1) and 3 S2 (priority 2).
    JsonNode group =
        admin
            .post(
                GROUPS,
                groupBody(
                    plant,
                    p,
                    "PRIORITY",
                    part(a, 2),
                    substitute(2, part(s2, 3)),
                    substitute(1, part(s1, 1))))
            .expect(201)
            .json();
    assertEquals(auditBefore + 1, groupAuditTotal());
    admin.get(GROUPS + "/" + id(group)).expect(200);

    // 10 A inside P: 10 / 2 = 5 sets. Options: A 10, then S1 5 * 1 = 5, then S2 5 * 3 = 15.
    String q =
        "/materials/"
            + a.asText()
            + "/substitutes?quantity=10&date=2026-06-01&plantId="
            + plant.asText()
            + "&parentId=";
    JsonNode options = admin.get(q + p.asText()).expect(200).json().path("options");
    assertEquals("three options: " + options, 3, options.size());
    assertTrue(options.get(0).path("primary").asBoolean());
    assertNear("sets", 5, options.get(0).path("sets"));
    assertNear("A", 10, options.get(0).path("parts").get(0).path("quantity"));
    assertEquals(s1.asText(), options.get(1).path("parts").get(0).path("materialId").asText());
    assertNear("S1", 5, options.get(1).path("parts").get(0).path("quantity"));
    assertEquals(s2.asText(), options.get(2).path("parts").get(0).path("materialId").asText());
    assertNear("S2", 15, options.get(2).path("parts").get(0).path("quantity"));
    // Outside P the group does not apply: the primary alone.
    JsonNode alone = admin.get(q.replace("&parentId=", "")).expect(200).json().path("options");
    assertEquals("no group outside P: " + alone, 1, alone.size());
    assertEquals(0, alone.get(0).path("groupId").asInt());

    // The summarised explosion of P flags A with the group.
    JsonNode explosion =
        admin
            .get(
                "/materials/"
                    + p.asText()
                    + "/explosion?date=2026-06-01&quantity=5&plantId="
                    + plant.asText())
            .expect(200)
            .json();
    JsonNode item = explosion.path("items").get(0);
    assertNear("A for 5 P", 10, item.path("quantity"));
    assertEquals(
        "alternatives of A: " + item, id(group), item.path("alternatives").get(0).asText());
    // The console lists the same options in the same order.
    String aCode = admin.get("/materials/" + a.asText()).expect(200).json().path("code").asText();
    String pCode = admin.get("/materials/" + p.asText()).expect(200).json().path("code").asText();
    String s1Code = admin.get("/materials/" + s1.asText()).expect(200).json().path("code").asText();
    String console =
        ItSupport.executeCommand(
            sessionFactory, "mom:substitutes -q 10 -d 2026-06-01 -p " + pCode + " " + aCode);
    assertTrue(console, console.contains(s1Code + " × 5"));
    assertTrue(
        "primary first, then S1: " + console,
        console.indexOf(aCode + " × 10") < console.indexOf(s1Code + " × 5"));

    // Listed by component and plant; deleted with its version, one audit row each.
    JsonNode list =
        admin
            .get(GROUPS + "?componentMaterialId=" + a.asText() + "&plantId=" + plant.asText())
            .expect(200)
            .json();
    assertEquals(Set.of(id(group)), fieldValues(list, "id"));
    admin
        .delete(GROUPS + "/" + id(group) + "?version=" + (group.path("version").asLong() + 1))
        .expectProblem(409);
    admin
        .delete(GROUPS + "/" + id(group) + "?version=" + group.path("version").asLong())
        .expect(204);
    admin.get(GROUPS + "/" + id(group)).expectProblem(404);
    assertEquals(auditBefore + 2, groupAuditTotal());
  }

  @Test
  public void useUpTakesAvailableStockFromInventory() {
    JsonNode plant = createPlant(code("PUU"));
    JsonNode a = material(plant, "UU-A", "PURCHASED", "PCS");
    JsonNode s = material(plant, "UU-S", "PURCHASED", "PCS");
    JsonNode wh =
        admin
            .post(
                "/warehouses",
                obj("plantId", plant, "code", code("WUU"), "name", "原料库", "nameEn", "Raw"))
            .expect(201)
            .json();
    JsonNode loc =
        admin
            .post("/warehouses/" + id(wh) + "/locations", obj("code", "UU-01", "name", "一号货位"))
            .expect(201)
            .json();
    admin
        .post(
            "/stock/movements",
            obj("type", "RECEIPT", "materialId", a, "quantity", 4, "locationId", loc.get("id")))
        .expect(201);
    admin
        .post(GROUPS, groupBody(plant, null, "USE_UP", part(a, 1), substitute(1, part(s, 2))))
        .expect(201);
    // 10 A needed, 4 on hand: 4 sets of A from stock, the other 6 sets as 6 * 2 = 12 S.
    JsonNode options =
        admin
            .get(
                "/materials/"
                    + a.asText()
                    + "/substitutes?quantity=10&date=2026-06-01&plantId="
                    + plant.asText())
            .expect(200)
            .json()
            .path("options");
    assertEquals("two options: " + options, 2, options.size());
    assertNear("A from stock", 4, options.get(0).path("parts").get(0).path("quantity"));
    assertNear("S for the rest", 12, options.get(1).path("parts").get(0).path("quantity"));
  }

  @Test
  public void invalidSubstitutionGroupsAndScoping() {
    JsonNode plantA = createPlant(code("PSX"));
    JsonNode plantB = createPlant(code("PSY"));
    JsonNode a = material(plantA, "SX-A", "PURCHASED", "PCS");
    JsonNode s = material(plantA, "SX-S", "PURCHASED", "PCS");
    JsonNode b = material(plantB, "SX-B", "PURCHASED", "PCS");
    int auditBefore = groupAuditTotal();

    ObjectNode bad =
        groupBody(
            plantA,
            null,
            "DESIGNATED",
            part(a, 0),
            substitute(1, part(a, 1)),
            substitute(2, part(b, 1), part(s, -1)));
    bad.put("validFrom", "2026-06-01").put("validTo", "2026-01-01");
    JsonNode problem = admin.post(GROUPS, bad).expectProblem(400);
    assertError(problem, "primary[0].quantity", "not_positive");
    assertError(problem, "customer", "required");
    assertError(problem, "validTo", "before_start");
    assertError(problem, "substitutes[0].parts[0].materialId", "in_primary");
    assertError(problem, "substitutes[1].parts[0].materialId", "unknown_material");
    assertError(problem, "substitutes[1].parts[1].quantity", "not_positive");
    JsonNode empty = admin.post(GROUPS, obj("strategy", "SOMETIMES")).expectProblem(400);
    assertEquals(Set.of("strategy", "primary", "substitutes"), errorFields(empty));
    assertEquals(
        "nothing stored",
        0,
        admin.get(GROUPS + "?plantId=" + plantA.asText()).expect(200).json().path("total").asInt());
    assertEquals("no audit row", auditBefore, groupAuditTotal());

    JsonNode mine =
        admin
            .post(
                GROUPS, groupBody(plantA, null, "PRIORITY", part(a, 1), substitute(1, part(s, 1))))
            .expect(201)
            .json();
    String plannerName = "it-sub-planner" + code("").toLowerCase(Locale.ROOT);
    createUser(plannerName, plantB, "PLANNER");
    Api planner = ItSupport.api().as(plannerName, "Pw-planner-123");
    planner.get(GROUPS + "/" + id(mine)).expectProblem(404);
    planner.get(GROUPS + "?plantId=" + plantA.asText()).expectProblem(404);
    assertFalse(
        "plant A's group hidden from plant B",
        fieldValues(planner.get(GROUPS + "?limit=500").expect(200).json(), "id")
            .contains(id(mine)));
    planner
        .delete(GROUPS + "/" + id(mine) + "?version=" + mine.path("version").asLong())
        .expectProblem(404);
    planner
        .post(GROUPS, groupBody(plantA, null, "PRIORITY", part(a, 1), substitute(1, part(s, 1))))
        .expectProblem(404);
    planner.get("/materials/" + a.asText() + "/substitutes").expectProblem(404);
    assertEquals("one audit row, for the one group", auditBefore + 1, groupAuditTotal());
  }

  // ------------------------------------------------------------------ helpers: BOMs

  /** A BOM line; extra alternating keys and values (unit, scrapPercent, phantom, operationRef). */
  protected static ObjectNode line(JsonNode componentId, Object quantityPer, Object... extra) {
    ObjectNode line = obj("componentMaterialId", componentId, "quantityPer", quantityPer);
    line.setAll(obj(extra));
    return line;
  }

  /** A POST /boms body; plantId null leaves the owner out (group-owned), validTo null open. */
  protected static ObjectNode bomBody(
      JsonNode parentId,
      JsonNode plantId,
      String revision,
      String validFrom,
      String validTo,
      ObjectNode... lines) {
    ObjectNode body =
        obj("parentMaterialId", parentId, "revision", revision, "validFrom", validFrom);
    if (plantId != null) {
      body.set("plantId", plantId);
    }
    if (validTo != null) {
      body.put("validTo", validTo);
    }
    ArrayNode array = body.putArray("lines");
    for (ObjectNode l : lines) {
      array.add(l);
    }
    return body;
  }

  /** Creates a BOM as admin and checks the echo of the essentials. */
  protected JsonNode bom(
      JsonNode plantId,
      JsonNode parentId,
      String revision,
      String validFrom,
      String validTo,
      ObjectNode... lines) {
    JsonNode bom =
        admin
            .post(BOMS, bomBody(parentId, plantId, revision, validFrom, validTo, lines))
            .expect(201)
            .json();
    id(bom);
    assertEquals("parent: " + bom, parentId.asText(), bom.path("parentMaterialId").asText());
    assertEquals("revision: " + bom, revision, bom.path("revision").asText());
    assertEquals("validFrom: " + bom, validFrom, bom.path("validFrom").asText());
    if (validTo != null) {
      assertEquals("validTo: " + bom, validTo, bom.path("validTo").asText());
    }
    assertEquals("lines: " + bom, lines.length, bom.path("lines").size());
    for (int i = 0; i < lines.length; i++) {
      assertEquals(
          "component of line " + i + ": " + bom,
          lines[i].path("componentMaterialId").asText(),
          bom.path("lines").get(i).path("componentMaterialId").asText());
    }
    return bom;
  }

  /** A BOM read back equals the one created (numbers compared as numbers). */
  private static void assertSameBom(JsonNode created, JsonNode read) {
    String what = "read back " + read + " as created " + created;
    for (String f :
        List.of("id", "parentMaterialId", "plantId", "view", "revision", "validFrom", "validTo")) {
      assertEquals(what + ": " + f, created.path(f).asText(), read.path(f).asText());
    }
    assertEquals(
        what + ": version", created.path("version").asLong(), read.path("version").asLong());
    assertEquals(what + ": lines", created.path("lines").size(), read.path("lines").size());
    for (int i = 0; i < created.path("lines").size(); i++) {
      JsonNode c = created.path("lines").get(i);
      JsonNode r = read.path("lines").get(i);
      for (String f : List.of("lineNo", "componentMaterialId", "unit", "phantom", "operationRef")) {
        assertEquals(what + ": lines[" + i + "]." + f, c.path(f).asText(), r.path(f).asText());
      }
      assertNear(what + ": quantityPer", c.path("quantityPer").asDouble(), r.path("quantityPer"));
      assertNear(
          what + ": scrapPercent", c.path("scrapPercent").asDouble(), r.path("scrapPercent"));
    }
  }

  /** How many BOM versions of a parent are stored (every owner, every view). */
  private int bomCount(JsonNode parentId) {
    int total = 0;
    for (String view :
        List.of(
            "ENGINEERING", "PROCESS", "MANUFACTURING", "SALES", "SERVICE", "ORDER", "COSTING")) {
      JsonNode list =
          admin
              .get(BOMS + "?parentMaterialId=" + parentId.asText() + "&view=" + view + "&limit=500")
              .expect(200)
              .json();
      assertList(list);
      total += list.path("total").asInt();
    }
    JsonNode any =
        admin
            .get(BOMS + "?parentMaterialId=" + parentId.asText() + "&limit=500")
            .expect(200)
            .json();
    assertTrue(
        "the unfiltered list holds at least the MANUFACTURING versions: " + any,
        any.path("total").asInt() <= total);
    return Math.max(total, any.path("total").asInt());
  }

  // ------------------------------------------------------------------ helpers: explosion

  private JsonNode explode(JsonNode materialId, String query) {
    return admin
        .get("/materials/" + materialId.asText() + "/explosion?" + query)
        .expect(200)
        .json();
  }

  /** Alternating material ids and quantities, in the order given. */
  private static Map<String, Double> expected(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(((JsonNode) pairs[i]).asText(), ((Number) pairs[i + 1]).doubleValue());
    }
    return m;
  }

  /**
   * Checks a summarised explosion: exactly the expected materials, each once, with the expected
   * quantities; items ordered by low-level code; the given low-level codes (null: not checked).
   */
  private static void assertSummarised(
      String what, JsonNode explosion, Map<String, Double> expected, Map<String, Integer> llc) {
    JsonNode items = explosion.path("items");
    assertTrue(what + ": items array: " + explosion, items.isArray());
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    int lastLlc = Integer.MIN_VALUE;
    for (JsonNode item : items) {
      String id = item.path("materialId").asText();
      assertNull(what + ": " + id + " listed once: " + explosion, byId.put(id, item));
      assertTrue(what + ": lowLevelCode: " + item, item.path("lowLevelCode").isIntegralNumber());
      int code = item.path("lowLevelCode").asInt();
      assertTrue(what + ": ordered by lowLevelCode: " + explosion, code >= lastLlc);
      lastLlc = code;
    }
    assertEquals(what + ": materials listed: " + explosion, expected.keySet(), byId.keySet());
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      assertNear(
          what + ": quantity of " + e.getKey() + " in " + explosion,
          e.getValue(),
          byId.get(e.getKey()).path("quantity"));
    }
    if (llc != null) {
      for (Map.Entry<String, Integer> e : llc.entrySet()) {
        assertEquals(
            what + ": lowLevelCode of " + e.getKey() + " in " + explosion,
            e.getValue().intValue(),
            byId.get(e.getKey()).path("lowLevelCode").asInt());
      }
    }
  }

  /** An expected indented row. */
  private record Row(
      int level,
      String parentId,
      String componentId,
      double quantityPer,
      double quantity,
      boolean phantom) {}

  private static Row row(
      int level,
      JsonNode parent,
      JsonNode component,
      double per,
      double quantity,
      boolean phantom) {
    return new Row(level, parent.asText(), component.asText(), per, quantity, phantom);
  }

  private static void assertIndented(String what, JsonNode explosion, List<Row> expected) {
    JsonNode items = explosion.path("items");
    List<String> got = new ArrayList<>();
    for (JsonNode item : items) {
      got.add(
          item.path("level").asInt()
              + ":"
              + item.path("parentId").asText()
              + ">"
              + item.path("componentId").asText());
    }
    List<String> want = new ArrayList<>();
    for (Row r : expected) {
      want.add(r.level() + ":" + r.parentId() + ">" + r.componentId());
    }
    assertEquals(what + ": rows depth first in line order: " + explosion, want, got);
    for (int i = 0; i < expected.size(); i++) {
      Row r = expected.get(i);
      JsonNode item = items.get(i);
      assertNear(
          what + ": quantityPer of row " + i + ": " + item,
          r.quantityPer(),
          item.path("quantityPer"));
      assertNear(
          what + ": quantity of row " + i + ": " + item, r.quantity(), item.path("quantity"));
      assertTrue(
          what + ": phantom flag of row " + i + ": " + item, item.path("phantom").isBoolean());
      assertEquals(
          what + ": phantom flag of row " + i + ": " + item,
          r.phantom(),
          item.path("phantom").asBoolean());
    }
  }

  /** Where-used items as parent id to level; each parent once. */
  private static Map<String, Integer> whereUsed(JsonNode answer) {
    assertTrue("items array: " + answer, answer.path("items").isArray());
    Map<String, Integer> m = new LinkedHashMap<>();
    for (JsonNode item : answer.path("items")) {
      assertNull(
          "parent listed once: " + answer,
          m.put(item.path("parentId").asText(), item.path("level").asInt()));
    }
    return m;
  }

  // ------------------------------------------------------------------ helpers: audit

  private int auditTotal() {
    return admin.get("/audit?entity=Bom&limit=1").expect(200).json().path("total").asInt();
  }

  // ------------------------------------------------------------------ helpers: assertions

  private static void assertList(JsonNode list) {
    assertTrue("items array: " + list, list.path("items").isArray());
    assertTrue("offset: " + list, list.path("offset").isNumber());
    assertTrue("limit: " + list, list.path("limit").isNumber());
    assertTrue("total: " + list, list.path("total").isNumber());
  }

  private static void assertNear(String message, double expected, JsonNode actual) {
    assertTrue(message + ": a number expected, got " + actual, actual != null && actual.isNumber());
    double got = actual.asDouble();
    if (Math.abs(expected - got) > TOLERANCE) {
      fail(message + ": expected " + expected + " but was " + actual);
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

  private static String errorMessage(JsonNode problem, String field) {
    for (JsonNode e : problem.path("errors")) {
      if (field.equals(e.path("field").asText())) {
        return e.path("message").asText();
      }
    }
    throw new AssertionError("no error for " + field + " in " + problem);
  }

  // ------------------------------------------------------------------ helpers: readiness

  /**
   * The BOM resources register with the JAX-RS whiteboard after /plants and /materials; the
   * explosion and where-used answers are checked on a leaf material made once per container.
   */
  private void awaitBomApi(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    boolean listed = false;
    while (!listed && System.nanoTime() < deadline) {
      Response boms = admin.get(BOMS + "?limit=1");
      last = "/boms " + boms.status() + " " + boms.body();
      listed = ready(boms);
      if (!listed) {
        ItSupport.sleep(500);
      }
    }
    if (!listed) {
      fail("BOM API not ready in " + timeout + "; last: " + last);
    }
    if (readinessMaterial == null) {
      readinessMaterial =
          id(
              admin
                  .post(
                      "/materials",
                      obj(
                          "code", code("M-RDY"),
                          "name", "就绪检查",
                          "type", "PURCHASED",
                          "baseUnit", "PCS"))
                  .expect(201)
                  .json());
    }
    while (System.nanoTime() < deadline) {
      Response explosion = admin.get("/materials/" + readinessMaterial + "/explosion");
      Response used = admin.get("/materials/" + readinessMaterial + "/where-used");
      last =
          "explosion "
              + explosion.status()
              + " "
              + explosion.body()
              + "; where-used "
              + used.status()
              + " "
              + used.body();
      if (explosion.status() == 200 && used.status() == 200) {
        return;
      }
      ItSupport.sleep(500);
    }
    fail("BOM explosion/where-used not ready in " + timeout + "; last: " + last);
  }

  private static boolean ready(Response r) {
    return r.status() != 404 && r.status() != 503;
  }
}
