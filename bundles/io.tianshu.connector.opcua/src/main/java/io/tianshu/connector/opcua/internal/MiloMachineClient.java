package io.tianshu.connector.opcua.internal;

import io.tianshu.connector.MachineState;
import io.tianshu.connector.spi.LinkStatus;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineStore.Counter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One machine's OPC UA link: a Milo client with one subscription holding the configured monitored
 * items. Any loss (connect failure, session inactive, subscription watchdog or status change) tears
 * the client down and reconnects after a backoff that doubles from {@code reconnectMinMs} up to
 * {@code reconnectMaxMs}. Counting survives this because counters are absolute: the first value of
 * the new subscription is compared with the last committed reading.
 */
public final class MiloMachineClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MiloMachineClient.class);

  private final MachineSettings settings;
  private final MachineSignals signals;
  private final ClientSecurity security;
  private final ScheduledExecutorService exec;

  private final LinkStatus status;
  private OpcUaClient client;
  private long generation;
  private ScheduledFuture<?> pending;
  private volatile boolean closed;
  // the reason travels with the state; both are applied on the signal thread
  private volatile Object lastStateValue;
  private volatile String lastReason;

  public MiloMachineClient(
      MachineSettings settings, MachineSignals signals, ClientSecurity security) {
    this.settings = settings;
    this.signals = signals;
    this.status = new LinkStatus(settings.reconnectMinMs(), settings.reconnectMaxMs());
    this.security = security;
    this.exec =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "opcua-" + settings.name());
              t.setDaemon(true);
              return t;
            });
  }

  public void start() {
    exec.execute(this::connect);
  }

  public LinkStatus status() {
    return status;
  }

  private void connect() {
    if (closed) {
      return;
    }
    pending = null;
    long gen = ++generation;
    try {
      client = newClient();
      client.connect();
      client.addSessionActivityListener(
          new SessionActivityListener() {
            @Override
            public void onSessionInactive(UaSession session) {
              lost(gen, "session inactive / 会话中断");
            }
          });
      subscribe(client, gen);
      status.connected();
      LOG.info("OPC UA machine {} connected to {}", settings.name(), settings.endpointUrl());
    } catch (Exception e) {
      status.error(message(e));
      if (status.lastError().contains("Bad_SecurityChecksFailed")
          || status.lastError().contains("Bad_CertificateUntrusted")) {
        status.error(
            "server certificate not trusted: copy it into "
                + settings.pkiDir().resolve("trusted").resolve("certs")
                + " / 服务器证书未受信任 ("
                + status.lastError()
                + ")");
      }
      LOG.warn(
          "OPC UA machine {}: cannot connect to {}: {}",
          settings.name(),
          settings.endpointUrl(),
          status.lastError());
      teardown();
      retry();
    }
  }

  /** Called from Milo's threads: hands the loss to the connector's own thread. */
  private void lost(long gen, String why) {
    if (closed) {
      return;
    }
    exec.execute(
        () -> {
          if (gen != generation || !status.isConnected()) {
            return;
          }
          LOG.warn("OPC UA machine {}: connection lost ({})", settings.name(), why);
          status.error(why);
          teardown();
          retry();
        });
  }

  private void retry() {
    if (closed) {
      return;
    }
    long delay = status.retryDelay();
    pending = exec.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
  }

  private void teardown() {
    OpcUaClient c = client;
    client = null;
    generation++;
    if (c != null) {
      try {
        c.disconnectAsync().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.debug("OPC UA machine {}: disconnect: {}", settings.name(), e.toString());
      }
    }
  }

  private OpcUaClient newClient() throws Exception {
    SecurityPolicy policy = SecurityPolicy.valueOf(settings.securityPolicy());
    MessageSecurityMode mode = MessageSecurityMode.valueOf(settings.securityMode());
    return OpcUaClient.create(
        settings.endpointUrl(),
        endpoints -> select(endpoints, policy, mode),
        transport -> {},
        b -> {
          b.setApplicationName(LocalizedText.english("Tianshu MOM OPC UA connector"))
              .setApplicationUri(ClientSecurity.APPLICATION_URI)
              .setProductUri("urn:tianshu:mom")
              .setIdentityProvider(new AnonymousProvider())
              .setRequestTimeout(
                  org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(10_000));
          if (policy != SecurityPolicy.None) {
            try {
              security.apply(b);
            } catch (Exception e) {
              throw new IllegalStateException(
                  "client certificate: " + e.getMessage() + " / 客户端证书不可用", e);
            }
          }
        });
  }

  private static java.util.Optional<EndpointDescription> select(
      List<EndpointDescription> endpoints, SecurityPolicy policy, MessageSecurityMode mode) {
    return endpoints.stream()
        .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()))
        .filter(e -> e.getSecurityMode() == mode)
        .findFirst();
  }

  private void subscribe(OpcUaClient c, long gen) throws Exception {
    OpcUaSubscription sub = new OpcUaSubscription(c, settings.publishingIntervalMs());
    sub.setSubscriptionListener(
        new OpcUaSubscription.SubscriptionListener() {
          @Override
          public void onWatchdogTimerElapsed(OpcUaSubscription s) {
            lost(gen, "subscription keep-alive missed / 订阅保活超时");
          }

          @Override
          public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
            if (!status.isGood()) {
              lost(gen, "subscription status " + status + " / 订阅状态异常");
            }
          }

          @Override
          public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
            lost(gen, "subscription transfer failed / 订阅转移失败");
          }
        });
    sub.create();
    List<OpcUaMonitoredItem> items = new ArrayList<>();
    if (settings.stateReasonNode() != null) {
      items.add(item(c, settings.stateReasonNode(), (v, t) -> onReason(v, t)));
    }
    if (settings.stateNode() != null) {
      items.add(item(c, settings.stateNode(), (v, t) -> onState(v, t)));
    }
    if (settings.goodNode() != null) {
      items.add(item(c, settings.goodNode(), (v, t) -> counter(Counter.GOOD, v, t)));
    }
    if (settings.scrapNode() != null) {
      items.add(item(c, settings.scrapNode(), (v, t) -> counter(Counter.SCRAP, v, t)));
    }
    for (Map.Entry<String, String> m : settings.measurementNodes().entrySet()) {
      items.add(item(c, m.getValue(), (v, t) -> measurement(m.getKey(), v, t)));
    }
    sub.addMonitoredItems(items);
    sub.synchronizeMonitoredItems();
    for (OpcUaMonitoredItem i : items) {
      StatusCode sc = i.getCreateResult().orElse(StatusCode.BAD);
      if (!sc.isGood()) {
        throw new IllegalStateException(
            "node " + i.getReadValueId().getNodeId() + " cannot be monitored: " + sc + " / 节点无法订阅");
      }
    }
  }

  private OpcUaMonitoredItem item(OpcUaClient c, String node, BiConsumer<Object, Instant> sink) {
    NodeId id = nodeId(c, node);
    OpcUaMonitoredItem i = OpcUaMonitoredItem.newDataItem(id);
    i.setSamplingInterval(settings.samplingIntervalMs());
    i.setQueueSize(org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(100));
    i.setDiscardOldest(false);
    i.setDataValueListener(
        (item, dv) -> {
          if (closed || dv.getStatusCode() == null || !dv.getStatusCode().isGood()) {
            return;
          }
          try {
            sink.accept(dv.getValue().getValue(), time(dv));
          } catch (RuntimeException e) {
            status.error(message(e));
            LOG.warn("OPC UA machine {}: {} : {}", settings.name(), node, status.lastError());
          }
        });
    return i;
  }

  static NodeId nodeId(OpcUaClient c, String node) {
    if (node.startsWith("nsu=")) {
      return ExpandedNodeId.parse(node)
          .toNodeId(c.getNamespaceTable())
          .orElseThrow(
              () -> new IllegalArgumentException("unknown namespace in " + node + " / 命名空间不存在"));
    }
    return NodeId.parse(node);
  }

  private static Instant time(DataValue dv) {
    DateTime t = dv.getSourceTime();
    if (t == null || t.isNull()) {
      t = dv.getServerTime();
    }
    return t == null || t.isNull() ? Instant.now() : t.getJavaInstant();
  }

  private void counter(Counter counter, Object value, Instant at) {
    if (value instanceof Number n) {
      signals.onCounter(counter, n.longValue(), at);
    } else if (value != null) {
      throw new IllegalArgumentException(
          counter + " counter value is not a number: " + value + " / 计数值不是数字");
    }
  }

  private void onReason(Object value, Instant at) {
    lastReason = value == null ? null : String.valueOf(value);
    if (lastStateValue != null) {
      signals.onState(settings.mapState(lastStateValue), lastReason, at);
    }
  }

  private void onState(Object value, Instant at) {
    lastStateValue = value;
    MachineState s = settings.mapState(value);
    signals.onState(s, lastReason, at);
  }

  private void measurement(String name, Object value, Instant at) {
    if (value instanceof Number n) {
      signals.onMeasurement(name, n.doubleValue(), at);
    }
  }

  private static String message(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  @Override
  public void close() {
    closed = true;
    try {
      exec.submit(
              () -> {
                if (pending != null) {
                  pending.cancel(false);
                }
                teardown();
              })
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("OPC UA machine {}: close: {}", settings.name(), e.toString());
    }
    exec.shutdownNow();
    status.stopped();
  }
}
