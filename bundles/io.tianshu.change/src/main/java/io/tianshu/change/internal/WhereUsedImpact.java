package io.tianshu.change.internal;

import io.tianshu.bom.BomService;
import io.tianshu.bom.BomView;
import io.tianshu.bom.WhereUsed;
import io.tianshu.change.ImpactContributor;
import io.tianshu.change.ImpactItem;
import io.tianshu.change.ImpactRequest;
import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.masterdata.MasterDataService;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Every assembly above a changed material (multi-level where-used, manufacturing view). */
@Component(service = ImpactContributor.class)
public class WhereUsedImpact implements ImpactContributor {
  private final BomService boms;
  private final MasterDataService masterData;

  @Activate
  public WhereUsedImpact(@Reference BomService boms, @Reference MasterDataService masterData) {
    this.boms = boms;
    this.masterData = masterData;
  }

  @Override
  public String name() {
    return "bom";
  }

  @Override
  public List<ImpactItem> contribute(CallerContext caller, ImpactRequest request) {
    List<ImpactItem> items = new ArrayList<>();
    for (long m : request.materials()) {
      List<WhereUsed> used;
      try {
        used =
            boms.whereUsed(
                caller,
                m,
                request.plantId(),
                BomView.MANUFACTURING,
                request.effectiveDate(),
                null,
                true);
      } catch (NotFoundException e) {
        continue;
      }
      for (WhereUsed w : used) {
        items.add(
            new ImpactItem(
                "WHERE_USED",
                m,
                masterData.getMaterial(caller, w.parentId()).code(),
                null,
                null,
                "level " + w.level() + " / 第 " + w.level() + " 层",
                name()));
      }
    }
    return items;
  }
}
