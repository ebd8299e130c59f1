package io.tianshu.connector;

/** A machine's state as OEE needs it; UNKNOWN when the device sends a value not mapped. */
public enum MachineState {
  RUNNING,
  IDLE,
  DOWN,
  SETUP,
  UNKNOWN
}
