package io.tianshu.masterdata;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Materials, units and groups; plant-scoped reads, audited writes, one transaction a call. */
public interface MasterDataService {
  Set<String> MATERIAL_SORTABLE = Set.of("id", "code", "name", "type", "status");

  Page<Material> listMaterials(CallerContext caller, MaterialFilter filter, PageRequest page);

  Material getMaterial(CallerContext caller, long id);

  Material createMaterial(CallerContext caller, MaterialInput input);

  Material updateMaterial(CallerContext caller, long id, MaterialInput input);

  void deleteMaterial(CallerContext caller, long id, long version);

  List<UnitOfMeasure> listUnits();

  UnitOfMeasure createUnit(CallerContext caller, UnitOfMeasure unit);

  List<UnitConversion> listConversions(CallerContext caller, Long materialId);

  UnitConversion createConversion(
      CallerContext caller, String fromUnit, String toUnit, BigDecimal factor, Long materialId);

  /** Converts along the chain of conversions (global plus the material's own). */
  Quantity convert(CallerContext caller, Quantity quantity, String toUnit, Long materialId);

  List<MaterialGroup> listGroups(CallerContext caller);

  MaterialGroup createGroup(CallerContext caller, MaterialGroup group);
}
