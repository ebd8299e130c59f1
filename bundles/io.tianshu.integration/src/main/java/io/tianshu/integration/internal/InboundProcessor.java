package io.tianshu.integration.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.core.ConflictException;
import io.tianshu.core.ForbiddenException;
import io.tianshu.core.NotFoundException;
import io.tianshu.core.TianshuException;
import io.tianshu.core.ValidationException;
import io.tianshu.integration.DeadLetter;
import io.tianshu.integration.InboundCommand;
import io.tianshu.integration.InboundResult;
import io.tianshu.integration.InboundService;
import io.tianshu.org.AccessService;
import io.tianshu.persistence.Database;
import io.tianshu.persistence.JtaTransactions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound messages exactly once per message id, whatever door they come through (the Camel endpoint
 * or REST), and the dead letters of those that failed.
 */
@Component(
    service = {InboundService.class, InboundProcessor.class},
    configurationPid = "io.tianshu.integration.inbound")
@Designate(ocd = InboundConfig.class)
public class InboundProcessor implements InboundService {
  private static final Logger LOG = LoggerFactory.getLogger(InboundProcessor.class);
  private static final int MAX_MESSAGE_ID = 128;

  private final JtaTransactions tx;
  private final AccessService access;
  private final InboundConfig config;
  private final Map<String, InboundCommand> commands = new ConcurrentHashMap<>();

  @Activate
  public InboundProcessor(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference Database database,
      @Reference AccessService access,
      InboundConfig config) {
    this.tx = new JtaTransactions(dataSource, transactionManager);
    this.access = access;
    this.config = config;
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addCommand(InboundCommand command) {
    InboundCommand previous = commands.putIfAbsent(command.name(), command);
    if (previous != null && previous != command) {
      LOG.warn("Inbound command {} registered twice; the first one stays", command.name());
    }
  }

  void removeCommand(InboundCommand command) {
    commands.remove(command.name(), command);
  }

  @Override
  public List<String> commands() {
    return commands.keySet().stream().sorted().toList();
  }

  @Override
  public InboundResult accept(
      CallerContext caller, String messageId, String command, String payload) {
    if (messageId == null || messageId.isBlank()) {
      throw new ValidationException("messageId", "required", "A message id is required / 缺少消息标识");
    }
    if (messageId.length() > MAX_MESSAGE_ID) {
      throw new ValidationException(
          "messageId", "too_long", "At most 128 characters / 消息标识最多 128 个字符");
    }
    InboundCommand handler = command == null ? null : commands.get(command);
    if (handler == null) {
      throw new ValidationException(
          "command",
          "unknown",
          "Unknown command / 未知命令: " + command + "; known: " + String.join(", ", commands()));
    }
    if (payload != null && payload.length() > InboundStore.MAX_PAYLOAD) {
      throw new ValidationException(
          "payload", "too_long", "At most 32,000 characters / 消息体最多 32000 个字符");
    }
    InboundResult prior = committed(messageId);
    if (prior != null) {
      return prior;
    }
    try {
      return tx.write(
          c -> {
            // first, so that a concurrent delivery of the same id waits here and then fails
            InboundStore.insertMessage(c, messageId, command, caller.username(), Instant.now());
            Object result = handler.execute(caller, payload);
            String json = result == null ? null : InboundJson.write(result);
            InboundStore.setResult(c, messageId, json);
            return new InboundResult(messageId, command, false, json);
          });
    } catch (InboundStore.DuplicateMessage e) {
      InboundResult first = committed(messageId);
      if (first == null) {
        // the other delivery rolled back after all: worth another try
        throw new IllegalStateException("Message " + messageId + " is being processed / 消息处理中");
      }
      return first;
    }
  }

  private InboundResult committed(String messageId) {
    String[] row = tx.read(c -> InboundStore.committed(c, messageId));
    return row == null ? null : new InboundResult(messageId, row[0], true, row[1]);
  }

  /** The context inbound Camel messages run as; refused when no user is configured. */
  CallerContext inboundCaller() {
    String user = config.user();
    if (user == null || user.isBlank()) {
      throw new ForbiddenException(
          "No inbound user configured (io.tianshu.integration.inbound user) / 未配置集成入站用户");
    }
    Set<String> roles =
        Arrays.stream(config.roles().split(","))
            .map(String::trim)
            .filter(r -> !r.isEmpty())
            .collect(Collectors.toSet());
    return access.callerFor(user.trim(), roles);
  }

  InboundConfig config() {
    return config;
  }

  /** Whether a failure can never succeed as sent: no redelivery, dead letter at once. */
  static boolean isPermanent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TianshuException || t instanceof IllegalArgumentException) {
        return true;
      }
    }
    return false;
  }

  /** Records a failed message; its own transaction. */
  long deadLetter(
      String messageId,
      String command,
      String routeId,
      String payload,
      Map<String, String> headers,
      Throwable failure,
      int attempts) {
    String reason = reason(failure);
    boolean permanent = isPermanent(failure);
    long id =
        tx.write(
            c ->
                InboundStore.insertDeadLetter(
                    c,
                    messageId,
                    command,
                    routeId,
                    payload,
                    headers,
                    reason,
                    permanent,
                    attempts,
                    Instant.now()));
    LOG.warn(
        "Inbound message {} ({}) dead-lettered as #{} after {} attempt(s): {}",
        messageId,
        command,
        id,
        attempts,
        reason);
    return id;
  }

  static String reason(Throwable e) {
    if (e == null) {
      return "unknown failure";
    }
    StringBuilder sb = new StringBuilder(e.getClass().getSimpleName()).append(": ");
    if (e instanceof ValidationException v) {
      sb.append(
          v.fieldErrors().stream()
              .map(f -> f.field() + " " + f.message())
              .collect(Collectors.joining("; ")));
    } else {
      sb.append(e.getMessage());
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null && sb.indexOf(root.getMessage()) < 0) {
      sb.append(" — caused by: ").append(root.getMessage());
    }
    return sb.toString();
  }

  @Override
  public List<DeadLetter> deadLetters(CallerContext caller, String status, int limit) {
    caller.requireGroupAdmin();
    String st = status == null || status.isBlank() ? null : status.toUpperCase(Locale.ROOT);
    if (st != null && !Set.of("OPEN", "RESOLVED", "DISCARDED").contains(st)) {
      throw new ValidationException(
          "status", "invalid", "OPEN, RESOLVED or DISCARDED / 状态无效: " + status);
    }
    int n = Math.max(1, Math.min(limit, 500));
    return tx.read(c -> InboundStore.deadLetters(c, st, n));
  }

  @Override
  public DeadLetter deadLetter(CallerContext caller, long id) {
    caller.requireGroupAdmin();
    DeadLetter d = tx.read(c -> InboundStore.deadLetter(c, id, false));
    if (d == null) {
      throw new NotFoundException("dead letter", id);
    }
    return d;
  }

  @Override
  public DeadLetter retry(CallerContext caller, long id) {
    DeadLetter d = openDeadLetter(caller, id);
    if (d.payloadTruncated()) {
      throw new ConflictException(
          "The payload was cut at 32,000 characters and cannot be retried / 消息体已截断，无法重试");
    }
    String outcome;
    String status;
    try {
      InboundResult r = accept(inboundCaller(), d.messageId(), d.command(), d.payload());
      status = "RESOLVED";
      outcome = r.duplicate() ? "already committed / 已处理过" : "retried / 重试成功";
    } catch (RuntimeException e) {
      status = "OPEN";
      outcome = reason(e);
    }
    String finalStatus = status;
    String finalOutcome = outcome;
    tx.write(
        c -> {
          InboundStore.updateDeadLetter(
              c,
              id,
              finalStatus,
              finalStatus.equals("OPEN") ? finalOutcome : d.reason(),
              d.attempts() + 1,
              finalStatus.equals("OPEN") ? null : caller.username(),
              Instant.now());
          return null;
        });
    LOG.info("Dead letter #{} retried by {}: {} ({})", id, caller.username(), status, outcome);
    return deadLetter(caller, id);
  }

  @Override
  public DeadLetter discard(CallerContext caller, long id) {
    DeadLetter d = openDeadLetter(caller, id);
    tx.write(
        c -> {
          InboundStore.updateDeadLetter(
              c, id, "DISCARDED", d.reason(), d.attempts(), caller.username(), Instant.now());
          return null;
        });
    LOG.info("Dead letter #{} discarded by {}", id, caller.username());
    return deadLetter(caller, id);
  }

  private DeadLetter openDeadLetter(CallerContext caller, long id) {
    DeadLetter d = deadLetter(caller, id);
    if (!"OPEN".equals(d.status())) {
      throw new ConflictException(
          "Dead letter " + id + " is " + d.status() + " / 死信已处理: " + d.status());
    }
    return d;
  }

  /** The headers a dead letter keeps: all but Camel's, as text. */
  static Map<String, String> keptHeaders(Map<String, Object> headers) {
    Map<String, String> kept = new TreeMap<>();
    headers.forEach(
        (k, v) -> {
          if (!k.regionMatches(true, 0, "Camel", 0, 5) && v != null) {
            kept.put(k, String.valueOf(v));
          }
        });
    return kept;
  }
}
