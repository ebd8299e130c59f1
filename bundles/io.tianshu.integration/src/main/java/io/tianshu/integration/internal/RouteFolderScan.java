package io.tianshu.integration.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed in the watched folder since the last look. A file counts as changed when its
 * modification time or size differs; the caller then compares contents, so that a touch alone
 * reloads nothing. Plain Java, so the rules are tested without a folder.
 */
final class RouteFolderScan {

  /** A route file as listed: its name, modification time and size. */
  record Listed(String name, long modified, long size) {}

  /** The changes: files new or changed since the last look, and files gone. */
  record Changes(List<String> addedOrChanged, List<String> removed) {
    boolean isEmpty() {
      return addedOrChanged.isEmpty() && removed.isEmpty();
    }
  }

  private Map<String, Listed> seen = Map.of();

  /**
   * Whether {@code name} is a route file: {@code *.camel.yaml}, {@code *.camel.yml}, {@code
   * *.camel.xml}.
   */
  static boolean isRouteFile(String name) {
    return !name.startsWith(".")
        && (name.endsWith(".camel.yaml")
            || name.endsWith(".camel.yml")
            || name.endsWith(".camel.xml"));
  }

  /** Compares the listing with the previous one and remembers it. */
  Changes update(List<Listed> listing) {
    Map<String, Listed> now = new HashMap<>();
    TreeSet<String> changed = new TreeSet<>();
    for (Listed l : listing) {
      if (!isRouteFile(l.name())) {
        continue;
      }
      now.put(l.name(), l);
      if (!l.equals(seen.get(l.name()))) {
        changed.add(l.name());
      }
    }
    TreeSet<String> removed = new TreeSet<>(seen.keySet());
    removed.removeAll(now.keySet());
    seen = now;
    return new Changes(List.copyOf(changed), List.copyOf(removed));
  }

  /** Forgets a file, so that the next look sees it as new (a reload on request). */
  void forget(String name) {
    Map<String, Listed> copy = new HashMap<>(seen);
    copy.remove(name);
    seen = copy;
  }
}
