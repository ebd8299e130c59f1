package io.tianshu.integration.b2mml;

import static io.tianshu.integration.b2mml.B2mml.child;
import static io.tianshu.integration.b2mml.B2mml.children;
import static io.tianshu.integration.b2mml.B2mml.path;
import static io.tianshu.integration.b2mml.B2mml.required;
import static io.tianshu.integration.b2mml.B2mml.text;

import io.tianshu.core.ValidationException;
import io.tianshu.masterdata.MaterialType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads B2MML V0700 documents into Tianshu records. Each method validates the whole document
 * structurally first (namespace, required elements, codes, quantities, dates) and throws one {@link
 * ValidationException} listing every error with its element path (e.g. {@code
 * /SyncMaterialDefinition/DataArea/MaterialDefinition[2]/ID}); nothing is returned half.
 */
public final class B2mmlReader {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/]*");

  /** MaterialClassID values (lower case, without spaces, dashes and underscores) per type. */
  private static final Map<String, MaterialType> CLASSES =
      Map.ofEntries(
          Map.entry("purchased", MaterialType.PURCHASED),
          Map.entry("rawmaterial", MaterialType.PURCHASED),
          Map.entry("purchasedpart", MaterialType.PURCHASED),
          Map.entry("manufactured", MaterialType.MANUFACTURED),
          Map.entry("finishedgood", MaterialType.MANUFACTURED),
          Map.entry("finishedproduct", MaterialType.MANUFACTURED),
          Map.entry("semifinished", MaterialType.MANUFACTURED),
          Map.entry("semifinishedgood", MaterialType.MANUFACTURED),
          Map.entry("intermediate", MaterialType.MANUFACTURED),
          Map.entry("phantom", MaterialType.PHANTOM),
          Map.entry("outsourced", MaterialType.OUTSOURCED),
          Map.entry("subcontracted", MaterialType.OUTSOURCED));

  private B2mmlReader() {}

  /** The Tianshu type a {@code MaterialClassID} names, or null. */
  public static MaterialType typeOf(String materialClassId) {
    if (materialClassId == null) {
      return null;
    }
    return CLASSES.get(materialClassId.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", ""));
  }

  /**
   * The materials of a {@code MaterialDefinition}, {@code MaterialInformation} or {@code
   * Sync/Process/ShowMaterialDefinition} document.
   */
  public static List<B2mmlMaterial> materials(String xml) {
    Document doc = B2mml.parse(xml);
    B2mml.Errors errors = new B2mml.Errors();
    Element container =
        B2mml.nounContainer(doc, "MaterialDefinition", "MaterialInformation", errors);
    List<B2mmlMaterial> out = new ArrayList<>();
    if (container != null) {
      List<Element> defs =
          container == doc.getDocumentElement()
                  && "MaterialDefinition".equals(container.getLocalName())
              ? List.of(container)
              : children(container, "MaterialDefinition");
      if (defs.isEmpty()) {
        errors.add(
            path(container) + "/MaterialDefinition",
            "required",
            "at least one is required / 至少需要一个物料定义");
      }
      Set<String> seen = new HashSet<>();
      for (Element d : defs) {
        B2mmlMaterial m = material(d, errors);
        if (m != null && !seen.add(m.siteCode() + "\n" + m.code())) {
          errors.add(
              path(child(d, "ID")),
              "duplicate",
              "appears more than once in the document / 文档中物料编码重复");
        }
        if (m != null) {
          out.add(m);
        }
      }
    }
    errors.throwIfAny();
    return List.copyOf(out);
  }

  private static B2mmlMaterial material(Element d, B2mml.Errors errors) {
    int before = errors.size();
    String code = required(d, "ID", errors);
    if (code != null) {
      if (code.length() > 40) {
        errors.add(path(child(d, "ID")), "too_long", "must be at most 40 characters / 不得超过 40 个字符");
      } else if (!CODE.matcher(code).matches()) {
        errors.add(
            path(child(d, "ID")),
            "invalid_code",
            "may contain letters, digits and . _ - / only / 只能包含字母、数字和 . _ - /");
      }
    }
    String name = null;
    String nameEn = null;
    List<Element> descriptions = children(d, "Description");
    for (Element desc : descriptions) {
      String t = desc.getTextContent().trim();
      if (t.isEmpty()) {
        continue;
      }
      String lang = desc.getAttribute("languageID").toLowerCase(Locale.ROOT);
      if (lang.startsWith("en")) {
        nameEn = nameEn == null ? t : nameEn;
      } else if (name == null) {
        name = t;
      }
    }
    if (name == null) {
      name = nameEn;
    }
    if (name == null) {
      errors.add(path(d) + "/Description", "required", "is required (the name) / 必填（名称）");
    } else if (name.length() > 200 || (nameEn != null && nameEn.length() > 200)) {
      errors.add(
          path(descriptions.get(0)), "too_long", "must be at most 200 characters / 不得超过 200 个字符");
    }
    String unit = null;
    for (Element p : children(d, "MaterialDefinitionProperty")) {
      if ("BaseUnitOfMeasure".equalsIgnoreCase(text(p, "ID"))) {
        Element value = child(p, "Value");
        if (value != null) {
          unit = text(value, "UnitOfMeasure");
          unit = unit == null ? text(value, "ValueString") : unit;
        }
        if (unit == null) {
          errors.add(
              path(p) + "/Value/ValueString",
              "required",
              "the base unit of measure is required / 缺少基本计量单位");
        }
        break;
      }
    }
    boolean hasUnitProperty =
        children(d, "MaterialDefinitionProperty").stream()
            .anyMatch(p -> "BaseUnitOfMeasure".equalsIgnoreCase(text(p, "ID")));
    if (!hasUnitProperty) {
      errors.add(
          path(d) + "/MaterialDefinitionProperty",
          "required",
          "a property with ID BaseUnitOfMeasure is required / 缺少基本计量单位属性");
    }
    MaterialType type = null;
    List<Element> classes = children(d, "MaterialClassID");
    for (Element c : classes) {
      type = typeOf(c.getTextContent().trim());
      if (type != null) {
        break;
      }
    }
    if (classes.isEmpty()) {
      errors.add(
          path(d) + "/MaterialClassID",
          "required",
          "is required (PURCHASED, MANUFACTURED, PHANTOM, OUTSOURCED, RawMaterial, FinishedGood"
              + " ...) / 必填（物料类别）");
    } else if (type == null) {
      errors.add(
          path(classes.get(0)),
          "unknown_class",
          "no MaterialClassID names a Tianshu type (PURCHASED, MANUFACTURED, PHANTOM, OUTSOURCED,"
              + " RawMaterial, FinishedGood, SemiFinished, Intermediate, Subcontracted) /"
              + " 物料类别无法对应物料类型");
    }
    Element scope = child(d, "HierarchyScope");
    String site = scope == null ? null : required(scope, "EquipmentID", errors);
    if (errors.size() > before) {
      return null;
    }
    return new B2mmlMaterial(path(d), code, name, nameEn, unit, type, site);
  }

  /**
   * The operation reports of a {@code ProductionPerformance} or {@code
   * Sync/Process/ShowProductionPerformance} document: one per {@code SegmentResponse}.
   */
  public static List<B2mmlReport> performance(String xml) {
    Document doc = B2mml.parse(xml);
    B2mml.Errors errors = new B2mml.Errors();
    Element container =
        B2mml.nounContainer(doc, "ProductionPerformance", "ProductionPerformance", errors);
    List<B2mmlReport> out = new ArrayList<>();
    if (container != null) {
      List<Element> performances =
          container == doc.getDocumentElement()
              ? List.of(container)
              : children(container, "ProductionPerformance");
      if (performances.isEmpty()) {
        errors.add(path(container) + "/ProductionPerformance", "required", "is required / 必填");
      }
      Set<String> keys = new HashSet<>();
      for (Element perf : performances) {
        String site = null;
        Element scope = child(perf, "HierarchyScope");
        if (scope != null) {
          site = required(scope, "EquipmentID", errors);
        }
        List<Element> responses = children(perf, "ProductionResponse");
        if (responses.isEmpty()) {
          errors.add(
              path(perf) + "/ProductionResponse",
              "required",
              "at least one is required / 至少需要一个生产响应");
        }
        for (Element r : responses) {
          String responseId = required(r, "ID", errors);
          String order = required(r, "ProductionRequestID", errors);
          List<Element> segments = children(r, "SegmentResponse");
          if (segments.isEmpty()) {
            errors.add(
                path(r) + "/SegmentResponse", "required", "at least one is required / 至少需要一个段响应");
          }
          for (Element s : segments) {
            B2mmlReport rep = report(s, responseId, order, site, errors);
            if (rep != null && !keys.add(rep.reportKey())) {
              errors.add(
                  path(child(s, "ID")),
                  "duplicate",
                  "the same response and segment response ids appear twice / 段响应重复");
            } else if (rep != null) {
              out.add(rep);
            }
          }
        }
      }
    }
    errors.throwIfAny();
    return List.copyOf(out);
  }

  private static B2mmlReport report(
      Element s, String responseId, String order, String site, B2mml.Errors errors) {
    int before = errors.size();
    String id = required(s, "ID", errors);
    String seqText = required(s, "ProcessSegmentID", errors);
    int seq = 0;
    if (seqText != null) {
      try {
        seq = Integer.parseInt(seqText);
        if (seq <= 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        errors.add(
            path(child(s, "ProcessSegmentID")),
            "invalid_number",
            "must be the operation number (a positive integer), was '"
                + seqText
                + "' / 必须是工序号（正整数）");
      }
    }
    Instant start = B2mml.dateTime(s, "ActualStartTime", errors);
    Instant end = B2mml.dateTime(s, "ActualEndTime", errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(
          path(child(s, "ActualEndTime")),
          "before_start",
          "must not be before ActualStartTime / 结束时间不能早于开始时间");
    }
    BigDecimal good = BigDecimal.ZERO;
    BigDecimal scrap = BigDecimal.ZERO;
    BigDecimal rework = BigDecimal.ZERO;
    List<Element> produced = children(s, "MaterialProducedActual");
    if (produced.isEmpty()) {
      errors.add(
          path(s) + "/MaterialProducedActual", "required", "at least one is required / 至少需要一个实际产出");
    }
    for (Element m : produced) {
      List<Element> quantities = children(m, "Quantity");
      if (quantities.isEmpty()) {
        errors.add(path(m) + "/Quantity", "required", "is required / 必填");
      }
      for (Element q : quantities) {
        BigDecimal v = B2mml.quantity(q, errors);
        String key = text(q, "Key");
        String k = key == null ? "good" : key.toLowerCase(Locale.ROOT);
        if (!List.of("good", "scrap", "rework").contains(k)) {
          errors.add(
              path(child(q, "Key")),
              "unknown_key",
              "must be Good, Scrap or Rework, was '" + key + "' / 只能是 Good、Scrap 或 Rework");
        } else if (v != null) {
          switch (k) {
            case "scrap" -> scrap = scrap.add(v);
            case "rework" -> rework = rework.add(v);
            default -> good = good.add(v);
          }
        }
      }
    }
    Element equipment = child(s, "EquipmentActual");
    Element person = child(s, "PersonnelActual");
    if (errors.size() > before || responseId == null || order == null) {
      return null;
    }
    return new B2mmlReport(
        path(s),
        responseId,
        id,
        order,
        site,
        seq,
        good,
        scrap,
        rework,
        equipment == null ? null : text(equipment, "EquipmentID"),
        person == null ? null : text(person, "PersonID"),
        start,
        end);
  }

  /** The equipment trees of an {@code Equipment} or {@code EquipmentInformation} document. */
  public static List<B2mmlEquipment> equipment(String xml) {
    Document doc = B2mml.parse(xml);
    B2mml.Errors errors = new B2mml.Errors();
    Element container = B2mml.nounContainer(doc, "Equipment", "EquipmentInformation", errors);
    List<B2mmlEquipment> out = new ArrayList<>();
    if (container != null) {
      List<Element> roots =
          "Equipment".equals(container.getLocalName()) && container == doc.getDocumentElement()
              ? List.of(container)
              : children(container, "Equipment");
      for (Element e : roots) {
        out.add(equipment(e, errors));
      }
    }
    errors.throwIfAny();
    return List.copyOf(out);
  }

  private static B2mmlEquipment equipment(Element e, B2mml.Errors errors) {
    String id = required(e, "ID", errors);
    String level = text(e, "EquipmentLevel");
    List<B2mmlEquipment> children = new ArrayList<>();
    for (Element c : children(e, "Equipment")) {
      children.add(equipment(c, errors));
    }
    return new B2mmlEquipment(
        id, text(e, "Description"), level, children, text(e, "EquipmentClassID"), path(e));
  }

  /**
   * The production requests of a {@code ProductionSchedule} or {@code
   * Sync/Process/ShowProductionSchedule} document, one work order each (see {@link B2mmlRequest}).
   */
  public static List<B2mmlRequest> schedule(String xml) {
    Document doc = B2mml.parse(xml);
    B2mml.Errors errors = new B2mml.Errors();
    Element container =
        B2mml.nounContainer(doc, "ProductionSchedule", "ProductionSchedule", errors);
    List<B2mmlRequest> out = new ArrayList<>();
    if (container != null) {
      List<Element> schedules =
          container == doc.getDocumentElement()
              ? List.of(container)
              : children(container, "ProductionSchedule");
      if (schedules.isEmpty()) {
        errors.add(path(container) + "/ProductionSchedule", "required", "is required / 必填");
      }
      Set<String> seen = new HashSet<>();
      for (Element schedule : schedules) {
        String site = null;
        Element scope = child(schedule, "HierarchyScope");
        if (scope != null) {
          site = required(scope, "EquipmentID", errors);
        }
        List<Element> requests = children(schedule, "ProductionRequest");
        if (requests.isEmpty()) {
          errors.add(
              path(schedule) + "/ProductionRequest",
              "required",
              "at least one is required / 至少需要一个生产请求");
        }
        for (Element r : requests) {
          B2mmlRequest req = request(r, site, scope != null, errors);
          if (req != null && !seen.add(req.siteCode() + "\n" + req.code())) {
            errors.add(
                path(child(r, "ID")),
                "duplicate",
                "appears more than once in the document / 文档中生产请求重复");
          } else if (req != null) {
            out.add(req);
          }
        }
      }
    }
    errors.throwIfAny();
    return List.copyOf(out);
  }

  private static B2mmlRequest request(
      Element r, String scheduleSite, boolean scheduleScoped, B2mml.Errors errors) {
    int before = errors.size();
    String code = required(r, "ID", errors);
    if (code != null) {
      if (code.length() > 40) {
        errors.add(path(child(r, "ID")), "too_long", "must be at most 40 characters / 不得超过 40 个字符");
      } else if (!CODE.matcher(code).matches()) {
        errors.add(
            path(child(r, "ID")),
            "invalid_code",
            "may contain letters, digits and . _ - / only (it is the work order code) /"
                + " 只能包含字母、数字和 . _ - /（即工单号）");
      }
    }
    String site = scheduleSite;
    Element scope = child(r, "HierarchyScope");
    if (scope != null) {
      site = required(scope, "EquipmentID", errors);
    } else if (!scheduleScoped) {
      errors.add(
          path(r) + "/HierarchyScope/EquipmentID",
          "required",
          "the plant code is required, here or on the ProductionSchedule / 缺少工厂编码");
    }
    Instant start = B2mml.dateTime(r, "StartTime", errors);
    Instant end = B2mml.dateTime(r, "EndTime", errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(
          path(child(r, "EndTime")), "before_start", "must not be before StartTime / 结束时间不能早于开始时间");
    }
    Element produced = null;
    for (Element seg : children(r, "SegmentRequirement")) {
      Element p = child(seg, "MaterialProducedRequirement");
      if (p != null) {
        produced = p;
      }
    }
    String material = null;
    String lot = null;
    BigDecimal quantity = null;
    String unit = null;
    if (produced == null) {
      errors.add(
          path(r) + "/SegmentRequirement/MaterialProducedRequirement",
          "required",
          "a SegmentRequirement with a MaterialProducedRequirement (the product) is required /"
              + " 缺少产出物料需求");
    } else {
      material = required(produced, "MaterialDefinitionID", errors);
      lot = text(produced, "MaterialLotID");
      if (lot != null && (lot.length() > 64 || !CODE.matcher(lot).matches())) {
        errors.add(
            path(child(produced, "MaterialLotID")),
            "invalid_code",
            "at most 64 letters, digits and . _ - / / 批号最多 64 个字母、数字和 . _ - /");
      }
      Element q = child(produced, "Quantity");
      if (q == null) {
        errors.add(path(produced) + "/Quantity", "required", "is required / 必填");
      } else {
        quantity = B2mml.quantity(q, errors);
        unit = text(q, "UnitOfMeasure");
        if (quantity != null && quantity.signum() == 0) {
          errors.add(path(child(q, "QuantityString")), "invalid_value", "must be > 0 / 必须大于 0");
        }
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new B2mmlRequest(
        path(r),
        path(produced),
        code,
        site,
        material,
        lot,
        quantity,
        unit,
        start,
        end,
        text(r, "RequestState"));
  }
}
