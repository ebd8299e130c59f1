package io.tianshu.console.internal;

import io.tianshu.core.FieldError;
import io.tianshu.core.TianshuException;
import java.io.PrintStream;

/** Domain errors become one clear console message each, never a stack trace. */
final class Messages {
  private Messages() {}

  static Object fail(PrintStream err, TianshuException e) {
    err.println("Error / 错误 (" + e.status() + " " + e.title() + "): ");
    if (e.fieldErrors().isEmpty()) {
      err.println("  " + e.getMessage());
    }
    for (FieldError f : e.fieldErrors()) {
      err.println("  " + f.field() + ": " + f.message());
    }
    return null;
  }
}
