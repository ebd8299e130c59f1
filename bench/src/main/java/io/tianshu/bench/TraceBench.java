package io.tianshu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Lot genealogy trace (issue 5). Generates a genealogy history straight into the server's
 * (migrated, otherwise empty) PostgreSQL database by COPY: {@value #PLANTS} plants, each with lots
 * on {@value #LEVELS} levels (0 raw … 6 finished), the same number of lots per level; every lot
 * above raw was made by one work order from 2–4 lots of the level below (mean 3), drawn from a
 * window of ±{@value #WINDOW} lots around its own position, so each lot also goes into about 3 lots
 * of the next level. Rows are written in time order (lot position, then plant, then level),
 * interleaving plants and levels as a real history would. Then times {@code GET /genealogy …
 * levels=5} through REST forward from raw lots and backward from finished lots, the same trace done
 * by the bench over JDBC with the server's query (one query per lot), and a variant with one query
 * per level; prints EXPLAIN ANALYZE of one edge query.
 *
 * <p>Usage: {@code TraceBench baseUrl jdbcUrl [edges] [samples]}; admin password from {@code
 * TIANSHU_ADMIN_PASSWORD}. Run by {@code bench/trace.sh}.
 */
public final class TraceBench {
  static final int PLANTS = 20;
  static final int LEVELS = 7;
  static final int WINDOW = 16;
  private static final int[] MATERIALS_PER_LEVEL = {40, 30, 20, 15, 10, 8, 5};
  private static final long PLANT_BASE = 1_000_000;
  private static final long MATERIAL_BASE = 1_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The server's edge query (WorkOrderStore.edges, caller with all plants), either side. */
  private static final String EDGES =
      "SELECT g.parent_material_id, pm.code AS parent_code, g.parent_lot, g.child_material_id,"
          + " cm.code AS child_code, g.child_lot, SUM(g.quantity) AS qty, g.work_order_id, w.code"
          + " AS wo_code FROM lot_genealogy g JOIN material pm ON pm.id = g.parent_material_id"
          + " JOIN material cm ON cm.id = g.child_material_id LEFT JOIN work_order w ON w.id ="
          + " g.work_order_id WHERE %s GROUP BY g.parent_material_id, pm.code, g.parent_lot,"
          + " g.child_material_id, cm.code, g.child_lot, g.work_order_id, w.code ORDER BY pm.code,"
          + " g.parent_lot, cm.code, g.child_lot";

  private final int lots;

  private TraceBench(int lots) {
    this.lots = lots;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String jdbc = args[1];
    long edges = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
    int samples = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    int lots = (int) Math.max(2 * WINDOW + 2, edges / (PLANTS * (LEVELS - 1) * 3L));
    TraceBench b = new TraceBench(lots);
    // "-" as the base URL: JDBC measurements only, on a history generated before (kept with
    // BENCH_KEEP_DB=1; same edges argument), e.g. to try an index by SQL.
    if (!base.equals("-")) {
      try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
        b.generate(c);
      }
    }
    b.measure(base, jdbc, samples);
  }

  static long materialId(int plant, int level, int m) {
    return MATERIAL_BASE + plant * 1000L + level * 100L + m;
  }

  static long materialOf(int plant, int level, int idx) {
    return materialId(plant, level, idx % MATERIALS_PER_LEVEL[level]);
  }

  static String lot(int plant, int level, int idx) {
    return String.format("L%d-P%02d-%07d", level, plant, idx);
  }

  /** Work order that made lot (plant, level ≥ 1, idx). */
  long orderId(int plant, int level, int idx) {
    return 1 + ((long) idx * PLANTS + plant) * (LEVELS - 1) + (level - 1);
  }

  private void generate(Connection c) throws Exception {
    long t0 = System.nanoTime();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      // Data made consistent by construction: no foreign key triggers during the load.
      st.execute("SET session_replication_role = replica");
      st.execute("DROP INDEX ix_lot_genealogy_parent");
      st.execute("DROP INDEX ix_lot_genealogy_child");
      st.execute("DROP INDEX ix_work_order_status");
      st.execute("DROP INDEX ix_work_order_material");
      st.execute("DROP INDEX ix_work_order_receipt");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO org_unit (id, unit_type, code, name, plant_id, status, version,"
                + " created_at, created_by, updated_at, updated_by) VALUES (?, 'PLANT', ?, ?, ?,"
                + " 'ACTIVE', 0, now(), 'bench', now(), 'bench')")) {
      for (int p = 0; p < PLANTS; p++) {
        ps.setLong(1, PLANT_BASE + p);
        ps.setString(2, String.format("GP%02d", p));
        ps.setString(3, "谱系厂 " + p);
        ps.setLong(4, PLANT_BASE + p);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO material (id, code, name, material_type, base_uom, status,"
                + " owner_plant_id, version, created_at, created_by, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, 'PCS', 'ACTIVE', ?, 0, now(), 'bench', now(), 'bench')")) {
      for (int p = 0; p < PLANTS; p++) {
        for (int k = 0; k < LEVELS; k++) {
          for (int m = 0; m < MATERIALS_PER_LEVEL[k]; m++) {
            String code = String.format("P%02d-L%d-M%02d", p, k, m);
            ps.setLong(1, materialId(p, k, m));
            ps.setString(2, code);
            ps.setString(3, "物料 " + code);
            ps.setString(4, k == 0 ? "PURCHASED" : "MANUFACTURED");
            ps.setLong(5, PLANT_BASE + p);
            ps.addBatch();
          }
        }
      }
      ps.executeBatch();
    }
    c.commit();
    // Two COPY streams on two connections, fed in one pass.
    try (Connection c2 = DriverManager.getConnection(c.getMetaData().getURL(), "postgres", "")) {
      c2.setAutoCommit(false);
      try (Statement st = c2.createStatement()) {
        st.execute("SET session_replication_role = replica");
      }
      CopyIn wo =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY work_order (id, plant_id, code, kind, status, material_id, quantity, unit,"
                      + " lot, start_date, due_date, completed_quantity, scrap_quantity,"
                      + " completed_at, closed_at, created_at, created_by, version) FROM STDIN");
      CopyIn gen =
          c2.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY lot_genealogy (plant_id, parent_material_id, parent_lot,"
                      + " child_material_id, child_lot, quantity, work_order_id, created_at) FROM"
                      + " STDIN");
      StringBuilder wob = new StringBuilder(1 << 20);
      StringBuilder gb = new StringBuilder(1 << 21);
      long edges = 0;
      long start = java.time.LocalDate.of(2023, 1, 1).toEpochDay();
      int[] picked = new int[4];
      for (int i = 0; i < lots; i++) {
        // lot position i is made on day start + i * 1000 / lots (about three years of history)
        String day = java.time.LocalDate.ofEpochDay(start + (long) i * 1000 / lots).toString();
        for (int p = 0; p < PLANTS; p++) {
          for (int k = 1; k < LEVELS; k++) {
            long wid = orderId(p, k, i);
            long pm = materialOf(p, k, i);
            String pl = lot(p, k, i);
            wob.append(wid).append('\t').append(PLANT_BASE + p).append("\tWO-L").append(k);
            wob.append('-').append(i).append("\tSTANDARD\tCLOSED\t").append(pm);
            wob.append("\t100\tPCS\t").append(pl).append('\t').append(day).append('\t');
            wob.append(day).append("\t100\t0\t").append(day).append(' ').append("12:00:00\t");
            wob.append(day).append(" 18:00:00\t").append(day).append(" 06:00:00\tbench\t3\n");
            SplittableRandom r = new SplittableRandom(wid * 0x9E3779B97F4A7C15L);
            int n = 2 + r.nextInt(3);
            int got = 0;
            while (got < n) {
              int j = Math.max(0, Math.min(lots - 1, i - WINDOW + r.nextInt(2 * WINDOW + 1)));
              boolean dup = false;
              for (int x = 0; x < got; x++) {
                dup |= picked[x] == j;
              }
              if (dup) {
                continue;
              }
              picked[got++] = j;
              gb.append(PLANT_BASE + p).append('\t').append(pm).append('\t').append(pl);
              gb.append('\t').append(materialOf(p, k - 1, j)).append('\t');
              gb.append(lot(p, k - 1, j)).append('\t').append(1 + r.nextInt(50));
              gb.append('\t').append(wid).append('\t').append(day).append(" 12:00:00\n");
              edges++;
            }
            if (gb.length() > (1 << 21) - 4096) {
              flush(gen, gb);
            }
            if (wob.length() > (1 << 20) - 1024) {
              flush(wo, wob);
            }
          }
        }
      }
      flush(gen, gb);
      flush(wo, wob);
      long orders = wo.endCopy();
      long rows = gen.endCopy();
      c.commit();
      c2.commit();
      System.out.printf(
          "generated: %d plants, %d lots per level and plant, %d lots, %d work orders, %d"
              + " genealogy rows (%d written) by COPY in %.1f s%n",
          PLANTS,
          lots,
          (long) lots * PLANTS * LEVELS,
          orders,
          rows,
          edges,
          (System.nanoTime() - t0) / 1e9);
    }
    c.setAutoCommit(true);
    long t1 = System.nanoTime();
    try (Statement st = c.createStatement()) {
      // The schema's indexes (V10__execution.sql), built after the load.
      st.execute(
          "CREATE INDEX ix_lot_genealogy_parent ON lot_genealogy (parent_material_id, parent_lot)");
      st.execute(
          "CREATE INDEX ix_lot_genealogy_child ON lot_genealogy (child_material_id, child_lot)");
      st.execute("CREATE INDEX ix_work_order_status ON work_order (plant_id, status)");
      st.execute("CREATE INDEX ix_work_order_material ON work_order (material_id, status)");
      st.execute("CREATE INDEX ix_work_order_receipt ON work_order (receipt_id)");
      for (String t : List.of("work_order", "material", "org_unit")) {
        st.execute(
            "SELECT setval(pg_get_serial_sequence('"
                + t
                + "', 'id'), (SELECT max(id) FROM "
                + t
                + "))");
      }
      long t2 = System.nanoTime();
      st.execute("VACUUM ANALYZE lot_genealogy");
      st.execute("VACUUM ANALYZE work_order");
      st.execute("ANALYZE material");
      System.out.printf(
          "indexes %.1f s, vacuum analyze %.1f s%n",
          (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
      try (ResultSet rs =
          st.executeQuery(
              "SELECT pg_size_pretty(pg_total_relation_size('lot_genealogy')),"
                  + " pg_size_pretty(pg_relation_size('ix_lot_genealogy_parent')),"
                  + " pg_size_pretty(pg_relation_size('ix_lot_genealogy_child')),"
                  + " pg_size_pretty(pg_total_relation_size('work_order')),"
                  + " pg_size_pretty(pg_database_size(current_database())),"
                  + " current_setting('shared_buffers')")) {
        rs.next();
        System.out.printf(
            "sizes: lot_genealogy %s with indexes (parent index %s, child index %s), work_order"
                + " %s, database %s; shared_buffers %s%n",
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6));
      }
    }
  }

  private static void flush(CopyIn in, StringBuilder sb) throws Exception {
    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(b, 0, b.length);
    sb.setLength(0);
  }

  /** A sampled lot: (plant, level, position). */
  private record Lot(int plant, int level, int idx) {
    long material() {
      return materialOf(plant, level, idx);
    }

    String code() {
      return lot(plant, level, idx);
    }
  }

  private void measure(String base, String jdbc, int samples) throws Exception {
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("admin:" + System.getenv("TIANSHU_ADMIN_PASSWORD"))
                        .getBytes(StandardCharsets.UTF_8));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    Random rnd = new Random(42);
    try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
      for (String dir : List.of("FORWARD", "BACKWARD")) {
        boolean forward = dir.equals("FORWARD");
        int level = forward ? 0 : LEVELS - 1;
        List<Lot> sample = new ArrayList<>();
        for (int s = 0; s <= samples; s++) {
          // away from the ends of the history, where the windows are cut
          int idx = 6 * WINDOW + rnd.nextInt(Math.max(1, lots - 12 * WINDOW));
          sample.add(new Lot(rnd.nextInt(PLANTS), level, Math.min(idx, lots - 1)));
        }
        long[] nanos = new long[samples];
        long links = 0;
        long maxLinks = 0;
        long ends = 0;
        long queries = 0;
        long bytes = 0;
        int truncated = 0;
        double cold = 0;
        for (int s = 0; s <= samples && !base.equals("-"); s++) {
          Lot l = sample.get(s);
          HttpRequest req =
              HttpRequest.newBuilder(
                      URI.create(
                          base
                              + "/genealogy?materialId="
                              + l.material()
                              + "&lot="
                              + URLEncoder.encode(l.code(), StandardCharsets.UTF_8)
                              + "&direction="
                              + dir
                              + "&levels=5"))
                  .header("Authorization", auth)
                  .GET()
                  .build();
          long t = System.nanoTime();
          HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
          long d = System.nanoTime() - t;
          if (resp.statusCode() != 200) {
            throw new IllegalStateException(resp.statusCode() + " " + resp.body());
          }
          JsonNode tr = JSON.readTree(resp.body());
          if (s == 0) {
            cold = d / 1e6;
            continue;
          }
          nanos[s - 1] = d;
          int n = tr.path("links").size();
          links += n;
          maxLinks = Math.max(maxLinks, n);
          ends += tr.path("endLots").size();
          truncated += tr.path("truncated").asBoolean() ? 1 : 0;
          bytes += resp.body().length();
          Set<String> reached = new HashSet<>();
          for (JsonNode k : tr.path("links")) {
            reached.add(
                forward
                    ? k.path("parentMaterialId").asText() + "/" + k.path("parentLot").asText()
                    : k.path("childMaterialId").asText() + "/" + k.path("childLot").asText());
          }
          queries += 1 + reached.size();
        }
        Arrays.sort(nanos);
        System.out.printf(
            base.equals("-")
                ? ""
                : "REST %s levels=5 from level-%d lots: first call %.0f ms; then %d lots: p50 %.1f ms,"
                    + " p95 %.1f ms, p99 %.1f ms, max %.1f ms; links per trace mean %.0f, max %d; end"
                    + " lots mean %.0f; truncated %d of %d; edge queries per trace mean %.0f; JSON mean"
                    + " %.0f KB%n",
            dir,
            level,
            cold,
            samples,
            pct(nanos, 0.5),
            pct(nanos, 0.95),
            pct(nanos, 0.99),
            nanos[samples - 1] / 1e6,
            (double) links / samples,
            maxLinks,
            (double) ends / samples,
            truncated,
            samples,
            (double) queries / samples,
            bytes / 1024.0 / samples);

        // The same traversal over JDBC: the server's query once per lot, and once per level.
        long[] perLot = new long[samples];
        long[] perLevel = new long[samples];
        long linksA = 0;
        long linksB = 0;
        for (int s = 1; s <= samples; s++) {
          Lot l = sample.get(s);
          long t = System.nanoTime();
          linksA += traceByLot(c, l, !forward);
          perLot[s - 1] = System.nanoTime() - t;
          t = System.nanoTime();
          linksB += traceByLevel(c, l, !forward);
          perLevel[s - 1] = System.nanoTime() - t;
        }
        Arrays.sort(perLot);
        Arrays.sort(perLevel);
        System.out.printf(
            "JDBC %s same lots, server's query per lot: p50 %.1f ms, p99 %.1f ms (links %d);"
                + " one query per level (= ANY of the frontier): p50 %.1f ms, p99 %.1f ms (links"
                + " %d)%n",
            dir,
            pct(perLot, 0.5),
            pct(perLot, 0.99),
            linksA,
            pct(perLevel, 0.5),
            pct(perLevel, 0.99),
            linksB);
        Lot l = sample.get(1);
        try (PreparedStatement ps =
            c.prepareStatement(
                "EXPLAIN (ANALYZE, BUFFERS) "
                    + String.format(
                        EDGES,
                        forward
                            ? "g.child_material_id = ? AND g.child_lot = ?"
                            : "g.parent_material_id = ? AND g.parent_lot = ?"))) {
          ps.setLong(1, l.material());
          ps.setString(2, l.code());
          System.out.println("EXPLAIN ANALYZE, " + dir + " edge query of " + l.code() + ":");
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              System.out.println("  " + rs.getString(1));
            }
          }
        }
      }
    }
  }

  /** The service's loop: one edge query per lot, 5 levels, plus the truncation probe. */
  private static long traceByLot(Connection c, Lot start, boolean backward) throws Exception {
    String sql =
        String.format(
            EDGES,
            backward
                ? "g.parent_material_id = ? AND g.parent_lot = ?"
                : "g.child_material_id = ? AND g.child_lot = ?");
    long links = 0;
    Set<String> seen = new HashSet<>();
    List<Object[]> frontier = new ArrayList<>();
    frontier.add(new Object[] {start.material(), start.code()});
    seen.add(start.material() + "/" + start.code());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int level = 1; !frontier.isEmpty() && level <= 6; level++) {
        List<Object[]> next = new ArrayList<>();
        for (Object[] f : frontier) {
          ps.setLong(1, (Long) f[0]);
          ps.setString(2, (String) f[1]);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              if (level > 5) {
                continue;
              }
              links++;
              long m = backward ? rs.getLong(4) : rs.getLong(1);
              String lt = backward ? rs.getString(6) : rs.getString(3);
              if (seen.add(m + "/" + lt)) {
                next.add(new Object[] {m, lt});
              }
            }
          }
        }
        frontier = next;
      }
    }
    return links;
  }

  /** The same with one query per level: the frontier as two arrays joined by unnest. */
  private static long traceByLevel(Connection c, Lot start, boolean backward) throws Exception {
    String side =
        backward
            ? "g.parent_material_id = f.mid AND g.parent_lot = f.lot"
            : "g.child_material_id = f.mid AND g.child_lot = f.lot";
    String sql =
        String.format(EDGES, "TRUE")
            .replace(
                "FROM lot_genealogy g",
                "FROM unnest(?::bigint[], ?::varchar[]) AS f(mid, lot) JOIN lot_genealogy g ON "
                    + side);
    long links = 0;
    Set<String> seen = new HashSet<>();
    List<Long> mids = new ArrayList<>(List.of(start.material()));
    List<String> lotsNow = new ArrayList<>(List.of(start.code()));
    seen.add(start.material() + "/" + start.code());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int level = 1; !mids.isEmpty() && level <= 6; level++) {
        Array a = c.createArrayOf("bigint", mids.toArray());
        Array b = c.createArrayOf("varchar", lotsNow.toArray());
        ps.setArray(1, a);
        ps.setArray(2, b);
        List<Long> nm = new ArrayList<>();
        List<String> nl = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (level > 5) {
              continue;
            }
            links++;
            long m = backward ? rs.getLong(4) : rs.getLong(1);
            String lt = backward ? rs.getString(6) : rs.getString(3);
            if (seen.add(m + "/" + lt)) {
              nm.add(m);
              nl.add(lt);
            }
          }
        }
        mids = nm;
        lotsNow = nl;
      }
    }
    return links;
  }

  private static double pct(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
