package io.tianshu.console.internal;

import io.tianshu.core.PageRequest;
import io.tianshu.org.AccessService;
import io.tianshu.org.OrgService;
import io.tianshu.org.OrgUnit;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the codes of the plants the console user may see. */
@Service
public class PlantCodeCompleter implements Completer {
  @Reference OrgService org;
  @Reference AccessService access;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    StringsCompleter delegate = new StringsCompleter();
    try {
      for (OrgUnit p :
          org.listPlants(Callers.current(access), null, new PageRequest(0, 500, "code", true))
              .items()) {
        delegate.getStrings().add(p.code());
      }
    } catch (RuntimeException e) {
      return -1;
    }
    return delegate.complete(session, commandLine, candidates);
  }
}
