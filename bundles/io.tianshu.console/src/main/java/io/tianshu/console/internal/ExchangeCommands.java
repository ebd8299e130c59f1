package io.tianshu.console.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.TianshuException;
import io.tianshu.exchange.ExchangeService;
import io.tianshu.exchange.ImportReport;
import io.tianshu.org.AccessService;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/** mom:import and mom:export: the exchange format (docs/exchange.md) from and to files. */
public final class ExchangeCommands {
  private ExchangeCommands() {}

  @Command(
      scope = "mom",
      name = "import",
      description = "Import an exchange document or CSV list, all or nothing / 导入数据")
  @Service
  public static class Import implements Action {
    @Reference ExchangeService exchange;
    @Reference AccessService access;

    @Argument(required = true, description = "JSON document or CSV file / 文件")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "-n", aliases = "--dry-run", description = "Check only, write nothing / 仅校验")
    boolean dryRun;

    @Option(
        name = "-s",
        aliases = "--section",
        description =
            "CSV section: materials, stock, planParameters, forecasts, salesOrders or receipts"
                + " / CSV 类别")
    String section;

    @Override
    public Object execute() throws Exception {
      CallerContext caller = Callers.current(access);
      Path path = Path.of(file);
      if (!Files.isReadable(path)) {
        throw new org.apache.karaf.shell.support.CommandException(
            "Cannot read " + file + " / 无法读取文件");
      }
      try {
        ImportReport report;
        if (file.toLowerCase().endsWith(".csv")) {
          try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            report = exchange.importCsv(caller, section, in, dryRun);
          }
        } else {
          try (InputStream in = Files.newInputStream(path)) {
            report = exchange.importDocument(caller, in, dryRun);
          }
        }
        System.out.println(
            (report.dryRun() ? "Checked, nothing written / 校验通过，未写入" : "Imported / 已导入")
                + " in "
                + report.milliseconds()
                + " ms:");
        for (Map.Entry<String, Integer> e : report.created().entrySet()) {
          if (e.getValue() > 0) {
            System.out.printf("  %-12s %d%n", e.getKey(), e.getValue());
          }
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "export",
      description = "Export plants, materials, BOMs, routings, … as an exchange document / 导出数据")
  @Service
  public static class Export implements Action {
    @Reference ExchangeService exchange;
    @Reference AccessService access;

    @Argument(required = true, description = "Target JSON file / 目标文件")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "-p", aliases = "--plant", description = "Plant code (default: all readable)")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Override
    public Object execute() throws Exception {
      CallerContext caller = Callers.current(access);
      Path target = Path.of(file).toAbsolutePath();
      Path temp = Files.createTempFile(target.getParent(), ".export", ".json");
      try {
        try (OutputStream out = Files.newOutputStream(temp)) {
          exchange.export(caller, plant, out);
        }
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Exported to / 已导出到 " + target + " (" + Files.size(target) + " bytes)");
      } catch (TianshuException e) {
        throw Messages.fail(e);
      } finally {
        Files.deleteIfExists(temp);
      }
      return null;
    }
  }
}
