package io.tianshu.console.internal;

import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.masterdata.MaterialInput;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:material-* commands. Materials are named by id; -p names the owning plant by code. */
public final class MaterialCommands {
  private MaterialCommands() {}

  static void print(Material m) {
    System.out.println("id:       " + m.id());
    System.out.println("code:     " + m.code());
    System.out.println("name:     " + m.name());
    System.out.println("nameEn:   " + (m.nameEn() == null ? "" : m.nameEn()));
    System.out.println("type:     " + m.type());
    System.out.println("baseUnit: " + m.baseUnit());
    System.out.println("status:   " + m.status());
    System.out.println(
        "owner:    " + (m.plantId() == null ? "group / 集团" : "plant " + m.plantId()));
    System.out.println("version:  " + m.version());
  }

  /** The completer for material types. */
  @Service
  public static class TypeCompleter extends StringsCompleter {
    public TypeCompleter() {
      super(new String[] {"PURCHASED", "MANUFACTURED", "PHANTOM", "OUTSOURCED"});
    }
  }

  @Command(scope = "mom", name = "material-list", description = "List materials / 列出物料")
  @Service
  public static class ListMaterials implements Action {
    @Reference MasterDataService masterData;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-p", aliases = "--plant", description = "Owning plant code / 所属工厂")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(name = "-q", description = "Text in code or name / 按编码或名称筛选")
    String q;

    @Option(name = "-n", description = "At most this many rows (default 100) / 最多行数")
    int limit = 100;

    @Override
    public Object execute() throws Exception {
      try {
        var caller = Callers.current(access);
        Long plantId = plant == null ? null : org.getPlantByCode(caller, plant).id();
        var page =
            masterData.listMaterials(
                caller,
                new MaterialFilter(plantId, q, null, null),
                PageRequest.parse(0, limit, "code", MasterDataService.MATERIAL_SORTABLE, "code"));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Code");
        table.column("Name");
        table.column("Type");
        table.column("Unit");
        table.column("Status");
        table.column("Plant");
        for (Material m : page.items()) {
          table
              .addRow()
              .addContent(
                  m.id(),
                  m.code(),
                  m.name(),
                  m.type(),
                  m.baseUnit(),
                  m.status(),
                  m.plantId() == null ? "-" : m.plantId());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "material-show", description = "Show one material / 显示物料")
  @Service
  public static class ShowMaterial implements Action {
    @Reference MasterDataService masterData;
    @Reference AccessService access;

    @Argument(required = true, description = "Material id")
    long id;

    @Override
    public Object execute() throws Exception {
      try {
        print(masterData.getMaterial(Callers.current(access), id));
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "material-create", description = "Create a material / 新建物料")
  @Service
  public static class CreateMaterial implements Action {
    @Reference MasterDataService masterData;
    @Reference OrgService org;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Material code / 物料编码")
    String code;

    @Argument(index = 1, required = true, description = "Name (zh) / 名称")
    String name;

    @Option(
        name = "-p",
        aliases = "--plant",
        description = "Owning plant code; none = group / 所属工厂")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(
        name = "-t",
        aliases = "--type",
        description = "PURCHASED, MANUFACTURED, PHANTOM, OUTSOURCED")
    @Completion(TypeCompleter.class)
    String type = "PURCHASED";

    @Option(name = "-u", aliases = "--unit", description = "Base unit (default PCS) / 基本单位")
    String unit = "PCS";

    @Option(name = "--en", description = "English name / 英文名称")
    String nameEn;

    @Override
    public Object execute() throws Exception {
      try {
        var caller = Callers.current(access);
        Long plantId = plant == null ? null : org.getPlantByCode(caller, plant).id();
        print(
            masterData.createMaterial(
                caller,
                new MaterialInput(code, name, nameEn, type, unit, null, null, plantId, null)));
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "material-update", description = "Change a material / 修改物料")
  @Service
  public static class UpdateMaterial implements Action {
    @Reference MasterDataService masterData;
    @Reference AccessService access;

    @Argument(required = true, description = "Material id")
    long id;

    @Option(name = "--name", description = "New name (zh)")
    String name;

    @Option(name = "--en", description = "New English name")
    String nameEn;

    @Option(name = "-t", aliases = "--type", description = "New type")
    @Completion(TypeCompleter.class)
    String type;

    @Option(name = "-u", aliases = "--unit", description = "New base unit")
    String unit;

    @Option(name = "--status", description = "DRAFT, ACTIVE, BLOCKED, OBSOLETE")
    String status;

    @Override
    public Object execute() throws Exception {
      try {
        var caller = Callers.current(access);
        Material m = masterData.getMaterial(caller, id);
        print(
            masterData.updateMaterial(
                caller,
                id,
                new MaterialInput(
                    m.code(),
                    name == null ? m.name() : name,
                    nameEn == null ? m.nameEn() : nameEn,
                    type == null ? m.type().name() : type,
                    unit == null ? m.baseUnit() : unit,
                    m.groupId(),
                    status == null ? m.status().name() : status,
                    null,
                    m.version())));
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }
}
