package io.tianshu.masterdata.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.masterdata.MaterialGroup;
import io.tianshu.masterdata.UnitConversion;
import io.tianshu.masterdata.UnitOfMeasure;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the master-data rules need from storage. Owner 0 stands for the group. */
public interface MasterDataStore {
  Optional<Material> findMaterial(long id);

  boolean materialCodeTaken(long owner, String code, Long exceptId);

  /**
   * Materials of the readable plants ({@code plants} null: all) plus group-owned ones, filtered.
   */
  Page<Material> listMaterials(Set<Long> plants, MaterialFilter filter, PageRequest page);

  Material insertMaterial(Material m);

  Material updateMaterial(Material m);

  void deleteMaterial(long id);

  long countOwnedBy(long plantId);

  List<UnitOfMeasure> units();

  Optional<UnitOfMeasure> unit(String code);

  UnitOfMeasure insertUnit(UnitOfMeasure unit);

  /** Global conversions, plus those of the material when {@code materialId} is not null. */
  List<UnitConversion> conversions(Long materialId);

  /** Every material-specific conversion. */
  List<UnitConversion> materialConversions();

  UnitConversion insertConversion(UnitConversion c);

  void deleteConversion(long id);

  Optional<MaterialGroup> findGroup(long id);

  boolean groupCodeTaken(long owner, String code);

  List<MaterialGroup> groups(Set<Long> plants);

  MaterialGroup insertGroup(MaterialGroup g);

  void audit(
      CallerContext caller,
      String entity,
      Object id,
      Long plantId,
      String action,
      java.util.Map<String, ?> before,
      java.util.Map<String, ?> after);
}
