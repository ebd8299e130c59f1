package io.tianshu.connector.opcua.simulator;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A machine simulator on an Eclipse Milo server: a state cycle (SETUP, RUNNING, IDLE, RUNNING, DOWN
 * with a reason), good and scrap counters that wrap at their bit width, and one measured value.
 * Nodes live in namespace {@value #NAMESPACE_URI} as {@code <machine>/State}, {@code
 * <machine>/StateReason}, {@code <machine>/Good}, {@code <machine>/Scrap}, {@code
 * <machine>/Diameter}. A test device: it offers security None (and Basic256Sha256 when {@link
 * #setSecured secured}) and binds where told (loopback by default).
 *
 * <p>The machine model ({@link #tick()}) is independent of the server: stopping and starting the
 * server (a network outage) keeps the counters, like a PLC whose OPC UA server restarts.
 */
public final class MachineSimulator implements AutoCloseable {
  public static final String NAMESPACE_URI = "urn:tianshu:simulator";

  /** The cycle: state and how many ticks it lasts. */
  private static final String[][] CYCLE = {
    {"SETUP", "2", "changeover"},
    {"RUNNING", "20", ""},
    {"IDLE", "3", "no material"},
    {"RUNNING", "20", ""},
    {"DOWN", "4", "tool breakage"}
  };

  private final String machine;
  private final String bindAddress;
  private final int port;
  private final int counterBits;
  private final int scrapEvery;
  private final Random random = new Random(7);

  private boolean secured;
  private java.security.KeyPair keyPair;
  private java.security.cert.X509Certificate certificate;
  private OpcUaServer server;
  private Namespace namespace;
  private ScheduledExecutorService ticker;

  private long good;
  private long scrap;
  private long made;
  private int phase;
  private int ticksInPhase;
  private double diameter = 10.0;

  /**
   * @param counterBits 16 or 32: counters wrap there
   * @param scrapEvery every n-th part is scrap (0: none)
   */
  public MachineSimulator(
      String machine, String bindAddress, int port, int counterBits, int scrapEvery) {
    this.machine = machine;
    this.bindAddress = bindAddress;
    this.port = port;
    this.counterBits = counterBits;
    this.scrapEvery = scrapEvery;
    this.phase = 1; // starts RUNNING, so that a test counts at once
  }

  public String endpointUrl() {
    return "opc.tcp://" + bindAddress + ":" + port + "/tianshu-sim";
  }

  /** The node id string of a signal ({@code Good}, {@code Scrap}, {@code State}, ...). */
  public String nodeId(String signal) {
    return "nsu=" + NAMESPACE_URI + ";s=" + machine + "/" + signal;
  }

  /**
   * Also offers a Basic256Sha256 / SignAndEncrypt endpoint with a self-signed certificate made once
   * per simulator ({@link #certificateDer()}); being a test device it accepts any client
   * certificate. Call before {@link #startServer()}.
   */
  public synchronized void setSecured(boolean secured) {
    this.secured = secured;
  }

  /** The server certificate (DER) of a secured simulator, for a client's trust list. */
  public synchronized byte[] certificateDer() throws Exception {
    ensureCertificate();
    return certificate.getEncoded();
  }

  private void ensureCertificate() throws Exception {
    if (certificate == null) {
      keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      certificate =
          new SelfSignedCertificateBuilder(keyPair)
              .setCommonName("Tianshu machine simulator " + machine)
              .setOrganization("Tianshu")
              .setApplicationUri("urn:tianshu:simulator:" + machine)
              .addDnsName("localhost")
              .addIpAddress(bindAddress)
              .build();
    }
  }

  /** Starts (or restarts) the OPC UA server; the machine model keeps its values. */
  public synchronized void startServer() throws Exception {
    if (server != null) {
      return;
    }
    EndpointConfig.Builder base =
        EndpointConfig.newBuilder()
            .setBindAddress(bindAddress)
            .setHostname(bindAddress)
            .setBindPort(port)
            .setPath("/tianshu-sim")
            .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
    Set<EndpointConfig> endpoints = new java.util.LinkedHashSet<>();
    endpoints.add(
        base.copy()
            .setSecurityPolicy(SecurityPolicy.None)
            .setSecurityMode(MessageSecurityMode.None)
            .build());
    DefaultCertificateManager certificates;
    if (secured) {
      ensureCertificate();
      java.security.KeyPair kp = keyPair;
      java.security.cert.X509Certificate cert = certificate;
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
                protected java.security.KeyPair createRsaSha256KeyPair() {
                  return kp;
                }

                @Override
                protected java.security.cert.X509Certificate[] createRsaSha256CertificateChain(
                    java.security.KeyPair keyPair) {
                  return new java.security.cert.X509Certificate[] {cert};
                }
              },
              (chain, applicationUri, hostnames) -> {
                // a test device: any client certificate is accepted
              });
      certificates = new DefaultCertificateManager(new MemoryCertificateQuarantine(), group);
    } else {
      certificates = new DefaultCertificateManager(new MemoryCertificateQuarantine());
    }
    OpcUaServerConfig config =
        OpcUaServerConfig.builder()
            .setApplicationUri("urn:tianshu:simulator:" + machine)
            .setApplicationName(LocalizedText.english("Tianshu machine simulator " + machine))
            .setProductUri("urn:tianshu:simulator")
            .setCertificateManager(certificates)
            .setEndpoints(endpoints)
            .build();
    OpcUaServer s =
        new OpcUaServer(
            config,
            profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    Namespace ns = new Namespace(s);
    try {
      ns.startup();
      s.startup().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      try {
        s.shutdown().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // the startup failure is what matters
      }
      throw e;
    }
    server = s;
    namespace = ns;
    publish();
  }

  /** Stops the OPC UA server (clients see the connection drop); the model keeps counting. */
  public synchronized void stopServer() throws Exception {
    OpcUaServer s = server;
    Namespace ns = namespace;
    server = null;
    namespace = null;
    if (ns != null) {
      ns.shutdown();
    }
    if (s != null) {
      s.shutdown().get(10, TimeUnit.SECONDS);
    }
  }

  /** Ticks the model every {@code millis} on a thread of its own (the demo). */
  public synchronized void runEvery(long millis) {
    if (ticker == null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "opcua-sim-" + machine);
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** One step of the machine: while RUNNING one part is made (good or scrap). */
  public synchronized void tick() {
    String[] p = CYCLE[phase];
    if ("RUNNING".equals(p[0])) {
      made++;
      if (scrapEvery > 0 && made % scrapEvery == 0) {
        scrap++;
      } else {
        good++;
      }
      diameter = 10.0 + random.nextGaussian() * 0.02;
    }
    if (++ticksInPhase >= Integer.parseInt(p[1])) {
      ticksInPhase = 0;
      phase = (phase + 1) % CYCLE.length;
    }
    publish();
  }

  /** Makes {@code n} good parts at once (tests), whatever the state. */
  public synchronized void makeGood(long n) {
    good += n;
    publish();
  }

  /** Sets the good counter's raw value (tests of wrap and reset). */
  public synchronized void setGoodRaw(long raw) {
    good = raw;
    publish();
  }

  public synchronized long good() {
    return good;
  }

  public synchronized long scrap() {
    return scrap;
  }

  public synchronized String state() {
    return CYCLE[phase][0];
  }

  private long raw(long v) {
    return v & ((1L << counterBits) - 1);
  }

  private void publish() {
    Namespace ns = namespace;
    if (ns == null) {
      return;
    }
    // the reason first: a client applies it with the state that follows
    ns.reason.setValue(new DataValue(new Variant(CYCLE[phase][2])));
    ns.state.setValue(new DataValue(new Variant(CYCLE[phase][0])));
    ns.good.setValue(new DataValue(new Variant(Unsigned.uint(raw(good)))));
    ns.scrap.setValue(new DataValue(new Variant(Unsigned.uint(raw(scrap)))));
    ns.diameter.setValue(new DataValue(new Variant(diameter)));
  }

  @Override
  public synchronized void close() throws Exception {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    stopServer();
  }

  private final class Namespace extends ManagedNamespaceWithLifecycle {
    final UaVariableNode state;
    final UaVariableNode reason;
    final UaVariableNode good;
    final UaVariableNode scrap;
    final UaVariableNode diameter;
    private final SubscriptionModel subscriptions;

    Namespace(OpcUaServer server) {
      super(server, NAMESPACE_URI);
      subscriptions = new SubscriptionModel(server, this);
      getLifecycleManager().addLifecycle(subscriptions);
      UaFolderNode folder =
          new UaFolderNode(
              getNodeContext(),
              newNodeId(machine),
              newQualifiedName(machine),
              LocalizedText.english(machine));
      getNodeManager().addNode(folder);
      folder.addReference(
          new Reference(
              folder.getNodeId(),
              NodeIds.Organizes,
              NodeIds.ObjectsFolder.expanded(),
              Reference.Direction.INVERSE));
      state = variable(folder, "State", NodeIds.String, new Variant("RUNNING"));
      reason = variable(folder, "StateReason", NodeIds.String, new Variant(""));
      good = variable(folder, "Good", NodeIds.UInt32, new Variant(Unsigned.uint(0)));
      scrap = variable(folder, "Scrap", NodeIds.UInt32, new Variant(Unsigned.uint(0)));
      diameter = variable(folder, "Diameter", NodeIds.Double, new Variant(10.0));
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
      subscriptions.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
      subscriptions.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
      subscriptions.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
      subscriptions.onMonitoringModeChanged(items);
    }

    private UaVariableNode variable(
        UaFolderNode folder, String name, NodeId type, Variant initial) {
      UaVariableNode node =
          new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
              .setNodeId(newNodeId(machine + "/" + name))
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
  }
}
