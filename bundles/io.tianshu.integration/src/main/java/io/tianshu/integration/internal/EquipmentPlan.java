package io.tianshu.integration.internal;

import io.tianshu.core.FieldError;
import io.tianshu.core.ValidationException;
import io.tianshu.integration.b2mml.B2mmlEquipment;
import io.tianshu.org.OrgUnitType;
import io.tianshu.resource.ResourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a B2MML equipment hierarchy becomes in Tianshu, before anything is written: under each
 * {@code Site} (an existing plant, by code; {@code Enterprise} levels above it are passed through),
 * {@code Area} / {@code ProductionLine} / {@code WorkCell} are the plant's workshops, lines and
 * work centres (nested as the organisation model nests them), {@code Unit} a resource of the
 * nearest enclosing work centre (or of the plant). Other levels have no Tianshu counterpart and are
 * refused with their element path, as are codes Tianshu cannot take and resource classes that name
 * no resource type.
 */
final class EquipmentPlan {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/]*");

  private EquipmentPlan() {}

  /**
   * One unit or resource to put, in document order (parents first). {@code parentCode} is the
   * enclosing organisation unit's code (null: the plant); for a resource, {@code workCenterCode}
   * the enclosing work centre (null: none) and {@code resourceType} its type.
   */
  record Item(
      String path,
      String siteCode,
      OrgUnitType unitType,
      ResourceType resourceType,
      String code,
      String name,
      String parentCode,
      String workCenterCode) {
    boolean isResource() {
      return resourceType != null;
    }
  }

  static OrgUnitType unitType(String level) {
    return switch (level) {
      case "Area" -> OrgUnitType.WORKSHOP;
      case "ProductionLine" -> OrgUnitType.LINE;
      case "WorkCell" -> OrgUnitType.WORK_CENTER;
      default -> null;
    };
  }

  /** The items of {@code roots}, or a {@link ValidationException} listing every error. */
  static List<Item> of(List<B2mmlEquipment> roots) {
    List<FieldError> errors = new ArrayList<>();
    List<Item> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (B2mmlEquipment e : roots) {
      top(e, out, errors, seen);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return List.copyOf(out);
  }

  private static void top(
      B2mmlEquipment e, List<Item> out, List<FieldError> errors, Set<String> seen) {
    if ("Enterprise".equals(e.level())) {
      for (B2mmlEquipment c : e.children()) {
        top(c, out, errors, seen);
      }
    } else if ("Site".equals(e.level())) {
      if (e.id() != null) {
        for (B2mmlEquipment c : e.children()) {
          below(c, e.id(), null, OrgUnitType.PLANT, null, out, errors, seen);
        }
      }
    } else {
      errors.add(
          new FieldError(
              e.path() + "/EquipmentLevel",
              "unsupported_level",
              "the top equipment must be a Site (the plant) or an Enterprise holding Sites, was "
                  + e.level()
                  + " / 顶层设备必须是 Site（工厂）或包含 Site 的 Enterprise"));
    }
  }

  private static void below(
      B2mmlEquipment e,
      String site,
      String parentCode,
      OrgUnitType parentType,
      String workCenter,
      List<Item> out,
      List<FieldError> errors,
      Set<String> seen) {
    if (e.id() == null) {
      return; // the reader reported it
    }
    boolean codeOk = code(e, errors);
    if (codeOk && !seen.add(site + "\n" + e.id())) {
      errors.add(
          new FieldError(
              e.path() + "/ID", "duplicate", "appears more than once in the site / 同一工厂内编码重复"));
    }
    String name = e.description() == null ? e.id() : e.description();
    if (name.length() > 200) {
      errors.add(
          new FieldError(
              e.path() + "/Description",
              "too_long",
              "must be at most 200 characters / 不得超过 200 个字符"));
    }
    String level = e.level() == null ? "" : e.level();
    if ("Unit".equals(level)) {
      ResourceType type = resourceType(e, errors);
      if (!e.children().isEmpty()) {
        errors.add(
            new FieldError(
                e.children().get(0).path(),
                "unsupported_level",
                "a Unit (a resource) holds no further equipment / Unit（资源）下不能再有设备"));
      }
      out.add(new Item(e.path(), site, null, type, e.id(), name, parentCode, workCenter));
      return;
    }
    OrgUnitType type = unitType(level);
    if (type == null) {
      errors.add(
          new FieldError(
              e.path() + "/EquipmentLevel",
              e.level() == null ? "required" : "unsupported_level",
              "must be Area, ProductionLine, WorkCell or Unit below a Site, was "
                  + (e.level() == null ? "none" : e.level())
                  + " / 工厂下的设备层级只能是 Area、ProductionLine、WorkCell 或 Unit"));
      return;
    }
    if (type.parentType() != parentType) {
      errors.add(
          new FieldError(
              e.path() + "/EquipmentLevel",
              "wrong_parent_level",
              "a "
                  + level
                  + " belongs directly to a "
                  + levelOf(type.parentType())
                  + " / 上级层级不正确（"
                  + level
                  + " 应属于 "
                  + levelOf(type.parentType())
                  + "）"));
    }
    out.add(new Item(e.path(), site, type, null, e.id(), name, parentCode, null));
    String wc = type == OrgUnitType.WORK_CENTER ? e.id() : workCenter;
    for (B2mmlEquipment c : e.children()) {
      below(c, site, e.id(), type, wc, out, errors, seen);
    }
  }

  static String levelOf(OrgUnitType t) {
    return switch (t) {
      case PLANT -> "Site";
      case WORKSHOP -> "Area";
      case LINE -> "ProductionLine";
      case WORK_CENTER -> "WorkCell";
    };
  }

  private static boolean code(B2mmlEquipment e, List<FieldError> errors) {
    if (e.id().length() > 32) {
      errors.add(
          new FieldError(
              e.path() + "/ID", "too_long", "must be at most 32 characters / 不得超过 32 个字符"));
      return false;
    }
    if (!CODE.matcher(e.id()).matches()) {
      errors.add(
          new FieldError(
              e.path() + "/ID",
              "invalid_code",
              "may contain letters, digits and . _ - / only / 只能包含字母、数字和 . _ - /"));
      return false;
    }
    return true;
  }

  private static ResourceType resourceType(B2mmlEquipment e, List<FieldError> errors) {
    if (e.equipmentClass() == null) {
      return ResourceType.MACHINE;
    }
    try {
      return ResourceType.valueOf(e.equipmentClass().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException x) {
      errors.add(
          new FieldError(
              e.path() + "/EquipmentClassID",
              "unknown_class",
              "must name a resource type (MACHINE, TOOL, FIXTURE, MOULD, GAUGE), was '"
                  + e.equipmentClass()
                  + "' / 设备类别必须是资源类型"));
      return ResourceType.MACHINE;
    }
  }
}
