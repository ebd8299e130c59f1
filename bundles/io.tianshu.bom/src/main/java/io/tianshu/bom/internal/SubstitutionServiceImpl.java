package io.tianshu.bom.internal;

import io.tianshu.bom.StoredSubstitutionGroup;
import io.tianshu.bom.SubstituteInput;
import io.tianshu.bom.SubstitutePartInput;
import io.tianshu.bom.SubstitutionContext;
import io.tianshu.bom.SubstitutionGroupInput;
import io.tianshu.bom.SubstitutionOption;
import io.tianshu.bom.SubstitutionService;
import io.tianshu.bom.Substitutions;
import io.tianshu.bom.internal.store.JpaSubstitutionStore;
import io.tianshu.core.CallerContext;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.Validation;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.StockBalance;
import io.tianshu.inventory.StockFilter;
import io.tianshu.inventory.StockStatus;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.masterdata.Material;
import io.tianshu.persistence.Transactions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * OSGi adapter around {@link SubstitutionLogic} and {@link Substitutions}; materials are looked up
 * before the write transaction, stock for USE_UP after the groups are read.
 */
@Component(service = SubstitutionService.class)
public class SubstitutionServiceImpl implements SubstitutionService {
  private final JpaTemplate jpa;
  private final MasterDataService masterData;
  private final InventoryService inventory;

  @Activate
  public SubstitutionServiceImpl(
      @Reference(target = "(osgi.unit.name=tianshu-bom)") JpaTemplate jpa,
      @Reference MasterDataService masterData,
      @Reference InventoryService inventory) {
    this.jpa = jpa;
    this.masterData = masterData;
    this.inventory = inventory;
  }

  @Override
  public StoredSubstitutionGroup create(CallerContext caller, SubstitutionGroupInput input) {
    Materials materials = lookUp(caller, input);
    return Transactions.write(jpa, em -> logic(em, materials).create(caller, input));
  }

  @Override
  public StoredSubstitutionGroup get(CallerContext caller, long id) {
    return Transactions.read(jpa, em -> logic(em, null).get(caller, id));
  }

  @Override
  public List<StoredSubstitutionGroup> list(
      CallerContext caller, Long componentMaterialId, Long plantId) {
    return Transactions.read(jpa, em -> logic(em, null).list(caller, componentMaterialId, plantId));
  }

  @Override
  public void delete(CallerContext caller, long id, long version) {
    Transactions.write(
        jpa,
        em -> {
          logic(em, null).delete(caller, id, version);
          return null;
        });
  }

  @Override
  public List<SubstitutionOption> options(
      CallerContext caller,
      long componentMaterialId,
      Long parentMaterialId,
      double quantity,
      LocalDate date,
      String customer,
      String orderRef,
      Long plantId) {
    Validation v = new Validation();
    if (!(quantity >= 0) || Double.isInfinite(quantity)) {
      v.add("quantity", "out_of_range", "must be zero or more / 须不小于零");
    }
    v.throwIfInvalid();
    Material component = masterData.getMaterial(caller, componentMaterialId);
    if (parentMaterialId != null) {
      masterData.getMaterial(caller, parentMaterialId);
    }
    Long plant = plantId != null ? plantId : component.plantId();
    if (plant != null && !caller.canRead(plant)) {
      throw new NotFoundException("Plant", plant);
    }
    Substitutions substitutions = substitutions(plant);
    Map<Long, Double> stock = new HashMap<>();
    return substitutions.options(
        parentMaterialId == null ? Long.MIN_VALUE : parentMaterialId,
        componentMaterialId,
        quantity,
        new SubstitutionContext(date, blankToNull(customer), blankToNull(orderRef)),
        m -> stock.computeIfAbsent(m, k -> available(caller, plant, k)));
  }

  /** The groups that apply in the plant's set (plant null: the group's), compiled. */
  Substitutions substitutions(Long plant) {
    return Transactions.read(jpa, em -> compile(new JpaSubstitutionStore(em), plant));
  }

  static Substitutions compile(SubstitutionStore store, Long plant) {
    List<StoredSubstitutionGroup> groups =
        SubstitutionLogic.scope(store.list(plant == null ? Set.of() : Set.of(plant), null), plant);
    return Substitutions.of(groups.stream().map(StoredSubstitutionGroup::toGroup).toList());
  }

  /** AVAILABLE stock of the material in the plant (null: every plant the caller reads). */
  private double available(CallerContext caller, Long plant, long materialId) {
    BigDecimal total = BigDecimal.ZERO;
    int offset = 0;
    Page<StockBalance> page;
    do {
      page =
          inventory.stock(
              caller,
              new StockFilter(plant, materialId, null, StockStatus.AVAILABLE, null),
              PageRequest.parse(offset, PageRequest.MAX_LIMIT, null, Set.of("key"), "key"));
      for (StockBalance b : page.items()) {
        total = total.add(b.quantity());
      }
      offset += page.items().size();
    } while (!page.items().isEmpty() && offset < page.total());
    return total.doubleValue();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Every material the input names, asked of master data before the transaction. */
  private Materials lookUp(CallerContext caller, SubstitutionGroupInput in) {
    Map<Long, MaterialRef> refs = new HashMap<>();
    find(caller, in.parentMaterialId(), refs);
    if (in.primary() != null) {
      in.primary().stream().filter(p -> p != null).forEach(p -> find(caller, p.materialId(), refs));
    }
    if (in.substitutes() != null) {
      for (SubstituteInput s : in.substitutes()) {
        if (s != null && s.parts() != null) {
          for (SubstitutePartInput p : s.parts()) {
            if (p != null) {
              find(caller, p.materialId(), refs);
            }
          }
        }
      }
    }
    return new Materials() {
      @Override
      public Optional<MaterialRef> find(long id) {
        return Optional.ofNullable(refs.get(id));
      }

      @Override
      public Optional<BigDecimal> toBase(long materialId, BigDecimal quantity, String unit) {
        return Optional.empty();
      }
    };
  }

  private void find(CallerContext caller, Long id, Map<Long, MaterialRef> refs) {
    if (id != null && !refs.containsKey(id)) {
      try {
        Material m = masterData.getMaterial(caller, id);
        refs.put(id, new MaterialRef(m.id(), m.plantId(), m.baseUnit()));
      } catch (NotFoundException e) {
        refs.put(id, null);
      }
    }
  }

  private static SubstitutionLogic logic(EntityManager em, Materials materials) {
    return new SubstitutionLogic(new JpaSubstitutionStore(em), materials);
  }
}
