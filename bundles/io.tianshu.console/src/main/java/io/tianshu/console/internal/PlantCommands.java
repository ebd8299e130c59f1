package io.tianshu.console.internal;

import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitInput;
import io.tianshu.org.OrgUnitStatus;
import io.tianshu.org.OrgUnitType;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:plant-* commands. Plants are named by code on the console. */
public final class PlantCommands {
  private PlantCommands() {}

  static void print(OrgUnit p) {
    System.out.println("id:       " + p.id());
    System.out.println("code:     " + p.code());
    System.out.println("name:     " + p.name());
    System.out.println("nameEn:   " + (p.nameEn() == null ? "" : p.nameEn()));
    System.out.println("status:   " + p.status());
    System.out.println("version:  " + p.version());
    System.out.println("updated:  " + p.updatedAt() + " by " + p.updatedBy());
  }

  @Command(scope = "mom", name = "plant-list", description = "List plants / 列出工厂")
  @Service
  public static class ListPlants implements Action {
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-q", description = "Text in code or name / 按编码或名称筛选")
    String q;

    @Override
    public Object execute() throws Exception {
      try {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Code");
        table.column("Name");
        table.column("Status");
        for (OrgUnit p :
            org.listPlants(Callers.current(access), q, new PageRequest(0, 500, "code", true))
                .items()) {
          table.addRow().addContent(p.id(), p.code(), p.name(), p.status());
        }
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "plant-show", description = "Show one plant and its units / 显示工厂")
  @Service
  public static class ShowPlant implements Action {
    @Reference OrgService org;
    @Reference AccessService access;

    @Argument(required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String code;

    @Override
    public Object execute() throws Exception {
      try {
        var caller = Callers.current(access);
        OrgUnit p = org.getPlantByCode(caller, code);
        print(p);
        for (OrgUnit u : org.listUnits(caller, p.id())) {
          System.out.println("  " + u.type() + " " + u.code() + " " + u.name());
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "plant-create", description = "Create a plant / 新建工厂")
  @Service
  public static class CreatePlant implements Action {
    @Reference OrgService org;
    @Reference AccessService access;

    @Argument(index = 0, required = true, description = "Plant code / 工厂编码")
    String code;

    @Argument(index = 1, required = true, description = "Name (zh) / 名称")
    String name;

    @Option(name = "--en", description = "English name / 英文名称")
    String nameEn;

    @Override
    public Object execute() throws Exception {
      try {
        print(
            org.create(
                Callers.current(access),
                new OrgUnitInput(OrgUnitType.PLANT, code, name, nameEn, null, null, null)));
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "plant-update",
      description = "Change a plant's name or status / 修改工厂")
  @Service
  public static class UpdatePlant implements Action {
    @Reference OrgService org;
    @Reference AccessService access;

    @Argument(required = true, description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String code;

    @Option(name = "--name", description = "New name (zh) / 新名称")
    String name;

    @Option(name = "--en", description = "New English name / 新英文名称")
    String nameEn;

    @Option(name = "--status", description = "ACTIVE or INACTIVE")
    OrgUnitStatus status;

    @Override
    public Object execute() throws Exception {
      try {
        var caller = Callers.current(access);
        OrgUnit p = org.getPlantByCode(caller, code);
        print(
            org.update(
                caller,
                p.id(),
                new OrgUnitInput(
                    null,
                    p.code(),
                    name == null ? p.name() : name,
                    nameEn == null ? p.nameEn() : nameEn,
                    null,
                    status,
                    p.version())));
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }
}
