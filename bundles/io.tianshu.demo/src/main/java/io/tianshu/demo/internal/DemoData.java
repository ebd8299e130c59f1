package io.tianshu.demo.internal;

import io.tianshu.bom.BomService;
import io.tianshu.inventory.InventoryService;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.org.OrgService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the demo group on start when TIANSHU_DEMO=true and the database has no plant yet. */
@Component(
    immediate = true,
    service = {})
public class DemoData {
  static final String ENV = "TIANSHU_DEMO";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  @Activate
  public DemoData(
      @Reference OrgService org,
      @Reference MasterDataService masterData,
      @Reference InventoryService inventory,
      @Reference BomService boms) {
    if (!Boolean.parseBoolean(System.getenv(ENV))) {
      return;
    }
    if (new DemoLoader(org, masterData, inventory, boms).loadIfEmpty()) {
      LOG.info("Loaded the demo group: plants SH01 and WX02, units, materials, BOMs and stock");
    }
  }
}
