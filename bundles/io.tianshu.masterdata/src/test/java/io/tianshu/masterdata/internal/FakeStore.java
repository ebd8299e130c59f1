package io.tianshu.masterdata.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.masterdata.Material;
import io.tianshu.masterdata.MaterialFilter;
import io.tianshu.masterdata.MaterialGroup;
import io.tianshu.masterdata.UnitConversion;
import io.tianshu.masterdata.UnitOfMeasure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Map-backed {@link MasterDataStore} with the standard units of the V1 migration. */
final class FakeStore implements MasterDataStore {
  final Map<Long, Material> materials = new TreeMap<>();
  final List<UnitOfMeasure> units = new ArrayList<>();
  final List<UnitConversion> conversions = new ArrayList<>();
  final List<MaterialGroup> groups = new ArrayList<>();
  final List<String> audit = new ArrayList<>();
  long next = 1;

  FakeStore() {
    for (String[] u :
        new String[][] {
          {"PCS", "COUNT"},
          {"BOX", "COUNT"},
          {"KG", "MASS"},
          {"G", "MASS"},
          {"T", "MASS"},
          {"M", "LENGTH"},
          {"MM", "LENGTH"}
        }) {
      units.add(new UnitOfMeasure(next++, u[0], u[0], u[0], u[1], 0));
    }
    conversions.add(new UnitConversion(next++, "KG", "G", new BigDecimal("1000"), null, 0));
    conversions.add(new UnitConversion(next++, "T", "KG", new BigDecimal("1000"), null, 0));
    conversions.add(new UnitConversion(next++, "M", "MM", new BigDecimal("1000"), null, 0));
  }

  private static long owner(Long plantId) {
    return plantId == null ? 0L : plantId;
  }

  @Override
  public Optional<Material> findMaterial(long id) {
    return Optional.ofNullable(materials.get(id));
  }

  @Override
  public boolean materialCodeTaken(long owner, String code, Long exceptId) {
    return materials.values().stream()
        .anyMatch(
            m -> owner(m.plantId()) == owner && m.code().equals(code) && !m.id().equals(exceptId));
  }

  @Override
  public Page<Material> listMaterials(Set<Long> plants, MaterialFilter f, PageRequest page) {
    List<Material> all =
        materials.values().stream()
            .filter(
                m ->
                    f.plantId() != null
                        ? Objects.equals(m.plantId(), f.plantId())
                        : plants == null || m.plantId() == null || plants.contains(m.plantId()))
            .filter(m -> f.q() == null || m.code().contains(f.q()))
            .toList();
    return new Page<>(
        all.stream().skip(page.offset()).limit(page.limit()).toList(),
        page.offset(),
        page.limit(),
        all.size());
  }

  @Override
  public Material insertMaterial(Material m) {
    Material s =
        new Material(
            next++,
            m.code(),
            m.name(),
            m.nameEn(),
            m.type(),
            m.baseUnit(),
            m.groupId(),
            m.status(),
            m.plantId(),
            0,
            m.createdAt(),
            m.createdBy(),
            m.updatedAt(),
            m.updatedBy());
    materials.put(s.id(), s);
    return s;
  }

  @Override
  public Material updateMaterial(Material m) {
    Material s =
        new Material(
            m.id(),
            m.code(),
            m.name(),
            m.nameEn(),
            m.type(),
            m.baseUnit(),
            m.groupId(),
            m.status(),
            m.plantId(),
            m.version() + 1,
            m.createdAt(),
            m.createdBy(),
            m.updatedAt(),
            m.updatedBy());
    materials.put(s.id(), s);
    return s;
  }

  @Override
  public void deleteMaterial(long id) {
    materials.remove(id);
  }

  @Override
  public long countOwnedBy(long plantId) {
    return materials.values().stream().filter(m -> owner(m.plantId()) == plantId).count();
  }

  @Override
  public List<UnitOfMeasure> units() {
    return units;
  }

  @Override
  public Optional<UnitOfMeasure> unit(String code) {
    return units.stream().filter(u -> u.code().equals(code)).findFirst();
  }

  @Override
  public UnitOfMeasure insertUnit(UnitOfMeasure u) {
    UnitOfMeasure s = new UnitOfMeasure(next++, u.code(), u.name(), u.nameEn(), u.dimension(), 0);
    units.add(s);
    return s;
  }

  @Override
  public List<UnitConversion> conversions(Long materialId) {
    return conversions.stream()
        .filter(c -> c.materialId() == null || c.materialId().equals(materialId))
        .toList();
  }

  @Override
  public List<UnitConversion> materialConversions() {
    return conversions.stream().filter(c -> c.materialId() != null).toList();
  }

  @Override
  public UnitConversion insertConversion(UnitConversion c) {
    UnitConversion s =
        new UnitConversion(next++, c.fromUnit(), c.toUnit(), c.factor(), c.materialId(), 0);
    conversions.add(s);
    return s;
  }

  @Override
  public void deleteConversion(long id) {
    conversions.removeIf(c -> c.id() == id);
  }

  @Override
  public Optional<MaterialGroup> findGroup(long id) {
    return groups.stream().filter(g -> g.id() == id).findFirst();
  }

  @Override
  public boolean groupCodeTaken(long owner, String code) {
    return groups.stream().anyMatch(g -> owner(g.plantId()) == owner && g.code().equals(code));
  }

  @Override
  public List<MaterialGroup> groups(Set<Long> plants) {
    return groups.stream()
        .filter(g -> plants == null || g.plantId() == null || plants.contains(g.plantId()))
        .toList();
  }

  @Override
  public MaterialGroup insertGroup(MaterialGroup g) {
    MaterialGroup s =
        new MaterialGroup(next++, g.code(), g.name(), g.nameEn(), g.parentId(), g.plantId(), 0);
    groups.add(s);
    return s;
  }

  @Override
  public void audit(
      CallerContext caller,
      String entity,
      Object id,
      Long plantId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after) {
    audit.add(action + " " + entity + " " + id);
  }
}
