package io.tianshu.connector.spi;

import io.tianshu.connector.ConnectionState;
import java.time.Instant;

/**
 * A protocol connector's live connection to one machine, registered as a service (whiteboard): the
 * machine listing ({@code mom:machine-list}, {@code GET /machines}) shows every registered link of
 * the caller's plants. The connector feeds what it reads into {@link #signals()}, obtained from
 * {@link MachineSignalsFactory}.
 */
public interface MachineLink {
  MachineBinding binding();

  long plantId();

  MachineSignals signals();

  ConnectionState connection();

  /** The last connection or read problem, null when none. */
  String lastError();

  /** Since when the link is up, null while it is not. */
  Instant connectedSince();

  /** How often the link was lost and re-established. */
  int reconnects();
}
