package io.tianshu.connector.spi;

/**
 * A protocol connector's live connection to one machine, registered as a service (whiteboard): the
 * machine listing ({@code mom:machine-list}, {@code GET /machines}) shows every registered link of
 * the caller's plants. The connector feeds what it reads into {@link #signals()}, obtained from
 * {@link MachineSignalsFactory}, and keeps {@link #status()} current.
 */
public interface MachineLink {
  MachineBinding binding();

  long plantId();

  MachineSignals signals();

  LinkStatus status();
}
