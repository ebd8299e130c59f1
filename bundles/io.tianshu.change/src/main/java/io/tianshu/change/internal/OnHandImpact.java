package io.tianshu.change.internal;

import io.tianshu.change.ImpactContributor;
import io.tianshu.change.ImpactItem;
import io.tianshu.change.ImpactRequest;
import io.tianshu.core.CallerContext;
import io.tianshu.core.PageRequest;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Stock of the changed materials on hand in the change's plant (every status, per location). */
@Component(service = ImpactContributor.class)
public class OnHandImpact implements ImpactContributor {
  private final InventoryService inventory;

  @Activate
  public OnHandImpact(@Reference InventoryService inventory) {
    this.inventory = inventory;
  }

  @Override
  public String name() {
    return "inventory";
  }

  @Override
  public List<ImpactItem> contribute(CallerContext caller, ImpactRequest request) {
    List<ImpactItem> items = new ArrayList<>();
    for (long m : request.materials()) {
      for (StockBalance b :
          inventory
              .stock(
                  caller,
                  new StockFilter(request.plantId(), m, null, null, null),
                  new PageRequest(0, 500, "key", true))
              .items()) {
        items.add(
            new ImpactItem(
                "ON_HAND",
                m,
                "location " + b.locationId() + (b.lot().isEmpty() ? "" : " lot " + b.lot()),
                b.quantity(),
                b.unit(),
                b.status().name(),
                name()));
      }
    }
    return items;
  }
}
