package io.tianshu.connector.opcua.internal;

import io.tianshu.connector.opcua.MachineConnectorService;
import io.tianshu.connector.opcua.MachineInfo;
import io.tianshu.core.CallerContext;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Lists the configured machines a caller's plants hold. */
@Component(service = MachineConnectorService.class)
public class MachineRegistry implements MachineConnectorService {
  private final List<MachineHandle> machines = new CopyOnWriteArrayList<>();

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addMachine(MachineHandle m) {
    machines.add(m);
  }

  void removeMachine(MachineHandle m) {
    machines.remove(m);
  }

  @Override
  public List<MachineInfo> machines(CallerContext caller) {
    return machines.stream()
        .filter(m -> caller.canRead(m.plantId()))
        .map(MachineHandle::info)
        .sorted(Comparator.comparing(MachineInfo::name))
        .toList();
  }
}
