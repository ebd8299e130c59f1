package io.tianshu.masterdata.internal;

import io.tianshu.masterdata.UnitConversion;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversions as an undirected forest: each conversion also works backwards (1/factor). A second
 * path between two units would allow two different answers, so a conversion that closes a cycle is
 * refused; the result of a conversion is therefore unique.
 */
public final class UnitGraph {
  /** 34 significant digits: exact for every factor chain a plant uses, bounded for 1/3. */
  static final MathContext PRECISION = MathContext.DECIMAL128;

  private record Edge(String to, BigDecimal factor) {}

  private final Map<String, List<Edge>> edges = new HashMap<>();

  public UnitGraph(List<UnitConversion> conversions) {
    conversions.forEach(c -> link(c.fromUnit(), c.toUnit(), c.factor()));
  }

  private void link(String from, String to, BigDecimal factor) {
    edges.computeIfAbsent(from, k -> new ArrayList<>()).add(new Edge(to, factor));
    edges
        .computeIfAbsent(to, k -> new ArrayList<>())
        .add(new Edge(from, BigDecimal.ONE.divide(factor, PRECISION)));
  }

  /** The units on the existing path between the two, or empty when they are not connected. */
  public Optional<List<String>> path(String from, String to) {
    if (from.equals(to)) {
      return Optional.of(List.of(from));
    }
    Map<String, String> previous = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    previous.put(from, from);
    while (!queue.isEmpty()) {
      String unit = queue.poll();
      for (Edge e : edges.getOrDefault(unit, List.of())) {
        if (previous.putIfAbsent(e.to(), unit) == null) {
          if (e.to().equals(to)) {
            List<String> path = new ArrayList<>();
            for (String u = to; !u.equals(from); u = previous.get(u)) {
              path.add(u);
            }
            path.add(from);
            Collections.reverse(path);
            return Optional.of(path);
          }
          queue.add(e.to());
        }
      }
    }
    return Optional.empty();
  }

  /** How many {@code to} units one {@code from} unit is, or empty when they are not connected. */
  public Optional<BigDecimal> factor(String from, String to) {
    return path(from, to)
        .map(
            path -> {
              BigDecimal f = BigDecimal.ONE;
              for (int i = 0; i + 1 < path.size(); i++) {
                String next = path.get(i + 1);
                f =
                    f.multiply(
                        edges.get(path.get(i)).stream()
                            .filter(e -> e.to().equals(next))
                            .findFirst()
                            .orElseThrow()
                            .factor(),
                        PRECISION);
              }
              return f.stripTrailingZeros();
            });
  }
}
