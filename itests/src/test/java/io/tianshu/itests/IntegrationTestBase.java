package io.tianshu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * The Camel context in the container: a route file in etc/routes is deployed, updated, broken (the
 * old route keeps running, the error is reported), fixed and removed, all live; a RoutesBuilder
 * service of another bundle adds and removes its routes; the console lists, stops, starts and
 * reloads them; the REST API reads them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class IntegrationTestBase extends ContainerTestBase {
  @javax.inject.Inject protected org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final java.util.concurrent.atomic.AtomicInteger SEQ =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Inbound messages from routes run as admin with short redelivery delays; the outbox relay reads
   * every 200 ms and passes an id gap after 2 s.
   */
  protected static Option[] integrationOptions() {
    return new Option[] {
      editConfigurationFilePut("etc/io.tianshu.integration.inbound.cfg", "user", "admin"),
      editConfigurationFilePut("etc/io.tianshu.integration.inbound.cfg", "roles", "admin"),
      editConfigurationFilePut(
          "etc/io.tianshu.integration.inbound.cfg", "redeliveryDelayMillis", "50"),
      editConfigurationFilePut("etc/io.tianshu.integration.outbox.cfg", "pollMillis", "200"),
      editConfigurationFilePut("etc/io.tianshu.integration.outbox.cfg", "gapWaitMillis", "2000"),
      // the worked examples of docs/integration, read by the probe
      org.ops4j.pax.exam.CoreOptions.systemProperty("tianshu.it.docs")
          .value(new java.io.File("../docs/integration").getAbsolutePath())
    };
  }

  private static String code(String prefix) {
    return prefix
        + "-"
        + Long.toString(System.nanoTime() % 1_000_000_000L, 36)
        + SEQ.incrementAndGet();
  }

  private CamelContext camel() {
    return bundleContext.getService(bundleContext.getServiceReference(CamelContext.class));
  }

  /** Sends a message to the inbound endpoint as a partner route would; returns the exchange. */
  private Exchange sendInbound(
      String messageId, String command, String body, Map<String, Object> extra) {
    ProducerTemplate producer = camel().createProducerTemplate();
    try {
      return producer.send(
          "direct:tianshu-inbound",
          ex -> {
            ex.getMessage().setBody(body);
            ex.getMessage().setHeader("TianshuMessageId", messageId);
            ex.getMessage().setHeader("TianshuCommand", command);
            extra.forEach(ex.getMessage()::setHeader);
          });
    } finally {
      try {
        producer.stop();
      } catch (Exception ignored) {
        // a template holds no resources worth a failure here
      }
    }
  }

  private JsonNode materialsWithCode(String code) {
    return admin.get("/materials?q=" + code).expect(200).json().path("items");
  }

  private JsonNode openDeadLetter(String messageId) {
    for (JsonNode d : admin.get("/integration/dead-letters?status=OPEN").expect(200).json()) {
      if (messageId.equals(d.path("messageId").asText())) {
        return d;
      }
    }
    return null;
  }

  @Override
  protected void awaitDomainApi() {
    await("integration API", () -> admin.get("/integration/routes").status() == 200);
  }

  private static Path routeFolder() {
    return Path.of(System.getProperty("karaf.etc"), "routes");
  }

  private static Path outFolder() {
    return Path.of(System.getProperty("karaf.data"), "it-integration");
  }

  /** A route that writes {@code body} to {@code <out>/<id>.txt} every 200 ms. */
  private static String timerRoute(String id, String body) {
    return """
        - route:
            id: %s
            from:
              uri: "timer:%s?period=200"
              steps:
                - setBody:
                    constant: "%s"
                - to:
                    uri: "file:%s?fileName=%s.txt&fileExist=Override"
        """
        .formatted(id, id, body, outFolder().toString().replace('\\', '/'), id);
  }

  private static void writeAtomically(Path file, String content) throws Exception {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      ItSupport.sleep(100);
    }
    fail("timed out waiting for " + what);
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (Exception e) {
      return ""; // being written
    }
  }

  private JsonNode route(String id) {
    for (JsonNode r : admin.get("/integration/routes").expect(200).json()) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    return null;
  }

  private JsonNode routeFile(String name) {
    for (JsonNode f : admin.get("/integration/route-files").expect(200).json()) {
      if (f.path("name").asText().equals(name)) {
        return f;
      }
    }
    return null;
  }

  private JsonNode awaitFile(String name, Predicate<JsonNode> condition) {
    JsonNode[] last = new JsonNode[1];
    await(
        name + " status",
        () -> {
          last[0] = routeFile(name);
          return last[0] != null && condition.test(last[0]);
        });
    return last[0];
  }

  @Test
  public void aRouteFileIsDeployedUpdatedBrokenFixedAndRemovedLive() throws Exception {
    assertBundleActive("io.tianshu.integration");
    Files.createDirectories(outFolder());
    Path file = routeFolder().resolve("it-ticker.camel.yaml");
    Path out = outFolder().resolve("it-ticker.txt");

    writeAtomically(file, timerRoute("it-ticker", "v1"));
    await("v1 output", () -> read(out).equals("v1"));
    JsonNode r = route("it-ticker");
    assertEquals("Started", r.path("state").asText());
    assertEquals("file:it-ticker.camel.yaml", r.path("source").asText());
    assertEquals("LOADED", routeFile("it-ticker.camel.yaml").path("status").asText());

    writeAtomically(file, timerRoute("it-ticker", "v2"));
    await("v2 output", () -> read(out).equals("v2"));

    // a typo: the file is reported FAILED, the v2 route keeps running and counting
    writeAtomically(file, "- route:\n    id: it-ticker\n    from: [unclosed\n");
    JsonNode failed =
        awaitFile("it-ticker.camel.yaml", f -> f.path("status").asText().equals("FAILED"));
    assertTrue(failed.toString(), failed.path("error").asText().startsWith("does not parse"));
    assertEquals("[\"it-ticker\"]", failed.path("routeIds").toString());
    long before = route("it-ticker").path("exchangesCompleted").asLong();
    await(
        "the old route still counting",
        () -> route("it-ticker").path("exchangesCompleted").asLong() > before + 2);
    assertEquals("Started", route("it-ticker").path("state").asText());
    assertEquals("v2", read(out));

    // fixed: loaded again, error gone
    writeAtomically(file, timerRoute("it-ticker", "v3"));
    await("v3 output", () -> read(out).equals("v3"));
    JsonNode fixed = routeFile("it-ticker.camel.yaml");
    assertEquals("LOADED", fixed.path("status").asText());
    assertTrue(fixed.path("error").isNull() || fixed.path("error").isMissingNode());

    Files.delete(file);
    await("route removed", () -> route("it-ticker") == null);
    assertEquals(null, routeFile("it-ticker.camel.yaml"));
  }

  @Test
  public void aRoutesBuilderServiceAddsAndRemovesItsRoutes() {
    ServiceRegistration<RoutesBuilder> reg =
        bundleContext.registerService(
            RoutesBuilder.class,
            new RouteBuilder() {
              @Override
              public void configure() {
                from("timer:it-pack?period=100").routeId("it-pack").log("pack tick");
              }
            },
            null);
    try {
      await("pack route", () -> route("it-pack") != null);
      JsonNode r = route("it-pack");
      assertEquals("Started", r.path("state").asText());
      assertTrue(r.toString(), r.path("source").asText().startsWith("bundle:"));
      await("pack route counting", () -> route("it-pack").path("exchangesCompleted").asLong() > 0);
    } finally {
      reg.unregister();
    }
    await("pack route gone", () -> route("it-pack") == null);
  }

  @Test
  public void theConsoleListsStopsStartsAndReloads() throws Exception {
    Path file = routeFolder().resolve("it-console.camel.yaml");
    writeAtomically(file, timerRoute("it-console", "c1"));
    await("console route", () -> route("it-console") != null);
    try {
      String list = ItSupport.executeCommand(sessionFactory, "mom:route-list");
      assertTrue(list, list.contains("it-console") && list.contains("Started"));

      String stopped = ItSupport.executeCommand(sessionFactory, "mom:route-stop it-console");
      assertTrue(stopped, stopped.contains("Stopped"));
      assertEquals("Stopped", route("it-console").path("state").asText());
      String started = ItSupport.executeCommand(sessionFactory, "mom:route-start it-console");
      assertTrue(started, started.contains("Started"));

      String reloaded =
          ItSupport.executeCommand(sessionFactory, "mom:route-reload it-console.camel.yaml");
      assertTrue(reloaded, reloaded.contains("it-console"));
      String files = ItSupport.executeCommand(sessionFactory, "mom:route-files");
      assertTrue(files, files.contains("it-console.camel.yaml") && files.contains("LOADED"));

      String unknown =
          ItSupport.tryCommandAs(sessionFactory, "mom:route-stop nope", "admin", "admin");
      assertTrue(unknown, unknown.contains("not found"));
    } finally {
      Files.deleteIfExists(file);
    }
    await("console route gone", () -> route("it-console") == null);
  }

  @Test
  public void theSameMessageTwiceChangesOnce() {
    String code = code("IT-INB");
    String body =
        "{\"code\":\"" + code + "\",\"name\":\"入站物料\",\"type\":\"PURCHASED\",\"baseUnit\":\"PCS\"}";
    String messageId = "plm-" + code;
    Exchange first = sendInbound(messageId, "material", body, Map.of());
    assertEquals(null, first.getException());
    assertEquals(Boolean.FALSE, first.getMessage().getHeader("TianshuDuplicate"));
    Exchange second = sendInbound(messageId, "material", body, Map.of());
    assertEquals(Boolean.TRUE, second.getMessage().getHeader("TianshuDuplicate"));
    assertEquals(
        first.getMessage().getBody(String.class), second.getMessage().getBody(String.class));
    assertEquals(1, materialsWithCode(code).size());

    // the same through REST, keyed by Idempotency-Key: the first result again, nothing new
    ItSupport.Response again =
        admin.send(
            "POST",
            "/integration/inbound/material",
            ItSupport.JSON
                .createObjectNode()
                .put("code", code)
                .put("name", "入站物料")
                .put("type", "PURCHASED")
                .put("baseUnit", "PCS"));
    // without a key the REST door refuses, listing the field
    assertEquals(400, again.status());
    assertTrue(again.body(), again.body().contains("messageId"));
    assertEquals(1, materialsWithCode(code).size());
  }

  @Test
  public void aPoisonMessageBecomesOneDeadLetterAndARetryResolvesItOnceFixed() {
    // not JSON: dead-lettered at once, with the sender's headers but none of Camel's
    String poisonId = code("poison");
    Exchange poison =
        sendInbound(
            poisonId, "material", "{not json", Map.of("CamelFileName", "x.json", "Partner", "PLM"));
    Object deadLetterId = poison.getMessage().getHeader("TianshuDeadLetterId");
    assertTrue("dead letter id header: " + poison.getMessage().getHeaders(), deadLetterId != null);
    JsonNode dl = openDeadLetter(poisonId);
    assertTrue("one open dead letter for " + poisonId, dl != null);
    assertEquals(1, dl.path("attempts").asInt());
    assertTrue(dl.path("permanent").asBoolean());
    assertTrue(dl.path("reason").asText(), dl.path("reason").asText().contains("payload"));
    assertEquals("PLM", dl.path("headers").path("Partner").asText());
    assertTrue(dl.toString(), dl.path("headers").path("CamelFileName").isMissingNode());
    int count = 0;
    for (JsonNode d : admin.get("/integration/dead-letters?status=OPEN").expect(200).json()) {
      if (poisonId.equals(d.path("messageId").asText())) {
        count++;
      }
    }
    assertEquals("exactly one dead letter", 1, count);

    // valid, but its unit does not exist yet: dead-lettered; once the unit exists, a retry works
    String unit = code("U").toUpperCase(java.util.Locale.ROOT).replace("-", "");
    String code = code("IT-DL");
    String messageId = "plm-" + code;
    sendInbound(
        messageId,
        "material",
        "{\"code\":\""
            + code
            + "\",\"name\":\"死信物料\",\"type\":\"PURCHASED\",\"baseUnit\":\""
            + unit
            + "\"}",
        Map.of());
    JsonNode waiting = openDeadLetter(messageId);
    assertTrue("dead letter for the unknown unit", waiting != null);
    assertEquals(0, materialsWithCode(code).size());
    String stillFailing =
        ItSupport.executeCommand(
            sessionFactory, "mom:dead-letter-retry " + waiting.path("id").asLong());
    assertTrue(stillFailing, stillFailing.contains("Failed again"));
    admin
        .post(
            "/units",
            ItSupport.obj(
                "code", unit, "name", "托", "nameEn", "pallet", "dimension", "COUNT", "version", 0))
        .expect(201);
    String retried =
        ItSupport.executeCommand(
            sessionFactory, "mom:dead-letter-retry " + waiting.path("id").asLong());
    assertTrue(retried, retried.contains("Resolved"));
    assertEquals(1, materialsWithCode(code).size());
    JsonNode resolved =
        admin.get("/integration/dead-letters/" + waiting.path("id").asLong()).expect(200).json();
    assertEquals("RESOLVED", resolved.path("status").asText());
    assertEquals(3, resolved.path("attempts").asInt());
    assertEquals(null, openDeadLetter(messageId));
    String list = ItSupport.executeCommand(sessionFactory, "mom:dead-letter-list -s ALL");
    assertTrue(list, list.contains(messageId) && list.contains("RESOLVED"));
  }

  @Test
  public void committedChangesLeaveAsEventsAndRolledBackOnesDoNot() throws Exception {
    Path events = outFolder().resolve("events");
    Files.createDirectories(events);
    Path routeFile = routeFolder().resolve("it-events.camel.yaml");
    writeAtomically(
        routeFile,
        """
        - route:
            id: it-events
            from:
              uri: "direct:tianshu-events"
              steps:
                - to:
                    uri: "file:%s?fileName=${header.TianshuEventId}.json"
        """
            .formatted(events.toString().replace('\\', '/')));
    await("events route", () -> route("it-events") != null);
    try {
      // a change rolled back inside a JTA transaction: its audit row never commits
      String rolledBack = code("IT-RB");
      javax.transaction.TransactionManager tm =
          bundleContext.getService(
              bundleContext.getServiceReference(javax.transaction.TransactionManager.class));
      io.tianshu.masterdata.MasterDataService masterData =
          bundleContext.getService(
              bundleContext.getServiceReference(io.tianshu.masterdata.MasterDataService.class));
      tm.begin();
      try {
        masterData.createMaterial(
            io.tianshu.core.CallerContext.system(),
            new io.tianshu.masterdata.MaterialInput(
                rolledBack, "回滚", null, "PURCHASED", "PCS", null, null, null, null));
      } finally {
        tm.rollback();
      }
      assertEquals(0, materialsWithCode(rolledBack).size());

      String committed = code("IT-EV");
      admin
          .post(
              "/materials",
              ItSupport.obj(
                  "code", committed, "name", "事件", "type", "PURCHASED", "baseUnit", "PCS"))
          .expect(201);
      String[] found = new String[1];
      await(
          "the committed change's event",
          () -> {
            found[0] = eventMentioning(events, committed);
            return found[0] != null;
          });
      JsonNode event = ItSupport.JSON.readTree(found[0]);
      assertEquals("Material", event.path("entity").asText());
      assertEquals("CREATE", event.path("action").asText());
      assertEquals(committed, event.path("after").path("code").asText());
      assertTrue(event.path("eventId").asLong() > 0);
      // the relay delivers in id order: past the committed event, the rolled-back one never comes
      ItSupport.sleep(2500);
      assertEquals(null, eventMentioning(events, rolledBack));
    } finally {
      Files.deleteIfExists(routeFile);
    }
    await("events route gone", () -> route("it-events") == null);
  }

  private static String eventMentioning(Path folder, String text) {
    try (var files = Files.list(folder)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String content = read(p);
        if (content.contains("\"" + text + "\"")) {
          return content;
        }
      }
    } catch (Exception e) {
      return null;
    }
    return null;
  }

  private static String b2mmlMaterials(String plantCode, String... codeNameClass) {
    StringBuilder sb =
        new StringBuilder(
            "<SyncMaterialDefinition xmlns=\"http://www.mesa.org/xml/B2MML\"><DataArea><Sync/>");
    for (int i = 0; i < codeNameClass.length; i += 3) {
      sb.append("<MaterialDefinition>");
      if (codeNameClass[i] != null) {
        sb.append("<ID>").append(codeNameClass[i]).append("</ID>");
      }
      sb.append("<Description>").append(codeNameClass[i + 1]).append("</Description>");
      sb.append("<Description languageID=\"en\">B2MML material</Description>");
      if (plantCode != null) {
        sb.append("<HierarchyScope><EquipmentID>")
            .append(plantCode)
            .append("</EquipmentID><EquipmentElementLevel>Site</EquipmentElementLevel>")
            .append("</HierarchyScope>");
      }
      sb.append(
          "<MaterialDefinitionProperty><ID>BaseUnitOfMeasure</ID><Value><ValueString>PCS"
              + "</ValueString></Value></MaterialDefinitionProperty>");
      sb.append("<MaterialClassID>").append(codeNameClass[i + 2]).append("</MaterialClassID>");
      sb.append("</MaterialDefinition>");
    }
    return sb.append("</DataArea></SyncMaterialDefinition>").toString();
  }

  private ItSupport.Response postB2mml(String command, String key, String xml) {
    return admin.send(
        "POST",
        "/integration/inbound/" + command,
        "application/xml",
        xml,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  @Test
  public void aB2mmlMaterialDocumentCreatesMaterialsOnceAndAnInvalidOneListsItsElementPaths() {
    String plantCode = code("B2P").toUpperCase(java.util.Locale.ROOT);
    long plantId =
        admin
            .post("/plants", ItSupport.obj("code", plantCode, "name", "B2MML 工厂"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    String raw = code("IT-B2R");
    String product = code("IT-B2F");
    String doc = b2mmlMaterials(plantCode, raw, "钢板", "RawMaterial", product, "支架", "FinishedGood");
    String key = "b2mml-" + raw;

    ItSupport.Response first = postB2mml("b2mml-material", key, doc).expect(200);
    assertEquals(2, first.json().path("created").asInt());
    assertEquals("false", first.header("Tianshu-Duplicate"));
    JsonNode rawMaterial = materialsWithCode(raw).get(0);
    assertEquals("PURCHASED", rawMaterial.path("type").asText());
    assertEquals("PCS", rawMaterial.path("baseUnit").asText());
    assertEquals("B2MML material", rawMaterial.path("nameEn").asText());
    assertEquals(plantId, rawMaterial.path("plantId").asLong());
    assertEquals("MANUFACTURED", materialsWithCode(product).get(0).path("type").asText());

    // the same again: the first result, nothing new
    ItSupport.Response again = postB2mml("b2mml-material", key, doc).expect(200);
    assertEquals("true", again.header("Tianshu-Duplicate"));
    assertEquals(first.json(), again.json());
    assertEquals(1, materialsWithCode(raw).size());
    assertEquals(1, materialsWithCode(product).size());
    // the same document under a new key changes nothing either
    ItSupport.Response resent = postB2mml("b2mml-material", key + "-2", doc).expect(200);
    assertEquals(2, resent.json().path("unchanged").asInt());
    assertEquals(
        rawMaterial.path("version").asLong(),
        materialsWithCode(raw).get(0).path("version").asLong());

    // invalid: 400 listing every element path, nothing written (not even the valid material)
    String valid = code("IT-B2V");
    String bad = b2mmlMaterials(null, valid, "好", "RawMaterial", null, "无编码", "Gadget");
    ItSupport.Response invalid = postB2mml("b2mml-material", key + "-bad", bad);
    assertEquals(invalid.body(), 400, invalid.status());
    assertTrue(
        invalid.body(),
        invalid.body().contains("/SyncMaterialDefinition/DataArea/MaterialDefinition[2]/ID"));
    assertTrue(
        invalid.body(),
        invalid
            .body()
            .contains("/SyncMaterialDefinition/DataArea/MaterialDefinition[2]/MaterialClassID"));
    assertEquals(0, materialsWithCode(valid).size());
    // an unknown plant is named by its element too
    ItSupport.Response noPlant =
        postB2mml(
            "b2mml-material",
            key + "-np",
            b2mmlMaterials("NO-SUCH-PLANT-" + plantCode, valid, "好", "RawMaterial"));
    assertEquals(noPlant.body(), 400, noPlant.status());
    assertTrue(noPlant.body(), noPlant.body().contains("HierarchyScope/EquipmentID"));

    // the export: the plant's materials as B2MML, read back by the same mapping
    ItSupport.Response export =
        admin.send(
            "GET",
            "/integration/b2mml/materials?plantId=" + plantId,
            null,
            null,
            Map.of("Accept", "application/xml"));
    assertEquals(export.body(), 200, export.status());
    assertTrue(export.body(), export.body().contains("<ID>" + raw + "</ID>"));
    assertTrue(
        export.body(), export.body().contains("<EquipmentID>" + plantCode + "</EquipmentID>"));
    ItSupport.Response schedule =
        admin.send(
            "GET",
            "/integration/b2mml/production-schedule?plantId=" + plantId,
            null,
            null,
            Map.of("Accept", "application/xml"));
    assertEquals(schedule.body(), 200, schedule.status());
    assertTrue(schedule.body(), schedule.body().contains("<ProductionSchedule"));
  }

  @Test
  public void aSupplierConfirmationUpdatesTheRequisitionOnce() {
    String tag = code("SRM");
    JsonNode plant =
        admin.post("/plants", ItSupport.obj("code", tag, "name", "工厂 " + tag)).expect(201).json();
    long m = material(plant, tag + "-RM");
    long receiptId =
        admin
            .post(
                "/receipts",
                ItSupport.obj(
                    "plantId",
                    plant.path("id"),
                    "kind",
                    "REQUISITION",
                    "reference",
                    "PR-" + tag,
                    "materialId",
                    m,
                    "dueDate",
                    "2026-12-01",
                    "quantity",
                    100))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    // the supplier confirms 90 three days after the need date, naming the requisition by number
    var confirmation =
        ItSupport.obj(
            "plantId",
            plant.path("id"),
            "reference",
            "PR-" + tag,
            "confirmedQuantity",
            90,
            "confirmedDate",
            "2026-12-04",
            "supplierReference",
            "SO-" + tag);
    ItSupport.Api srm = admin.withHeader("Idempotency-Key", "srm-poc-" + tag);
    ItSupport.Response first =
        srm.post("/integration/inbound/purchase-confirmation", confirmation).expect(200);
    assertEquals("false", first.header("Tianshu-Duplicate"));
    assertEquals(first.body(), receiptId, first.json().path("id").asLong());
    JsonNode receipt = receiptOf(plant, receiptId);
    assertEquals(receipt.toString(), 90, receipt.path("confirmedQuantity").asInt());
    assertEquals("2026-12-04", receipt.path("confirmedDate").asText());
    assertEquals("SO-" + tag, receipt.path("supplierReference").asText());
    assertTrue(receipt.toString(), receipt.path("late").asBoolean());
    assertEquals("the requisition itself is unchanged", 100, receipt.path("quantity").asInt());

    // the same message again, even with another body: the first result, nothing changes
    confirmation.put("confirmedQuantity", 50);
    ItSupport.Response again =
        srm.post("/integration/inbound/purchase-confirmation", confirmation).expect(200);
    assertEquals("true", again.header("Tianshu-Duplicate"));
    assertEquals(first.body(), again.body());
    assertEquals(90, receiptOf(plant, receiptId).path("confirmedQuantity").asInt());

    // REST: a confirmation on time clears late; a bad one lists its fields
    JsonNode onTime =
        admin
            .post(
                "/receipts/" + receiptId + "/confirmation",
                ItSupport.obj("confirmedQuantity", 100, "confirmedDate", "2026-11-30"))
            .expect(200)
            .json();
    assertFalse(onTime.toString(), onTime.path("late").asBoolean());
    ItSupport.Response bad =
        admin.post(
            "/receipts/" + receiptId + "/confirmation", ItSupport.obj("confirmedQuantity", -1));
    assertEquals(bad.body(), 400, bad.status());
    assertTrue(bad.body(), bad.body().contains("confirmedQuantity"));
    assertTrue(bad.body(), bad.body().contains("confirmedDate"));
    // an unknown reference is refused (and not retried)
    ItSupport.Response unknown =
        admin
            .withHeader("Idempotency-Key", "srm-poc-unknown-" + tag)
            .post(
                "/integration/inbound/purchase-confirmation",
                ItSupport.obj(
                    "plantId",
                    plant.path("id"),
                    "reference",
                    "PR-NONE",
                    "confirmedQuantity",
                    1,
                    "confirmedDate",
                    "2026-12-04"));
    assertEquals(unknown.body(), 400, unknown.status());
  }

  private JsonNode receiptOf(JsonNode plant, long id) {
    for (JsonNode r :
        admin.get("/receipts?plantId=" + plant.path("id").asText()).expect(200).json()) {
      if (r.path("id").asLong() == id) {
        return r;
      }
    }
    throw new AssertionError("no receipt " + id);
  }

  private static String b2mmlSchedule(String plantCode, String material, String... codes) {
    StringBuilder sb =
        new StringBuilder(
            "<ProductionSchedule xmlns=\"http://www.mesa.org/xml/B2MML\"><ID>ERP-1</ID>"
                + "<HierarchyScope><EquipmentID>"
                + plantCode
                + "</EquipmentID><EquipmentElementLevel>Site</EquipmentElementLevel>"
                + "</HierarchyScope>");
    for (String c : codes) {
      sb.append("<ProductionRequest><ID>")
          .append(c)
          .append("</ID><StartTime>2026-12-01T12:00:00Z</StartTime>")
          .append("<EndTime>2026-12-03T12:00:00Z</EndTime>")
          .append("<SegmentRequirement><ID>")
          .append(c)
          .append("-10</ID><ProcessSegmentID>10</ProcessSegmentID>")
          .append("<MaterialProducedRequirement><MaterialDefinitionID>")
          .append(material)
          .append("</MaterialDefinitionID><Quantity><QuantityString>25</QuantityString>")
          .append("<UnitOfMeasure>PCS</UnitOfMeasure></Quantity>")
          .append("</MaterialProducedRequirement></SegmentRequirement></ProductionRequest>");
    }
    return sb.append("</ProductionSchedule>").toString();
  }

  @Test
  public void aB2mmlScheduleCreatesTheWorkOrdersOnce() {
    String tag = code("B2S").toUpperCase(java.util.Locale.ROOT);
    JsonNode plant =
        admin.post("/plants", ItSupport.obj("code", tag, "name", "工厂 " + tag)).expect(201).json();
    String product = tag + "-FG";
    long m =
        admin
            .post(
                "/materials",
                ItSupport.obj(
                    "code",
                    product,
                    "name",
                    "支架 " + tag,
                    "type",
                    "MANUFACTURED",
                    "baseUnit",
                    "PCS",
                    "plantId",
                    plant.path("id")))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    String doc = b2mmlSchedule(tag, product, tag + "-WO-1", tag + "-WO-2");
    ItSupport.Response first = postB2mml("b2mml-schedule", "erp-" + tag, doc).expect(200);
    assertEquals(first.body(), 2, first.json().path("created").asInt());
    JsonNode orders =
        admin
            .get("/work-orders?plantId=" + plant.path("id").asText() + "&materialId=" + m)
            .expect(200)
            .json()
            .path("items");
    assertEquals(orders.toString(), 2, orders.size());
    for (JsonNode w : orders) {
      assertEquals("PLANNED", w.path("status").asText());
      assertEquals(25, w.path("quantity").asInt());
      assertEquals("2026-12-01", w.path("startDate").asText());
      assertEquals("2026-12-03", w.path("dueDate").asText());
    }
    // the same key: the first result; the same schedule under a new key: nothing new either
    ItSupport.Response again = postB2mml("b2mml-schedule", "erp-" + tag, doc).expect(200);
    assertEquals("true", again.header("Tianshu-Duplicate"));
    ItSupport.Response resent = postB2mml("b2mml-schedule", "erp-" + tag + "-2", doc).expect(200);
    assertEquals(resent.body(), 0, resent.json().path("created").asInt());
    assertEquals(resent.body(), 2, resent.json().path("existing").asInt());
    assertEquals(
        2,
        admin
            .get("/work-orders?plantId=" + plant.path("id").asText() + "&materialId=" + m)
            .expect(200)
            .json()
            .path("items")
            .size());
    // an unknown material is named by its element, and nothing of the document is written
    String bad = b2mmlSchedule(tag, "NO-SUCH-" + tag, tag + "-WO-3");
    ItSupport.Response invalid = postB2mml("b2mml-schedule", "erp-bad-" + tag, bad);
    assertEquals(invalid.body(), 400, invalid.status());
    assertTrue(
        invalid.body(),
        invalid
            .body()
            .contains(
                "/ProductionSchedule/ProductionRequest/SegmentRequirement"
                    + "/MaterialProducedRequirement/MaterialDefinitionID"));
  }

  private static String b2mmlEquipment(String site, String tag, String pressName) {
    return "<EquipmentInformation xmlns=\"http://www.mesa.org/xml/B2MML\"><Equipment><ID>"
        + site
        + "</ID><EquipmentLevel>Site</EquipmentLevel>"
        + "<Equipment><ID>WS-"
        + tag
        + "</ID><Description>冲压车间</Description><EquipmentLevel>Area</EquipmentLevel>"
        + "<Equipment><ID>L-"
        + tag
        + "</ID><Description>冲压一线</Description><EquipmentLevel>ProductionLine</EquipmentLevel>"
        + "<Equipment><ID>WC-"
        + tag
        + "</ID><Description>冲压工位</Description><EquipmentLevel>WorkCell</EquipmentLevel>"
        + "<Equipment><ID>PRESS-"
        + tag
        + "</ID><Description>"
        + pressName
        + "</Description><EquipmentLevel>Unit</EquipmentLevel>"
        + "<EquipmentClassID>MACHINE</EquipmentClassID></Equipment>"
        + "</Equipment></Equipment></Equipment></Equipment></EquipmentInformation>";
  }

  @Test
  public void aB2mmlEquipmentHierarchyBecomesUnitsAndAResourceOnce() {
    String tag = code("B2E").toUpperCase(java.util.Locale.ROOT);
    JsonNode plant =
        admin.post("/plants", ItSupport.obj("code", tag, "name", "工厂 " + tag)).expect(201).json();
    String plantId = plant.path("id").asText();
    ItSupport.Response first =
        postB2mml("b2mml-equipment", "plm-eq-" + tag, b2mmlEquipment(tag, tag, "800吨压机"))
            .expect(200);
    // workshop, line, work centre and the press, all in the one inbound transaction
    JsonNode units = admin.get("/plants/" + plantId + "/units?limit=100").expect(200).json();
    long workCentre = -1;
    int found = 0;
    for (JsonNode u : units.path("items").isMissingNode() ? units : units.path("items")) {
      String code = u.path("code").asText();
      if (code.equals("WS-" + tag) || code.equals("L-" + tag)) {
        found++;
      }
      if (code.equals("WC-" + tag)) {
        found++;
        workCentre = u.path("id").asLong();
      }
    }
    assertEquals(first.body() + "\n" + units, 3, found);
    JsonNode resources =
        admin.get("/resources?plantId=" + plantId).expect(200).json().path("items");
    assertEquals(resources.toString(), 1, resources.size());
    JsonNode press = resources.get(0);
    assertEquals("PRESS-" + tag, press.path("code").asText());
    assertEquals("800吨压机", press.path("name").asText());
    assertEquals(workCentre, press.path("workCenterId").asLong());

    // the same hierarchy again under a new key: nothing new; a renamed press is updated in place
    postB2mml("b2mml-equipment", "plm-eq2-" + tag, b2mmlEquipment(tag, tag, "800吨压机")).expect(200);
    postB2mml("b2mml-equipment", "plm-eq3-" + tag, b2mmlEquipment(tag, tag, "800吨伺服压机"))
        .expect(200);
    resources = admin.get("/resources?plantId=" + plantId).expect(200).json().path("items");
    assertEquals(resources.toString(), 1, resources.size());
    assertEquals("800吨伺服压机", resources.get(0).path("name").asText());
    // a Site that is no plant is refused with its path, and nothing is written
    ItSupport.Response unknown =
        postB2mml("b2mml-equipment", "plm-eq4-" + tag, b2mmlEquipment("NOPLANT" + tag, tag, "x"));
    assertEquals(unknown.body(), 400, unknown.status());
    assertTrue(unknown.body(), unknown.body().contains("/EquipmentInformation/Equipment"));
  }

  private ItSupport.Response getXml(String path) {
    return admin.send("GET", path, null, null, Map.of("Accept", "application/xml"));
  }

  @Test
  public void aB2mmlPerformanceExportHoldsTheOrdersReports() {
    String tag = code("B2PP").toUpperCase(java.util.Locale.ROOT);
    JsonNode plant =
        admin.post("/plants", ItSupport.obj("code", tag, "name", "工厂 " + tag)).expect(201).json();
    long plantId = plant.path("id").asLong();
    long product =
        admin
            .post(
                "/materials",
                ItSupport.obj(
                    "code",
                    tag + "-FG",
                    "name",
                    "支架 " + tag,
                    "type",
                    "MANUFACTURED",
                    "baseUnit",
                    "PCS",
                    "plantId",
                    plantId))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    JsonNode wh =
        admin
            .post(
                "/warehouses", ItSupport.obj("plantId", plantId, "code", "W" + tag, "name", "成品库"))
            .expect(201)
            .json();
    long fgLoc =
        admin
            .post(
                "/warehouses/" + wh.path("id").asText() + "/locations",
                ItSupport.obj("code", "FG", "name", "FG"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    // no routing and no BOM: the released order has the one operation 10
    String orderCode = tag + "-WO-1";
    JsonNode order =
        admin
            .post(
                "/work-orders",
                ItSupport.obj(
                    "plantId",
                    plantId,
                    "code",
                    orderCode,
                    "materialId",
                    product,
                    "quantity",
                    10,
                    "receiveLocationId",
                    fgLoc))
            .expect(201)
            .json();
    long orderId = order.path("id").asLong();
    admin
        .post(
            "/work-orders/" + orderId + "/release",
            ItSupport.obj("version", order.path("version").asLong()))
        .expect(200);
    String reportKey = "MES-" + tag + "-1";
    admin
        .post(
            "/operation-reports",
            ItSupport.obj(
                "reportKey",
                reportKey,
                "workOrderId",
                orderId,
                "operationSeq",
                10,
                "good",
                7,
                "scrap",
                1,
                "reasonCode",
                "R1"))
        .expect(201);

    // yesterday to today (UTC days, inclusive): the report made just now is in the period
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    ItSupport.Response export =
        getXml(
            "/integration/b2mml/production-performance?plantId="
                + plantId
                + "&from="
                + today.minusDays(1)
                + "&to="
                + today);
    assertEquals(export.body(), 200, export.status());
    String xml = export.body();
    assertTrue(xml, xml.contains("<ProductionPerformance"));
    assertTrue(xml, xml.contains("<EquipmentID>" + tag + "</EquipmentID>"));
    assertTrue(xml, xml.contains("<ProductionRequestID>" + orderCode + "</ProductionRequestID>"));
    assertTrue(xml, xml.contains("<ID>" + reportKey + "</ID>"));
    assertTrue(xml, xml.contains("<ProcessSegmentID>10</ProcessSegmentID>"));
    assertTrue(
        xml,
        java.util.regex.Pattern.compile(
                "<QuantityString>7</QuantityString>\\s*<DataType>decimal</DataType>"
                    + "\\s*<UnitOfMeasure>PCS</UnitOfMeasure>\\s*<Key>Good</Key>")
            .matcher(xml)
            .find());
    assertTrue(
        xml,
        java.util.regex.Pattern.compile(
                "<QuantityString>1</QuantityString>\\s*<DataType>decimal</DataType>"
                    + "\\s*<UnitOfMeasure>PCS</UnitOfMeasure>\\s*<Key>Scrap</Key>")
            .matcher(xml)
            .find());
    // the default period, the last 24 hours, holds it too
    ItSupport.Response recent =
        getXml("/integration/b2mml/production-performance?plantId=" + plantId);
    assertEquals(recent.body(), 200, recent.status());
    assertTrue(recent.body(), recent.body().contains("<ID>" + reportKey + "</ID>"));

    // a plant the caller does not know: 404, as the other exports
    ItSupport.Response unknown =
        getXml("/integration/b2mml/production-performance?plantId=" + (plantId + 1_000_000));
    assertEquals(unknown.body(), 404, unknown.status());
    // more than 31 days, a malformed date: 400 with the field
    ItSupport.Response tooLong =
        getXml(
            "/integration/b2mml/production-performance?plantId="
                + plantId
                + "&from="
                + today.minusDays(40)
                + "&to="
                + today);
    assertEquals(tooLong.body(), 400, tooLong.status());
    assertTrue(tooLong.body(), tooLong.body().contains("period_too_long"));
    ItSupport.Response badDate =
        getXml("/integration/b2mml/production-performance?plantId=" + plantId + "&from=yesterday");
    assertEquals(badDate.body(), 400, badDate.status());
    assertTrue(badDate.body(), badDate.body().contains("from"));
  }

  @Test
  public void theWorkedPlmExampleTurnsItemFilesIntoMaterialsOnce() throws Exception {
    Path example = Path.of(System.getProperty("tianshu.it.docs"), "plm-items.camel.yaml");
    // the example reads data/plm/inbox relative to the container's working directory
    Path inbox = Path.of("data/plm/inbox").toAbsolutePath();
    Files.createDirectories(inbox);
    Path routeFile = routeFolder().resolve("plm-items.camel.yaml");
    Files.copy(example, routeFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    await("plm route", () -> route("plm-items") != null);
    try {
      String code = code("IT-PLM");
      String item =
          "{\"code\":\""
              + code
              + "\",\"name\":\"PLM 物料\",\"type\":\"PURCHASED\",\"baseUnit\":\"PCS\"}";
      writeAtomically(inbox.resolve(code + ".json"), item);
      await("material from PLM", () -> materialsWithCode(code).size() == 1);
      await("file done", () -> Files.exists(inbox.resolve(".done").resolve(code + ".json")));
      // the same file again: a duplicate message id, nothing new
      writeAtomically(inbox.resolve(code + ".json"), item.replace("PLM 物料", "PLM 物料 改"));
      await("file done again", () -> !Files.exists(inbox.resolve(code + ".json")));
      await(
          "second file processed",
          () -> route("plm-items").path("exchangesCompleted").asLong() >= 2);
      JsonNode materials = materialsWithCode(code);
      assertEquals(1, materials.size());
      assertEquals("PLM 物料", materials.get(0).path("name").asText());

      writeAtomically(inbox.resolve(code + "-bad.json"), "{\"code\":");
      await(
          "dead letter for the bad file",
          () -> openDeadLetter("plm-item-" + code + "-bad.json") != null);
    } finally {
      Files.deleteIfExists(routeFile);
    }
    await("plm route gone", () -> route("plm-items") == null);
  }

  @Test
  public void aWmsStockCountAdjustsTheCountedLocationsOnce() {
    String tag = code("WMS");
    JsonNode plant =
        admin.post("/plants", ItSupport.obj("code", tag, "name", "工厂 " + tag)).expect(201).json();
    JsonNode wh =
        admin
            .post(
                "/warehouses",
                ItSupport.obj("plantId", plant.path("id"), "code", "W" + tag, "name", "成品库"))
            .expect(201)
            .json();
    String locations = "/warehouses/" + wh.path("id").asText() + "/locations";
    long loc1 =
        admin
            .post(locations, ItSupport.obj("code", "A-01", "name", "A-01"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long loc2 =
        admin
            .post(locations, ItSupport.obj("code", "B-01", "name", "B-01"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long m1 = material(plant, tag + "-1");
    long m2 = material(plant, tag + "-2");
    receipt(m1, 100, loc1, "L1");
    receipt(m2, 40, loc1, null);
    receipt(m1, 30, loc2, "L1");

    // the WMS counted location A-01: 95 of m1/L1, no m2, and 12 of m1/L2 that Tianshu did not know
    var count =
        ItSupport.JSON
            .createObjectNode()
            .put("reference", "CNT-" + tag)
            .set(
                "lines",
                ItSupport.JSON
                    .createArrayNode()
                    .add(
                        ItSupport.obj(
                            "locationId", loc1, "materialId", m1, "lot", "L1", "quantity", 95))
                    .add(
                        ItSupport.obj(
                            "locationId", loc1, "materialId", m1, "lot", "L2", "quantity", 12)));
    ItSupport.Api wms = admin.withHeader("Idempotency-Key", "wms-count-" + tag);
    ItSupport.Response first = wms.post("/integration/inbound/stock-snapshot", count).expect(200);
    assertEquals("false", first.header("Tianshu-Duplicate"));
    JsonNode result = first.json();
    assertEquals(result.toString(), 3, result.path("adjustments").asInt());
    assertEquals(95, quantity(loc1, m1, "L1"));
    assertEquals(12, quantity(loc1, m1, "L2"));
    assertEquals(0, quantity(loc1, m2, null));
    assertEquals("location B-01 was not counted", 30, quantity(loc2, m1, "L1"));

    ItSupport.Response again = wms.post("/integration/inbound/stock-snapshot", count).expect(200);
    assertEquals("true", again.header("Tianshu-Duplicate"));
    assertEquals(first.body(), again.body());
    assertEquals(95, quantity(loc1, m1, "L1"));

    // a WMS transfer, once
    var transfer =
        ItSupport.obj(
            "type",
            "TRANSFER",
            "materialId",
            m1,
            "quantity",
            10,
            "locationId",
            loc2,
            "toLocationId",
            loc1,
            "lot",
            "L1",
            "reference",
            "WMS-TR-" + tag);
    ItSupport.Api wmsMove = admin.withHeader("Idempotency-Key", "wms-move-" + tag);
    wmsMove.post("/integration/inbound/stock-movement", transfer).expect(200);
    wmsMove.post("/integration/inbound/stock-movement", transfer).expect(200);
    assertEquals(20, quantity(loc2, m1, "L1"));
    assertEquals(105, quantity(loc1, m1, "L1"));

    // a count with a negative quantity is refused, listing the line
    ItSupport.Response bad =
        admin
            .withHeader("Idempotency-Key", "wms-bad-" + tag)
            .post(
                "/integration/inbound/stock-snapshot",
                ItSupport.JSON
                    .createObjectNode()
                    .put("reference", "CNT-BAD")
                    .set(
                        "lines",
                        ItSupport.JSON
                            .createArrayNode()
                            .add(
                                ItSupport.obj(
                                    "locationId", loc1, "materialId", m1, "quantity", -1))));
    assertEquals(400, bad.status());
    assertTrue(bad.body(), bad.body().contains("lines[0].quantity"));
  }

  @Test
  public void anEngineeringChangeFromPlmIsCreatedOnceAndUpdatedByNumberWhileDraft() {
    String tag = code("ECO");
    JsonNode plant =
        admin.post("/plants", ItSupport.obj("code", tag, "name", "工厂 " + tag)).expect(201).json();
    long a = material(plant, tag + "-A");
    long b = material(plant, tag + "-B");
    long c = material(plant, tag + "-C");
    admin
        .post(
            "/boms",
            ItSupport.obj(
                "parentMaterialId",
                a,
                "plantId",
                plant.path("id"),
                "revision",
                "1",
                "validFrom",
                "2026-01-01",
                "lines",
                java.util.List.of(ItSupport.obj("componentMaterialId", b, "quantityPer", 2))))
        .expect(201);
    java.util.function.Function<String, com.fasterxml.jackson.databind.node.ObjectNode> eco =
        title -> {
          var body =
              ItSupport.obj(
                  "plantId",
                  plant.path("id"),
                  "number",
                  "PLM-" + tag,
                  "title",
                  title,
                  "reason",
                  "PLM ECO",
                  "breakpoint",
                  "DATE",
                  "effectiveDate",
                  "2030-01-01");
          body.set(
              "boms",
              ItSupport.JSON.valueToTree(
                  java.util.List.of(
                      ItSupport.obj(
                          "parentMaterialId",
                          a,
                          "newRevision",
                          "2",
                          "lines",
                          java.util.List.of(
                              ItSupport.obj("componentMaterialId", c, "quantityPer", 3))))));
          return body;
        };
    ItSupport.Api plm = admin.withHeader("Idempotency-Key", "plm-eco-" + tag + "-1");
    JsonNode created =
        plm.post("/integration/inbound/engineering-change", eco.apply("A 改用 C")).expect(200).json();
    assertEquals("DRAFT", created.path("status").asText());
    // the same message again: the first answer, nothing new
    ItSupport.Response again =
        plm.post("/integration/inbound/engineering-change", eco.apply("A 改用 C"));
    assertEquals("true", again.expect(200).header("Tianshu-Duplicate"));
    // a later message with the same number updates the draft
    JsonNode updated =
        admin
            .withHeader("Idempotency-Key", "plm-eco-" + tag + "-2")
            .post("/integration/inbound/engineering-change", eco.apply("A 改用 3 C"))
            .expect(200)
            .json();
    assertEquals(created.path("id").asLong(), updated.path("id").asLong());
    assertEquals("A 改用 3 C", updated.path("title").asText());
    JsonNode list =
        admin.get("/engineering-changes?plantId=" + plant.path("id").asText()).expect(200).json();
    assertEquals(list.toString(), 1, list.path("total").asInt());
  }

  private long material(JsonNode plant, String code) {
    return admin
        .post(
            "/materials",
            ItSupport.obj(
                "code",
                code,
                "name",
                "物料 " + code,
                "type",
                "PURCHASED",
                "baseUnit",
                "PCS",
                "plantId",
                plant.path("id")))
        .expect(201)
        .json()
        .path("id")
        .asLong();
  }

  private void receipt(long material, int quantity, long location, String lot) {
    var body =
        ItSupport.obj(
            "type",
            "RECEIPT",
            "materialId",
            material,
            "quantity",
            quantity,
            "locationId",
            location);
    if (lot != null) {
      body.put("lot", lot);
    }
    admin.post("/stock/movements", body).expect(201);
  }

  private int quantity(long location, long material, String lot) {
    int sum = 0;
    for (JsonNode b :
        admin
            .get("/stock?locationId=" + location + "&materialId=" + material)
            .expect(200)
            .json()
            .path("items")) {
      if (lot == null
          ? b.path("lot").isNull() || b.path("lot").isMissingNode()
          : lot.equals(b.path("lot").asText())) {
        sum += b.path("quantity").asInt();
      }
    }
    return sum;
  }

  /** A command of a pack, registered by the probe, that fails for a passing reason a few times. */
  private static final class FlakyCommand implements io.tianshu.integration.InboundCommand {
    private final String name;
    private final int failures;
    final java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();

    FlakyCommand(String name, int failures) {
      this.name = name;
      this.failures = failures;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Object execute(io.tianshu.core.CallerContext caller, String payload) {
      if (calls.incrementAndGet() <= failures) {
        throw new IllegalStateException("backend busy (" + calls.get() + ")");
      }
      return Map.of("ok", payload);
    }
  }

  @Test
  public void passingFailuresAreRedeliveredAndThenDeadLettered() {
    // fails twice, then works: three attempts, no dead letter (the default allows 3 redeliveries)
    FlakyCommand flaky = new FlakyCommand("it-flaky-" + SEQ.incrementAndGet(), 2);
    // always fails: 1 + 3 attempts, then a dead letter that is not marked invalid
    FlakyCommand broken = new FlakyCommand("it-broken-" + SEQ.incrementAndGet(), Integer.MAX_VALUE);
    var r1 =
        bundleContext.registerService(io.tianshu.integration.InboundCommand.class, flaky, null);
    var r2 =
        bundleContext.registerService(io.tianshu.integration.InboundCommand.class, broken, null);
    try {
      String okId = code("flaky");
      Exchange ok = sendInbound(okId, flaky.name(), "\"x\"", Map.of());
      assertEquals(null, ok.getException());
      assertEquals(3, flaky.calls.get());
      assertEquals("{\"ok\":\"\\\"x\\\"\"}", ok.getMessage().getBody(String.class));
      assertEquals(null, openDeadLetter(okId));

      String brokenId = code("broken");
      Exchange failed = sendInbound(brokenId, broken.name(), "{}", Map.of());
      assertTrue(failed.getMessage().getHeader("TianshuDeadLetterId") != null);
      assertEquals(4, broken.calls.get());
      JsonNode dl = openDeadLetter(brokenId);
      assertTrue("dead letter for " + brokenId, dl != null);
      assertEquals(4, dl.path("attempts").asInt());
      assertFalse(dl.path("permanent").asBoolean());
      assertTrue(
          dl.path("reason").asText(), dl.path("reason").asText().contains("backend busy (4)"));
    } finally {
      r1.unregister();
      r2.unregister();
    }
  }

  @Test
  public void theRestApiIsForAuthenticatedAdministratorsOnly() {
    assertEquals(401, ItSupport.api().get("/integration/routes").status());
    assertFalse(admin.get("/integration/route-files").json().isObject());
  }
}
