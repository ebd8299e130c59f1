package io.tianshu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Operation reports over REST (issue 5): sets up a plant with a product FG ← 2 C1 + 0.5 C2 (both
 * backflushed at the last operation of a 10 → 20 routing, from one line-side location per client
 * holding three large lots of each), enough released work orders, then {@code clients} threads post
 * reports with their own HTTP/1.1 connection: per unit one report of 1 good at operation 10, then
 * one of 1 good at operation 20 (which backflushes both components, receives the product into the
 * order's lot and writes the genealogy), each with a unique report key. A warm-up share is excluded
 * from the figures. Then a sample of the same reports is posted again (same keys: the idempotent
 * path), and the rows in the database are counted against the accepted reports.
 *
 * <p>Usage: {@code ExecutionBench baseUrl jdbcUrl [reports] [clients]}; the admin password comes
 * from {@code TIANSHU_ADMIN_PASSWORD}. Run by {@code bench/execution.sh}.
 */
public final class ExecutionBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Units per work order: each order takes 2 × this many reports. */
  private static final int ORDER_QTY = 250;

  private final String base;
  private final String auth;
  private final HttpClient setupClient;

  private ExecutionBench(String base, String password) {
    this.base = base;
    this.auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    this.setupClient = client();
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String jdbc = args[1];
    int reports = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    String password = System.getenv("TIANSHU_ADMIN_PASSWORD");
    new ExecutionBench(base, password).run(jdbc, reports, clients);
  }

  /** One report to send: order, operation, key. */
  private record Report(long order, int seq, String key) {
    String body() {
      return "{\"reportKey\":\""
          + key
          + "\",\"workOrderId\":"
          + order
          + ",\"operationSeq\":"
          + seq
          + ",\"good\":1,\"station\":\"ST-"
          + seq
          + "\",\"operator\":\"bench\",\"shift\":\"A\"}";
    }
  }

  /** What one phase gave: latencies of the expected answers, wall time, failures. */
  private record Phase(long[] nanos, long wallNanos, int ok, int failed, List<String> errors) {}

  private void run(String jdbc, int reports, int clients) throws Exception {
    int warm = Math.max(500, reports / 10);
    int perClient = (reports + warm + clients - 1) / clients;
    int warmPerClient = (warm + clients - 1) / clients;
    long t0 = System.nanoTime();
    long plant = id(post("/plants", obj("code", "BENCH", "name", "报工基准厂"), 201));
    long fg = material(plant, "FG", "MANUFACTURED");
    long c1 = material(plant, "C1", "PURCHASED");
    long c2 = material(plant, "C2", "PURCHASED");
    String yesterday = LocalDate.now().minusDays(1).toString();
    ObjectNode bom =
        obj(
            "parentMaterialId",
            fg,
            "plantId",
            plant,
            "view",
            "MANUFACTURING",
            "revision",
            "1",
            "validFrom",
            yesterday);
    bom.putArray("lines")
        .add(obj("componentMaterialId", c1, "quantityPer", 2))
        .add(obj("componentMaterialId", c2, "quantityPer", 0.5));
    post("/boms", bom, 201);
    long workshop =
        id(
            post(
                "/org-units",
                obj("type", "WORKSHOP", "code", "WS", "name", "车间", "parentId", plant),
                201));
    long line =
        id(
            post(
                "/org-units",
                obj("type", "LINE", "code", "LN", "name", "产线", "parentId", workshop),
                201));
    long wc =
        id(
            post(
                "/org-units",
                obj("type", "WORK_CENTER", "code", "WC", "name", "工作中心", "parentId", line),
                201));
    ObjectNode routing =
        obj("plantId", plant, "materialId", fg, "revision", "1", "validFrom", yesterday);
    var operations = routing.putArray("operations");
    for (int op : new int[] {10, 20}) {
      operations.add(
          obj("opNo", op, "description", "工序" + op, "workCenterId", wc, "runMinutes", 2));
    }
    post("/routings", routing, 201);
    long wh = id(post("/warehouses", obj("plantId", plant, "code", "WH", "name", "库"), 201));
    long fgLoc = id(post("/warehouses/" + wh + "/locations", obj("code", "FG", "name", "成品"), 201));
    // One line-side location per client (as one per line), three lots of each component: FIFO
    // backflush takes the oldest, so the stock rows of one client are not shared with another.
    int unitsPerClient = (perClient + 1) / 2 + ORDER_QTY;
    long[] raw = new long[clients];
    for (int k = 0; k < clients; k++) {
      raw[k] =
          id(
              post(
                  "/warehouses/" + wh + "/locations",
                  obj("code", "RAW-" + k, "name", "线边" + k),
                  201));
      for (int lot = 1; lot <= 3; lot++) {
        receive(c1, 2L * unitsPerClient, raw[k], "C1-" + k + "-" + lot);
        receive(c2, unitsPerClient, raw[k], "C2-" + k + "-" + lot);
      }
    }
    // Each client reports against its own orders, one after the other: op 10 then op 20 per unit.
    int ordersPerClient = (perClient + 2 * ORDER_QTY - 1) / (2 * ORDER_QTY);
    List<List<Report>> plan = new ArrayList<>();
    List<Long> orders = new ArrayList<>();
    for (int k = 0; k < clients; k++) {
      List<Report> mine = new ArrayList<>();
      for (int o = 0; o < ordersPerClient && mine.size() < perClient; o++) {
        JsonNode w =
            post(
                "/work-orders",
                obj(
                    "plantId",
                    plant,
                    "materialId",
                    fg,
                    "quantity",
                    ORDER_QTY,
                    "issueLocationId",
                    raw[k],
                    "receiveLocationId",
                    fgLoc),
                201);
        long wid = w.path("id").asLong();
        post("/work-orders/" + wid + "/release", obj("version", w.path("version").asLong()), 200);
        orders.add(wid);
        for (int u = 0; u < ORDER_QTY && mine.size() < perClient; u++) {
          mine.add(new Report(wid, 10, "R" + k + "-" + wid + "-" + u + "-10"));
          if (mine.size() < perClient) {
            mine.add(new Report(wid, 20, "R" + k + "-" + wid + "-" + u + "-20"));
          }
        }
      }
      plan.add(mine);
    }
    System.out.printf(
        "setup: plant %d, %d released orders of %d units, %d clients, %.1f s%n",
        plant, orders.size(), ORDER_QTY, clients, (System.nanoTime() - t0) / 1e9);

    Phase w = phase(plan, 0, warmPerClient, 201);
    System.out.printf(
        "warm-up: %d reports (%d failed) in %.1f s, excluded%n",
        w.ok(), w.failed(), w.wallNanos() / 1e9);
    Phase m = phase(plan, warmPerClient, perClient, 201);
    print("reports (new keys)", m);
    int accepted = w.ok() + m.ok();

    // The idempotent path: the measured reports sent again with the same keys and bodies.
    int retries = Math.max(1, Math.min(perClient - warmPerClient, reports / clients / 2));
    int retryWarm = Math.max(1, retries / 10);
    Phase rw = phase(plan, warmPerClient, warmPerClient + retryWarm, 200);
    Phase r = phase(plan, warmPerClient + retryWarm, warmPerClient + retries, 200);
    System.out.printf("retry warm-up: %d (excluded)%n", rw.ok());
    print("retries (same keys, answered 200 with the first report)", r);

    // Durability: every accepted report is a row, and no retry added one.
    long restTotal = 0;
    for (long o : orders) {
      restTotal += get("/work-orders/" + o + "/reports?limit=1").path("total").asLong();
    }
    try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
        Statement st = c.createStatement()) {
      long rows = count(c, "SELECT count(*) FROM operation_report WHERE plant_id = ?", plant);
      long links = count(c, "SELECT count(*) FROM lot_genealogy WHERE plant_id = ?", plant);
      long done =
          count(
              c,
              "SELECT count(*) FROM work_order WHERE plant_id = ? AND status = 'COMPLETED'",
              plant);
      System.out.printf(
          "durability: accepted %d (201), rows in operation_report %d, REST totals %d -> %s%n",
          accepted, rows, restTotal, rows == accepted && restTotal == accepted ? "OK" : "MISMATCH");
      System.out.printf("genealogy rows %d, completed orders %d%n", links, done);
      StringBuilder settings = new StringBuilder("postgresql:");
      for (String s :
          List.of(
              "server_version",
              "synchronous_commit",
              "fsync",
              "wal_sync_method",
              "data_directory")) {
        try (ResultSet rs = st.executeQuery("SHOW " + s)) {
          rs.next();
          settings.append(' ').append(s).append('=').append(rs.getString(1));
        }
      }
      System.out.println(settings);
    }
  }

  private static long count(Connection c, String sql, long plant) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, plant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void print(String what, Phase p) {
    long[] n = p.nanos().clone();
    Arrays.sort(n);
    double secs = p.wallNanos() / 1e9;
    System.out.printf(
        "%s: %d in %.2f s = %.0f/s; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms;"
            + " failed %d%n",
        what,
        p.ok(),
        secs,
        p.ok() / secs,
        pct(n, 0.50),
        pct(n, 0.95),
        pct(n, 0.99),
        n.length == 0 ? 0 : n[n.length - 1] / 1e6,
        p.failed());
    for (String e : p.errors()) {
      System.out.println("  error: " + e);
    }
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** Each client sends its reports [from, to) in order on its own connection. */
  private Phase phase(List<List<Report>> plan, int from, int to, int expect) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(plan.size());
    AtomicInteger failed = new AtomicInteger();
    List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (List<Report> mine : plan) {
      futures.add(
          pool.submit(
              () -> {
                HttpClient http = client();
                List<Report> part =
                    mine.subList(Math.min(from, mine.size()), Math.min(to, mine.size()));
                long[] nanos = new long[part.size()];
                int n = 0;
                for (Report r : part) {
                  HttpRequest req =
                      HttpRequest.newBuilder(URI.create(base + "/operation-reports"))
                          .header("Authorization", auth)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(r.body()))
                          .build();
                  long t = System.nanoTime();
                  HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                  long d = System.nanoTime() - t;
                  if (resp.statusCode() == expect) {
                    nanos[n++] = d;
                  } else {
                    failed.incrementAndGet();
                    if (errors.size() < 5) {
                      errors.add(r.key() + ": " + resp.statusCode() + " " + resp.body());
                    }
                  }
                }
                return Arrays.copyOf(nanos, n);
              }));
    }
    List<long[]> parts = new ArrayList<>();
    for (Future<long[]> f : futures) {
      parts.add(f.get());
    }
    long wall = System.nanoTime() - start;
    pool.shutdown();
    long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
    return new Phase(all, wall, all.length, failed.get(), errors);
  }

  private long material(long plant, String code, String type) throws Exception {
    return id(
        post(
            "/materials",
            obj(
                "code",
                code,
                "name",
                "物料 " + code,
                "type",
                type,
                "baseUnit",
                "PCS",
                "plantId",
                plant),
            201));
  }

  private void receive(long material, long qty, long location, String lot) throws Exception {
    post(
        "/stock/movements",
        obj(
            "type",
            "RECEIPT",
            "materialId",
            material,
            "quantity",
            qty,
            "locationId",
            location,
            "lot",
            lot),
        201);
  }

  private static long id(JsonNode n) {
    return n.path("id").asLong();
  }

  private static ObjectNode obj(Object... kv) {
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      o.set((String) kv[i], JSON.valueToTree(kv[i + 1]));
    }
    return o;
  }

  private JsonNode post(String path, JsonNode body, int expect) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    HttpResponse<String> resp = setupClient.send(req, HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != expect) {
      throw new IllegalStateException(
          "POST " + path + " " + body + " -> " + resp.statusCode() + " " + resp.body());
    }
    return JSON.readTree(resp.body());
  }

  private JsonNode get(String path) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).GET().build();
    HttpResponse<String> resp = setupClient.send(req, HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " -> " + resp.statusCode() + " " + resp.body());
    }
    return JSON.readTree(resp.body());
  }
}
