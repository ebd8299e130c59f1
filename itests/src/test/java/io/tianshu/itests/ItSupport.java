package io.tianshu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Helpers for the container tests.
 *
 * <p>Two sides use this class: the driver (Maven's JVM) builds the container options and manages
 * the PostgreSQL test databases; the probe (inside the forked Karaf) talks HTTP to the product and
 * runs console commands. Values cross from driver to probe as system properties.
 */
public final class ItSupport {

  /** HTTP port of the container under test (set by the driver, read by the probe). */
  public static final String HTTP_PORT = "tianshu.it.httpPort";

  /** Admin password the container was started with. */
  public static final String ADMIN_PASSWORD = "tianshu.it.adminPassword";

  public static final String ADMIN = "admin";

  public static final ObjectMapper JSON = new ObjectMapper();

  private static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-tianshu.cfg";
  private static final String PG_HOST_URL = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String PG_USER = "postgres";

  private ItSupport() {}

  // ---------------------------------------------------------------- driver side: container setup

  /** The admin password: from failsafe's system property, else the environment, else a default. */
  public static String adminPassword() {
    String pw = System.getProperty(ADMIN_PASSWORD);
    if (pw == null || pw.isEmpty()) {
      pw = System.getenv("TIANSHU_ADMIN_PASSWORD");
    }
    return pw == null || pw.isEmpty() ? "It-Admin-Secret-1" : pw;
  }

  /** Options shared by every container: the assembled distribution, free ports, quiet logs. */
  public static Option[] baseOptions(Option... extra) {
    String distribution = System.getProperty("tianshu.distribution");
    if (distribution == null) {
      distribution = "../karaf-assembly/target/tianshu-0.1.0-SNAPSHOT.tar.gz";
    }
    File archive = new File(distribution).getAbsoluteFile();
    if (!archive.isFile()) {
      throw new IllegalStateException("Distribution not found: " + archive);
    }
    int httpPort = freePort();
    List<Option> all = new ArrayList<>();
    all.add(
        karafDistributionConfiguration()
            .frameworkUrl(archive.toURI().toString())
            .name("Tianshu")
            .karafVersion("4.4.9")
            .unpackDirectory(new File(buildDir(), "exam"))
            .useDeployFolder(false));
    all.add(configureConsole().ignoreLocalConsole());
    all.add(logLevel(LogLevel.valueOf(System.getProperty("tianshu.it.logLevel", "WARN"))));
    all.add(systemTimeout(TimeUnit.MINUTES.toMillis(3)));
    all.add(vmOption("-Xmx1g"));
    all.add(
        editConfigurationFilePut(
            "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(httpPort)));
    all.add(
        editConfigurationFilePut(
            "etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())));
    all.add(
        editConfigurationFilePut(
            "etc/org.apache.karaf.management.cfg",
            "rmiRegistryPort",
            Integer.toString(freePort())));
    all.add(
        editConfigurationFilePut(
            "etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())));
    all.add(systemProperty(HTTP_PORT).value(Integer.toString(httpPort)));
    all.add(systemProperty(ADMIN_PASSWORD).value(adminPassword()));
    all.add(systemProperty("pax.exam.service.timeout").value("120000"));
    // The probe waits this long for Pax Exam's invoker; bundles start one after the other and the
    // database migrations run in between, which on a busy machine takes more than its 10 s.
    all.add(
        systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT")
            .value("180000"));
    // The probe's invoker factory looks the Injector up with swissbox's own default of 10 s; when
    // it
    // gives up the invoker is never registered and the driver waits for it forever (seen at boot
    // while the migrations held back the bundles after them).
    all.add(
        systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT")
            .value("180000"));
    // ...and the junit invoker factory passes a timeout of its own to that lookup (also 10 s)
    all.add(
        systemProperty(
                "org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
            .value("180000"));
    if (Boolean.getBoolean("tianshu.it.keep")) {
      all.add(keepRuntimeFolder());
    }
    all.addAll(List.of(extra));
    return options(all.toArray(new Option[0]));
  }

  /** Points the container's datasource at an embedded Derby database at an absolute path. */
  public static Option[] derbyAt(File dir) {
    return options(
        editConfigurationFilePut(
            DATASOURCE_CFG,
            "url",
            "jdbc:derby:" + dir.getAbsolutePath().replace('\\', '/') + ";create=true"));
  }

  /** Points the container's datasource at a database on the local PostgreSQL server. */
  /** Loads the demo group on the container's first start (DemoData reads tianshu.demo). */
  public static Option demo() {
    return systemProperty("tianshu.demo").value("true");
  }

  public static Option[] postgres(String database) {
    return options(
        editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
        editConfigurationFilePut(DATASOURCE_CFG, "url", PG_HOST_URL + database),
        editConfigurationFilePut(DATASOURCE_CFG, "user", PG_USER),
        editConfigurationFilePut(DATASOURCE_CFG, "password", ""),
        editConfigurationFilePut(DATASOURCE_CFG, "dataSourceName", "tianshu"),
        editConfigurationFilePut(DATASOURCE_CFG, "pool", "dbcp2"),
        editConfigurationFilePut(DATASOURCE_CFG, "xa", "true"));
  }

  /** Databases this driver JVM created, by the test class that asked for them. */
  private static final Map<String, String> DATABASES = new ConcurrentHashMap<>();

  private static final long STALE_AFTER_SECONDS = TimeUnit.HOURS.toSeconds(6);

  /**
   * The PostgreSQL database of a test class, created on first use. The JUnit Platform may build a
   * Pax Exam runner (and so call {@code @Configuration}) more than once per class, hence the cache.
   * Databases are dropped by {@link DropDatabasesListener} when the test plan ends (Pax Exam runs
   * {@code @AfterClass} inside the container, not on the driver), with a shutdown hook as fallback;
   * leftovers of killed runs are dropped here after some hours.
   */
  public static synchronized String postgresDatabaseFor(Class<?> testClass) {
    return DATABASES.computeIfAbsent(testClass.getName(), k -> createPostgresDatabase());
  }

  private static String createPostgresDatabase() {
    long now = System.currentTimeMillis() / 1000;
    String name =
        "tianshu_it_" + now + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    try (Connection c = DriverManager.getConnection(PG_HOST_URL + "postgres", PG_USER, "");
        Statement s = c.createStatement()) {
      dropStaleDatabases(s, now);
      s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create PostgreSQL database " + name, e);
    }
    if (DATABASES.isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(ItSupport::dropPostgresDatabases));
    }
    return name;
  }

  private static void dropStaleDatabases(Statement s, long now) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'tianshu_it_%'")) {
      while (rs.next()) {
        String[] parts = rs.getString(1).split("_");
        try {
          if (parts.length == 4 && now - Long.parseLong(parts[2]) > STALE_AFTER_SECONDS) {
            stale.add(rs.getString(1));
          }
        } catch (NumberFormatException e) {
          stale.add(rs.getString(1)); // an older naming scheme
        }
      }
    }
    for (String name : stale) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /** Drops every database this driver JVM created. */
  public static synchronized void dropPostgresDatabases() {
    for (String name : List.copyOf(DATABASES.values())) {
      try (Connection c = DriverManager.getConnection(PG_HOST_URL + "postgres", PG_USER, "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        DATABASES.values().remove(name);
      } catch (SQLException e) {
        System.err.println("Cannot drop PostgreSQL database " + name + ": " + e);
      }
    }
  }

  public static File buildDir() {
    return new File(System.getProperty("tianshu.it.buildDir", "target")).getAbsoluteFile();
  }

  /**
   * Ports for the containers, handed out once each per test JVM and taken below the kernel's
   * ephemeral range (32768+): a port asked of the kernel with bind(0) could be handed out again, or
   * be taken by a client connection, before a later container binds it, and a test would then talk
   * to another container (seen once: a container still shutting down answered a health check).
   */
  private static final AtomicInteger NEXT_PORT =
      new AtomicInteger(20_000 + (int) (ProcessHandle.current().pid() % 400) * 25);

  public static int freePort() {
    for (int i = 0; i < 2_000; i++) {
      int port = NEXT_PORT.getAndIncrement();
      if (port >= 32_000) {
        NEXT_PORT.set(20_000);
        continue;
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        // in use: try the next one
      }
    }
    throw new IllegalStateException("No free port between 20000 and 32000");
  }

  // ---------------------------------------------------------------- probe side: REST client

  /** A client for the REST API of the container this probe runs in. */
  public static Api api() {
    return new Api(Integer.getInteger(HTTP_PORT, 8181), null, null);
  }

  public static Api admin() {
    return api().as(ADMIN, System.getProperty(ADMIN_PASSWORD, adminPassword()));
  }

  /**
   * Waits until /health answers 200 with status UP, then until the admin API answers something
   * other than 404/503 (the JAX-RS whiteboard registers resources one by one, so /health can be up
   * a moment before /plants and /materials are).
   */
  public static void awaitHealthy(Duration timeout) {
    Api anonymous = api();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    boolean healthy = false;
    while (!healthy && System.nanoTime() < deadline) {
      try {
        Response r = anonymous.get("/health");
        last = r.status() + " " + r.body();
        healthy = r.status() == 200 && "UP".equals(r.json().path("status").asText());
      } catch (RuntimeException e) {
        last = e.toString();
      }
      if (!healthy) {
        sleep(500);
      }
    }
    if (!healthy) {
      fail("Tianshu did not become healthy in " + timeout + "; last: " + last);
    }
    Api admin = admin();
    while (System.nanoTime() < deadline) {
      Response plants = admin.get("/plants?limit=1");
      Response materials = admin.get("/materials?limit=1");
      last = plants.status() + "/" + materials.status() + " " + plants.body();
      if (ready(plants) && ready(materials)) {
        return;
      }
      sleep(500);
    }
    fail("Tianshu API not ready in " + timeout + "; last: " + last);
  }

  private static boolean ready(Response r) {
    return r.status() != 404 && r.status() != 503;
  }

  /** An HTTP answer. */
  public record Response(int status, java.net.http.HttpHeaders headers, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (status " + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
      String ct = header("Content-Type");
      return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
    }

    /** Asserts the status and returns this answer. */
    public Response expect(int expected) {
      assertEquals("HTTP status; body: " + body, expected, status);
      return this;
    }

    /** Asserts a problem+json answer with the given status. */
    public JsonNode expectProblem(int expected) {
      expect(expected);
      assertTrue(
          "problem+json content type, got " + contentType(),
          contentType().startsWith("application/problem+json"));
      JsonNode problem = json();
      assertEquals(expected, problem.path("status").asInt());
      assertTrue("problem has a title: " + body, problem.hasNonNull("title"));
      return problem;
    }
  }

  /** HTTP calls against /api/v1 with optional Basic credentials. */
  public static final class Api {
    private static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final int port;
    private final String user;
    private final String password;
    private final Map<String, String> headers;

    Api(int port, String user, String password) {
      this(port, user, password, Map.of());
    }

    private Api(int port, String user, String password, Map<String, String> headers) {
      this.port = port;
      this.user = user;
      this.password = password;
      this.headers = headers;
    }

    public Api as(String newUser, String newPassword) {
      return new Api(port, newUser, newPassword, headers);
    }

    /** The same client, sending one more header with every request (e.g. Idempotency-Key). */
    public Api withHeader(String name, String value) {
      Map<String, String> more = new java.util.LinkedHashMap<>(headers);
      more.put(name, value);
      return new Api(port, user, password, Map.copyOf(more));
    }

    public Response get(String path) {
      return send("GET", path, null);
    }

    public Response post(String path, Object body) {
      return send("POST", path, body);
    }

    public Response put(String path, Object body) {
      return send("PUT", path, body);
    }

    public Response delete(String path) {
      return send("DELETE", path, null);
    }

    /** Sends a body as is (a String is sent verbatim, anything else as JSON). */
    /** A POST of a text body with its own content type (CSV, malformed JSON). */
    public Response postText(String path, String contentType, String text) {
      return send("POST", path, text, contentType);
    }

    public Response send(String method, String path, Object body) {
      return send(method, path, body, "application/json");
    }

    /** A request with extra headers (they replace defaults such as Accept). */
    public Response send(
        String method,
        String path,
        String contentType,
        String text,
        java.util.Map<String, String> extra) {
      return sendWith(method, path, text, contentType, extra);
    }

    private Response send(String method, String path, Object body, String contentType) {
      return sendWith(method, path, body, contentType, java.util.Map.of());
    }

    private Response sendWith(
        String method,
        String path,
        Object body,
        String contentType,
        java.util.Map<String, String> extra) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json, application/problem+json");
      headers.forEach(b::header);
      if (user != null) {
        String token = user + ":" + password;
        b.header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
      }
      extra.forEach(b::setHeader);
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        String text;
        try {
          text = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        b.header("Content-Type", contentType);
        b.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
      }
      try {
        HttpResponse<String> r =
            CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.headers(), r.body());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  // ---------------------------------------------------------------- JSON helpers

  /** Builds a JSON object from alternating keys and values (JsonNode values kept as they are). */
  public static ObjectNode obj(Object... keyValues) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      String key = (String) keyValues[i];
      Object value = keyValues[i + 1];
      if (value instanceof JsonNode j) {
        node.set(key, j);
      } else {
        node.set(key, JSON.valueToTree(value));
      }
    }
    return node;
  }

  /** The text form of an id, whatever its JSON type (number or string). */
  public static String id(JsonNode entity) {
    JsonNode id = entity.get("id");
    assertTrue("entity has an id: " + entity, id != null && !id.isNull());
    return id.asText();
  }

  /** Values of one field over the items of a list answer. */
  public static Set<String> fieldValues(JsonNode list, String field) {
    Set<String> values = new HashSet<>();
    for (JsonNode item : list.path("items")) {
      JsonNode v = item.get(field);
      values.add(v == null || v.isNull() ? null : v.asText());
    }
    return values;
  }

  /** Text of a node that may hold JSON as a string or as an object. */
  public static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    return node.isTextual() ? node.asText() : node.toString();
  }

  // ---------------------------------------------------------------- probe side: console

  /**
   * Runs a console command as admin (user and role principals), the way Karaf's own integration
   * tests do. Retries while the command is not registered yet.
   */
  public static String executeCommand(SessionFactory sessionFactory, String command) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        return executeOnce(sessionFactory, command);
      } catch (Exception e) {
        String msg = String.valueOf(e.getMessage()) + " " + e.getCause();
        if (!msg.contains("not found") || System.nanoTime() > deadline) {
          throw new AssertionError("Command failed: " + command + ": " + e, e);
        }
        sleep(500);
      }
    }
  }

  /**
   * Runs a console command once as the given user with the given JAAS roles, as an SSH login of
   * that user would; returns the output, or "FAILED: " and the error when the command is refused or
   * fails.
   */
  public static String tryCommandAs(
      SessionFactory sessionFactory, String command, String user, String... roles) {
    Subject subject = new Subject();
    subject.getPrincipals().add(new UserPrincipal(user));
    for (String role : roles) {
      subject.getPrincipals().add(new RolePrincipal(role));
    }
    try {
      return executeOnce(sessionFactory, command, subject);
    } catch (Exception e) {
      return "FAILED: " + e;
    }
  }

  private static String executeOnce(SessionFactory sessionFactory, String command)
      throws Exception {
    Subject subject = new Subject();
    subject.getPrincipals().add(new UserPrincipal(ADMIN));
    subject.getPrincipals().add(new RolePrincipal("admin"));
    return executeOnce(sessionFactory, command, subject);
  }

  private static String executeOnce(SessionFactory sessionFactory, String command, Subject subject)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream printStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    Session session =
        sessionFactory.create(new ByteArrayInputStream(new byte[0]), printStream, errStream);
    PrivilegedExceptionAction<String> action =
        () -> {
          Object result = session.execute(command);
          if (result != null) {
            session.getConsole().println(result.toString());
          }
          printStream.flush();
          errStream.flush();
          return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        };
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<String> result = executor.submit(() -> Subject.doAs(subject, action));
      return result.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.security.PrivilegedActionException p) {
        cause = p.getException();
      }
      throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
    } finally {
      executor.shutdownNow();
      session.close();
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
