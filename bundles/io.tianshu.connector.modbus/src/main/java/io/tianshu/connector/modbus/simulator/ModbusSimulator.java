package io.tianshu.connector.modbus.simulator;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.net.InetAddress;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A machine behind a Modbus TCP slave. The register map (0-based protocol addresses):
 *
 * <ul>
 *   <li>holding {@value #STATE}: state, 1 RUNNING, 2 IDLE, 3 DOWN, 4 SETUP;
 *   <li>holding {@value #REASON}: state reason, 0 none, 1 changeover, 2 no material, 3 tool
 *       breakage;
 *   <li>holding {@value #GOOD}-{@value #GOOD}+1 and {@value #SCRAP}-{@value #SCRAP}+1: the good and
 *       scrap counters, 32 bits over two registers, high word first unless {@code lowWordFirst};
 *       they wrap at {@code counterBits} (with 16 the high word stays 0);
 *   <li>input {@value #DIAMETER}-{@value #DIAMETER}+1: diameter in mm as float32 (same word order);
 *   <li>input {@value #TEMPERATURE}: temperature in 0.1 °C as int16;
 *   <li>coil {@value #RUNNING_COIL}: on while RUNNING;
 *   <li>holding 0-{@value #HOLDING_COUNT}-1 all exist (the benchmark reads 125 of them).
 * </ul>
 *
 * <p>The machine model ({@link #tick()}) is independent of the slave: {@link #stop()} and {@link
 * #start()} (a network outage) keep the counters, like a PLC whose network module restarts. Binds
 * where told (loopback by default in the component): Modbus has no security.
 */
public final class ModbusSimulator implements AutoCloseable {
  public static final int STATE = 10;
  public static final int REASON = 11;
  public static final int GOOD = 100;
  public static final int SCRAP = 102;
  public static final int DIAMETER = 20;
  public static final int TEMPERATURE = 30;
  public static final int RUNNING_COIL = 5;
  public static final int HOLDING_COUNT = 256;

  /** The cycle: state code, ticks, reason code. */
  private static final int[][] CYCLE = {
    {4, 2, 1}, // SETUP, changeover
    {1, 20, 0}, // RUNNING
    {2, 3, 2}, // IDLE, no material
    {1, 20, 0}, // RUNNING
    {3, 4, 3} // DOWN, tool breakage
  };

  private static final String[] STATE_NAMES = {"", "RUNNING", "IDLE", "DOWN", "SETUP"};

  private final String bindAddress;
  private final int port;
  private final int unitId;
  private final int counterBits;
  private final int scrapEvery;
  private final boolean lowWordFirst;
  private final Random random = new Random(7);
  private final Image image = new Image();

  private int poolSize = 5;
  private ModbusSlave slave;
  private ScheduledExecutorService ticker;
  private long good;
  private long scrap;
  private long made;
  private int phase = 1; // starts RUNNING, so that a test counts at once
  private int ticksInPhase;
  private double diameter = 10.0;
  private double temperature = 21.5;

  /**
   * @param counterBits 16 or 32: the counters wrap there
   * @param scrapEvery every n-th part is scrap (0: none)
   * @param lowWordFirst the word order of 32-bit values: low word at the lower address
   */
  public ModbusSimulator(
      String bindAddress,
      int port,
      int unitId,
      int counterBits,
      int scrapEvery,
      boolean lowWordFirst) {
    if (counterBits != 16 && counterBits != 32) {
      throw new IllegalArgumentException("counterBits must be 16 or 32 / 计数器位宽须为 16 或 32");
    }
    this.bindAddress = bindAddress;
    this.port = port;
    this.unitId = unitId;
    this.counterBits = counterBits;
    this.scrapEvery = scrapEvery;
    this.lowWordFirst = lowWordFirst;
    for (int i = 0; i < HOLDING_COUNT; i++) {
      image.addRegister(new SimpleRegister(0));
    }
    for (int i = 0; i < 64; i++) {
      image.addInputRegister(new SimpleInputRegister(0));
    }
    for (int i = 0; i < 16; i++) {
      image.addDigitalOut(new SimpleDigitalOut(false));
      image.addDigitalIn(new SimpleDigitalIn(false));
    }
    publish();
  }

  /** How many connections are served at once (the benchmark's masters); before {@link #start}. */
  public synchronized void setPoolSize(int poolSize) {
    this.poolSize = poolSize;
  }

  public int port() {
    return port;
  }

  public int unitId() {
    return unitId;
  }

  /** Starts (or restarts) the slave; the machine model keeps its values. */
  public synchronized void start() throws Exception {
    if (slave != null) {
      return;
    }
    ModbusSlave s =
        ModbusSlaveFactory.createTCPSlave(
            InetAddress.getByName(bindAddress), port, poolSize, false, 0);
    s.addProcessImage(unitId, image);
    try {
      s.open();
    } catch (ModbusException e) {
      ModbusSlaveFactory.close(s);
      throw e;
    }
    slave = s;
  }

  /** Stops the slave (clients see the connection drop); the model keeps counting. */
  public synchronized void stop() {
    ModbusSlave s = slave;
    slave = null;
    if (s != null) {
      ModbusSlaveFactory.close(s);
    }
  }

  public synchronized boolean running() {
    return slave != null;
  }

  /** Ticks the model every {@code millis} on a thread of its own (the demo). */
  public synchronized void runEvery(long millis) {
    if (ticker == null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "modbus-sim-" + port);
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** One step of the machine: while RUNNING one part is made (good or scrap). */
  public synchronized void tick() {
    int[] p = CYCLE[phase];
    if (p[0] == 1) {
      made++;
      if (scrapEvery > 0 && made % scrapEvery == 0) {
        scrap++;
      } else {
        good++;
      }
      diameter = 10.0 + random.nextGaussian() * 0.02;
      temperature = 21.5 + random.nextInt(20) / 10.0;
    }
    if (++ticksInPhase >= p[1]) {
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

  /** Makes {@code n} scrap parts at once (tests). */
  public synchronized void makeScrap(long n) {
    scrap += n;
    publish();
  }

  /** Sets the good counter (tests of wrap and reset). */
  public synchronized void setGood(long value) {
    good = value;
    publish();
  }

  /** Sets the scrap counter (tests of wrap and reset). */
  public synchronized void setScrap(long value) {
    scrap = value;
    publish();
  }

  /** Good parts made (not wrapped). */
  public synchronized long good() {
    return good;
  }

  public synchronized long scrap() {
    return scrap;
  }

  /** The current state's name. */
  public synchronized String state() {
    return STATE_NAMES[CYCLE[phase][0]];
  }

  public synchronized double diameter() {
    return diameter;
  }

  private long raw(long v) {
    return v & ((1L << counterBits) - 1);
  }

  private void put32(int address, int bits) {
    int hi = (bits >>> 16) & 0xFFFF;
    int lo = bits & 0xFFFF;
    image.getRegister(address).setValue(lowWordFirst ? lo : hi);
    image.getRegister(address + 1).setValue(lowWordFirst ? hi : lo);
  }

  private void putInput32(int address, int bits) {
    int hi = (bits >>> 16) & 0xFFFF;
    int lo = bits & 0xFFFF;
    image.setInputRegister(address, new SimpleInputRegister(lowWordFirst ? lo : hi));
    image.setInputRegister(address + 1, new SimpleInputRegister(lowWordFirst ? hi : lo));
  }

  private void publish() {
    int[] p = CYCLE[phase];
    image.getRegister(STATE).setValue(p[0]);
    image.getRegister(REASON).setValue(p[2]);
    put32(GOOD, (int) raw(good));
    put32(SCRAP, (int) raw(scrap));
    putInput32(DIAMETER, Float.floatToIntBits((float) diameter));
    image.setInputRegister(
        TEMPERATURE, new SimpleInputRegister((int) Math.round(temperature * 10) & 0xFFFF));
    image.getDigitalOut(RUNNING_COIL).set(p[0] == 1);
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    stop();
  }

  /**
   * Reads of a range copy the values under the simulator's lock, so that a 32-bit counter is never
   * seen half updated (a real PLC gives the same guarantee within one request).
   */
  private final class Image extends SimpleProcessImage {
    @Override
    public Register[] getRegisterRange(int offset, int count) {
      synchronized (ModbusSimulator.this) {
        Register[] live = super.getRegisterRange(offset, count);
        Register[] copy = new Register[live.length];
        for (int i = 0; i < live.length; i++) {
          copy[i] = new SimpleRegister(live[i].getValue());
        }
        return copy;
      }
    }

    @Override
    public InputRegister[] getInputRegisterRange(int offset, int count) {
      synchronized (ModbusSimulator.this) {
        InputRegister[] live = super.getInputRegisterRange(offset, count);
        InputRegister[] copy = new InputRegister[live.length];
        for (int i = 0; i < live.length; i++) {
          copy[i] = new SimpleInputRegister(live[i].getValue());
        }
        return copy;
      }
    }
  }
}
