package io.tianshu.exchange.internal;

import io.tianshu.core.FieldError;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.exchange.ExchangeDocument;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The CSV lists {@link io.tianshu.exchange.ExchangeService#importCsv} reads: per section its
 * columns (the field names of the document's record) and a small function turning the lines into an
 * {@link ExchangeDocument}. A cell that does not parse is a field error {@code line N.column}; the
 * lines are numbered as in the file, the header being line 1.
 */
final class CsvSections {
  private CsvSections() {}

  /** A section: its name in the document (and in error paths), its columns and its mapping. */
  record Section(String name, List<String> columns, Function<List<Line>, ExchangeDocument> map) {

    /** Reads a CSV of this section; a bad header throws, bad cells are listed in the result. */
    Read read(Reader csv) {
      List<List<String>> rows = Csv.read(csv);
      if (rows.isEmpty()) {
        throw new ValidationException("line 1", "required", "a header row is required / 缺少表头");
      }
      List<String> header = rows.get(0).stream().map(String::trim).toList();
      for (String h : header) {
        if (!columns.contains(h)) {
          throw new ValidationException(
              "line 1",
              "unknown_column",
              "unknown column " + h + "; expected " + columns + " / 未知列");
        }
      }
      Validation cells = new Validation();
      List<Line> lines = new ArrayList<>();
      for (int i = 1; i < rows.size(); i++) {
        Map<String, String> values = new HashMap<>();
        List<String> row = rows.get(i);
        for (int j = 0; j < header.size() && j < row.size(); j++) {
          String value = row.get(j).trim();
          values.put(header.get(j), value.isEmpty() ? null : value);
        }
        lines.add(new Line(i + 1, values, cells));
      }
      ExchangeDocument document = map.apply(lines);
      return new Read(document, cells.errors());
    }
  }

  /** A section's document, and the cells that did not parse (absent from the document). */
  record Read(ExchangeDocument document, List<FieldError> cellErrors) {}

  private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();

  static {
    add(
        "materials",
        List.of("code", "name", "nameEn", "type", "baseUnit", "plant", "status"),
        CsvSections::materials);
    add(
        "stock",
        List.of(
            "plant", "warehouse", "location", "material", "lot", "serial", "status", "quantity"),
        CsvSections::stock);
    add(
        "planParameters",
        List.of(
            "plant",
            "material",
            "procurement",
            "leadTimeDays",
            "lotSizing",
            "fixedQuantity",
            "periodDays",
            "minimumQuantity",
            "maximumQuantity",
            "multipleQuantity",
            "safetyStock",
            "yieldPercent",
            "phantom",
            "mps",
            "sourcePlant",
            "demandFenceDays",
            "planningFenceDays",
            "strategy"),
        CsvSections::planParameters);
    add(
        "forecasts",
        List.of("plant", "material", "date", "quantity", "customer", "channel", "region", "period"),
        CsvSections::forecasts);
    add(
        "salesOrders",
        List.of(
            "plant",
            "orderNo",
            "lineNo",
            "customer",
            "material",
            "requestedDate",
            "quantity",
            "priority",
            "makeToOrder",
            "status"),
        CsvSections::salesOrders);
    add(
        "receipts",
        List.of("plant", "kind", "reference", "material", "dueDate", "quantity"),
        CsvSections::receipts);
  }

  private static void add(
      String name, List<String> columns, Function<List<Line>, ExchangeDocument> map) {
    SECTIONS.put(name.toLowerCase(Locale.ROOT), new Section(name, columns, map));
  }

  /** The sections' names, as the document spells them. */
  static List<String> names() {
    return SECTIONS.values().stream().map(Section::name).toList();
  }

  /** The section of a name, ignoring case. */
  static Section section(String name) {
    Section s = name == null ? null : SECTIONS.get(name.trim().toLowerCase(Locale.ROOT));
    if (s == null) {
      throw new ValidationException(
          "section",
          "invalid_value",
          "one of " + String.join(", ", names()) + " / 仅支持 " + String.join("、", names()));
    }
    return s;
  }

  private static ExchangeDocument materials(List<Line> lines) {
    List<ExchangeDocument.Material> materials =
        lines.stream()
            .map(
                l ->
                    new ExchangeDocument.Material(
                        l.text("code"),
                        l.text("name"),
                        l.text("nameEn"),
                        l.text("type"),
                        l.text("baseUnit"),
                        l.text("plant"),
                        l.text("status")))
            .toList();
    return document(materials, null, null, null, null, null);
  }

  private static ExchangeDocument stock(List<Line> lines) {
    List<ExchangeDocument.Stock> stock =
        lines.stream()
            .map(
                l ->
                    new ExchangeDocument.Stock(
                        l.text("plant"),
                        l.text("warehouse"),
                        l.text("location"),
                        l.text("material"),
                        l.text("lot"),
                        l.text("serial"),
                        l.text("status"),
                        l.decimal("quantity")))
            .toList();
    return document(null, stock, null, null, null, null);
  }

  private static ExchangeDocument planParameters(List<Line> lines) {
    List<ExchangeDocument.PlanParameter> parameters =
        lines.stream()
            .map(
                l ->
                    new ExchangeDocument.PlanParameter(
                        l.text("plant"),
                        l.text("material"),
                        l.text("procurement"),
                        l.integer("leadTimeDays"),
                        l.text("lotSizing"),
                        l.decimal("fixedQuantity"),
                        l.integer("periodDays"),
                        l.decimal("minimumQuantity"),
                        l.decimal("maximumQuantity"),
                        l.decimal("multipleQuantity"),
                        l.decimal("safetyStock"),
                        l.decimal("yieldPercent"),
                        l.bool("phantom"),
                        l.bool("mps"),
                        l.text("sourcePlant"),
                        l.integer("demandFenceDays"),
                        l.integer("planningFenceDays"),
                        l.text("strategy"),
                        null))
            .toList();
    return document(null, null, parameters, null, null, null);
  }

  private static ExchangeDocument forecasts(List<Line> lines) {
    List<ExchangeDocument.Forecast> forecasts =
        lines.stream()
            .map(
                l ->
                    new ExchangeDocument.Forecast(
                        l.text("plant"),
                        l.text("material"),
                        l.date("date"),
                        l.decimal("quantity"),
                        l.text("customer"),
                        l.text("channel"),
                        l.text("region"),
                        l.text("period")))
            .toList();
    return document(null, null, null, forecasts, null, null);
  }

  private static ExchangeDocument salesOrders(List<Line> lines) {
    List<ExchangeDocument.SalesOrder> orders =
        lines.stream()
            .map(
                l ->
                    new ExchangeDocument.SalesOrder(
                        l.text("plant"),
                        l.text("orderNo"),
                        l.integer("lineNo"),
                        l.text("customer"),
                        l.text("material"),
                        l.date("requestedDate"),
                        l.decimal("quantity"),
                        l.integer("priority"),
                        l.bool("makeToOrder"),
                        l.text("status")))
            .toList();
    return document(null, null, null, null, orders, null);
  }

  private static ExchangeDocument receipts(List<Line> lines) {
    List<ExchangeDocument.Receipt> receipts =
        lines.stream()
            .map(
                l ->
                    new ExchangeDocument.Receipt(
                        l.text("plant"),
                        l.text("kind"),
                        l.text("reference"),
                        l.text("material"),
                        l.date("dueDate"),
                        l.decimal("quantity")))
            .toList();
    return document(null, null, null, null, null, receipts);
  }

  private static ExchangeDocument document(
      List<ExchangeDocument.Material> materials,
      List<ExchangeDocument.Stock> stock,
      List<ExchangeDocument.PlanParameter> planParameters,
      List<ExchangeDocument.Forecast> forecasts,
      List<ExchangeDocument.SalesOrder> salesOrders,
      List<ExchangeDocument.Receipt> receipts) {
    return new ExchangeDocument(
        ExchangeDocument.FORMAT,
        null,
        materials,
        null,
        null,
        null,
        null,
        null,
        null,
        stock,
        planParameters,
        forecasts,
        salesOrders,
        receipts);
  }

  /**
   * The cells of one line by column (an empty cell is absent). A cell that does not parse is
   * recorded as an error of its line and column and read as absent.
   */
  static final class Line {
    private final int number;
    private final Map<String, String> cells;
    private final Validation errors;

    Line(int number, Map<String, String> cells, Validation errors) {
      this.number = number;
      this.cells = cells;
      this.errors = errors;
    }

    String text(String column) {
      return cells.get(column);
    }

    /** A decimal number, {@code 1234.5} (no thousands separators). */
    BigDecimal decimal(String column) {
      String s = cells.get(column);
      if (s == null) {
        return null;
      }
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        return bad(column, "not_a_number", "not a number / 不是数字");
      }
    }

    /** A whole number ({@code 5}, also {@code 5.0} as spreadsheets may write it). */
    Integer integer(String column) {
      String s = cells.get(column);
      if (s == null) {
        return null;
      }
      try {
        return new BigDecimal(s).intValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        return bad(column, "not_an_integer", "not a whole number / 不是整数");
      }
    }

    /** {@code true}/{@code false}, {@code 1}/{@code 0} or {@code Y}/{@code N}, in any case. */
    Boolean bool(String column) {
      String s = cells.get(column);
      if (s == null) {
        return null;
      }
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "true", "1", "y" -> Boolean.TRUE;
        case "false", "0", "n" -> Boolean.FALSE;
        default -> bad(column, "not_a_boolean", "true or false (1/0, Y/N) / 应为 true 或 false");
      };
    }

    /** An ISO date, {@code 2026-11-02}. */
    LocalDate date(String column) {
      String s = cells.get(column);
      if (s == null) {
        return null;
      }
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        return bad(column, "not_a_date", "not a date yyyy-MM-dd / 日期格式应为 yyyy-MM-dd");
      }
    }

    private <T> T bad(String column, String code, String message) {
      errors.add("line " + number + "." + column, code, message);
      return null;
    }
  }
}
