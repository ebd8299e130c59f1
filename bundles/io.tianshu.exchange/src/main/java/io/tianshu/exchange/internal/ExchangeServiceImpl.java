package io.tianshu.exchange.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.DomainEvent;
import io.tianshu.core.EventPublisher;
import io.tianshu.core.FieldError;
import io.tianshu.core.ValidationException;
import io.tianshu.exchange.ExchangeDocument;
import io.tianshu.exchange.ExchangeService;
import io.tianshu.exchange.ImportReport;
import io.tianshu.persistence.Database;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    CsvSections.Section s = CsvSections.section(section);
    CsvSections.Read read = s.read(csv);
    if (!read.cellErrors().isEmpty()) {
      throw withCheckOf(caller, s, read);
    }
    try {
      return run(caller, read.document(), dryRun);
    } catch (ValidationException e) {
      throw Exchange.toCsvLines(e, s.name());
    }
  }

  /**
   * The cells that did not parse, and every other error the document has (checked without them,
   * writing nothing), so that one answer lists all there is to fix.
   */
  private ValidationException withCheckOf(
      CallerContext caller, CsvSections.Section section, CsvSections.Read read) {
    List<FieldError> errors = new ArrayList<>(read.cellErrors());
    Set<String> cells = new HashSet<>();
    read.cellErrors().forEach(fe -> cells.add(fe.field()));
    try {
      exchange.importDocument(caller, read.document(), true);
    } catch (ValidationException e) {
      for (FieldError fe : Exchange.toCsvLines(e, section.name()).fieldErrors()) {
        if (!cells.contains(fe.field())) {
          errors.add(fe);
        }
      }
    }
    return new ValidationException(errors);
  }

  @Override
  public void export(CallerContext caller, String plantCode, OutputStream json) {
    Exchange.write(exchange.export(caller, plantCode), json);
  }
}
