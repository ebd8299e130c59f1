package io.tianshu.console.internal;

import io.tianshu.persistence.Database;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** mom:status — version, database and the health of the Tianshu bundles. */
@Command(
    scope = "mom",
    name = "status",
    description = "Show Tianshu version, database and bundle health / 显示系统状态")
@Service
public class StatusCommand implements Action {
  @Reference Database database;
  @Reference BundleContext context;

  @Override
  public Object execute() throws Exception {
    Bundle self = context.getBundle();
    System.out.println("Tianshu (天枢) " + self.getVersion());
    System.out.println(
        "Database / 数据库: "
            + database.productName()
            + " "
            + database.productVersion()
            + ", schema "
            + database.schemaVersion()
            + ", "
            + database.url());
    int active = 0;
    int total = 0;
    StringBuilder problems = new StringBuilder();
    for (Bundle b : context.getBundles()) {
      if (!b.getSymbolicName().startsWith("io.tianshu.")) {
        continue;
      }
      total++;
      boolean fragment = b.getHeaders().get("Fragment-Host") != null;
      if (b.getState() == Bundle.ACTIVE || (fragment && b.getState() == Bundle.RESOLVED)) {
        active++;
      } else {
        problems.append("  NOT ACTIVE: ").append(b.getSymbolicName()).append('\n');
      }
    }
    System.out.println("Bundles / 模块: " + active + "/" + total + " active");
    System.out.print(problems);
    return null;
  }
}
