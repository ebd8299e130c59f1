package io.tianshu.planning.internal;

import io.tianshu.bench.BomBench;
import io.tianshu.bench.ImportBench;
import io.tianshu.bom.BomEngine;
import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomVersion;
import io.tianshu.bom.BomView;
import io.tianshu.bom.internal.store.JdbcBomSets;
import io.tianshu.core.CallerContext;
import io.tianshu.exchange.ExchangeDocument;
import io.tianshu.exchange.internal.Exchange;
import io.tianshu.persistence.internal.MigratedDatabase;
import io.tianshu.planning.PlanningService;
import io.tianshu.planning.engine.MrpResult;
import io.tianshu.resource.CalendarDefinition;
import io.tianshu.resource.Shift;
import io.tianshu.resource.WorkCalendar;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * End-to-end plan run benchmark on PostgreSQL (issue 4, "MRP-100k" end to end): the BOM model is
 * imported into a fresh database, planning parameters, 700k sales order lines, 300k forecast lines
 * and 10k scheduled receipts are copied in (setup, not timed); then one plan run is timed as the
 * server runs it: BOM structure and planning data loaded, forecasts consumed, MRP, results saved by
 * COPY in one transaction. Lives in the planning bundle's internal package to call {@link
 * PlanRunner} directly. Usage: bench/plan.sh [materials (default 100000)] [demand lines (default
 * 1000000)] [seed (default 42)] [timed runs (default 2)]
 */
public final class PlanBench {
  private PlanBench() {}

  private static final PlanRunner.Progress QUIET =
      new PlanRunner.Progress() {
        @Override
        public void phase(String phase, int percent) {}

        @Override
        public boolean cancelled() {
          return false;
        }
      };

  public static void main(String[] args) throws Exception {
    int materials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int demandLines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int perLevel = materials / BomBench.LEVELS;
    int n = perLevel * BomBench.LEVELS;
    Random random = new Random(seed);
    LocalDate start = LocalDate.of(2026, 12, 1);
    List<BomVersion> versions = BomBench.generate(perLevel, random);
    ExchangeDocument doc = ImportBench.document(perLevel, versions);

    String name = "tianshu_plan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    try {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl("jdbc:postgresql://127.0.0.1:5432/" + name);
      ds.setUser("postgres");
      new MigratedDatabase(ds);
      long t = System.nanoTime();
      new Exchange(ds).importDocument(CallerContext.system(), doc, false);
      System.out.printf("setup: model imported in %d ms%n", (System.nanoTime() - t) / 1_000_000);
      long plant = 1;
      long[] ids = new long[n];
      try (Connection c = ds.getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, code FROM material")) {
        while (rs.next()) {
          ids[Integer.parseInt(rs.getString(2).substring(1))] = rs.getLong(1);
        }
      }
      t = System.nanoTime();
      try (Connection c = ds.getConnection()) {
        CopyIn in =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "COPY plan_parameter (plant_id, material_id, procurement, lead_time_days,"
                        + " lot_sizing, fixed_quantity, period_days, minimum_quantity,"
                        + " maximum_quantity, multiple_quantity, safety_stock, yield_percent,"
                        + " phantom, mps, version, updated_at, updated_by) FROM STDIN");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
          boolean poq = random.nextBoolean();
          b.append(plant).append('\t').append(ids[i]).append('\t');
          b.append(i < perLevel * (BomBench.LEVELS - 1) ? "MAKE" : "BUY").append('\t');
          b.append(1 + random.nextInt(10)).append('\t');
          b.append(poq ? "PERIOD_ORDER_QUANTITY" : "LOT_FOR_LOT").append('\t');
          b.append("0\t").append(poq ? 7 : 0).append("\t0\t0\t");
          b.append(random.nextInt(4) == 0 ? 10 : 0).append('\t');
          b.append(random.nextInt(5) == 0 ? 20 : 0)
              .append("\t100\tfalse\t")
              .append(i < perLevel)
              .append("\t0\t2026-11-22 00:00:00\tbench\n");
          flush(in, b, false);
        }
        flush(in, b, true);
        in.endCopy();
        int orders = demandLines * 7 / 10;
        in =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "COPY sales_order_line (plant_id, order_no, line_no, customer, material_id,"
                        + " requested_date, quantity, priority, make_to_order, status, version,"
                        + " created_at, created_by) FROM STDIN");
        for (int i = 0; i < orders; i++) {
          b.append(plant).append("\tSO").append(i / 10).append('\t').append(i % 10 + 1);
          b.append("\tC").append(random.nextInt(1000)).append('\t');
          b.append(ids[random.nextInt(perLevel)]).append('\t');
          b.append(start.plusDays(random.nextInt(365))).append('\t');
          b.append(1 + random.nextInt(100)).append('\t').append(random.nextInt(3) * 50);
          b.append('\t')
              .append(random.nextInt(10) == 0)
              .append("\tOPEN\t0\t2026-11-22 00:00:00\tbench\n");
          flush(in, b, false);
        }
        flush(in, b, true);
        in.endCopy();
        in =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "COPY forecast (plant_id, material_id, forecast_date, quantity, customer,"
                        + " channel, region, created_at, created_by) FROM STDIN");
        for (int i = 0; i < demandLines - orders; i++) {
          b.append(plant).append('\t').append(ids[random.nextInt(perLevel)]).append('\t');
          b.append(start.plusDays(random.nextInt(52) * 7)).append('\t');
          b.append(10 + random.nextInt(200)).append("\t\t\t\t2026-11-22 00:00:00\tbench\n");
          flush(in, b, false);
        }
        flush(in, b, true);
        in.endCopy();
        in =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "COPY scheduled_receipt (plant_id, kind, reference, material_id, due_date,"
                        + " quantity, created_at, created_by) FROM STDIN");
        for (int i = 0; i < n / 10; i++) {
          b.append(plant).append("\tPURCHASE\tPO").append(i).append('\t');
          b.append(ids[random.nextInt(n)]).append('\t').append(start.plusDays(random.nextInt(60)));
          b.append('\t').append(10 + random.nextInt(500)).append("\t2026-11-22 00:00:00\tbench\n");
          flush(in, b, false);
        }
        flush(in, b, true);
        in.endCopy();
        try (Statement st = c.createStatement()) {
          st.execute("ANALYZE");
        }
      }
      System.out.printf(
          "setup: %d parameters, %d demand lines, %d receipts copied in %d ms%n",
          n, demandLines, n / 10, (System.nanoTime() - t) / 1_000_000);

      WorkCalendar calendar =
          WorkCalendar.of(
              new CalendarDefinition(
                  List.of(
                      new Shift(
                          "D",
                          LocalTime.of(8, 0),
                          LocalTime.of(16, 0),
                          0,
                          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))),
                  null,
                  null));
      Runtime rt = Runtime.getRuntime();
      for (int run = 1; run <= runs; run++) {
        System.gc();
        long t0 = System.nanoTime();
        Map<Long, List<BomLine>> structure =
            BomEngine.build(new JdbcBomSets(ds).load(BomView.MANUFACTURING, plant))
                .structureAt(start);
        long t1 = System.nanoTime();
        PlanRunner.Spec spec =
            new PlanRunner.Spec(run, plant, "MRP", start, 365, 7, 7, "ALL", 0, 0);
        PlanRunner.Loaded loaded;
        try (Connection c = ds.getConnection()) {
          loaded =
              PlanRunner.load(
                  c,
                  spec,
                  x -> structure,
                  x -> Map.of(),
                  x -> List.of(),
                  x -> List.of(),
                  x -> true,
                  calendar,
                  QUIET);
        }
        long t2 = System.nanoTime();
        MrpResult result = PlanRunner.plan(loaded, QUIET);
        long t3 = System.nanoTime();
        long usedAfterPlan = rt.totalMemory() - rt.freeMemory();
        PlanRunner.Saved saved;
        try (Connection c = ds.getConnection()) {
          c.setAutoCommit(false);
          saved = PlanRunner.save(c, run, loaded, result, QUIET);
          c.commit();
        }
        long t4 = System.nanoTime();
        System.out.printf(
            "run %d: BOM structure %d ms, planning data %d ms, engine %d ms, save %d ms (%s);"
                + " end to end %d ms (target 10000); %d items, %d demands after consumption,"
                + " %d planned orders, %d pegging rows, %d messages; heap in use after planning"
                + " %d MB%n",
            run,
            (t1 - t0) / 1_000_000,
            (t2 - t1) / 1_000_000,
            (t3 - t2) / 1_000_000,
            (t4 - t3) / 1_000_000,
            saved,
            (t4 - t0) / 1_000_000,
            loaded.input().items().size(),
            loaded.demands().size(),
            result.plannedOrders().size(),
            result.pegging().size(),
            result.messages().size(),
            usedAfterPlan >> 20);
      }
      // Order promising against the released run: one call per order line, as the API does it.
      try (Connection c = ds.getConnection();
          Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO plan_run (id, plant_id, name, plan_type, status, phase, percent,"
                + " plan_start, horizon_days, bom_view, backward_days, forward_days, items,"
                + " demands, planned_orders, pegging_rows, messages, load_ms, engine_ms, save_ms,"
                + " created_at, created_by, version) VALUES (1, "
                + plant
                + ", 'bench', 'MRP', 'RELEASED', 'DONE', 100, '"
                + start
                + "', 365, 'MANUFACTURING', 7, 7, 0, 0, 0, 0, 0, 0, 0, 0, now(), 'bench', 0)");
      }
      // The server borrows pooled connections; one kept-open connection stands in for the pool.
      Connection shared = ds.getConnection();
      javax.sql.DataSource pooled =
          (javax.sql.DataSource)
              java.lang.reflect.Proxy.newProxyInstance(
                  PlanBench.class.getClassLoader(),
                  new Class<?>[] {javax.sql.DataSource.class},
                  (proxy, method, margs) -> {
                    if (!method.getName().equals("getConnection")) {
                      throw new UnsupportedOperationException(method.getName());
                    }
                    return java.lang.reflect.Proxy.newProxyInstance(
                        PlanBench.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (p2, m2, a2) ->
                            m2.getName().equals("close") ? null : m2.invoke(shared, a2));
                  });
      // Stand-ins for the BOM and calendar services: the structure loaded above, no plant calendar.
      Map<Long, List<BomLine>> structureNow =
          BomEngine.build(new JdbcBomSets(ds).load(BomView.MANUFACTURING, plant))
              .structureAt(LocalDate.now());
      io.tianshu.bom.BomService bomService =
          (io.tianshu.bom.BomService)
              java.lang.reflect.Proxy.newProxyInstance(
                  PlanBench.class.getClassLoader(),
                  new Class<?>[] {io.tianshu.bom.BomService.class},
                  (proxy, method, margs) -> structureNow);
      io.tianshu.resource.CalendarService calendars =
          (io.tianshu.resource.CalendarService)
              java.lang.reflect.Proxy.newProxyInstance(
                  PlanBench.class.getClassLoader(),
                  new Class<?>[] {io.tianshu.resource.CalendarService.class},
                  (proxy, method, margs) -> {
                    throw new io.tianshu.core.NotFoundException("Calendar", plant);
                  });
      // No routings in the model: CTP has no capacity to check.
      io.tianshu.routing.RoutingService routings =
          (io.tianshu.routing.RoutingService)
              java.lang.reflect.Proxy.newProxyInstance(
                  PlanBench.class.getClassLoader(),
                  new Class<?>[] {io.tianshu.routing.RoutingService.class},
                  (proxy, method, margs) -> {
                    throw new io.tianshu.core.NotFoundException("Routing", plant);
                  });
      PlanningServiceImpl service =
          new PlanningServiceImpl(pooled, null, bomService, null, calendars, routings, null);
      CallerContext system = CallerContext.system();
      int calls = 2000;
      long[] nanos = new long[calls];
      int promised = 0;
      for (int i = 0; i < calls; i++) {
        long material = ids[random.nextInt(perLevel)];
        LocalDate date = start.plusDays(random.nextInt(365));
        long t0 = System.nanoTime();
        if (service.promise(system, plant, material, 1 + random.nextInt(100), date).promisedDate()
            != null) {
          promised++;
        }
        nanos[i] = System.nanoTime() - t0;
      }
      java.util.Arrays.sort(nanos);
      System.out.printf(
          "ATP promise: %d calls, p50 %.2f ms, p99 %.2f ms (target p99 5 ms), %d promised%n",
          calls, nanos[calls / 2] / 1e6, nanos[calls * 99 / 100] / 1e6, promised);
      // Capable-to-promise: orders of 10 lines on top-level materials, one call each.
      int orders = 200;
      long[] ctpNanos = new long[orders];
      int late = 0;
      for (int i = 0; i < orders; i++) {
        List<PlanningService.PromiseLine> order = new ArrayList<>();
        for (int l = 0; l < 10; l++) {
          order.add(
              new PlanningService.PromiseLine(
                  ids[random.nextInt(perLevel)],
                  1.0 + random.nextInt(50),
                  start.plusDays(random.nextInt(365))));
        }
        long t0 = System.nanoTime();
        for (io.tianshu.planning.engine.CtpResult r :
            service.capableToPromise(system, plant, order)) {
          late += r.onTime() ? 0 : 1;
        }
        ctpNanos[i] = System.nanoTime() - t0;
      }
      java.util.Arrays.sort(ctpNanos);
      System.out.printf(
          "CTP: %d orders of 10 lines, p50 %.1f ms, p99 %.1f ms (target p99 250 ms), %d late"
              + " lines%n",
          orders, ctpNanos[orders / 2] / 1e6, ctpNanos[orders * 99 / 100] / 1e6, late);
    } finally {
      try (Connection c = DriverManager.getConnection(admin, "postgres", "");
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE " + name + " WITH (FORCE)");
      }
    }
  }

  private static void flush(CopyIn in, StringBuilder b, boolean force) throws Exception {
    if (force || b.length() > (1 << 20)) {
      byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(bytes, 0, bytes.length);
      b.setLength(0);
    }
  }
}
