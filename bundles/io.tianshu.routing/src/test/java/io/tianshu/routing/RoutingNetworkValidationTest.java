package io.tianshu.routing;

import static io.tianshu.routing.RoutingNetworkTest.after;
import static io.tianshu.routing.RoutingNetworkTest.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingNetworkValidationTest {

  static List<String> codes(List<NetworkProblem> problems) {
    return problems.stream().map(NetworkProblem::code).toList();
  }

  @Test
  void aGoodNetworkHasNoProblems() {
    assertThat(RoutingNetwork.validate(RoutingNetworkTest.splitMerge())).isEmpty();
    assertThat(RoutingNetwork.validate(RoutingNetworkTest.linear())).isEmpty();
  }

  @Test
  void empty() {
    assertThat(RoutingNetwork.validate(List.of()))
        .containsExactly(
            new NetworkProblem(null, -1, "empty", "the routing has no operations / 工艺路线没有工序"));
    assertThat(codes(RoutingNetwork.validate(null))).containsExactly("empty");
  }

  @Test
  void nullOperation() {
    List<NetworkOperation> ops = new ArrayList<>(List.of(op(10, 0, 1, 0, 0)));
    ops.add(null);
    List<NetworkProblem> problems = RoutingNetwork.validate(ops);
    assertThat(codes(problems)).containsExactly("null_operation");
    assertThat(problems.get(0).index()).isEqualTo(1);
  }

  @Test
  void invalidOpNo() {
    List<NetworkProblem> problems =
        RoutingNetwork.validate(List.of(op(10, 0, 1, 0, 0), op(0, 0, 1, 0, 0)));
    assertThat(problems)
        .containsExactly(
            new NetworkProblem(
                0, 1, "invalid_op_no", "operation number 0 must be positive / 工序号必须为正整数"));
  }

  @Test
  void duplicateOpNoIsReportedOnTheRepeat() {
    List<NetworkProblem> problems =
        RoutingNetwork.validate(
            List.of(op(10, 0, 1, 0, 0), op(20, 0, 1, 0, 0), op(10, 0, 1, 0, 0)));
    assertThat(codes(problems)).containsExactly("duplicate_op_no");
    assertThat(problems.get(0).index()).isEqualTo(2);
    assertThat(problems.get(0).opNo()).isEqualTo(10);
    assertThat(problems.get(0).message()).contains("first at position 0").contains(" / ");
  }

  @Test
  void negativeAndNonFiniteTimes() {
    List<NetworkProblem> problems =
        RoutingNetwork.validate(
            List.of(op(10, -5, 1, 0, 0), op(20, 0, Double.NaN, 0, Double.POSITIVE_INFINITY)));
    assertThat(codes(problems)).containsExactly("negative_time", "negative_time", "negative_time");
    assertThat(problems.get(0).message())
        .isEqualTo("operation 10: setup time -5 must be a finite number of minutes ≥ 0 / 准备时间不能为负");
    assertThat(problems.get(1).message()).contains("run time per unit NaN");
    assertThat(problems.get(2).message()).contains("move time Infinity");
    assertThat(problems).extracting(NetworkProblem::index).containsExactly(0, 1, 1);
  }

  @Test
  void overlapOutOfRange() {
    List<NetworkProblem> problems =
        RoutingNetwork.validate(
            List.of(
                op(10, 0, 1, 0, 0),
                op(20, 0, 1, 0, 0, new NetworkLink(10, 100, 0)),
                op(30, 0, 1, 0, 0, new NetworkLink(20, -0.5, 0))));
    assertThat(codes(problems)).containsExactly("overlap_out_of_range", "overlap_out_of_range");
    assertThat(problems.get(0).message())
        .startsWith("operation 20: overlap 100 % with predecessor");
    assertThat(problems.get(1).message()).contains("overlap -0.5 %");
    // 99.9 % is fine
    assertThat(
            RoutingNetwork.validate(
                List.of(op(10, 0, 1, 0, 0), op(20, 0, 1, 0, 0, new NetworkLink(10, 99.9, 0)))))
        .isEmpty();
  }

  @Test
  void invalidLag() {
    List<NetworkProblem> problems =
        RoutingNetwork.validate(
            List.of(op(10, 0, 1, 0, 0), op(20, 0, 1, 0, 0, new NetworkLink(10, 0, Double.NaN))));
    assertThat(codes(problems)).containsExactly("invalid_lag");
  }

  @Test
  void unknownPredecessor() {
    List<NetworkProblem> problems =
        RoutingNetwork.validate(List.of(op(10, 0, 1, 0, 0), op(20, 0, 1, 0, 0, after(15))));
    // 15 is unknown, so 10 has no successor either: two ends.
    assertThat(codes(problems)).containsExactly("unknown_predecessor", "several_ends");
    assertThat(problems.get(0))
        .isEqualTo(
            new NetworkProblem(
                20,
                1,
                "unknown_predecessor",
                "operation 20: predecessor 15 is not an operation of this routing / 前道工序不存在"));
  }

  @Test
  void selfLink() {
    List<NetworkProblem> problems =
        RoutingNetwork.validate(
            List.of(op(10, 0, 1, 0, 0), op(20, 0, 1, 0, 0, after(10), after(20))));
    assertThat(codes(problems)).containsExactly("self_link");
    assertThat(problems.get(0).index()).isEqualTo(1);
  }

  @Test
  void duplicateLinkIsReportedOnce() {
    List<NetworkProblem> problems =
        RoutingNetwork.validate(
            List.of(
                op(10, 0, 1, 0, 0),
                op(20, 0, 1, 0, 0, after(10), new NetworkLink(10, 20, 0), after(10))));
    assertThat(codes(problems)).containsExactly("duplicate_link");
    assertThat(problems.get(0).message()).startsWith("operation 20 lists predecessor 10 more");
  }

  @Test
  void cycleMessageNamesThePathInFlowOrder() {
    // 20 after 10, 30 after 20, 10 after 30; 40 after 30 is the end.
    List<NetworkProblem> problems =
        RoutingNetwork.validate(
            List.of(
                op(30, 0, 1, 0, 0, after(20)),
                op(10, 0, 1, 0, 0, after(30)),
                op(20, 0, 1, 0, 0, after(10)),
                op(40, 0, 1, 0, 0, after(30))));
    assertThat(problems)
        .containsExactly(
            new NetworkProblem(null, -1, "cycle", "cycle 10 → 20 → 30 → 10 / 工序网络存在循环"));
  }

  @Test
  void eachDistinctCycleIsReportedOnce() {
    // 10 ↔ 20, 10 ↔ 30 and the big loop 10 → 20 → 30 → 10; 40 after 10 is the end.
    List<NetworkProblem> problems =
        RoutingNetwork.validate(
            List.of(
                op(10, 0, 1, 0, 0, after(20), after(30)),
                op(20, 0, 1, 0, 0, after(10)),
                op(30, 0, 1, 0, 0, after(10), after(20)),
                op(40, 0, 1, 0, 0, after(10))));
    assertThat(problems)
        .extracting(NetworkProblem::message)
        .containsExactly(
            "cycle 10 → 20 → 10 / 工序网络存在循环",
            "cycle 10 → 20 → 30 → 10 / 工序网络存在循环",
            "cycle 10 → 30 → 10 / 工序网络存在循环");
  }

  @Test
  void manyCyclesAreCapped() {
    // A complete digraph on 8 operations has thousands of elementary cycles.
    List<NetworkOperation> ops = new ArrayList<>();
    for (int a = 1; a <= 8; a++) {
      List<NetworkLink> links = new ArrayList<>();
      for (int b = 1; b <= 8; b++) {
        if (a != b) {
          links.add(after(b * 10));
        }
      }
      ops.add(new NetworkOperation(a * 10, 0, 1, 0, 0, links));
    }
    List<NetworkProblem> problems = RoutingNetwork.validate(ops);
    assertThat(problems)
        .hasSize(RoutingNetwork.MAX_CYCLES + 1)
        .allMatch(p -> p.code().equals("cycle"));
    assertThat(problems.get(0).message()).startsWith("cycle 10 → 20 → 10");
    assertThat(problems.get(RoutingNetwork.MAX_CYCLES).message()).startsWith("more than 50 cycles");
  }

  @Test
  void severalEnds() {
    List<NetworkProblem> problems =
        RoutingNetwork.validate(
            List.of(
                op(10, 0, 1, 0, 0),
                op(20, 0, 1, 0, 0, after(10)),
                op(30, 0, 1, 0, 0, after(20)),
                op(40, 0, 1, 0, 0, after(30)),
                op(50, 0, 1, 0, 0, after(20))));
    assertThat(problems)
        .containsExactly(
            new NetworkProblem(
                null,
                -1,
                "several_ends",
                "operations 40, 50 have no successor; a routing must end in exactly one final"
                    + " operation / 工序网络只能有一个末道工序"));
  }

  @Test
  void severalProblemsAtOnceWithTheirIndex() {
    List<NetworkOperation> ops =
        Arrays.asList(
            op(10, 0, 1, 0, 0), // 0: fine
            op(-20, 0, 1, 0, 0, after(10)), // 1: bad number
            op(10, 0, 1, 0, 0, after(10)), // 2: duplicate number and a self link
            op(30, 0, -2, 0, 0, after(99), new NetworkLink(10, 150, 0)), // 3
            op(40, 0, 1, 0, 0, after(30), after(30))); // 4: duplicate link
    List<NetworkProblem> problems = RoutingNetwork.validate(ops);
    assertThat(problems)
        .extracting(NetworkProblem::index, NetworkProblem::opNo, NetworkProblem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, -20, "invalid_op_no"),
            org.assertj.core.groups.Tuple.tuple(2, 10, "duplicate_op_no"),
            org.assertj.core.groups.Tuple.tuple(2, 10, "self_link"),
            org.assertj.core.groups.Tuple.tuple(3, 30, "negative_time"),
            org.assertj.core.groups.Tuple.tuple(3, 30, "unknown_predecessor"),
            org.assertj.core.groups.Tuple.tuple(3, 30, "overlap_out_of_range"),
            org.assertj.core.groups.Tuple.tuple(4, 40, "duplicate_link"),
            org.assertj.core.groups.Tuple.tuple(-1, null, "several_ends"));
    // -20 and 40 end the network (nobody follows them).
    assertThat(problems.get(problems.size() - 1).message()).startsWith("operations -20, 40 have");
  }

  @Test
  void buildListsEveryProblem() {
    List<NetworkOperation> ops =
        List.of(op(10, -1, 1, 0, 0), op(20, 0, 1, 0, 0, after(10)), op(30, 0, 1, 0, 0, after(10)));
    assertThatThrownBy(() -> RoutingNetwork.build(ops))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "operation 10: setup time -1 must be a finite number of minutes ≥ 0 / 准备时间不能为负; "
                + "operations 20, 30 have no successor; a routing must end in exactly one final"
                + " operation / 工序网络只能有一个末道工序");
  }

  @Test
  void linearRoutingNeverHasSeveralEnds() {
    assertThat(
            RoutingNetwork.validate(
                List.of(op(50, 0, 1, 0, 0), op(10, 0, 1, 0, 0), op(20, 0, 1, 0, 0))))
        .isEmpty();
  }
}
