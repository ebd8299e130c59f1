package io.tianshu.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Elementary cycles of a directed graph (Johnson's algorithm), each found once, starting at its
 * lowest node, in lexicographic order of the paths. Nodes are 0..n−1, adjacency lists ascending and
 * free of self loops. Stops after {@code limit + 1} cycles so that a pathological graph cannot take
 * exponential time.
 */
final class NetworkCycles {
  private final int[][] adj;
  private final int[][] radj;
  private final int limit;
  private final boolean[] inComp;
  private final boolean[] blocked;
  private final BitSet[] blockedBy;
  private final int[] stack;
  private final int[] queue;
  private final List<int[]> cycles = new ArrayList<>();
  private int top;
  private int start;

  private NetworkCycles(int[][] adj, int limit) {
    int n = adj.length;
    this.adj = adj;
    this.limit = limit;
    int[] indegree = new int[n];
    for (int[] targets : adj) {
      for (int w : targets) {
        indegree[w]++;
      }
    }
    radj = new int[n][];
    for (int v = 0; v < n; v++) {
      radj[v] = new int[indegree[v]];
    }
    int[] fill = new int[n];
    for (int v = 0; v < n; v++) {
      for (int w : adj[v]) {
        radj[w][fill[w]++] = v;
      }
    }
    inComp = new boolean[n];
    blocked = new boolean[n];
    blockedBy = new BitSet[n];
    for (int v = 0; v < n; v++) {
      blockedBy[v] = new BitSet();
    }
    stack = new int[n];
    queue = new int[n];
  }

  /** Up to {@code limit + 1} cycles as node paths (start node not repeated at the end). */
  static List<int[]> find(int[][] adj, int limit) {
    if (acyclic(adj)) {
      return List.of();
    }
    NetworkCycles finder = new NetworkCycles(adj, limit);
    for (int s = 0; s < adj.length && finder.cycles.size() <= limit; s++) {
      finder.from(s);
    }
    return finder.cycles;
  }

  /** Kahn's algorithm: true when every node can be removed, i.e. there is no cycle. */
  static boolean acyclic(int[][] adj) {
    int n = adj.length;
    int[] indegree = new int[n];
    for (int[] targets : adj) {
      for (int w : targets) {
        indegree[w]++;
      }
    }
    int[] ready = new int[n];
    int head = 0;
    int tail = 0;
    for (int v = 0; v < n; v++) {
      if (indegree[v] == 0) {
        ready[tail++] = v;
      }
    }
    while (head < tail) {
      for (int w : adj[ready[head++]]) {
        if (--indegree[w] == 0) {
          ready[tail++] = w;
        }
      }
    }
    return tail == n;
  }

  private void from(int s) {
    start = s;
    // The strong component of s in the subgraph of nodes >= s: reachable from s and reaching s.
    boolean[] forward = reach(s, adj);
    boolean[] backward = reach(s, radj);
    int size = 0;
    for (int v = s; v < adj.length; v++) {
      inComp[v] = forward[v] && backward[v];
      blocked[v] = false;
      blockedBy[v].clear();
      if (inComp[v]) {
        size++;
      }
    }
    if (size > 1) {
      top = 0;
      circuit(s);
    }
    Arrays.fill(inComp, false);
  }

  private boolean[] reach(int s, int[][] graph) {
    boolean[] seen = new boolean[graph.length];
    int head = 0;
    int tail = 0;
    queue[tail++] = s;
    seen[s] = true;
    while (head < tail) {
      for (int w : graph[queue[head++]]) {
        if (w > s && !seen[w]) {
          seen[w] = true;
          queue[tail++] = w;
        }
      }
    }
    return seen;
  }

  private boolean circuit(int v) {
    boolean found = false;
    stack[top++] = v;
    blocked[v] = true;
    for (int w : adj[v]) {
      if (!inComp[w]) {
        continue;
      }
      if (w == start) {
        cycles.add(Arrays.copyOf(stack, top));
        found = true;
      } else if (!blocked[w] && circuit(w)) {
        found = true;
      }
      if (cycles.size() > limit) {
        break;
      }
    }
    if (found) {
      unblock(v);
    } else {
      for (int w : adj[v]) {
        if (inComp[w]) {
          blockedBy[w].set(v);
        }
      }
    }
    top--;
    return found;
  }

  private void unblock(int u) {
    int head = 0;
    blocked[u] = false;
    queue[head++] = u;
    while (head > 0) {
      int x = queue[--head];
      BitSet waiting = blockedBy[x];
      for (int w = waiting.nextSetBit(0); w >= 0; w = waiting.nextSetBit(w + 1)) {
        if (blocked[w]) {
          blocked[w] = false;
          queue[head++] = w;
        }
      }
      waiting.clear();
    }
  }
}
