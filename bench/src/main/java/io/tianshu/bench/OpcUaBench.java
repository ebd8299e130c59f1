package io.tianshu.bench;

import io.tianshu.connector.opcua.internal.ClientSecurity;
import io.tianshu.connector.opcua.internal.MachineSettings;
import io.tianshu.connector.opcua.internal.MiloMachineClient;
import io.tianshu.connector.spi.CounterTracker;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineStore.Counter;
import io.tianshu.connector.spi.MemoryMachineStore;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * OPC UA value changes per second handled end to end (issue 7). Two processes, started by {@code
 * bench/opcua.sh}:
 *
 * <ul>
 *   <li>{@code server}: a Milo 1.1.2 server on loopback with {@code items} variables in namespace
 *       {@value #NS}, and one writer thread that changes them round-robin (as fast as it can, or at
 *       a target rate) and pushes each new value into the monitored item of that node (report on
 *       change, no polling); item {@code i} carries its own write count, so the client sees every
 *       skipped value. Two more variables, {@code Offered} and {@code CpuNanos}, tell the client
 *       what the server wrote and the CPU time the server process used.
 *   <li>{@code client}: the connector's own Milo client, built by {@code MiloMachineClient}'s
 *       private {@code newClient()} (same endpoint selection, security and certificate handling),
 *       and the connector's own monitored items, built by its private {@code item(...)} (sampling
 *       interval, queue size 100, discardOldest=false, status check, source time) whose values go
 *       through its private {@code counter}/{@code measurement} methods into {@link MachineSignals}
 *       on a {@link MemoryMachineStore}: the connector's handling without the database. Items are
 *       grouped by ten into machines (one good counter and nine measured values each, one
 *       MachineSignals per machine) and the machines spread over {@code subscriptions}
 *       subscriptions created like the connector's.
 * </ul>
 *
 * The client counts what it handled in a measured window after a warm-up, reads the server's
 * offered count at both ends of the window, and counts the values it never saw (coalesced or
 * discarded by the server's queue) from gaps in each item's write count.
 */
public final class OpcUaBench {
  static final String NS = "urn:tianshu:bench";
  static final int PER_MACHINE = 10;

  public static void main(String[] args) throws Throwable {
    if (args.length > 0 && args[0].equals("server")) {
      server(args);
    } else if (args.length > 0 && args[0].equals("client")) {
      client(args);
    } else {
      System.err.println(
          "usage: OpcUaBench server <items> <port> <None|Basic256Sha256> <rate/s, 0 = max> <cert"
              + " file> <ready file>\n"
              + "       OpcUaBench client <endpoint> <items> <seconds> <warm-up seconds>"
              + " <None|Basic256Sha256> <subscriptions> <publishing ms> <sampling ms> <server cert"
              + " file>");
      System.exit(2);
    }
  }

  // ---------------------------------------------------------------- server

  static void server(String[] a) throws Exception {
    int items = Integer.parseInt(a[1]);
    int port = Integer.parseInt(a[2]);
    boolean secured = !a[3].equals("None");
    long rate = Long.parseLong(a[4]);
    Path certFile = Path.of(a[5]);
    Path ready = Path.of(a[6]);

    EndpointConfig.Builder base =
        EndpointConfig.newBuilder()
            .setBindAddress("127.0.0.1")
            .setHostname("127.0.0.1")
            .setBindPort(port)
            .setPath("/bench")
            .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
    Set<EndpointConfig> endpoints = new LinkedHashSet<>();
    endpoints.add(
        base.copy()
            .setSecurityPolicy(SecurityPolicy.None)
            .setSecurityMode(MessageSecurityMode.None)
            .build());
    DefaultCertificateManager certificates;
    if (secured) {
      KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      X509Certificate cert =
          new SelfSignedCertificateBuilder(kp)
              .setCommonName("Tianshu OPC UA bench server")
              .setOrganization("Tianshu")
              .setApplicationUri("urn:tianshu:bench:server")
              .addDnsName("localhost")
              .addIpAddress("127.0.0.1")
              .build();
      Files.write(certFile, cert.getEncoded());
      endpoints.add(
          base.copy()
              .setCertificate(cert)
              .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
              .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
              .build());
      DefaultApplicationGroup group =
          DefaultApplicationGroup.createAndInitialize(
              new MemoryTrustListManager(),
              new MemoryCertificateStore(),
              new RsaSha256CertificateFactory() {
                @Override
                protected KeyPair createRsaSha256KeyPair() {
                  return kp;
                }

                @Override
                protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
                  return new X509Certificate[] {cert};
                }
              },
              (chain, applicationUri, hostnames) -> {
                // a bench device: any client certificate is accepted
              });
      certificates = new DefaultCertificateManager(new MemoryCertificateQuarantine(), group);
    } else {
      certificates = new DefaultCertificateManager(new MemoryCertificateQuarantine());
    }
    OpcUaServerConfig config =
        OpcUaServerConfig.builder()
            .setApplicationUri("urn:tianshu:bench:server")
            .setApplicationName(LocalizedText.english("Tianshu OPC UA bench server"))
            .setProductUri("urn:tianshu:bench")
            .setCertificateManager(certificates)
            .setEndpoints(endpoints)
            .build();
    OpcUaServer server =
        new OpcUaServer(
            config,
            profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    BenchNamespace ns = new BenchNamespace(server, items);
    ns.startup();
    server.startup().get(30, TimeUnit.SECONDS);

    AtomicLong offered = new AtomicLong();
    Thread writer = new Thread(() -> write(ns, items, rate, offered), "bench-writer");
    writer.setDaemon(true);
    writer.start();
    ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    status.scheduleAtFixedRate(
        () -> {
          ns.offered.setValue(new DataValue(new Variant(offered.get())));
          ns.cpu.setValue(new DataValue(new Variant(os.getProcessCpuTime())));
        },
        10,
        10,
        TimeUnit.MILLISECONDS);
    Files.writeString(ready, "ready\n");
    System.out.printf(
        "server: %d items on opc.tcp://127.0.0.1:%d/bench, security None%s, writer %s%n",
        items,
        port,
        secured ? " + Basic256Sha256/SignAndEncrypt" : "",
        rate > 0 ? rate + " changes/s" : "as fast as possible");
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Round-robin over the items; item i's value is how often it was written. */
  static void write(BenchNamespace ns, int items, long rate, AtomicLong offered) {
    long count = 0;
    long start = System.nanoTime();
    DateTime now = DateTime.now();
    while (true) {
      long batch = 1024;
      if (rate > 0) {
        long due = (System.nanoTime() - start) / 1000 * rate / 1_000_000;
        if (count >= due) {
          LockSupport.parkNanos(200_000);
          continue;
        }
        batch = Math.min(batch, due - count);
      }
      now = DateTime.now();
      for (long k = 0; k < batch; k++, count++) {
        int i = (int) (count % items);
        long seq = count / items + 1;
        Variant v =
            i % PER_MACHINE == 0
                ? new Variant(Unsigned.uint(seq & 0xFFFF_FFFFL))
                : new Variant((double) seq);
        DataValue dv = new DataValue(v, StatusCode.GOOD, now, now);
        ns.nodes[i].setValue(dv);
        DataItem item = ns.subscribed.get(i);
        if (item != null) {
          item.setValue(dv);
        }
      }
      offered.set(count);
    }
  }

  static final class BenchNamespace extends ManagedNamespaceWithLifecycle {
    final UaVariableNode[] nodes;
    final AtomicReferenceArray<DataItem> subscribed;
    final UaVariableNode offered;
    final UaVariableNode cpu;

    BenchNamespace(OpcUaServer server, int items) {
      super(server, NS);
      nodes = new UaVariableNode[items];
      subscribed = new AtomicReferenceArray<>(items);
      UaFolderNode folder =
          new UaFolderNode(
              getNodeContext(),
              newNodeId("Bench"),
              newQualifiedName("Bench"),
              LocalizedText.english("Bench"));
      getNodeManager().addNode(folder);
      folder.addReference(
          new Reference(
              folder.getNodeId(),
              NodeIds.Organizes,
              NodeIds.ObjectsFolder.expanded(),
              Reference.Direction.INVERSE));
      for (int i = 0; i < items; i++) {
        boolean counter = i % PER_MACHINE == 0;
        nodes[i] =
            variable(
                folder,
                new NodeId(getNamespaceIndex(), Unsigned.uint(i)),
                "V" + i,
                counter ? NodeIds.UInt32 : NodeIds.Double,
                counter ? new Variant(Unsigned.uint(0)) : new Variant(0.0));
      }
      offered = variable(folder, newNodeId("Offered"), "Offered", NodeIds.Int64, new Variant(0L));
      cpu = variable(folder, newNodeId("CpuNanos"), "CpuNanos", NodeIds.Int64, new Variant(0L));
    }

    private UaVariableNode variable(
        UaFolderNode folder, NodeId id, String name, NodeId type, Variant initial) {
      UaVariableNode node =
          new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
              .setNodeId(id)
              .setBrowseName(newQualifiedName(name))
              .setDisplayName(LocalizedText.english(name))
              .setDataType(type)
              .setTypeDefinition(NodeIds.BaseDataVariableType)
              .setAccessLevel(AccessLevel.READ_ONLY)
              .setUserAccessLevel(AccessLevel.READ_ONLY)
              .setValue(new DataValue(initial))
              .build();
      getNodeManager().addNode(node);
      folder.addOrganizes(node);
      return node;
    }

    private int index(DataItem item) {
      NodeId id = item.getReadValueId().getNodeId();
      if (id.getNamespaceIndex().equals(getNamespaceIndex())
          && id.getIdentifier() instanceof UInteger u
          && u.longValue() < nodes.length) {
        return u.intValue();
      }
      return -1;
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
      for (DataItem item : items) {
        int i = index(item);
        if (i >= 0) {
          subscribed.set(i, item);
          item.setValue(nodes[i].getValue()); // the initial value of the item
        }
      }
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
      // values are pushed on change: a new sampling interval changes nothing
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
      for (DataItem item : items) {
        int i = index(item);
        if (i >= 0) {
          subscribed.compareAndSet(i, item, null);
        }
      }
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
      // not used by the bench
    }
  }

  // ---------------------------------------------------------------- client

  /** What the client saw. */
  static final class Seen {
    final LongAdder handled = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder latencyMs = new LongAdder();
    final LongAdder latencySamples = new LongAdder();
    final AtomicLong latencyMax = new AtomicLong();
    final long[] last;

    Seen(int items) {
      last = new long[items];
    }

    /** Called after the connector handled item i's value (on the subscription's thread). */
    void handled(int i, Object value, Instant at) {
      long seq = value instanceof Number n ? n.longValue() : 0;
      long prev = last[i];
      if (prev > 0 && seq > prev + 1) {
        skipped.add(seq - prev - 1);
      }
      last[i] = seq;
      handled.increment();
      if ((i & 63) == 0) {
        long l = System.currentTimeMillis() - at.toEpochMilli();
        latencyMs.add(l);
        latencySamples.increment();
        latencyMax.accumulateAndGet(l, Math::max);
      }
    }
  }

  static void client(String[] a) throws Throwable {
    String endpoint = a[1];
    int items = Integer.parseInt(a[2]);
    int seconds = Integer.parseInt(a[3]);
    int warmup = Integer.parseInt(a[4]);
    String policy = a[5];
    int subscriptions = Integer.parseInt(a[6]);
    double publishingMs = Double.parseDouble(a[7]);
    double samplingMs = Double.parseDouble(a[8]);
    Path serverCert = Path.of(a[9]);
    boolean secured = !policy.equals("None");

    Path pki = Files.createTempDirectory("tianshu-opcua-bench-pki");
    if (secured) {
      Path trusted = Files.createDirectories(pki.resolve("trusted").resolve("certs"));
      Files.copy(serverCert, trusted.resolve("bench-server.der"));
    }
    ClientSecurity security = new ClientSecurity(pki);
    int machines = (items + PER_MACHINE - 1) / PER_MACHINE;

    // the connector's private client and item builders, and its value handlers
    Method newClient = MiloMachineClient.class.getDeclaredMethod("newClient");
    newClient.setAccessible(true);
    Method item =
        MiloMachineClient.class.getDeclaredMethod(
            "item", OpcUaClient.class, String.class, BiConsumer.class);
    item.setAccessible(true);
    MethodHandles.Lookup lookup =
        MethodHandles.privateLookupIn(MiloMachineClient.class, MethodHandles.lookup());
    MethodHandle counter =
        lookup.findVirtual(
            MiloMachineClient.class,
            "counter",
            MethodType.methodType(void.class, Counter.class, Object.class, Instant.class));
    MethodHandle measurement =
        lookup.findVirtual(
            MiloMachineClient.class,
            "measurement",
            MethodType.methodType(void.class, String.class, Object.class, Instant.class));

    MiloMachineClient[] clients = new MiloMachineClient[machines];
    MemoryMachineStore[] stores = new MemoryMachineStore[machines];
    for (int m = 0; m < machines; m++) {
      Map<String, String> measured = new LinkedHashMap<>();
      for (int k = 1; k < PER_MACHINE && m * PER_MACHINE + k < items; k++) {
        measured.put("v" + k, node(m * PER_MACHINE + k));
      }
      MachineSettings settings =
          new MachineSettings(
              String.format("M%05d", m),
              endpoint,
              policy,
              secured ? "SignAndEncrypt" : "None",
              pki,
              "P1",
              "ST-1",
              null,
              null,
              null,
              Map.of(),
              node(m * PER_MACHINE),
              null,
              measured,
              32,
              0,
              samplingMs,
              publishingMs,
              1000,
              60_000,
              "MACHINE");
      stores[m] = new MemoryMachineStore();
      MachineSignals signals =
          new MachineSignals(settings.name(), "opcua", new CounterTracker(32, 0), stores[m]);
      signals.load();
      clients[m] = new MiloMachineClient(settings, signals, security);
    }

    String load0 = loadAverage();
    OpcUaClient client = (OpcUaClient) newClient.invoke(clients[0]);
    client.connect();
    Seen seen = new Seen(items);
    List<OpcUaSubscription> subs = new ArrayList<>();
    List<List<OpcUaMonitoredItem>> perSub = new ArrayList<>();
    AtomicLong subscriptionTrouble = new AtomicLong();
    for (int s = 0; s < subscriptions; s++) {
      OpcUaSubscription sub = new OpcUaSubscription(client, publishingMs);
      sub.setSubscriptionListener(
          new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onWatchdogTimerElapsed(OpcUaSubscription x) {
              subscriptionTrouble.incrementAndGet();
              System.out.println("subscription keep-alive missed (the connector would reconnect)");
            }

            @Override
            public void onStatusChanged(OpcUaSubscription x, StatusCode status) {
              if (!status.isGood()) {
                subscriptionTrouble.incrementAndGet();
                System.out.println("subscription status " + status);
              }
            }

            @Override
            public void onNotificationDataLost(OpcUaSubscription x) {
              subscriptionTrouble.incrementAndGet();
              System.out.println("notification data lost (sequence gap)");
            }
          });
      sub.create();
      subs.add(sub);
      perSub.add(new ArrayList<>());
    }
    for (int i = 0; i < items; i++) {
      int m = i / PER_MACHINE;
      int k = i % PER_MACHINE;
      MiloMachineClient mc = clients[m];
      int index = i;
      BiConsumer<Object, Instant> sink;
      if (k == 0) {
        sink =
            (v, t) -> {
              try {
                counter.invokeExact(mc, Counter.GOOD, v, t);
              } catch (RuntimeException | Error e) {
                throw e;
              } catch (Throwable e) {
                throw new IllegalStateException(e);
              }
              seen.handled(index, v, t);
            };
      } else {
        String name = "v" + k;
        sink =
            (v, t) -> {
              try {
                measurement.invokeExact(mc, name, v, t);
              } catch (RuntimeException | Error e) {
                throw e;
              } catch (Throwable e) {
                throw new IllegalStateException(e);
              }
              seen.handled(index, v, t);
            };
      }
      perSub
          .get(m % subscriptions)
          .add((OpcUaMonitoredItem) item.invoke(mc, client, node(i), sink));
    }
    long t0 = System.nanoTime();
    int bad = 0;
    for (int s = 0; s < subscriptions; s++) {
      subs.get(s).addMonitoredItems(perSub.get(s));
      subs.get(s).synchronizeMonitoredItems();
      for (OpcUaMonitoredItem i : perSub.get(s)) {
        if (!i.getCreateResult().orElse(StatusCode.BAD).isGood()) {
          bad++;
        }
      }
    }
    long createMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "client: %s, %d items in %d machines (1 counter + %d measured values each), %d"
            + " subscription(s), publishing %.0f ms (revised %s), sampling %.0f ms, queue 100,"
            + " discardOldest=false; created in %d ms (Milo splits CreateMonitoredItems into calls"
            + " of at most min(10000, server MaxMonitoredItemsPerCall)); %d items refused%n",
        secured ? policy + "/SignAndEncrypt" : "None",
        items,
        machines,
        PER_MACHINE - 1,
        subscriptions,
        publishingMs,
        subs.get(0).getRevisedPublishingInterval().map(String::valueOf).orElse("?"),
        samplingMs,
        createMs,
        bad);

    // clears what the memory stores keep (every value, every report key) once a second, so that
    // the heap shows the client and not the test store
    ScheduledExecutorService clear = Executors.newSingleThreadScheduledExecutor();
    clear.scheduleAtFixedRate(
        () -> {
          for (MemoryMachineStore st : stores) {
            synchronized (st) {
              st.measurements.clear();
              st.keys.clear();
            }
          }
        },
        1,
        1,
        TimeUnit.SECONDS);

    NodeId offeredNode =
        org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId.parse(
                "nsu=" + NS + ";s=Offered")
            .toNodeId(client.getNamespaceTable())
            .orElseThrow();
    NodeId cpuNode =
        org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId.parse(
                "nsu=" + NS + ";s=CpuNanos")
            .toNodeId(client.getNamespaceTable())
            .orElseThrow();

    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    System.out.printf("warm-up %d s%n", warmup);
    for (int s = 0; s < warmup; s++) {
      long h0 = seen.handled.sum();
      Thread.sleep(1000);
      System.out.printf("  warm-up %2d s: %,d handled/s%n", s + 1, seen.handled.sum() - h0);
    }
    String load1 = loadAverage();
    long offered0 = readLong(client, offeredNode);
    long serverCpu0 = readLong(client, cpuNode);
    long handled0 = seen.handled.sum();
    long skipped0 = seen.skipped.sum();
    long lat0 = seen.latencyMs.sum();
    long latN0 = seen.latencySamples.sum();
    seen.latencyMax.set(0);
    long cpu0 = os.getProcessCpuTime();
    long gc0 = gcMillis();
    long w0 = System.nanoTime();
    long heapMax = 0;
    long minPerSec = Long.MAX_VALUE;
    long maxPerSec = 0;
    for (int s = 0; s < seconds; s++) {
      long h = seen.handled.sum();
      Thread.sleep(1000);
      long per = seen.handled.sum() - h;
      minPerSec = Math.min(minPerSec, per);
      maxPerSec = Math.max(maxPerSec, per);
      heapMax = Math.max(heapMax, mem.getHeapMemoryUsage().getUsed());
      System.out.printf(
          "  %2d s: %,d handled/s, heap %d MB%n",
          s + 1, per, mem.getHeapMemoryUsage().getUsed() >> 20);
    }
    long w1 = System.nanoTime();
    long offered1 = readLong(client, offeredNode);
    long serverCpu1 = readLong(client, cpuNode);
    long handled1 = seen.handled.sum();
    long skipped1 = seen.skipped.sum();
    long cpu1 = os.getProcessCpuTime();
    long gc1 = gcMillis();
    String load2 = loadAverage();
    double wall = (w1 - w0) / 1e9;
    double offeredRate = (offered1 - offered0) / wall;
    double handledRate = (handled1 - handled0) / wall;
    long latN = seen.latencySamples.sum() - latN0;
    System.gc();
    Thread.sleep(500);
    long live = mem.getHeapMemoryUsage().getUsed();

    System.out.printf(
        "%nRESULT items=%d security=%s subscriptions=%d%n", items, policy, subscriptions);
    System.out.printf("  window            %.1f s after %d s warm-up%n", wall, warmup);
    System.out.printf("  offered (server)  %,.0f changes/s%n", offeredRate);
    System.out.printf(
        "  handled (client)  %,.0f changes/s (per second min %,d / max %,d)%n",
        handledRate, minPerSec, maxPerSec);
    System.out.printf(
        "  never seen        %,d values (%.1f %% of offered; coalesced or discarded by the"
            + " server's queues)%n",
        skipped1 - skipped0, 100.0 * (skipped1 - skipped0) / Math.max(1, offered1 - offered0));
    System.out.printf(
        "  latency           mean %.0f ms, max %d ms (source time to handled, every 64th item)%n",
        latN == 0 ? 0.0 : (double) (seen.latencyMs.sum() - lat0) / latN, seen.latencyMax.get());
    System.out.printf(
        "  client CPU        %.2f cores (%.2f µs per handled change), GC %d ms%n",
        (cpu1 - cpu0) / 1e9 / wall,
        (cpu1 - cpu0) / 1e3 / Math.max(1, handled1 - handled0),
        gc1 - gc0);
    System.out.printf("  server CPU        %.2f cores%n", (serverCpu1 - serverCpu0) / 1e9 / wall);
    System.out.printf(
        "  client heap       max used %d MB, live after GC %d MB (-Xmx %d MB)%n",
        heapMax >> 20, live >> 20, Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("  subscription trouble events: %d%n", subscriptionTrouble.get());
    System.out.printf("  load average      %s | %s | %s%n", load0, load1, load2);
    clear.shutdownNow();
    client.disconnectAsync().get(10, TimeUnit.SECONDS);
    System.exit(0);
  }

  static String node(int i) {
    return "nsu=" + NS + ";i=" + i;
  }

  static long readLong(OpcUaClient c, NodeId id) throws Exception {
    Object v =
        c.readValue(
                0.0,
                org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither,
                id)
            .getValue()
            .getValue();
    return ((Number) v).longValue();
  }

  static long gcMillis() {
    long t = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, gc.getCollectionTime());
    }
    return t;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return String.format(
          "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
