package io.tianshu.connector.modbus.internal;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.tianshu.connector.modbus.internal.ReadPlan.Block;
import io.tianshu.connector.spi.LinkStatus;
import io.tianshu.connector.spi.MachineSignals;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One machine's Modbus TCP link: a j2mod master polled by one thread of its own every {@code
 * pollIntervalMs}. A poll reads the {@link ReadPlan}'s blocks in turn and hands the decoded values
 * to the machine signals. An I/O failure (refused, timed out, connection reset) closes the master
 * and reconnects after a backoff that doubles from {@code reconnectMinMs} up to {@code
 * reconnectMaxMs}; an exception answer of the device (illegal address...) keeps the connection and
 * is shown as the last error. Counting survives reconnects because counters are absolute: the first
 * reading after a reconnect is compared with the last committed one, so what the machine made
 * meanwhile is counted once.
 */
public final class ModbusMachineClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModbusMachineClient.class);

  private final MachineSettings settings;
  private final MachineSignals signals;
  private final PollDecoder decoder;
  private final List<Block> blocks;
  private final ScheduledExecutorService exec;

  private final LinkStatus status;
  private volatile long polls;
  private volatile boolean closed;
  // touched on the poll thread only
  private ModbusTCPMaster master;
  private ScheduledFuture<?> pending;

  public ModbusMachineClient(MachineSettings settings, MachineSignals signals) {
    this.settings = settings;
    this.signals = signals;
    this.status = new LinkStatus(settings.reconnectMinMs(), settings.reconnectMaxMs());
    this.decoder = new PollDecoder(settings.registers());
    this.blocks = decoder.plan().blocks();
    this.exec =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "modbus-" + settings.name());
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

  /** Polls that read every block, since start. */
  public long polls() {
    return polls;
  }

  private void connect() {
    if (closed) {
      return;
    }
    pending = null;
    try {
      // reconnect=false: one TCP connection is kept open across polls, as devices expect
      ModbusTCPMaster m =
          new ModbusTCPMaster(settings.host(), settings.port(), settings.timeoutMs(), false);
      // no retries inside j2mod: a failed read is a lost link, handled here with backoff
      m.setRetries(0);
      m.connect();
      master = m;
      decoder.reset();
      status.connected();
      LOG.info("Modbus machine {} connected to {}", settings.name(), settings.endpoint());
      pending =
          exec.scheduleWithFixedDelay(
              this::poll, 0, settings.pollIntervalMs(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      status.error(message(e) + " / 无法连接设备");
      LOG.warn(
          "Modbus machine {}: cannot connect to {}: {}",
          settings.name(),
          settings.endpoint(),
          message(e));
      teardown();
      retry();
    }
  }

  /** One poll: every block, then the signals. */
  void poll() {
    if (closed || master == null) {
      return;
    }
    int[][] data = new int[blocks.size()][];
    try {
      for (int i = 0; i < blocks.size(); i++) {
        data[i] = read(master, settings.unitId(), blocks.get(i));
      }
    } catch (ModbusSlaveException e) {
      // the device answered, with an exception code: a mapping problem, not a lost link
      status.error("device exception: " + message(e) + " / 设备返回异常 (检查寄存器地址)");
      LOG.warn("Modbus machine {}: {}", settings.name(), status.lastError());
      return;
    } catch (Exception e) {
      lost(message(e));
      return;
    }
    polls++;
    try {
      decoder.apply(data, signals, Instant.now());
      if (status.lastError() != null && status.lastError().startsWith("device exception")) {
        status.error(null);
      }
    } catch (RuntimeException e) {
      status.error(message(e));
      LOG.warn("Modbus machine {}: {}", settings.name(), status.lastError());
    }
  }

  /** Reads one block: register words, or 1/0 per bit. */
  static int[] read(ModbusTCPMaster m, int unit, Block b) throws ModbusException {
    int[] out = new int[b.count()];
    switch (b.type()) {
      case HOLDING -> copy(m.readMultipleRegisters(unit, b.start(), b.count()), out);
      case INPUT -> copy(m.readInputRegisters(unit, b.start(), b.count()), out);
      case COIL -> bits(m.readCoils(unit, b.start(), b.count()), out);
      case DISCRETE -> bits(m.readInputDiscretes(unit, b.start(), b.count()), out);
    }
    return out;
  }

  private static void copy(InputRegister[] regs, int[] out) throws ModbusException {
    if (regs == null || regs.length < out.length) {
      throw new ModbusException("short response / 设备响应长度不足");
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = regs[i].getValue();
    }
  }

  private static void bits(BitVector v, int[] out) throws ModbusException {
    if (v == null || v.size() < out.length) {
      throw new ModbusException("short response / 设备响应长度不足");
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = v.getBit(i) ? 1 : 0;
    }
  }

  private void lost(String why) {
    LOG.warn("Modbus machine {}: connection lost ({})", settings.name(), why);
    status.error(why + " / 连接中断");
    teardown();
    retry();
  }

  private void retry() {
    if (closed) {
      return;
    }
    long delay = status.retryDelay();
    pending = exec.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
  }

  private void teardown() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    ModbusTCPMaster m = master;
    master = null;
    if (m != null) {
      try {
        m.disconnect();
      } catch (RuntimeException e) {
        LOG.debug("Modbus machine {}: disconnect: {}", settings.name(), e.toString());
      }
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
      exec.submit(this::teardown).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("Modbus machine {}: close: {}", settings.name(), e.toString());
    }
    exec.shutdownNow();
    status.stopped();
  }
}
