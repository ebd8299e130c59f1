package io.tianshu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.Test;
import org.junit.runner.RunWith;
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
  public void theRestApiIsForAuthenticatedAdministratorsOnly() {
    assertEquals(401, ItSupport.api().get("/integration/routes").status());
    assertFalse(admin.get("/integration/route-files").json().isObject());
  }
}
