package io.tianshu.console.internal;

import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.bom.ExplosionRow;
import io.tianshu.bom.Requirement;
import io.tianshu.bom.WhereUsed;
import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.org.AccessService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:bom-explode and mom:bom-where-used, by material code. */
public final class BomCommands {
  private BomCommands() {}

  /** The visible material with exactly this code (group-owned or of a plant the user sees). */
  static Material byCode(MasterDataService masterData, CallerContext caller, String code) {
    return masterData
        .listMaterials(
            caller,
            new MaterialFilter(null, code, null, null),
            new PageRequest(0, 500, "code", true))
        .items()
        .stream()
        .filter(m -> m.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Material", code));
  }

  /** Codes of the materials named in a result, for printing. */
  static Map<Long, String> codes(
      MasterDataService masterData, CallerContext caller, Iterable<Long> ids) {
    Map<Long, String> codes = new HashMap<>();
    for (Long id : ids) {
      codes.computeIfAbsent(id, k -> masterData.getMaterial(caller, k).code());
    }
    return codes;
  }

  @Command(scope = "mom", name = "bom-explode", description = "Explode a material's BOM / BOM 展开")
  @Service
  public static class Explode implements Action {
    @Reference BomService boms;
    @Reference MasterDataService masterData;
    @Reference AccessService access;

    @Argument(required = true, description = "Material code / 物料编码")
    String code;

    @Option(name = "-q", aliases = "--quantity", description = "Quantity (default 1) / 数量")
    double quantity = 1;

    @Option(
        name = "-d",
        aliases = "--date",
        description = "Effectivity date YYYY-MM-DD (default today)")
    String date;

    @Option(name = "-v", aliases = "--view", description = "BOM view (default MANUFACTURING)")
    BomView view = BomView.MANUFACTURING;

    @Option(
        name = "-s",
        aliases = "--serial",
        description = "End-item serial for serial effectivity / 成品序列号")
    String serial;

    @Option(name = "-i", aliases = "--indented", description = "Indented, not summarised / 缩排")
    boolean indented;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        Material m = byCode(masterData, caller, code);
        LocalDate at = date == null ? LocalDate.now() : LocalDate.parse(date);
        ShellTable table = new ShellTable();
        if (indented) {
          var rows = boms.indented(caller, m.id(), null, view, at, serial, quantity, 1000);
          Map<Long, String> codes =
              codes(masterData, caller, rows.stream().map(ExplosionRow::componentId).toList());
          table.column("Level").alignRight();
          table.column("Component");
          table.column("Per").alignRight();
          table.column("Quantity").alignRight();
          table.column("Phantom");
          for (ExplosionRow r : rows) {
            table
                .addRow()
                .addContent(
                    ".".repeat(r.level() - 1) + r.level(),
                    codes.get(r.componentId()),
                    r.quantityPer(),
                    r.quantity(),
                    r.phantom() ? "yes" : "");
          }
        } else {
          var reqs = boms.summarised(caller, m.id(), null, view, at, serial, quantity);
          Map<Long, String> codes =
              codes(masterData, caller, reqs.stream().map(Requirement::materialId).toList());
          table.column("LLC").alignRight();
          table.column("Component");
          table.column("Quantity").alignRight();
          for (Requirement r : reqs) {
            table.addRow().addContent(r.lowLevelCode(), codes.get(r.materialId()), r.quantity());
          }
        }
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "bom-where-used", description = "Where is a material used / 物料反查")
  @Service
  public static class WhereUsedCommand implements Action {
    @Reference BomService boms;
    @Reference MasterDataService masterData;
    @Reference AccessService access;

    @Argument(required = true, description = "Material code / 物料编码")
    String code;

    @Option(
        name = "-d",
        aliases = "--date",
        description = "Effectivity date YYYY-MM-DD (default today)")
    String date;

    @Option(name = "-p", aliases = "--plant-id", description = "BOM set of this plant id")
    Long plantId;

    @Option(
        name = "-s",
        aliases = "--serial",
        description = "End-item serial for serial effectivity / 成品序列号")
    String serial;

    @Option(name = "-1", aliases = "--single", description = "Direct parents only / 仅单层")
    boolean single;

    @Override
    public Object execute() throws Exception {
      try {
        CallerContext caller = Callers.current(access);
        Material m = byCode(masterData, caller, code);
        LocalDate at = date == null ? LocalDate.now() : LocalDate.parse(date);
        var used =
            boms.whereUsed(caller, m.id(), plantId, BomView.MANUFACTURING, at, serial, !single);
        Map<Long, String> codes =
            codes(masterData, caller, used.stream().map(WhereUsed::parentId).toList());
        ShellTable table = new ShellTable();
        table.column("Level").alignRight();
        table.column("Parent");
        for (WhereUsed w : used) {
          table.addRow().addContent(w.level(), codes.get(w.parentId()));
        }
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }
}
