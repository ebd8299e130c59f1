package io.tianshu.console.internal;

import io.tianshu.core.PlantRole;
import io.tianshu.core.TianshuException;
import io.tianshu.org.AccessService;
import io.tianshu.org.Grant;
import io.tianshu.org.OrgService;
import io.tianshu.org.User;
import io.tianshu.org.UserInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/** mom:user-* and mom:grant: users and plant grants. Grants are written PLANT=ROLE. */
public final class UserCommands {
  private UserCommands() {}

  /** Completes PLANT=ROLE pairs' role part; plant codes come from the plant completer. */
  @Service
  public static class RoleCompleter extends StringsCompleter {
    public RoleCompleter() {
      super(new String[] {"VIEWER", "OPERATOR", "PLANNER", "PLANT_ADMIN"});
    }
  }

  static List<Grant> parse(OrgService org, AccessService access, List<String> specs) {
    List<Grant> grants = new ArrayList<>();
    if (specs == null) {
      return grants;
    }
    var caller = Callers.current(access);
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw new io.tianshu.core.ValidationException(
            "grant", "invalid", "write PLANT=ROLE, e.g. P1=PLANNER / 格式: 工厂编码=角色");
      }
      grants.add(
          new Grant(
              org.getPlantByCode(caller, spec.substring(0, eq)).id(),
              PlantRole.parse(spec.substring(eq + 1))));
    }
    return grants;
  }

  @Command(scope = "mom", name = "user-list", description = "List users and grants / 列出用户")
  @Service
  public static class ListUsers implements Action {
    @Reference AccessService access;

    @Override
    public Object execute() throws Exception {
      try {
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Name");
        table.column("Status");
        table.column("Grants (plant id=role)");
        for (User u : access.listUsers(Callers.current(access))) {
          StringBuilder g = new StringBuilder();
          u.grants().forEach(x -> g.append(x.plantId()).append('=').append(x.role()).append(' '));
          table.addRow().addContent(u.username(), u.displayName(), u.status(), g.toString().trim());
        }
        table.print(System.out);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(
      scope = "mom",
      name = "user-add",
      description = "Add a user; asks for the password / 新建用户")
  @Service
  public static class AddUser implements Action {
    @Reference AccessService access;
    @Reference OrgService org;
    @Reference Session session;

    @Argument(index = 0, required = true, description = "User name / 用户名")
    String username;

    @Option(name = "-n", aliases = "--name", description = "Display name / 姓名")
    String displayName;

    @Option(
        name = "-g",
        aliases = "--grant",
        multiValued = true,
        description = "PLANT=ROLE, repeatable")
    @Completion(RoleCompleter.class)
    List<String> grants;

    @Override
    public Object execute() throws Exception {
      try {
        // Read from the terminal without echo: a password never goes on the command line.
        String password = session.readLine("Password / 密码: ", '*');
        String again = session.readLine("Again / 再次输入: ", '*');
        if (password == null || !password.equals(again)) {
          System.err.println("Passwords differ / 两次密码不一致");
          return null;
        }
        User u =
            access.createUser(
                Callers.current(access),
                new UserInput(username, password, displayName, parse(org, access, grants)));
        System.out.println("Created / 已创建: " + u.username() + " " + u.grants());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "grant", description = "Set a user's plant grants / 设置用户工厂权限")
  @Service
  public static class SetGrants implements Action {
    @Reference AccessService access;
    @Reference OrgService org;

    @Argument(index = 0, required = true, description = "User name / 用户名")
    String username;

    @Argument(index = 1, multiValued = true, description = "PLANT=ROLE ...; none removes all")
    @Completion(RoleCompleter.class)
    List<String> grants;

    @Override
    public Object execute() throws Exception {
      try {
        User u = access.setGrants(Callers.current(access), username, parse(org, access, grants));
        System.out.println(u.username() + " " + u.grants());
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }

  @Command(scope = "mom", name = "user-delete", description = "Delete a user / 删除用户")
  @Service
  public static class DeleteUser implements Action {
    @Reference AccessService access;

    @Argument(required = true, description = "User name / 用户名")
    String username;

    @Override
    public Object execute() throws Exception {
      try {
        access.deleteUser(Callers.current(access), username);
        System.out.println("Deleted / 已删除: " + username);
      } catch (TianshuException e) {
        throw Messages.fail(e);
      }
      return null;
    }
  }
}
