package io.tianshu.quality.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.FieldError;
import io.tianshu.core.ForbiddenException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import io.tianshu.core.PlantRole;
import io.tianshu.core.Validation;
import io.tianshu.core.ValidationException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.execution.WorkOrder;
import io.tianshu.execution.WorkOrderInput;
import io.tianshu.inventory.InventoryService;
import io.tianshu.inventory.MovementDocument;
import io.tianshu.inventory.MovementInput;
import io.tianshu.masterdata.MasterDataService;
import io.tianshu.persistence.AuditTrail;
import io.tianshu.persistence.JtaTransactions;
import io.tianshu.quality.DispositionInput;
import io.tianshu.quality.DispositionProposal;
import io.tianshu.quality.InspectionLot;
import io.tianshu.quality.NcCostInput;
import io.tianshu.quality.NcDefect;
import io.tianshu.quality.NcDisposition;
import io.tianshu.quality.NcStep;
import io.tianshu.quality.Nonconformance;
import io.tianshu.quality.NonconformanceInput;
import io.tianshu.quality.NonconformanceService;
import io.tianshu.quality.nonconformance.DispositionKind;
import io.tianshu.quality.nonconformance.DispositionLine;
import io.tianshu.quality.nonconformance.DispositionRules;
import io.tianshu.quality.nonconformance.NcAction;
import io.tianshu.quality.nonconformance.NcLifecycle;
import io.tianshu.quality.nonconformance.NcStatus;
import io.tianshu.quality.nonconformance.StockEffect;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Nonconformance handling on the V15 tables: plain JDBC in one JTA transaction per call, which the
 * inventory postings and the rework work orders of an execution join. The rules (lifecycle,
 * quantity conservation, four eyes, stock effects) are in {@link
 * io.tianshu.quality.nonconformance}.
 */
@Component(service = NonconformanceService.class)
public class NonconformanceServiceImpl implements NonconformanceService {
  static final String NC = "Nonconformance";
  private static final Set<String> SOURCES =
      Set.of("INSPECTION_LOT", "PRODUCTION", "CUSTOMER", "SUPPLIER", "INTERNAL");
  private static final Set<String> STOCK_STATUSES = Set.of("QUARANTINE", "BLOCKED");
  private static final Set<String> RESPONSIBILITIES = Set.of("SUPPLIER", "DEPARTMENT", "UNKNOWN");
  private static final Set<String> COST_TYPES =
      Set.of("SCRAP_VALUE", "REWORK", "SORTING", "FREIGHT", "OTHER");

  private final JtaTransactions tx;
  private final MasterDataService masterData;
  private final InventoryService inventory;
  private final ExecutionService execution;

  @Activate
  public NonconformanceServiceImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference MasterDataService masterData,
      @Reference InventoryService inventory,
      @Reference ExecutionService execution) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
    this.masterData = masterData;
    this.inventory = inventory;
    this.execution = execution;
  }

  // ---- record

  @Override
  public Nonconformance create(CallerContext caller, NonconformanceInput input) {
    NonconformanceInput in = input;
    if (in.inspectionLotId() != null) {
      in = fromLot(caller, in);
    }
    Validation v = new Validation();
    v.required("plantId", in.plantId());
    v.required("materialId", in.materialId());
    v.required("locationId", in.locationId());
    v.positive("quantity", in.quantity());
    if (in.quantity() != null
        && in.quantity().stripTrailingZeros().scale() > DispositionRules.QTY_SCALE) {
      v.add("quantity", "too_precise", "at most 6 decimals / 最多 6 位小数");
    }
    String source =
        in.source() == null
            ? (in.inspectionLotId() != null ? "INSPECTION_LOT" : "INTERNAL")
            : upper(in.source());
    if (!SOURCES.contains(source)) {
      v.add(
          "source", "invalid", "INSPECTION_LOT, PRODUCTION, CUSTOMER, SUPPLIER or INTERNAL / 来源无效");
    }
    String stockStatus = in.stockStatus() == null ? "BLOCKED" : upper(in.stockStatus());
    if (!STOCK_STATUSES.contains(stockStatus)) {
      v.add(
          "stockStatus",
          "invalid",
          "nonconforming stock sits in QUARANTINE or BLOCKED / 不合格品库存状态须为待检或冻结");
    }
    String resp = in.responsibility() == null ? "UNKNOWN" : upper(in.responsibility());
    if (!RESPONSIBILITIES.contains(resp)) {
      v.add("responsibility", "invalid", "SUPPLIER, DEPARTMENT or UNKNOWN / 责任方无效");
    }
    String supplier = blank(in.supplier()) ? null : in.supplier().trim();
    String department = blank(in.department()) ? null : in.department().trim();
    if (supplier != null) {
      v.code("supplier", supplier, 40);
    } else if ("SUPPLIER".equals(resp)) {
      v.add("supplier", "required", "the responsible supplier is required / 需要责任供应商");
    }
    if (department != null) {
      v.optionalText("department", department, 64);
    } else if ("DEPARTMENT".equals(resp)) {
      v.add("department", "required", "the responsible department is required / 需要责任部门");
    }
    if (!blank(in.lot())) {
      v.optionalText("lot", in.lot(), 64);
    }
    v.optionalText("sourceReference", in.sourceReference(), 64);
    v.optionalText("description", in.description(), 2000);
    List<NcDefect> defects = new ArrayList<>();
    List<NcDefect> given = in.defects() == null ? List.of() : in.defects();
    for (int i = 0; i < given.size(); i++) {
      String p = "defects[" + i + "].";
      NcDefect d = given.get(i);
      if (d == null) {
        v.add("defects[" + i + "]", "required", "is required / 必填");
        continue;
      }
      v.code(p + "code", d.code(), 40);
      v.positive(p + "quantity", d.quantity());
      v.optionalText(p + "description", d.description(), 400);
      defects.add(new NcDefect(d.code(), d.quantity(), d.description()));
    }
    v.throwIfInvalid();
    caller.require(in.plantId(), PlantRole.OPERATOR, "Plant", in.plantId());
    material(caller, in.materialId());
    NonconformanceInput n = in;
    String lot = blank(in.lot()) ? "" : in.lot().trim();
    long id =
        tx.write(
            c -> {
              QualityStore.requireLocationOfPlant(c, n.plantId(), n.locationId());
              Instant now = Instant.now();
              String ncNo = String.format("NC-%06d", NcStore.nextNumber(c, n.plantId(), "NC"));
              long ncId =
                  NcStore.insert(
                      c,
                      new NcStore.NewNc(
                          n.plantId(),
                          ncNo,
                          source,
                          n.sourceReference(),
                          n.inspectionLotId(),
                          n.materialId(),
                          lot,
                          n.locationId(),
                          stockStatus,
                          n.quantity(),
                          n.description(),
                          resp,
                          supplier,
                          department,
                          now,
                          caller.username()));
              NcStore.insertDefects(c, ncId, defects);
              Map<String, Object> after = new LinkedHashMap<>();
              after.put("ncNo", ncNo);
              after.put("source", source);
              after.put("materialId", n.materialId());
              after.put("lot", lot);
              after.put("locationId", n.locationId());
              after.put("stockStatus", stockStatus);
              after.put("quantity", n.quantity());
              after.put("responsibility", resp);
              after.put("supplier", supplier == null ? "" : supplier);
              after.put("defects", defects.stream().map(NcDefect::code).toList());
              AuditTrail.writeJdbc(
                  c, caller, NC, ncId, n.plantId(), AuditTrail.CREATE, null, after);
              return ncId;
            });
    return get(caller, id);
  }

  /**
   * The inspection lot's material, lot, location, quantity and supplier where the input has none.
   */
  private NonconformanceInput fromLot(CallerContext caller, NonconformanceInput in) {
    InspectionLot l =
        tx.read(c -> QualityStore.findLot(c, in.inspectionLotId(), false)).orElse(null);
    if (l == null || !caller.canRead(l.plantId())) {
      throw new ValidationException(
          "inspectionLotId", "not_found", "no such inspection lot / 检验批不存在");
    }
    if (in.plantId() != null && in.plantId() != l.plantId()) {
      throw new ValidationException(
          "inspectionLotId", "other_plant", "the inspection lot is of another plant / 检验批属于其他工厂");
    }
    boolean supplierLot = !blank(l.supplier());
    return new NonconformanceInput(
        l.plantId(),
        in.source(),
        in.sourceReference() == null ? "IL-" + l.id() : in.sourceReference(),
        l.id(),
        in.materialId() == null ? l.materialId() : in.materialId(),
        in.lot() == null ? l.lot() : in.lot(),
        in.locationId() == null ? l.locationId() : in.locationId(),
        in.stockStatus() == null
            ? ("REJECT".equals(l.decision()) ? "BLOCKED" : "QUARANTINE")
            : in.stockStatus(),
        in.quantity() == null ? l.quantity() : in.quantity(),
        in.description(),
        in.responsibility() == null && supplierLot ? "SUPPLIER" : in.responsibility(),
        in.supplier() == null && supplierLot ? l.supplier() : in.supplier(),
        in.department(),
        in.defects());
  }

  @Override
  public Nonconformance get(CallerContext caller, long id) {
    Nonconformance n = tx.read(c -> NcStore.find(c, id)).orElse(null);
    if (n == null || !caller.canRead(n.plantId())) {
      throw new NotFoundException(NC, id);
    }
    return n;
  }

  @Override
  public Page<Nonconformance> list(
      CallerContext caller, long plantId, String status, Long materialId, PageRequest page) {
    if (!caller.canRead(plantId)) {
      throw new NotFoundException("Plant", plantId);
    }
    String s = blank(status) ? null : upper(status);
    if (s != null && Arrays.stream(NcStatus.values()).noneMatch(x -> x.name().equals(s))) {
      throw new ValidationException(
          "status", "invalid", "OPEN, PROPOSED, APPROVED, EXECUTED, CLOSED or CANCELLED / 状态无效");
    }
    return tx.read(c -> NcStore.list(c, plantId, s, materialId, page));
  }

  // ---- MRB

  @Override
  public Nonconformance propose(CallerContext caller, long id, DispositionProposal p) {
    Nonconformance n = get(caller, id);
    caller.require(n.plantId(), PlantRole.PLANNER, NC, id);
    List<DispositionInput> given = p.dispositions();
    List<FieldError> errors = new ArrayList<>();
    List<DispositionLine> lines = new ArrayList<>();
    if (given != null) {
      for (int i = 0; i < given.size(); i++) {
        DispositionInput d = given.get(i);
        if (d == null) {
          lines.add(null);
          continue;
        }
        DispositionKind kind = null;
        if (!blank(d.kind())) {
          try {
            kind = DispositionKind.valueOf(upper(d.kind()));
          } catch (IllegalArgumentException e) {
            errors.add(
                new FieldError(
                    "dispositions[" + i + "].kind",
                    "invalid",
                    "SCRAP, REWORK, USE_AS_IS, RETURN_TO_SUPPLIER or SORT / 处置方式无效"));
          }
        }
        String pre = "dispositions[" + i + "].";
        if (d.concessionNo() != null && d.concessionNo().length() > 40) {
          errors.add(
              new FieldError(pre + "concessionNo", "too_long", "at most 40 characters / 过长"));
        }
        if (d.reason() != null && d.reason().length() > 400) {
          errors.add(new FieldError(pre + "reason", "too_long", "at most 400 characters / 过长"));
        }
        if (!blank(d.supplier()) && d.supplier().trim().length() > 40) {
          errors.add(new FieldError(pre + "supplier", "too_long", "at most 40 characters / 过长"));
        }
        lines.add(
            new DispositionLine(kind, d.quantity(), d.concessionNo(), d.reason(), d.supplier()));
      }
    }
    for (FieldError e :
        DispositionRules.check(n.quantity(), n.responsibility(), n.supplier(), lines)) {
      // an unparsable kind is already reported as invalid
      if (!(e.code().equals("required")
          && errors.stream().anyMatch(x -> x.field().equals(e.field())))) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    step(n, NcAction.PROPOSE);
    List<NcDisposition> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      DispositionLine l = lines.get(i);
      rows.add(
          new NcDisposition(
              i + 1,
              l.kind().name(),
              l.quantity(),
              blank(l.concessionNo()) ? null : l.concessionNo().trim(),
              blank(l.reason()) ? null : l.reason().trim(),
              l.kind() == DispositionKind.RETURN_TO_SUPPLIER
                  ? DispositionRules.returnSupplier(l, n.supplier())
                  : null,
              null,
              null));
    }
    long expected = p.version() == null ? n.version() : p.version();
    tx.write(
        c -> {
          Instant now = Instant.now();
          if (!NcStore.move(
              c,
              id,
              expected,
              n.status(),
              NcStatus.PROPOSED.name(),
              "proposed_by = ?, proposed_at = ?",
              List.of(caller.username(), now))) {
            throw ConflictException.staleVersion(NC, id, expected);
          }
          NcStore.replaceDispositions(c, id, rows);
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("status", NcStatus.PROPOSED.name());
          after.put("dispositions", rows.stream().map(r -> r.kind() + " " + r.quantity()).toList());
          AuditTrail.writeJdbc(c, caller, NC, id, n.plantId(), "PROPOSE", null, after);
          return null;
        });
    return get(caller, id);
  }

  @Override
  public Nonconformance approve(CallerContext caller, long id, NcStep s) {
    Nonconformance n = get(caller, id);
    caller.require(n.plantId(), PlantRole.PLANNER, NC, id);
    new Validation().optionalText("comment", s.comment(), 400).throwIfInvalid();
    step(n, NcAction.APPROVE);
    if (!DispositionRules.mayApprove(n.proposedBy(), caller.username())) {
      throw new ForbiddenException(
          "the MRB approval must come from someone other than the proposer "
              + n.proposedBy()
              + " / MRB 审批人不能是处置提出人");
    }
    // the proposal was checked when made; check again in case the NC quantity rule changed
    List<DispositionLine> lines =
        n.dispositions().stream()
            .map(
                d ->
                    new DispositionLine(
                        DispositionKind.valueOf(d.kind()),
                        d.quantity(),
                        d.concessionNo(),
                        d.reason(),
                        d.supplier()))
            .toList();
    List<FieldError> errors =
        DispositionRules.check(n.quantity(), n.responsibility(), n.supplier(), lines);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return move(
        caller,
        n,
        s,
        NcStatus.APPROVED,
        "approved_by = ?, approved_at = ?, mrb_comment = ?",
        Arrays.asList(caller.username(), Instant.now(), trimOrNull(s.comment())),
        "APPROVE");
  }

  @Override
  public Nonconformance reject(CallerContext caller, long id, NcStep s) {
    Nonconformance n = get(caller, id);
    caller.require(n.plantId(), PlantRole.PLANNER, NC, id);
    new Validation().text("comment", s.comment(), 400).throwIfInvalid();
    step(n, NcAction.REJECT);
    return move(
        caller,
        n,
        s,
        NcStatus.OPEN,
        "mrb_comment = ?",
        Arrays.asList(s.comment().trim()),
        "REJECT");
  }

  @Override
  public Nonconformance close(CallerContext caller, long id, NcStep s) {
    Nonconformance n = get(caller, id);
    caller.require(n.plantId(), PlantRole.PLANNER, NC, id);
    step(n, NcAction.CLOSE);
    return move(
        caller,
        n,
        s,
        NcStatus.CLOSED,
        "closed_by = ?, closed_at = ?",
        Arrays.asList(caller.username(), Instant.now()),
        "CLOSE");
  }

  @Override
  public Nonconformance cancel(CallerContext caller, long id, NcStep s) {
    Nonconformance n = get(caller, id);
    caller.require(n.plantId(), PlantRole.PLANNER, NC, id);
    new Validation().text("comment", s.comment(), 400).throwIfInvalid();
    step(n, NcAction.CANCEL);
    return move(
        caller,
        n,
        s,
        NcStatus.CANCELLED,
        "cancel_reason = ?",
        Arrays.asList(s.comment().trim()),
        "CANCEL");
  }

  private Nonconformance move(
      CallerContext caller,
      Nonconformance n,
      NcStep s,
      NcStatus to,
      String set,
      List<Object> args,
      String action) {
    long expected = s.version() == null ? n.version() : s.version();
    tx.write(
        c -> {
          if (!NcStore.move(c, n.id(), expected, n.status(), to.name(), set, args)) {
            throw ConflictException.staleVersion(NC, n.id(), expected);
          }
          Map<String, Object> before = Map.of("status", n.status());
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("status", to.name());
          if (s.comment() != null) {
            after.put("comment", s.comment());
          }
          AuditTrail.writeJdbc(c, caller, NC, n.id(), n.plantId(), action, before, after);
          return null;
        });
    return get(caller, n.id());
  }

  // ---- execution

  @Override
  public Nonconformance execute(CallerContext caller, long id, NcStep s) {
    Nonconformance n = get(caller, id);
    caller.require(n.plantId(), PlantRole.PLANNER, NC, id);
    step(n, NcAction.EXECUTE);
    long expected = s.version() == null ? n.version() : s.version();
    tx.write(
        c -> {
          Instant now = Instant.now();
          // first, so that a second execution of the same NC fails here and posts nothing
          if (!NcStore.move(
              c,
              id,
              expected,
              NcStatus.APPROVED.name(),
              NcStatus.EXECUTED.name(),
              "executed_by = ?, executed_at = ?",
              List.of(caller.username(), now))) {
            throw ConflictException.staleVersion(NC, id, expected);
          }
          List<Object> done = new ArrayList<>();
          // stock postings first, rework orders last: the work order publishes its creation
          // event at once, so nothing that can still be refused should follow it
          List<NcDisposition> rework = new ArrayList<>();
          for (NcDisposition d : n.dispositions()) {
            DispositionKind kind = DispositionKind.valueOf(d.kind());
            if (kind == DispositionKind.REWORK) {
              rework.add(d);
              continue;
            }
            Optional<StockEffect> effect = DispositionRules.effect(kind, n.stockStatus());
            Long doc = null;
            if (effect.isPresent()) {
              doc = post(caller, n, d, effect.get(), reference(n, d, null)).documentId();
            }
            NcStore.setExecuted(c, id, d.lineNo(), null, doc);
            done.add(d.kind() + " " + plain(d.quantity()) + (doc == null ? "" : " doc " + doc));
          }
          for (NcDisposition d : rework) {
            WorkOrder wo =
                execution.create(
                    caller,
                    new WorkOrderInput(
                        n.plantId(),
                        null,
                        "REWORK",
                        n.materialId(),
                        d.quantity(),
                        blank(n.lot()) ? null : n.lot(),
                        null,
                        null,
                        null,
                        n.locationId(),
                        n.locationId(),
                        null,
                        null,
                        Boolean.FALSE,
                        null));
            long doc =
                post(caller, n, d, new StockEffect("ISSUE", null), reference(n, d, wo.code()))
                    .documentId();
            NcStore.setExecuted(c, id, d.lineNo(), wo.id(), doc);
            done.add(d.kind() + " " + plain(d.quantity()) + " WO " + wo.code() + " doc " + doc);
          }
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("status", NcStatus.EXECUTED.name());
          after.put("executed", done);
          AuditTrail.writeJdbc(
              c, caller, NC, id, n.plantId(), "EXECUTE", Map.of("status", n.status()), after);
          return null;
        });
    return get(caller, id);
  }

  private MovementDocument post(
      CallerContext caller, Nonconformance n, NcDisposition d, StockEffect e, String reference) {
    return inventory.post(
        caller,
        new MovementInput(
            e.movementType(),
            n.materialId(),
            d.quantity(),
            n.locationId(),
            null,
            blank(n.lot()) ? null : n.lot(),
            null,
            n.stockStatus(),
            e.toStatus(),
            reference));
  }

  /** The ledger reference: NC number, disposition and its particular (concession, supplier, WO). */
  private static String reference(Nonconformance n, NcDisposition d, String workOrder) {
    String detail =
        switch (DispositionKind.valueOf(d.kind())) {
          case USE_AS_IS -> " " + d.concessionNo();
          case RETURN_TO_SUPPLIER -> " " + d.supplier();
          case REWORK -> " " + workOrder;
          default -> "";
        };
    String r = n.ncNo() + " " + d.kind() + detail;
    return r.length() > 100 ? r.substring(0, 100) : r;
  }

  // ---- costs

  @Override
  public Nonconformance addCost(CallerContext caller, long id, NcCostInput in) {
    Nonconformance n = get(caller, id);
    caller.require(n.plantId(), PlantRole.PLANNER, NC, id);
    Validation v = new Validation();
    String type = upper(in.type());
    if (type == null) {
      v.add("type", "required", "SCRAP_VALUE, REWORK, SORTING, FREIGHT or OTHER / 必填");
    } else if (!COST_TYPES.contains(type)) {
      v.add("type", "invalid", "SCRAP_VALUE, REWORK, SORTING, FREIGHT or OTHER / 费用类型无效");
    }
    if (in.amount() == null) {
      v.add("amount", "required", "is required / 必填");
    } else if (in.amount().signum() == 0) {
      v.add("amount", "zero", "must not be zero / 不能为零");
    } else if (in.amount().stripTrailingZeros().scale() > 6) {
      v.add("amount", "too_precise", "at most 6 decimals / 最多 6 位小数");
    }
    v.optionalText("note", in.note(), 400);
    v.throwIfInvalid();
    if (NcStatus.CANCELLED.name().equals(n.status())) {
      throw new ConflictException("the NC is cancelled / 不合格品处理单已取消");
    }
    tx.write(
        c -> {
          if (!NcStore.touch(c, id, n.version())) {
            throw ConflictException.staleVersion(NC, id, n.version());
          }
          NcStore.insertCost(c, id, type, in.amount(), in.note(), Instant.now(), caller.username());
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("type", type);
          after.put("amount", in.amount());
          after.put("note", in.note() == null ? "" : in.note());
          AuditTrail.writeJdbc(c, caller, NC, id, n.plantId(), "COST", null, after);
          return null;
        });
    return get(caller, id);
  }

  // ---- helpers

  /** The lifecycle's answer for the NC's status: 409 when the action is not allowed now. */
  private static NcStatus step(Nonconformance n, NcAction action) {
    try {
      return NcLifecycle.require(NcStatus.valueOf(n.status()), action);
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    }
  }

  private void material(CallerContext caller, long id) {
    try {
      masterData.getMaterial(caller, id);
    } catch (NotFoundException e) {
      throw new ValidationException("materialId", "not_found", "no such material / 物料不存在");
    }
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static String trimOrNull(String s) {
    return blank(s) ? null : s.trim();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String upper(String s) {
    return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
  }
}
