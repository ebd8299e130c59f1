package io.tianshu.connector.spi;

/**
 * Opens the signal processing of a machine on the Tianshu database: counter readings persist and
 * their deltas become operation reports of the operation running at the machine's station (or are
 * kept as unassigned counts), state changes become machine-state history, measured values are kept.
 * A protocol connector calls {@link #open} when its machine's configuration is activated.
 */
public interface MachineSignalsFactory {
  /**
   * The id of the plant with this code.
   *
   * @throws IllegalArgumentException when there is no such plant
   */
  long plantId(String plantCode);

  /**
   * The machine's signals, continuing from its persisted counter readings and unassigned totals.
   */
  MachineSignals open(MachineBinding binding, long plantId);
}
