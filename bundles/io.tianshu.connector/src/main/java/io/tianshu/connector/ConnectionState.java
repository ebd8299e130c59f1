package io.tianshu.connector;

/**
 * The connector's link to a machine: CONNECTING (first attempt), CONNECTED (session and
 * subscription up), RECONNECTING (lost, retrying with capped exponential backoff), STOPPED.
 */
public enum ConnectionState {
  CONNECTING,
  CONNECTED,
  RECONNECTING,
  STOPPED
}
