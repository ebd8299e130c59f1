package io.tianshu.exchange.internal;

import io.tianshu.core.ValidationException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, double quotes around fields that hold commas, quotes or breaks.
 */
final class Csv {
  private Csv() {}

  static List<List<String>> read(Reader in) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    try {
      int ch;
      while ((ch = in.read()) != -1) {
        char c = (char) ch;
        if (quoted) {
          if (c == '"') {
            int next = in.read();
            if (next == '"') {
              field.append('"');
            } else {
              quoted = false;
              if (next == -1) {
                break;
              }
              c = (char) next;
              if (!handle(c, row, field, rows)) {
                field.append(c);
              }
            }
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == '\uFEFF' && rows.isEmpty() && row.isEmpty() && field.length() == 0) {
          // a byte-order mark, as spreadsheet programs write it
        } else if (!handle(c, row, field, rows)) {
          field.append(c);
        }
        any = true;
      }
    } catch (IOException e) {
      throw new ValidationException("csv", "unreadable", "cannot read the CSV / 无法读取 CSV");
    }
    if (quoted) {
      throw new ValidationException(
          "csv", "unclosed_quote", "a quoted field is not closed / 引号未闭合");
    }
    if (any && (field.length() > 0 || !row.isEmpty())) {
      row.add(field.toString());
      rows.add(row);
    }
    rows.removeIf(r -> r.size() == 1 && r.get(0).isBlank());
    return rows;
  }

  /** Handles a separator or line break; false when {@code c} is an ordinary character. */
  private static boolean handle(
      char c, List<String> row, StringBuilder field, List<List<String>> rows) {
    if (c == ',') {
      row.add(field.toString());
      field.setLength(0);
      return true;
    }
    if (c == '\n') {
      row.add(field.toString());
      field.setLength(0);
      rows.add(new ArrayList<>(row));
      row.clear();
      return true;
    }
    return c == '\r';
  }
}
