package io.tianshu.exchange.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.DomainEvent;
import io.tianshu.core.EventPublisher;
import io.tianshu.core.ValidationException;
import io.tianshu.exchange.ExchangeDocument;
import io.tianshu.exchange.ExchangeService;
import io.tianshu.exchange.ImportReport;
import io.tianshu.persistence.Database;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * OSGi adapter around {@link Exchange}. After an import it publishes {@code
 * io/tianshu/exchange/Import/COMPLETED}, so that domains caching compiled data (BOM engines) drop
 * what the import made stale.
 */
@Component(service = ExchangeService.class)
public class ExchangeServiceImpl implements ExchangeService {
  static final List<String> MATERIAL_COLUMNS =
      List.of("code", "name", "nameEn", "type", "baseUnit", "plant", "status");
  static final List<String> STOCK_COLUMNS =
      List.of("plant", "warehouse", "location", "material", "lot", "serial", "status", "quantity");

  private final Exchange exchange;
  private final EventPublisher events;

  @Activate
  public ExchangeServiceImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference Database database,
      @Reference EventPublisher events) {
    this.exchange = new Exchange(dataSource);
    this.events = events;
  }

  @Override
  public ImportReport importDocument(CallerContext caller, InputStream json, boolean dryRun) {
    return run(caller, Exchange.parse(json), dryRun);
  }

  private ImportReport run(CallerContext caller, ExchangeDocument doc, boolean dryRun) {
    ImportReport report = exchange.importDocument(caller, doc, dryRun);
    if (!dryRun) {
      Map<String, Object> data = new HashMap<>(report.created());
      events.publishAndWait(
          new DomainEvent(
              "exchange",
              "Import",
              "COMPLETED",
              "import",
              null,
              caller.username(),
              Instant.now(),
              data));
    }
    return report;
  }

  @Override
  public ImportReport importCsv(CallerContext caller, String section, Reader csv, boolean dryRun) {
    String s = section == null ? "" : section.trim().toLowerCase(Locale.ROOT);
    List<String> columns =
        switch (s) {
          case "materials" -> MATERIAL_COLUMNS;
          case "stock" -> STOCK_COLUMNS;
          default ->
              throw new ValidationException(
                  "section", "invalid_value", "materials or stock / 仅支持 materials 或 stock");
        };
    List<List<String>> rows = Csv.read(csv);
    if (rows.isEmpty()) {
      throw new ValidationException("line 1", "required", "a header row is required / 缺少表头");
    }
    List<String> header = rows.get(0).stream().map(String::trim).toList();
    for (String h : header) {
      if (!columns.contains(h)) {
        throw new ValidationException(
            "line 1", "unknown_column", "unknown column " + h + "; expected " + columns + " / 未知列");
      }
    }
    List<Map<String, String>> records = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      Map<String, String> r = new HashMap<>();
      List<String> row = rows.get(i);
      for (int j = 0; j < header.size() && j < row.size(); j++) {
        String value = row.get(j).trim();
        r.put(header.get(j), value.isEmpty() ? null : value);
      }
      records.add(r);
    }
    ExchangeDocument doc;
    if (s.equals("materials")) {
      List<ExchangeDocument.Material> materials = new ArrayList<>();
      for (Map<String, String> r : records) {
        materials.add(
            new ExchangeDocument.Material(
                r.get("code"),
                r.get("name"),
                r.get("nameEn"),
                r.get("type"),
                r.get("baseUnit"),
                r.get("plant"),
                r.get("status")));
      }
      doc =
          new ExchangeDocument(
              ExchangeDocument.FORMAT, null, materials, null, null, null, null, null, null, null);
    } else {
      List<ExchangeDocument.Stock> stock = new ArrayList<>();
      List<String> bad = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        Map<String, String> r = records.get(i);
        BigDecimal quantity = null;
        if (r.get("quantity") != null) {
          try {
            quantity = new BigDecimal(r.get("quantity"));
          } catch (NumberFormatException e) {
            bad.add("line " + (i + 2));
          }
        }
        stock.add(
            new ExchangeDocument.Stock(
                r.get("plant"),
                r.get("warehouse"),
                r.get("location"),
                r.get("material"),
                r.get("lot"),
                r.get("serial"),
                r.get("status"),
                quantity));
      }
      if (!bad.isEmpty()) {
        io.tianshu.core.Validation v = new io.tianshu.core.Validation();
        bad.forEach(line -> v.add(line + ".quantity", "not_a_number", "not a number / 不是数字"));
        v.throwIfInvalid();
      }
      doc =
          new ExchangeDocument(
              ExchangeDocument.FORMAT, null, null, null, null, null, null, null, null, stock);
    }
    try {
      return run(caller, doc, dryRun);
    } catch (ValidationException e) {
      throw Exchange.toCsvLines(e, s);
    }
  }

  @Override
  public void export(CallerContext caller, String plantCode, OutputStream json) {
    Exchange.write(exchange.export(caller, plantCode), json);
  }
}
