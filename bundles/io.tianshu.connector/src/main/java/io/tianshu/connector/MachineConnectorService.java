package io.tianshu.connector;

import io.tianshu.core.CallerContext;
import java.util.List;

/**
 * The machines configured in any connector (OPC UA, Modbus, ...), in the plants the caller may
 * read.
 */
public interface MachineConnectorService {
  List<MachineInfo> machines(CallerContext caller);
}
