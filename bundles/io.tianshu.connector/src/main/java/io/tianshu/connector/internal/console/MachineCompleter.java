package io.tianshu.connector.internal.console;

import io.tianshu.connector.MachineConnectorService;
import io.tianshu.connector.MachineInfo;
import io.tianshu.org.AccessService;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the names of the machines in the caller's plants. */
@Service
public class MachineCompleter implements Completer {
  @Reference MachineConnectorService machines;
  @Reference AccessService access;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    StringsCompleter names = new StringsCompleter();
    try {
      for (MachineInfo m : machines.machines(MachineList.current(access))) {
        names.getStrings().add(m.name());
      }
    } catch (RuntimeException e) {
      // no logged-in user: nothing to complete
    }
    return names.complete(session, commandLine, candidates);
  }
}
