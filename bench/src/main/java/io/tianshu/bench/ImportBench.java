package io.tianshu.bench;

import io.tianshu.bom.BomLine;
import io.tianshu.bom.BomVersion;
import io.tianshu.core.CallerContext;
import io.tianshu.exchange.ExchangeDocument;
import io.tianshu.exchange.ImportReport;
import io.tianshu.exchange.internal.Exchange;
import io.tianshu.persistence.internal.MigratedDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Imports the BOM benchmark's model (100k materials, 8 levels, ~600k lines) as one exchange
 * document into a fresh PostgreSQL database and reports the time; the database is dropped after.
 * Usage: bench/import.sh [materials] [seed].
 */
public final class ImportBench {
  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    int materials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    // --keep leaves the database for a server to be started on it (bench/README in benchmarks.md).
    boolean keep = args.length > 2 && args[2].equals("--keep");
    int perLevel = materials / BomBench.LEVELS;
    List<BomVersion> versions = BomBench.generate(perLevel, new Random(seed));
    ExchangeDocument doc = document(perLevel, versions);
    long lines = versions.stream().mapToLong(v -> v.lines().size()).sum();
    System.out.printf(
        "document: %d materials, %d BOM versions, %d lines (seed %d)%n",
        doc.materials().size(), doc.boms().size(), lines, seed);

    String name = "tianshu_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
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
      long t0 = System.nanoTime();
      ImportReport report = new Exchange(ds).importDocument(CallerContext.system(), doc, false);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("import: %d ms (target < 60000 ms); created %s%n", ms, report.created());
    } finally {
      if (keep) {
        System.out.println("kept database " + name);
      } else {
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
            Statement st = c.createStatement()) {
          st.execute("DROP DATABASE " + name + " WITH (FORCE)");
        }
      }
    }
  }

  /**
   * The BOM benchmark's model as one exchange document: materials M0… (the last level bought) and
   * their BOM versions, all group-owned.
   */
  public static ExchangeDocument document(int perLevel, List<BomVersion> versions) {
    List<ExchangeDocument.Material> docMaterials = new ArrayList<>();
    for (int i = 0; i < perLevel * BomBench.LEVELS; i++) {
      docMaterials.add(
          new ExchangeDocument.Material(
              "M" + i,
              "物料 " + i,
              null,
              i < perLevel * (BomBench.LEVELS - 1) ? "MANUFACTURED" : "PURCHASED",
              "PCS",
              null,
              null));
    }
    List<ExchangeDocument.Bom> boms = new ArrayList<>();
    for (BomVersion v : versions) {
      List<ExchangeDocument.BomLine> docLines = new ArrayList<>();
      for (BomLine l : v.lines()) {
        docLines.add(
            new ExchangeDocument.BomLine(
                "M" + l.componentId(),
                BigDecimal.valueOf(l.quantityPer()),
                null,
                BigDecimal.valueOf(l.scrapPercent()),
                false,
                null));
      }
      boms.add(
          new ExchangeDocument.Bom(
              "M" + v.parentId(),
              null,
              null,
              v.version(),
              v.validFrom(),
              v.validTo(),
              docLines,
              null,
              null,
              null,
              null));
    }
    return new ExchangeDocument(
        ExchangeDocument.FORMAT, null, docMaterials, boms, null, null, null, null, null, null);
  }
}
