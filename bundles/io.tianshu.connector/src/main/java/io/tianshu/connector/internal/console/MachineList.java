package io.tianshu.connector.internal.console;

import io.tianshu.connector.MachineConnectorService;
import io.tianshu.connector.MachineInfo;
import io.tianshu.core.CallerContext;
import io.tianshu.org.AccessService;
import java.security.AccessController;
import java.util.HashSet;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * mom:machine-list: the machines of every connector (OPC UA, Modbus, ...) in the caller's plants.
 * Lives in the connector bundle (not io.tianshu.console) so that the console does not need the
 * connector installed.
 */
@Command(
    scope = "mom",
    name = "machine-list",
    description = "Connected machines: connection, state and counters / 设备连接列表")
@Service
public class MachineList implements Action {
  @Reference MachineConnectorService machines;
  @Reference AccessService access;

  @Override
  public Object execute() throws Exception {
    ShellTable table = new ShellTable();
    for (String c :
        new String[] {
          "Machine",
          "Protocol",
          "Plant",
          "Station",
          "Connection",
          "State",
          "Reason",
          "Since",
          "Good",
          "Scrap",
          "Unassigned G/S",
          "Raw G/S",
          "Measured",
          "Out of control",
          "Error"
        }) {
      table.column(c);
    }
    for (MachineInfo m : machines.machines(current(access))) {
      table
          .addRow()
          .addContent(
              m.name(),
              m.protocol(),
              m.plant(),
              m.station(),
              m.connection() + (m.reconnects() > 0 ? " (" + m.reconnects() + " retries)" : ""),
              m.state(),
              m.stateReason() == null ? "" : m.stateReason(),
              m.stateSince() == null ? "" : m.stateSince(),
              m.good(),
              m.scrap(),
              m.unassignedGood() + "/" + m.unassignedScrap(),
              m.goodRaw() + "/" + m.scrapRaw(),
              m.lastMeasurement() == null ? "" : m.lastMeasurement(),
              m.outOfControl(),
              m.lastError() == null ? "" : m.lastError());
    }
    table.print(System.out);
    return null;
  }

  @SuppressWarnings("removal")
  static CallerContext current(AccessService access) {
    Subject subject = Subject.getSubject(AccessController.getContext());
    String user =
        subject == null
            ? null
            : subject.getPrincipals(UserPrincipal.class).stream()
                .map(UserPrincipal::getName)
                .findFirst()
                .orElse(null);
    if (user == null) {
      throw new IllegalStateException("No logged-in user / 未登录");
    }
    Set<String> roles = new HashSet<>();
    subject.getPrincipals(RolePrincipal.class).forEach(r -> roles.add(r.getName()));
    return access.callerFor(user, roles);
  }
}
