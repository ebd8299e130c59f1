package io.tianshu.routing;

import java.util.List;

/**
 * The result of {@link RoutingNetwork#schedule}: earliest and latest start and finish of every
 * operation for one lot, in working minutes from 0, its slack, the critical path and the load each
 * operation puts on its work centre. Operations are named by their numbers; an unknown number
 * throws {@link IllegalArgumentException}.
 */
public final class Schedule {
  private final RoutingNetwork network;
  private final double quantity;
  private final double[] es;
  private final double[] ef;
  private final double[] ls;
  private final double[] lf;

  Schedule(
      RoutingNetwork network, double quantity, double[] es, double[] ef, double[] ls, double[] lf) {
    this.network = network;
    this.quantity = quantity;
    this.es = es;
    this.ef = ef;
    this.ls = ls;
    this.lf = lf;
  }

  /** The lot size this schedule is for. */
  public double quantity() {
    return quantity;
  }

  /** Earliest finish of the final operation, the largest earliest finish of all. */
  public double leadTime() {
    return ef[ef.length - 1];
  }

  /** Earliest start (ES). */
  public double earliestStart(int opNo) {
    return es[network.position(opNo)];
  }

  /** Earliest finish (EF), after the last-piece rule of overlapping links. */
  public double earliestFinish(int opNo) {
    return ef[network.position(opNo)];
  }

  /** Latest start (LS) that keeps the lead time. */
  public double latestStart(int opNo) {
    return ls[network.position(opNo)];
  }

  /** Latest finish (LF) that keeps the lead time. */
  public double latestFinish(int opNo) {
    return lf[network.position(opNo)];
  }

  /**
   * Total slack min(LS − ES, LF − EF), never negative; it is LS − ES unless the last-piece rule
   * holds the operation's finish back (see {@link RoutingNetwork}).
   */
  public double slack(int opNo) {
    int t = network.position(opNo);
    return Math.min(ls[t] - es[t], lf[t] - ef[t]);
  }

  /** Zero-slack chain from a start operation to the final one, lowest operation numbers first. */
  public List<Integer> criticalPath() {
    return network.criticalPath(quantity, es, ef, ls, lf);
  }

  /** Capacity the operation takes from its work centre: setup + run·q (queue and move excluded). */
  public double load(int opNo) {
    return network.load(network.position(opNo), quantity);
  }
}
