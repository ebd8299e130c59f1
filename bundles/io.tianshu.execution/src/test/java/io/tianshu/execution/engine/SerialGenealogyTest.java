package io.tianshu.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tianshu.execution.SerialUnitInput;
import io.tianshu.execution.SerialUnitInput.Component;
import io.tianshu.execution.engine.SerialGenealogy.Node;
import io.tianshu.execution.engine.SerialGenealogy.Result;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Serial genealogy on a hand-worked example over six levels, serials and lots mixed:
 *
 * <pre>
 * train set T-1 (serial)   ← cars C-100, C-101 (serials)
 * car C-100 ← engine E-001; C-101 ← E-002; C-102 ← E-003 (C-102 in no train set)
 * engine E-001 ← 4 of piston lot P-L1; E-002 ← 2 of P-L1 + 2 of P-L2; E-003 ← 4 of P-L2
 * piston lot P-L1 ← steel lot S-L1; P-L2 ← S-L2 (lot genealogy)
 * steel lots S-L1 and S-L2 ← ore lot O-L1
 *
 * Backward from T-1: level 1 C-100, C-101 (2 links); 2 E-001, E-002 (2); 3 P-L1 twice, P-L2 (3);
 *   4 S-L1, S-L2 (2); 5 O-L1 twice (2): 11 links, end O-L1.
 * Forward from O-L1 (recall): 1 S-L1, S-L2 (2); 2 P-L1, P-L2 (2); 3 E-001, E-002 twice, E-003
 *   (4); 4 C-100, C-101, C-102 (3); 5 T-1 twice (2): 13 links; ends C-102 (no train set) and T-1.
 * </pre>
 */
class SerialGenealogyTest {
  private static final long TRAIN = 1;
  private static final long CAR = 2;
  private static final long ENGINE = 3;
  private static final long PISTON = 4;
  private static final long STEEL = 5;
  private static final long ORE = 6;

  record Edge(Node parent, Node child, BigDecimal quantity) {}

  private static Node unit(long m, String serial) {
    return new Node(m, serial, "LOT-" + m);
  }

  private static Node lot(long m, String lot) {
    return new Node(m, null, lot);
  }

  private static Edge e(Node parent, Node child, String qty) {
    return new Edge(parent, child, new BigDecimal(qty));
  }

  private static final List<Edge> GRAPH =
      List.of(
          e(unit(TRAIN, "T-1"), unit(CAR, "C-100"), "1"),
          e(unit(TRAIN, "T-1"), unit(CAR, "C-101"), "1"),
          e(unit(CAR, "C-100"), unit(ENGINE, "E-001"), "1"),
          e(unit(CAR, "C-101"), unit(ENGINE, "E-002"), "1"),
          e(unit(CAR, "C-102"), unit(ENGINE, "E-003"), "1"),
          e(unit(ENGINE, "E-001"), lot(PISTON, "P-L1"), "4"),
          e(unit(ENGINE, "E-002"), lot(PISTON, "P-L1"), "2"),
          e(unit(ENGINE, "E-002"), lot(PISTON, "P-L2"), "2"),
          e(unit(ENGINE, "E-003"), lot(PISTON, "P-L2"), "4"),
          e(lot(PISTON, "P-L1"), lot(STEEL, "S-L1"), "10"),
          e(lot(PISTON, "P-L2"), lot(STEEL, "S-L2"), "10"),
          e(lot(STEEL, "S-L1"), lot(ORE, "O-L1"), "20"),
          e(lot(STEEL, "S-L2"), lot(ORE, "O-L1"), "20"));

  /** The edge source: one call per level, counted. */
  private static final class Source {
    final List<Edge> graph;
    final boolean backward;
    int calls;

    Source(List<Edge> graph, boolean backward) {
      this.graph = graph;
      this.backward = backward;
    }

    List<Edge> edges(List<Node> frontier) {
      calls++;
      Set<String> keys = new HashSet<>();
      frontier.forEach(n -> keys.add(n.key()));
      return graph.stream()
          .filter(x -> keys.contains((backward ? x.parent() : x.child()).key()))
          .toList();
    }
  }

  private static Result<Edge> trace(Node start, boolean backward, int levels) {
    Source s = new Source(GRAPH, backward);
    return SerialGenealogy.trace(start, backward, levels, s::edges, Edge::parent, Edge::child);
  }

  private static List<String> names(List<Node> nodes) {
    return nodes.stream().map(n -> n.serial() != null ? n.serial() : n.lot()).toList();
  }

  @Test
  void backwardFromTheTrainSetReachesTheOreLotAtLevelFive() {
    Result<Edge> r = trace(unit(TRAIN, "T-1"), true, 10);
    assertThat(r.links()).hasSize(11);
    assertThat(r.links().stream().map(SerialGenealogy.Leveled::level).toList())
        .containsExactly(1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5);
    assertThat(r.links().get(4).edge().child()).isEqualTo(lot(PISTON, "P-L1"));
    assertThat(r.links().get(4).edge().quantity()).isEqualByComparingTo("4");
    assertThat(names(r.ends())).containsExactly("O-L1");
    assertThat(r.truncated()).isFalse();
    // C-102 and E-003 are no part of T-1
    assertThat(r.links())
        .noneMatch(l -> "E-003".equals(l.edge().child().serial()))
        .noneMatch(l -> "C-102".equals(l.edge().child().serial()));
  }

  @Test
  void forwardFromTheOreLotReachesEveryEngineCarAndTheTrainSet() {
    Result<Edge> r = trace(lot(ORE, "O-L1"), false, 10);
    assertThat(r.links()).hasSize(13);
    assertThat(r.links().stream().map(SerialGenealogy.Leveled::level).toList())
        .containsExactly(1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5);
    assertThat(names(r.ends())).containsExactly("C-102", "T-1");
    assertThat(r.truncated()).isFalse();
  }

  @Test
  void forwardFromAPistonLotReachesOnlyItsEnginesAndCars() {
    Result<Edge> r = trace(lot(PISTON, "P-L1"), false, 10);
    // E-001, E-002; C-100, C-101; T-1 twice
    assertThat(r.links()).hasSize(6);
    assertThat(names(r.ends())).containsExactly("T-1");
  }

  @Test
  void forwardFromAnEngineSerial() {
    Result<Edge> r = trace(unit(ENGINE, "E-003"), false, 10);
    assertThat(r.links()).hasSize(1);
    assertThat(names(r.ends())).containsExactly("C-102");
  }

  @Test
  void theLevelLimitCutsTheTrace() {
    Result<Edge> back = trace(unit(TRAIN, "T-1"), true, 4);
    assertThat(back.links()).hasSize(9);
    assertThat(back.truncated()).isTrue();
    assertThat(back.ends()).isEmpty();
    Result<Edge> exact = trace(unit(TRAIN, "T-1"), true, 5);
    assertThat(exact.links()).hasSize(11);
    assertThat(exact.truncated()).isFalse();
    Result<Edge> recall = trace(lot(ORE, "O-L1"), false, 4);
    assertThat(recall.links()).hasSize(11);
    assertThat(recall.truncated()).isTrue();
    // C-102 was already seen to go nowhere when the cut came
    assertThat(names(recall.ends())).containsExactly("C-102");
  }

  @Test
  void levelsOutOfRangeAreRefused() {
    for (int bad : new int[] {0, -1, 21}) {
      assertThatThrownBy(() -> trace(unit(TRAIN, "T-1"), true, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("levels: ");
    }
    assertThat(trace(unit(TRAIN, "T-1"), true, 20).links()).hasSize(11);
  }

  @Test
  void aStartWithoutGenealogyIsAnEmptyTrace() {
    Result<Edge> r = trace(unit(CAR, "C-999"), true, 10);
    assertThat(r.links()).isEmpty();
    assertThat(r.ends()).isEmpty();
    assertThat(r.truncated()).isFalse();
  }

  @Test
  void aCycleInBadDataEnds() {
    List<Edge> cycle =
        List.of(e(unit(CAR, "A"), unit(CAR, "B"), "1"), e(unit(CAR, "B"), unit(CAR, "A"), "1"));
    Source s = new Source(cycle, true);
    Result<Edge> r =
        SerialGenealogy.trace(unit(CAR, "A"), true, 20, s::edges, Edge::parent, Edge::child);
    assertThat(r.links()).hasSize(2);
    assertThat(s.calls).isEqualTo(2);
  }

  @Test
  void aUnitIsKnownByMaterialAndSerialNotByItsLot() {
    assertThat(new Node(CAR, "C-1", "X").key()).isEqualTo(new Node(CAR, "C-1", null).key());
    assertThat(new Node(CAR, null, "C-1").key()).isNotEqualTo(new Node(CAR, "C-1", null).key());
  }

  // ---- receipts

  private static SerialUnitInput u(String serial, Component... comps) {
    return new SerialUnitInput(serial, List.of(comps));
  }

  private static void refused(List<SerialUnitInput> units, String qty, String field) {
    assertThatThrownBy(() -> SerialGenealogy.checkReceipt(units, new BigDecimal(qty)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + ": ");
  }

  @Test
  void aReceiptCarriesOneSerialPerGoodUnit() {
    Component engine = new Component(ENGINE, "E-001", null, null);
    Component pistons = new Component(PISTON, null, "P-L1", new BigDecimal("4"));
    SerialGenealogy.checkReceipt(
        List.of(u("C-100", engine, pistons), u("C-101")), new BigDecimal("2.000"));
    SerialGenealogy.checkReceipt(null, BigDecimal.ZERO);
    SerialGenealogy.checkReceipt(List.of(), BigDecimal.TEN);
    refused(List.of(u("C-100")), "2", "serials");
    refused(List.of(u("C-100")), "0", "serials");
    refused(List.of(u("C-100"), u("C-101")), "1.5", "serials");
    refused(List.of(u("C-100"), u("C-100")), "2", "serials[1].serial");
    refused(List.of(u(" C-1")), "1", "serials[0].serial");
    refused(List.of(u("")), "1", "serials[0].serial");
    refused(List.of(u("X".repeat(65))), "1", "serials[0].serial");
  }

  @Test
  void eachComponentIsASerialOrAQuantityOfALot() {
    refused(
        List.of(u("C-1", new Component(null, "E-1", null, null))),
        "1",
        "serials[0].components[0].materialId");
    refused(
        List.of(u("C-1", new Component(ENGINE, "E-1", "L", null))),
        "1",
        "serials[0].components[0].serial");
    refused(
        List.of(u("C-1", new Component(ENGINE, null, null, null))),
        "1",
        "serials[0].components[0].serial");
    refused(
        List.of(u("C-1", new Component(PISTON, null, "P-L1", null))),
        "1",
        "serials[0].components[0].quantity");
    refused(
        List.of(u("C-1", new Component(PISTON, null, "P-L1", new BigDecimal("-1")))),
        "1",
        "serials[0].components[0].quantity");
    refused(
        List.of(u("C-1", new Component(ENGINE, "E-1", null, new BigDecimal("2")))),
        "1",
        "serials[0].components[0].quantity");
    // one engine cannot go into two cars
    refused(
        List.of(
            u("C-1", new Component(ENGINE, "E-1", null, null)),
            u("C-2", new Component(ENGINE, "E-1", null, BigDecimal.ONE))),
        "2",
        "serials[1].components[0].serial");
  }
}
