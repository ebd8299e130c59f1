package io.tianshu.connector.opcua.internal;

import io.tianshu.connector.opcua.MachineInfo;

/** A running machine connection as the registry sees it (one per factory configuration). */
public interface MachineHandle {
  long plantId();

  MachineInfo info();
}
