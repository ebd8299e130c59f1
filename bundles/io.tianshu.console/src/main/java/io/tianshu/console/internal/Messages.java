package io.tianshu.console.internal;

import io.tianshu.core.FieldError;
import io.tianshu.core.TianshuException;
import org.apache.karaf.shell.support.CommandException;

/**
 * Domain errors become one clear console message each, never a stack trace; thrown as a {@link
 * CommandException} so that the command fails (scripts and SSH clients see a failure).
 */
final class Messages {
  private Messages() {}

  static CommandException fail(TianshuException e) {
    StringBuilder sb =
        new StringBuilder("Error / 错误 (")
            .append(e.status())
            .append(' ')
            .append(e.title())
            .append(")");
    if (e.fieldErrors().isEmpty()) {
      sb.append(": ").append(e.getMessage());
    }
    for (FieldError f : e.fieldErrors()) {
      sb.append("\n  ").append(f.field()).append(": ").append(f.message());
    }
    return new CommandException(sb.toString());
  }
}
