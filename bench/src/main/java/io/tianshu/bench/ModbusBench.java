package io.tianshu.bench;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import io.tianshu.connector.modbus.internal.MachineSettings;
import io.tianshu.connector.modbus.internal.PollDecoder;
import io.tianshu.connector.modbus.simulator.ModbusSimulator;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Modbus TCP polling (issue 7; target ≥ 2,000 polls/s of 125 registers): the connector's slave
 * simulator on loopback, j2mod masters reading holding registers 0-124 in one request per poll,
 * back to back (no poll interval), as the connector's poll thread does; then the decode cost of
 * such a poll. Arguments: seconds per phase (default 10), concurrent masters (default 4).
 */
public final class ModbusBench {
  private static final int REGISTERS = 125;

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (ModbusSimulator sim = new ModbusSimulator("127.0.0.1", port, 1, 32, 20, false)) {
      sim.setPoolSize(clients + 2);
      sim.start();
      System.out.printf(
          "j2mod slave on 127.0.0.1:%d; %d holding registers per poll; %d s per phase%n",
          port, REGISTERS, seconds);
      run(port, 1, 2, false); // warm-up, not reported
      System.out.println("| masters | polls | polls/s | registers/s | p50 / p99 / max µs |");
      System.out.println("|---|---|---|---|---|");
      run(port, 1, seconds, true);
      if (clients > 1) {
        run(port, clients, seconds, true);
      }
    }
    decodeCost(seconds);
  }

  /** {@code masters} threads poll back to back for {@code seconds}. */
  static void run(int port, int masters, int seconds, boolean print) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch ready = new CountDownLatch(masters);
    CountDownLatch go = new CountDownLatch(1);
    List<long[]> latencies = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    for (int m = 0; m < masters; m++) {
      long[] lat = new long[2_000_000];
      int[] n = new int[1];
      latencies.add(lat);
      counts.add(n);
      Thread t =
          new Thread(
              () -> {
                ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", port, 3000, false);
                try {
                  master.setRetries(0);
                  master.connect();
                  ready.countDown();
                  go.await();
                  int[] words = new int[REGISTERS];
                  while (!stop.get()) {
                    long t0 = System.nanoTime();
                    Register[] regs = master.readMultipleRegisters(1, 0, REGISTERS);
                    // as the connector does: words out of j2mod's register objects
                    for (int i = 0; i < REGISTERS; i++) {
                      words[i] = regs[i].getValue();
                    }
                    long dt = System.nanoTime() - t0;
                    if (n[0] < lat.length) {
                      lat[n[0]] = dt;
                    }
                    n[0]++;
                  }
                } catch (Throwable e) {
                  failure[0] = e;
                  ready.countDown();
                } finally {
                  master.disconnect();
                }
              },
              "bench-master-" + m);
      threads.add(t);
      t.start();
    }
    ready.await();
    long t0 = System.nanoTime();
    go.countDown();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    if (failure[0] != null) {
      throw new IllegalStateException("master failed", failure[0]);
    }
    if (!print) {
      return;
    }
    long total = 0;
    int kept = 0;
    for (int[] n : counts) {
      total += n[0];
      kept += Math.min(n[0], 2_000_000);
    }
    long[] all = new long[kept];
    int k = 0;
    for (int m = 0; m < masters; m++) {
      int n = Math.min(counts.get(m)[0], 2_000_000);
      System.arraycopy(latencies.get(m), 0, all, k, n);
      k += n;
    }
    Arrays.sort(all);
    System.out.printf(
        "| %d | %,d | %,.0f | %,.0f | %.0f / %.0f / %.0f |%n",
        masters,
        total,
        total / elapsed,
        total * REGISTERS / elapsed,
        pct(all, 0.50) / 1e3,
        pct(all, 0.99) / 1e3,
        all.length == 0 ? 0 : all[all.length - 1] / 1e3);
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
  }

  /**
   * Decoding one poll of 125 registers (one block): 2 uint32 counters, a state and a reason
   * register, 59 float32 and one int16 measurement, all scaled, through the connector's planner and
   * decoder ({@code PollDecoder.decode}, which {@code apply} runs before handing values on).
   */
  static void decodeCost(int seconds) {
    Map<String, Object> p = new HashMap<>();
    p.put("name", "bench");
    p.put("host", "127.0.0.1");
    p.put("plant", "P1");
    p.put("station", "ST-1");
    p.put("goodRegister", "holding:0:uint32");
    p.put("scrapRegister", "holding:2:uint32");
    p.put("stateRegister", "holding:4");
    p.put("stateMap", "1=RUNNING,2=IDLE,3=DOWN,4=SETUP");
    p.put("stateReasonRegister", "holding:5");
    List<String> m = new ArrayList<>();
    for (int i = 0; i < 59; i++) {
      m.add("m" + i + "=holding:" + (6 + 2 * i) + ":float32*0.1");
    }
    m.add("t=holding:124:int16*0.1");
    p.put("measurements", m.toArray(new String[0]));
    PollDecoder decoder = new PollDecoder(MachineSettings.parse(p).registers());
    int[][] data = new int[decoder.plan().blocks().size()][];
    for (int b = 0; b < data.length; b++) {
      data[b] = new int[decoder.plan().blocks().get(b).count()];
      for (int i = 0; i < data[b].length; i++) {
        data[b][i] = (i * 7919) & 0xFFFF;
      }
    }
    long sink = 0;
    for (int i = 0; i < 200_000; i++) { // warm-up
      sink += decoder.decode(data).measurements().size();
    }
    long n = 0;
    long t0 = System.nanoTime();
    long end = t0 + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 1000; i++) {
        sink += decoder.decode(data).measurements().size();
      }
      n += 1000;
    }
    double ns = (System.nanoTime() - t0) / (double) n;
    System.out.printf(
        "decode: %d blocks, %d signals over %d registers: %.2f µs per poll (%,.0f polls/s on one"
            + " core) [%d]%n",
        data.length,
        4 + m.size(),
        decoder.plan().blocks().get(0).count(),
        ns / 1e3,
        1e9 / ns,
        sink % 10);
  }
}
