package io.tianshu.exchange.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.FieldError;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.ValidationException;
import io.tianshu.exchange.ExchangeDocument;
import io.tianshu.exchange.ImportReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Import and export on a {@link DataSource}, free of OSGi: parse, lock, check, write, commit, on
 * one connection and one transaction, so that an import is all-or-nothing.
 */
public final class Exchange {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final DataSource dataSource;

  public Exchange(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Parses a document; a syntax or type error is a 400 naming the JSON path or position. */
  public static ExchangeDocument parse(InputStream json) {
    try {
      return JSON.readValue(json, ExchangeDocument.class);
    } catch (JsonParseException e) {
      throw new ValidationException(
          "$",
          "invalid_json",
          "not JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + " / JSON 格式错误");
    } catch (JsonMappingException e) {
      StringBuilder path = new StringBuilder("$");
      for (JsonMappingException.Reference r : e.getPath()) {
        if (r.getFieldName() != null) {
          path.append('.').append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          path.append('[').append(r.getIndex()).append(']');
        }
      }
      throw new ValidationException(
          path.toString(), "invalid_value", firstLine(e.getOriginalMessage()) + " / 取值无效");
    } catch (IOException e) {
      throw new ValidationException("$", "unreadable", "cannot read the document / 无法读取文档");
    }
  }

  public static void write(ExchangeDocument doc, OutputStream out) {
    try {
      JSON.writeValue(out, doc);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the export", e);
    }
  }

  static String toJson(ExchangeDocument doc) throws JsonProcessingException {
    return JSON.writeValueAsString(doc);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid value";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  public ImportReport importDocument(CallerContext caller, ExchangeDocument doc, boolean dryRun) {
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        lock(c, doc);
        ImportPlan plan = new ImportPlanner(caller, new JdbcExisting(c)).plan(doc);
        if (!dryRun) {
          boolean postgres =
              c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
          new JdbcImportWriter(c, postgres, caller.username()).write(plan);
          c.commit();
        } else {
          c.rollback();
        }
        return new ImportReport(dryRun, plan.counts(), (System.nanoTime() - start) / 1_000_000);
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      // A unique key taken between the check and the write: someone created the same record.
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        throw new ConflictException(
            "A record of the import was created meanwhile; nothing was imported, try again /"
                + " 导入期间记录已被他人创建，未导入任何数据，请重试");
      }
      throw new IllegalStateException("import failed: " + e.getMessage(), e);
    }
  }

  /**
   * BOM changes of a view and routing changes of a plant run one at a time (as the services do), so
   * that the checks below see everything committed before this import.
   */
  private static void lock(Connection c, ExchangeDocument doc) throws SQLException {
    Set<String> views = new LinkedHashSet<>();
    if (doc.boms() != null) {
      for (ExchangeDocument.Bom b : doc.boms()) {
        if (b != null) {
          views.add(b.view() == null ? "MANUFACTURING" : b.view().trim().toUpperCase());
        }
      }
    }
    for (String view : views) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE bom_lock SET changes = changes + 1 WHERE bom_view = ?")) {
        ps.setString(1, view);
        ps.executeUpdate();
      }
    }
    Set<String> plants = new LinkedHashSet<>();
    if (doc.routings() != null) {
      for (ExchangeDocument.Routing r : doc.routings()) {
        if (r != null && r.plant() != null) {
          plants.add(r.plant());
        }
      }
    }
    for (String plant : plants) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE org_unit SET version = version WHERE unit_type = 'PLANT' AND code = ?")) {
        ps.setString(1, plant);
        ps.executeUpdate();
      }
    }
  }

  /** Exports one plant (by code) or every plant the caller may read, with the group's data. */
  public ExchangeDocument export(CallerContext caller, String plantCode) {
    try (Connection c = dataSource.getConnection()) {
      List<Long> plants = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, code FROM org_unit WHERE unit_type = 'PLANT' ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          if (caller.canRead(id) && (plantCode == null || plantCode.equals(rs.getString(2)))) {
            plants.add(id);
          }
        }
      }
      if (plantCode != null && plants.isEmpty()) {
        throw new NotFoundException("Plant", plantCode);
      }
      return new JdbcExporter(c).export(plants);
    } catch (SQLException e) {
      throw new IllegalStateException("export failed: " + e.getMessage(), e);
    }
  }

  /** CSV errors carry the line: "$.materials[3].code" becomes "line 5.code". */
  static ValidationException toCsvLines(ValidationException e, String section) {
    List<FieldError> errors = new ArrayList<>();
    String prefix = "$." + section + "[";
    for (FieldError fe : e.fieldErrors()) {
      String f = fe.field();
      if (f.startsWith(prefix)) {
        int close = f.indexOf(']', prefix.length());
        int index = Integer.parseInt(f.substring(prefix.length(), close));
        f = "line " + (index + 2) + f.substring(close + 1);
      }
      errors.add(new FieldError(f, fe.code(), fe.message()));
    }
    return new ValidationException(errors);
  }
}
