package io.tianshu.console.internal;

import io.tianshu.core.PageRequest;
import io.tianshu.core.TianshuException;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import io.tianshu.inventory.Warehouse;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:warehouse-list and mom:stock: what is where, by plant code. */
public final class StockCommands {
  private StockCommands() {}

  @Command(scope = "mom", name = "warehouse-list", description = "List warehouses / 列出仓库")
  @Service
  public static class ListWarehouses implements Action {
    @Reference InventoryService inventory;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-p", aliases = "--plant", description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Override
    public Object execute() throws Exception {
      try {
        var caller = Callers.current(access);
        Long plantId = plant == null ? null : org.getPlantByCode(caller, plant).id();
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Plant").alignRight();
        table.column("Code");
        table.column("Name");
        table.column("Negative allowed");
        for (Warehouse w :
            inventory
                .listWarehouses(caller, plantId, new PageRequest(0, 500, "code", true))
                .items()) {
          table.addRow().addContent(w.id(), w.plantId(), w.code(), w.name(), w.allowNegative());
        }
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "stock", description = "Show stock on hand / 查询库存")
  @Service
  public static class Stock implements Action {
    @Reference InventoryService inventory;
    @Reference OrgService org;
    @Reference AccessService access;

    @Option(name = "-p", aliases = "--plant", description = "Plant code / 工厂编码")
    @Completion(PlantCodeCompleter.class)
    String plant;

    @Option(name = "-m", aliases = "--material", description = "Material id / 物料 ID")
    Long material;

    @Option(name = "-l", aliases = "--lot", description = "Lot / 批次")
    String lot;

    @Override
    public Object execute() throws Exception {
      try {
        var caller = Callers.current(access);
        Long plantId = plant == null ? null : org.getPlantByCode(caller, plant).id();
        var page =
            inventory.stock(
                caller,
                new StockFilter(plantId, material, null, null, lot),
                new PageRequest(0, 500, "key", true));
        ShellTable table = new ShellTable();
        table.column("Material").alignRight();
        table.column("Warehouse").alignRight();
        table.column("Location").alignRight();
        table.column("Lot");
        table.column("Serial");
        table.column("Status");
        table.column("Quantity").alignRight();
        table.column("Unit");
        for (StockBalance b : page.items()) {
          table
              .addRow()
              .addContent(
                  b.materialId(),
                  b.warehouseId(),
                  b.locationId(),
                  b.lot(),
                  b.serial(),
                  b.status(),
                  b.quantity().toPlainString(),
                  b.unit());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }
}
