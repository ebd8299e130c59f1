package io.tianshu.connector.opcua;

import io.tianshu.core.CallerContext;
import java.util.List;

/** The machines the OPC UA connector is configured for, in the plants the caller may read. */
public interface MachineConnectorService {
  List<MachineInfo> machines(CallerContext caller);
}
