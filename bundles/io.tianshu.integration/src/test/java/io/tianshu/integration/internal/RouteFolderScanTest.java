package io.tianshu.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteFolderScanTest {

  @Test
  void onlyRouteFilesCount() {
    assertThat(RouteFolderScan.isRouteFile("a.camel.yaml")).isTrue();
    assertThat(RouteFolderScan.isRouteFile("a.camel.yml")).isTrue();
    assertThat(RouteFolderScan.isRouteFile("a.camel.xml")).isTrue();
    assertThat(RouteFolderScan.isRouteFile("a.yaml")).isFalse();
    assertThat(RouteFolderScan.isRouteFile("a.camel.yaml.swp")).isFalse();
    assertThat(RouteFolderScan.isRouteFile(".a.camel.yaml")).isFalse();
  }

  @Test
  void addedChangedAndRemovedFilesAreReportedOnce() {
    RouteFolderScan scan = new RouteFolderScan();
    var a1 = new RouteFolderScan.Listed("a.camel.yaml", 1, 10);
    var b1 = new RouteFolderScan.Listed("b.camel.xml", 1, 20);
    var c = new RouteFolderScan.Listed("notes.txt", 1, 5);
    var first = scan.update(List.of(a1, b1, c));
    assertThat(first.addedOrChanged()).containsExactly("a.camel.yaml", "b.camel.xml");
    assertThat(first.removed()).isEmpty();
    assertThat(scan.update(List.of(a1, b1, c)).isEmpty()).isTrue();

    var a2 = new RouteFolderScan.Listed("a.camel.yaml", 2, 10);
    var next = scan.update(List.of(a2));
    assertThat(next.addedOrChanged()).containsExactly("a.camel.yaml");
    assertThat(next.removed()).containsExactly("b.camel.xml");

    scan.forget("a.camel.yaml");
    assertThat(scan.update(List.of(a2)).addedOrChanged()).containsExactly("a.camel.yaml");
  }
}
