package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.core.NotFoundException;
import io.tianshu.integration.RouteFile;
import io.tianshu.integration.RouteInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route files and RoutesBuilder contributions against a real Camel context, without OSGi. */
class RouteManagerTest {
  @TempDir Path folder;
  private DefaultCamelContext context;
  private RouteManager routes;
  private ProducerTemplate template;
  private long mtime = 1_700_000_000_000L;

  @BeforeEach
  void start() {
    context = new DefaultCamelContext(false);
    RouteCounters counters = new RouteCounters();
    context.build();
    context.getManagementStrategy().addEventNotifier(counters);
    context.getShutdownStrategy().setTimeout(5);
    context.start();
    routes = new RouteManager(context, counters, folder, Clock.systemUTC());
    template = context.createProducerTemplate();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  /** Writes a file with a fresh modification time: edits in one millisecond still count. */
  private void write(String name, String content) throws Exception {
    Path p = folder.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    mtime += 1000;
    Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
  }

  private static String yaml(String id, String from, String suffix) {
    return """
        - route:
            id: %s
            from:
              uri: "%s"
              steps:
                - setBody:
                    simple: "${body}-%s"
        """
        .formatted(id, from, suffix);
  }

  private RouteFile file(String name) {
    return routes.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aYamlFileIsAddedUpdatedAndRemovedLive() throws Exception {
    write("orders.camel.yaml", yaml("orders", "direct:orders", "v1"));
    routes.scan();
    assertThat(template.requestBody("direct:orders", "x", String.class)).isEqualTo("x-v1");
    assertThat(file("orders.camel.yaml").status()).isEqualTo(RouteFile.Status.LOADED);
    assertThat(file("orders.camel.yaml").routeIds()).containsExactly("orders");

    write("orders.camel.yaml", yaml("orders", "direct:orders", "v2"));
    routes.scan();
    assertThat(template.requestBody("direct:orders", "x", String.class)).isEqualTo("x-v2");

    Files.delete(folder.resolve("orders.camel.yaml"));
    routes.scan();
    assertThat(routes.routes()).isEmpty();
    assertThat(routes.files()).isEmpty();
  }

  @Test
  void aBrokenEditLeavesTheOldRouteRunningAndSaysWhy() throws Exception {
    write("orders.camel.yaml", yaml("orders", "direct:orders", "v1"));
    routes.scan();

    write("orders.camel.yaml", "- route:\n    id: orders\n    from: [unclosed\n");
    routes.scan();
    RouteFile f = file("orders.camel.yaml");
    assertThat(f.status()).isEqualTo(RouteFile.Status.FAILED);
    assertThat(f.error()).startsWith("does not parse");
    assertThat(f.routeIds()).containsExactly("orders");
    assertThat(template.requestBody("direct:orders", "x", String.class)).isEqualTo("x-v1");
    assertThat(routes.route("orders").state()).isEqualTo("Started");

    // parses, but its endpoint does not exist: the new route cannot start, the old one comes back
    write("orders.camel.yaml", yaml("orders", "nosuchcomponent:foo", "v3"));
    routes.scan();
    f = file("orders.camel.yaml");
    assertThat(f.status()).isEqualTo(RouteFile.Status.FAILED);
    assertThat(f.error()).startsWith("its routes do not start").contains("nosuchcomponent");
    assertThat(template.requestBody("direct:orders", "x", String.class)).isEqualTo("x-v1");

    // fixing the file clears the error
    write("orders.camel.yaml", yaml("orders", "direct:orders", "v4"));
    routes.scan();
    assertThat(file("orders.camel.yaml").status()).isEqualTo(RouteFile.Status.LOADED);
    assertThat(file("orders.camel.yaml").error()).isNull();
    assertThat(template.requestBody("direct:orders", "x", String.class)).isEqualTo("x-v4");
  }

  @Test
  void aFirstVersionThatDoesNotParseRunsNothing() throws Exception {
    write("bad.camel.yaml", "- route: {from: {uri: ");
    routes.scan();
    assertThat(file("bad.camel.yaml").status()).isEqualTo(RouteFile.Status.FAILED);
    assertThat(file("bad.camel.yaml").routeIds()).isEmpty();
    assertThat(routes.routes()).isEmpty();
  }

  @Test
  void xmlRoutesLoadToo() throws Exception {
    write(
        "receipts.camel.xml",
        """
        <routes xmlns="http://camel.apache.org/schema/xml-io">
          <route id="receipts">
            <from uri="direct:receipts"/>
            <setBody><simple>${body}-xml</simple></setBody>
          </route>
        </routes>
        """);
    routes.scan();
    assertThat(template.requestBody("direct:receipts", "r", String.class)).isEqualTo("r-xml");
    assertThat(routes.route("receipts").source()).isEqualTo("file:receipts.camel.xml");
    assertThat(routes.route("receipts").from()).isEqualTo("direct://receipts");
  }

  @Test
  void routesWithoutIdsAreNamedAfterTheirFile() throws Exception {
    write(
        "plm.camel.yaml",
        """
        - from:
            uri: "direct:a"
            steps:
              - setBody: {constant: "a"}
        - from:
            uri: "direct:b"
            steps:
              - setBody: {constant: "b"}
        """);
    routes.scan();
    assertThat(file("plm.camel.yaml").routeIds()).containsExactly("plm-1", "plm-2");
    write(
        "plm.camel.yaml",
        """
        - from:
            uri: "direct:a"
            steps:
              - setBody: {constant: "A"}
        - from:
            uri: "direct:b"
            steps:
              - setBody: {constant: "B"}
        """);
    routes.scan();
    assertThat(file("plm.camel.yaml").routeIds()).containsExactly("plm-1", "plm-2");
    assertThat(template.requestBody("direct:b", "", String.class)).isEqualTo("B");
  }

  @Test
  void aRouteIdOfAnotherFileIsRefused() throws Exception {
    write("a.camel.yaml", yaml("shared", "direct:a", "a"));
    routes.scan();
    write("b.camel.yaml", yaml("shared", "direct:b", "b"));
    routes.scan();
    assertThat(file("b.camel.yaml").status()).isEqualTo(RouteFile.Status.FAILED);
    assertThat(file("b.camel.yaml").error()).contains("already used by file:a.camel.yaml");
    assertThat(template.requestBody("direct:a", "x", String.class)).isEqualTo("x-a");
    assertThat(routes.routes()).extracting(RouteInfo::id).containsExactly("shared");
  }

  @Test
  void aTouchWithoutChangeReloadsNothingAndReloadOnRequestDoes() throws Exception {
    write("orders.camel.yaml", yaml("orders", "direct:orders", "v1"));
    routes.scan();
    var loadedAt = file("orders.camel.yaml").loadedAt();
    Files.setLastModifiedTime(
        folder.resolve("orders.camel.yaml"), FileTime.fromMillis(mtime += 1000));
    routes.scan();
    assertThat(file("orders.camel.yaml").loadedAt()).isEqualTo(loadedAt);

    template.requestBody("direct:orders", "x");
    assertThat(routes.route("orders").exchangesCompleted()).isEqualTo(1);
    RouteFile reloaded = routes.reload("orders.camel.yaml");
    assertThat(reloaded.status()).isEqualTo(RouteFile.Status.LOADED);
    assertThat(routes.route("orders").exchangesCompleted()).isZero();
    assertThatThrownBy(() -> routes.reload("../secret.camel.yaml"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> routes.reload("missing.camel.yaml"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void countersCountCompletedAndFailedExchanges() throws Exception {
    write(
        "fail.camel.yaml",
        """
        - route:
            id: fail
            from:
              uri: "direct:fail"
              steps:
                - throwException:
                    exceptionType: "java.lang.IllegalStateException"
                    message: "boom"
        """);
    write("ok.camel.yaml", yaml("ok", "direct:ok", "ok"));
    routes.scan();
    for (int i = 0; i < 3; i++) {
      template.requestBody("direct:ok", "x");
    }
    assertThatThrownBy(() -> template.requestBody("direct:fail", "x")).hasRootCauseMessage("boom");
    RouteInfo ok = routes.route("ok");
    assertThat(ok.exchangesCompleted()).isEqualTo(3);
    assertThat(ok.exchangesFailed()).isZero();
    assertThat(ok.lastExchangeAt()).isNotNull();
    RouteInfo fail = routes.route("fail");
    assertThat(fail.exchangesCompleted()).isZero();
    assertThat(fail.exchangesFailed()).isEqualTo(1);
  }

  @Test
  void stopAndStartARoute() throws Exception {
    write("orders.camel.yaml", yaml("orders", "direct:orders", "v1"));
    routes.scan();
    assertThat(routes.stop("orders").state()).isEqualTo("Stopped");
    assertThat(routes.start("orders").state()).isEqualTo("Started");
    assertThat(template.requestBody("direct:orders", "x", String.class)).isEqualTo("x-v1");
    assertThatThrownBy(() -> routes.stop("nope")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aBuilderServiceAddsAndRemovesItsRoutes() throws Exception {
    Object key = new Object();
    routes.addBuilder(
        key,
        "bundle:io.tianshu.test",
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:pack").routeId("pack").setBody(constant("from pack"));
          }
        });
    assertThat(routes.route("pack").source()).isEqualTo("bundle:io.tianshu.test");
    assertThat(template.requestBody("direct:pack", "", String.class)).isEqualTo("from pack");

    // a route file may not take the builder's id
    write("pack.camel.yaml", yaml("pack", "direct:other", "x"));
    routes.scan();
    assertThat(file("pack.camel.yaml").error()).contains("already used by bundle:io.tianshu.test");

    routes.removeBuilder(key);
    assertThat(routes.routes()).isEmpty();
  }

  @Test
  void aBrokenBuilderAddsNothing() {
    routes.addBuilder(
        new Object(),
        "bundle:broken",
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:ok1").routeId("ok1").log("ok");
            from("nosuchcomponent:x").routeId("bad").log("bad");
          }
        });
    assertThat(routes.routes()).isEmpty();
  }
}
