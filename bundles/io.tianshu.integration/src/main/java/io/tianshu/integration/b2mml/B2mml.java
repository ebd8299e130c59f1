package io.tianshu.integration.b2mml;

import io.tianshu.core.FieldError;
import io.tianshu.core.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** B2MML constants and the safe parser and element helpers the reader uses. */
public final class B2mml {
  /** The B2MML V0700 namespace. */
  public static final String NS = "http://www.mesa.org/xml/B2MML";

  private B2mml() {}

  /**
   * Parses {@code xml} namespace-aware with DTDs, external entities, XInclude and external schemas
   * refused (no XXE); malformed XML is a {@link ValidationException} on path {@code /}.
   */
  static Document parse(String xml) {
    if (xml == null || xml.isBlank()) {
      throw new ValidationException("/", "required", "an XML document is required / 缺少 XML 文档");
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      try {
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      } catch (IllegalArgumentException e) {
        // a parser without JAXP 1.5 attributes: DOCTYPEs are refused above all the same
      }
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(
          new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXException {
              throw e;
            }
          });
      return b.parse(new InputSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      throw new ValidationException(
          "/",
          "malformed",
          "not well-formed XML (line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + "): "
              + e.getMessage()
              + " / XML 格式错误（不允许 DOCTYPE）");
    } catch (SAXException | IOException e) {
      throw new ValidationException(
          "/", "malformed", "not well-formed XML: " + e.getMessage() + " / XML 格式错误");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be made safe", e);
    }
  }

  /** Collects errors by element path; {@link #throwIfAny} throws them all at once. */
  static final class Errors {
    private final List<FieldError> list = new ArrayList<>();

    void add(String path, String code, String message) {
      list.add(new FieldError(path, code, message));
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    int size() {
      return list.size();
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        throw new ValidationException(list);
      }
    }
  }

  /** The element's path from the root, with {@code [n]} (1-based) where siblings share its name. */
  static String path(Element e) {
    StringBuilder sb = new StringBuilder();
    Node n = e;
    while (n instanceof Element el) {
      String name = el.getLocalName() == null ? el.getNodeName() : el.getLocalName();
      String step = name;
      if (el.getParentNode() instanceof Element parent) {
        List<Element> same = children(parent, name);
        if (same.size() > 1) {
          step = name + "[" + (same.indexOf(el) + 1) + "]";
        }
      }
      sb.insert(0, "/" + step);
      n = el.getParentNode();
    }
    return sb.toString();
  }

  /** Child elements in the B2MML namespace with this local name. */
  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element el
          && NS.equals(el.getNamespaceURI())
          && name.equals(el.getLocalName())) {
        out.add(el);
      }
    }
    return out;
  }

  static Element child(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0);
  }

  /** The trimmed text of the first child {@code name}, or null when absent or blank. */
  static String text(Element parent, String name) {
    Element c = child(parent, name);
    if (c == null) {
      return null;
    }
    String t = c.getTextContent().trim();
    return t.isEmpty() ? null : t;
  }

  /** A required, non-blank child text; an error names the missing element's path. */
  static String required(Element parent, String name, Errors errors) {
    String t = text(parent, name);
    if (t == null) {
      errors.add(
          path(parent) + "/" + name,
          "required",
          (child(parent, name) == null ? "is required" : "must not be empty") + " / 必填");
    }
    return t;
  }

  /** An optional xs:dateTime child; it must carry a time zone. */
  static Instant dateTime(Element parent, String name, Errors errors) {
    String t = text(parent, name);
    if (t == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          path(child(parent, name)),
          "invalid_datetime",
          "must be an xs:dateTime with a time zone, e.g. 2026-11-22T08:00:00+08:00, was '"
              + t
              + "' / 必须是带时区的日期时间");
      return null;
    }
  }

  /**
   * A B2MML quantity ({@code QuantityValueType}): {@code QuantityString} a decimal of at least
   * zero; {@code DataType}, when given, a numeric XML Schema type.
   */
  static BigDecimal quantity(Element quantity, Errors errors) {
    String dataType = text(quantity, "DataType");
    if (dataType != null
        && !List.of("decimal", "double", "float", "integer", "int", "long", "short")
            .contains(dataType.toLowerCase(java.util.Locale.ROOT))) {
      errors.add(
          path(child(quantity, "DataType")),
          "invalid_type",
          "must be a numeric type (decimal, double, float, integer), was '"
              + dataType
              + "' / 数量类型必须是数值");
    }
    String s = required(quantity, "QuantityString", errors);
    if (s == null) {
      return null;
    }
    try {
      BigDecimal q = new BigDecimal(s);
      if (q.signum() < 0) {
        errors.add(
            path(child(quantity, "QuantityString")), "negative", "must be zero or more / 不能为负数");
        return null;
      }
      return q;
    } catch (NumberFormatException e) {
      errors.add(
          path(child(quantity, "QuantityString")),
          "invalid_number",
          "must be a decimal number, was '" + s + "' / 必须是数字");
      return null;
    }
  }

  /**
   * Checks the root element's namespace and name; the verb form ({@code SyncX}, {@code ProcessX},
   * {@code ShowX}) is unwrapped to its {@code DataArea}. Returns the element whose children are the
   * nouns, or null (with an error) when the document is not one of {@code roots}.
   */
  static Element nounContainer(Document doc, String noun, String information, Errors errors) {
    Element root = doc.getDocumentElement();
    String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
    if (!NS.equals(root.getNamespaceURI())) {
      errors.add(
          "/" + name,
          "namespace",
          "must be in the B2MML V0700 namespace "
              + NS
              + ", was "
              + (root.getNamespaceURI() == null ? "none" : root.getNamespaceURI())
              + " / 命名空间必须是 "
              + NS);
      return null;
    }
    if (name.equals(noun) || name.equals(information)) {
      return root;
    }
    for (String verb : List.of("Sync", "Process", "Show")) {
      if (name.equals(verb + noun)) {
        Element data = child(root, "DataArea");
        if (data == null) {
          errors.add("/" + name + "/DataArea", "required", "is required / 必填");
          return null;
        }
        if (child(data, verb) == null) {
          errors.add(
              path(data) + "/" + verb, "required", "is required (the verb) / 缺少动词元素 " + verb);
        }
        return data;
      }
    }
    errors.add(
        "/" + name,
        "unexpected_document",
        "expected "
            + noun
            + ", "
            + information
            + " or Sync/Process/Show"
            + noun
            + " / 文档类型不符，应为 "
            + noun);
    return null;
  }

  /** The local name of the document's root element (for routing by document type). */
  public static String rootName(String xml) {
    Element root = parse(xml).getDocumentElement();
    return root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
  }
}
