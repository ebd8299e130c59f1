package io.tianshu.integration.b2mml;

import java.util.ArrayDeque;
import java.util.Deque;

/** A small indenting XML writer (B2MML namespace as the default namespace of the root). */
final class XmlOut {
  private final StringBuilder sb =
      new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private final Deque<String> open = new ArrayDeque<>();

  XmlOut root(String name) {
    sb.append('<').append(name).append(" xmlns=\"").append(B2mml.NS).append("\">\n");
    open.push(name);
    return this;
  }

  XmlOut start(String name) {
    indent();
    sb.append('<').append(name).append(">\n");
    open.push(name);
    return this;
  }

  XmlOut end() {
    String name = open.pop();
    indent();
    sb.append("</").append(name).append(">\n");
    return this;
  }

  /** {@code <name>text</name>}, or nothing when {@code text} is null. */
  XmlOut text(String name, Object text) {
    return text(name, null, null, text);
  }

  XmlOut text(String name, String attribute, String attributeValue, Object text) {
    if (text == null) {
      return this;
    }
    indent();
    sb.append('<').append(name);
    if (attribute != null && attributeValue != null) {
      sb.append(' ').append(attribute).append("=\"").append(escape(attributeValue)).append('"');
    }
    sb.append('>').append(escape(text.toString())).append("</").append(name).append(">\n");
    return this;
  }

  private void indent() {
    sb.append("  ".repeat(open.size()));
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
            out.append(' '); // not allowed in XML 1.0
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements " + open);
    }
    return sb.toString();
  }
}
