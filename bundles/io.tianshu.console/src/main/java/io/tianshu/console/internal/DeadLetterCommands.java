package io.tianshu.console.internal;

import io.tianshu.core.TianshuException;
import io.tianshu.integration.DeadLetter;
import io.tianshu.integration.InboundService;
import io.tianshu.org.AccessService;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * mom:dead-letter-list, dead-letter-show, dead-letter-retry, dead-letter-discard: inbound messages
 * that failed for good (group administrators).
 */
public final class DeadLetterCommands {
  private DeadLetterCommands() {}

  @Command(
      scope = "mom",
      name = "dead-letter-list",
      description = "Inbound messages that failed, newest first / 死信列表")
  @Service
  public static class DeadLetterList implements Action {
    @Reference InboundService inbound;
    @Reference AccessService access;

    @Option(
        name = "-s",
        aliases = "--status",
        description = "OPEN (default), RESOLVED, DISCARDED or ALL / 状态")
    @Completion(
        value = StringsCompleter.class,
        values = {"OPEN", "RESOLVED", "DISCARDED", "ALL"})
    String status = "OPEN";

    @Override
    public Object execute() throws Exception {
      try {
        List<DeadLetter> letters =
            inbound.deadLetters(
                Callers.current(access), "ALL".equalsIgnoreCase(status) ? null : status, 200);
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Status");
        table.column("Command");
        table.column("Message id");
        table.column("Route");
        table.column("Attempts").alignRight();
        table.column("Created");
        table.column("Reason").maxSize(80);
        for (DeadLetter d : letters) {
          table
              .addRow()
              .addContent(
                  d.id(),
                  d.status(),
                  d.command() == null ? "" : d.command(),
                  d.messageId() == null ? "" : d.messageId(),
                  d.routeId() == null ? "" : d.routeId(),
                  d.attempts(),
                  d.createdAt(),
                  d.reason());
        }
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "dead-letter-show",
      description = "A dead letter with its payload and headers / 查看死信")
  @Service
  public static class DeadLetterShow implements Action {
    @Reference InboundService inbound;
    @Reference AccessService access;

    @Argument(required = true, description = "Dead letter id / 死信编号")
    @Completion(OpenDeadLetterCompleter.class)
    long id;

    @Override
    public Object execute() throws Exception {
      try {
        DeadLetter d = inbound.deadLetter(Callers.current(access), id);
        System.out.println("Dead letter / 死信 #" + d.id() + "  " + d.status());
        System.out.println("  command     " + d.command());
        System.out.println("  message id  " + d.messageId());
        System.out.println("  route       " + d.routeId());
        System.out.println("  attempts    " + d.attempts() + (d.permanent() ? " (invalid)" : ""));
        System.out.println("  created     " + d.createdAt() + ", updated " + d.updatedAt());
        System.out.println("  reason      " + d.reason());
        System.out.println("  headers     " + d.headers());
        System.out.println(
            "  payload" + (d.payloadTruncated() ? " (cut at 32,000 characters)" : ""));
        System.out.println(d.payload());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "dead-letter-retry",
      description = "Run a dead letter's message again as the inbound user / 重试死信")
  @Service
  public static class DeadLetterRetry implements Action {
    @Reference InboundService inbound;
    @Reference AccessService access;

    @Argument(required = true, description = "Dead letter id / 死信编号")
    @Completion(OpenDeadLetterCompleter.class)
    long id;

    @Override
    public Object execute() throws Exception {
      try {
        DeadLetter d = inbound.retry(Callers.current(access), id);
        if ("RESOLVED".equals(d.status())) {
          System.out.println("Resolved / 已处理: #" + d.id() + " " + d.command());
        } else {
          System.out.println("Failed again / 仍然失败: #" + d.id() + ": " + d.reason());
        }
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "dead-letter-discard",
      description = "Give a dead letter up; it will not be retried / 放弃死信")
  @Service
  public static class DeadLetterDiscard implements Action {
    @Reference InboundService inbound;
    @Reference AccessService access;

    @Argument(required = true, description = "Dead letter id / 死信编号")
    @Completion(OpenDeadLetterCompleter.class)
    long id;

    @Override
    public Object execute() throws Exception {
      try {
        DeadLetter d = inbound.discard(Callers.current(access), id);
        System.out.println("Discarded / 已放弃: #" + d.id());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  /** Completes the ids of open dead letters. */
  @Service
  public static class OpenDeadLetterCompleter implements Completer {
    @Reference InboundService inbound;
    @Reference AccessService access;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
      StringsCompleter delegate = new StringsCompleter();
      try {
        inbound
            .deadLetters(Callers.current(access), "OPEN", 200)
            .forEach(d -> delegate.getStrings().add(String.valueOf(d.id())));
      } catch (RuntimeException e) {
        return -1;
      }
      return delegate.complete(session, commandLine, candidates);
    }
  }
}
