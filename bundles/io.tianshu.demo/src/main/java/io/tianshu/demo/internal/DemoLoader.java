package io.tianshu.demo.internal;

import io.tianshu.bom.BomInput;
import io.tianshu.bom.BomLineInput;
import io.tianshu.bom.BomService;
import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.Location;
import io.tianshu.inventory.LocationInput;
import io.tianshu.inventory.MovementInput;
import io.tianshu.inventory.Warehouse;
import io.tianshu.inventory.WarehouseInput;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.MaterialInput;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import io.tianshu.org.OrgUnitInput;
import io.tianshu.org.OrgUnitType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small group: a final-assembly plant in Shanghai with a stamping workshop, and a machining plant
 * in Wuxi; group-owned raw materials and plant-owned assemblies; the body's BOM (doors with a
 * phantom hinge kit); a raw-material store with stock and a line-side store. Written through the
 * domain services, so it is validated and audited like any other change.
 */
public final class DemoLoader {
  private final OrgService org;
  private final MasterDataService masterData;
  private final InventoryService inventory;
  private final BomService boms;
  private final CallerContext system = CallerContext.system();
  private final Map<String, Long> materials = new HashMap<>();

  public DemoLoader(
      OrgService org, MasterDataService masterData, InventoryService inventory, BomService boms) {
    this.org = org;
    this.masterData = masterData;
    this.inventory = inventory;
    this.boms = boms;
  }

  /** Loads the demo unless the database already has plants; returns whether it loaded. */
  public boolean loadIfEmpty() {
    if (org.listPlants(system, null, new PageRequest(0, 1, "id", true)).total() > 0) {
      return false;
    }
    OrgUnit sh = unit(OrgUnitType.PLANT, "SH01", "上海总装厂", "Shanghai Assembly Plant", null);
    OrgUnit stamping = unit(OrgUnitType.WORKSHOP, "SH01-WS1", "冲压车间", "Stamping shop", sh);
    OrgUnit welding = unit(OrgUnitType.WORKSHOP, "SH01-WS2", "焊装车间", "Body shop", sh);
    OrgUnit line1 = unit(OrgUnitType.LINE, "SH01-L1", "冲压一线", "Press line 1", stamping);
    unit(OrgUnitType.WORK_CENTER, "SH01-L1-P1", "2000吨压机", "2000 t press", line1);
    unit(OrgUnitType.WORK_CENTER, "SH01-L1-P2", "800吨压机", "800 t press", line1);
    OrgUnit line2 = unit(OrgUnitType.LINE, "SH01-L2", "焊装线", "Welding line", welding);
    unit(OrgUnitType.WORK_CENTER, "SH01-L2-R1", "焊接机器人站", "Robot welding cell", line2);
    OrgUnit wx = unit(OrgUnitType.PLANT, "WX02", "无锡机加工厂", "Wuxi Machining Plant", null);
    OrgUnit machining = unit(OrgUnitType.WORKSHOP, "WX02-WS1", "机加车间", "Machining shop", wx);
    OrgUnit cnc = unit(OrgUnitType.LINE, "WX02-L1", "数控线", "CNC line", machining);
    unit(OrgUnitType.WORK_CENTER, "WX02-L1-C1", "五轴加工中心", "5-axis machining centre", cnc);

    material("RM-STEEL-1.2", "冷轧钢板 1.2mm", "Cold-rolled sheet 1.2 mm", "PURCHASED", "KG", null);
    material("RM-BOLT-M8", "六角螺栓 M8×25", "Hex bolt M8x25", "PURCHASED", "PCS", null);
    material("RM-AL-6061", "铝棒 6061", "Aluminium bar 6061", "PURCHASED", "KG", null);
    material("RM-PAINT-W", "白色面漆", "White top coat", "PURCHASED", "L", null);
    material("SA-DOOR-L", "左前门总成", "Front door assembly, left", "MANUFACTURED", "PCS", sh);
    material("SA-DOOR-R", "右前门总成", "Front door assembly, right", "MANUFACTURED", "PCS", sh);
    material("PH-HINGE-KIT", "门铰链组件(虚拟件)", "Hinge kit (phantom)", "PHANTOM", "SET", sh);
    material("FG-BODY-A1", "白车身 A1", "Body in white A1", "MANUFACTURED", "PCS", sh);
    material("MC-HUB-01", "轮毂法兰", "Hub flange", "MANUFACTURED", "PCS", wx);
    material("OS-PLATE-ZN", "镀锌板(委外)", "Zinc-plated plate (outsourced)", "OUTSOURCED", "PCS", wx);

    // Shanghai's body: doors with a phantom hinge kit, bolts and sheet steel.
    bom(
        "FG-BODY-A1",
        sh,
        line("SA-DOOR-L", "1"),
        line("SA-DOOR-R", "1"),
        line("RM-BOLT-M8", "24"),
        line("RM-STEEL-1.2", "180"),
        line("RM-PAINT-W", "6.5"));
    bom(
        "SA-DOOR-L",
        sh,
        line("RM-STEEL-1.2", "14.2"),
        line("RM-BOLT-M8", "6"),
        phantom("PH-HINGE-KIT"));
    bom(
        "SA-DOOR-R",
        sh,
        line("RM-STEEL-1.2", "14.2"),
        line("RM-BOLT-M8", "6"),
        phantom("PH-HINGE-KIT"));
    bom("PH-HINGE-KIT", sh, line("RM-BOLT-M8", "4"));

    Warehouse raw =
        inventory.createWarehouse(
            system, new WarehouseInput(sh.id(), "SH01-RM", "原材料库", "Raw materials", false));
    Location a01 = inventory.createLocation(system, raw.id(), new LocationInput("A-01", "A区01架"));
    inventory.createLocation(system, raw.id(), new LocationInput("A-02", "A区02架"));
    Warehouse lineSide =
        inventory.createWarehouse(
            system, new WarehouseInput(sh.id(), "SH01-LS", "线边库", "Line side", true));
    inventory.createLocation(system, lineSide.id(), new LocationInput("L1", "冲压一线线边"));
    receive("RM-STEEL-1.2", "5000", a01, "L20261101");
    receive("RM-BOLT-M8", "20000", a01, null);
    receive("RM-PAINT-W", "400", a01, "P2611");
    return true;
  }

  private BomLineInput line(String code, String qty) {
    return new BomLineInput(materials.get(code), new BigDecimal(qty), null, null, false, null);
  }

  private BomLineInput phantom(String code) {
    return new BomLineInput(materials.get(code), BigDecimal.ONE, null, null, true, null);
  }

  private void bom(String parent, OrgUnit plant, BomLineInput... lines) {
    boms.create(
        system,
        new BomInput(
            materials.get(parent),
            plant.id(),
            null,
            "A",
            LocalDate.of(2026, 1, 1),
            null,
            List.of(lines)));
  }

  private void receive(String code, String qty, Location at, String lot) {
    inventory.post(
        system,
        new MovementInput(
            "RECEIPT",
            materials.get(code),
            new BigDecimal(qty),
            at.id(),
            null,
            lot,
            null,
            null,
            null,
            "DEMO"));
  }

  private OrgUnit unit(OrgUnitType type, String code, String name, String nameEn, OrgUnit parent) {
    return org.create(
        system,
        new OrgUnitInput(
            type, code, name, nameEn, parent == null ? null : parent.id(), null, null));
  }

  private void material(
      String code, String name, String nameEn, String type, String unit, OrgUnit plant) {
    materials.put(
        code,
        masterData
            .createMaterial(
                system,
                new MaterialInput(
                    code,
                    name,
                    nameEn,
                    type,
                    unit,
                    null,
                    null,
                    plant == null ? null : plant.id(),
                    null))
            .id());
  }
}
