package io.tianshu.connector.spi;

import io.tianshu.connector.ConnectionState;
import java.time.Instant;

/**
 * The state of a connector's link to a machine, as the listing shows it, and the reconnect backoff:
 * CONNECTING until the first connection, CONNECTED, RECONNECTING after a loss (retried after a
 * delay doubling from {@code reconnectMinMs} up to {@code reconnectMaxMs}, reset by a connection),
 * STOPPED when closed. Readable from any thread; {@link #connected()} and {@link #retryDelay()} are
 * called on the connector's own thread.
 */
public final class LinkStatus {
  private final long reconnectMinMs;
  private final long reconnectMaxMs;
  private volatile ConnectionState connection = ConnectionState.CONNECTING;
  private volatile String lastError;
  private volatile Instant connectedSince;
  private volatile int reconnects;
  private int attempt;

  public LinkStatus(long reconnectMinMs, long reconnectMaxMs) {
    this.reconnectMinMs = reconnectMinMs;
    this.reconnectMaxMs = reconnectMaxMs;
  }

  /** Exponential backoff: {@code min * 2^attempt}, capped at {@code max}. */
  public static long backoff(int attempt, long min, long max) {
    long d = min;
    for (int i = 0; i < attempt && d < max; i++) {
      d *= 2;
    }
    return Math.min(d, max);
  }

  /** The link is up: the error clears and the backoff starts again from the minimum. */
  public void connected() {
    connection = ConnectionState.CONNECTED;
    connectedSince = Instant.now();
    lastError = null;
    attempt = 0;
  }

  /** The attempt failed or the link was lost: how long to wait before the next attempt. */
  public long retryDelay() {
    connection =
        connection == ConnectionState.CONNECTING
            ? ConnectionState.CONNECTING
            : ConnectionState.RECONNECTING;
    connectedSince = null;
    reconnects++;
    return backoff(attempt++, reconnectMinMs, reconnectMaxMs);
  }

  public void stopped() {
    connection = ConnectionState.STOPPED;
  }

  /** Records a problem (null: none) without changing the connection. */
  public void error(String problem) {
    lastError = problem;
  }

  public ConnectionState connection() {
    return connection;
  }

  public boolean isConnected() {
    return connection == ConnectionState.CONNECTED;
  }

  /** The last connection or read problem, null when none. */
  public String lastError() {
    return lastError;
  }

  /** Since when the link is up, null while it is not. */
  public Instant connectedSince() {
    return connectedSince;
  }

  /** How often a retry was scheduled (failed attempts and losses). */
  public int reconnects() {
    return reconnects;
  }
}
