package io.tianshu.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.connector.ConnectionState;
import org.junit.jupiter.api.Test;

class LinkStatusTest {
  @Test
  void backoffDoublesUpToTheCap() {
    assertThat(LinkStatus.backoff(0, 500, 30_000)).isEqualTo(500);
    assertThat(LinkStatus.backoff(1, 500, 30_000)).isEqualTo(1000);
    assertThat(LinkStatus.backoff(4, 500, 30_000)).isEqualTo(8000);
    assertThat(LinkStatus.backoff(10, 500, 30_000)).isEqualTo(30_000);
    assertThat(LinkStatus.backoff(100, 500, 30_000)).isEqualTo(30_000);
  }

  @Test
  void aLossAfterAConnectionIsReconnectingAndTheBackoffRestarts() {
    LinkStatus s = new LinkStatus(100, 1000);
    assertThat(s.retryDelay()).isEqualTo(100);
    assertThat(s.retryDelay()).isEqualTo(200);
    assertThat(s.connection()).isEqualTo(ConnectionState.CONNECTING);
    s.error("refused");
    s.connected();
    assertThat(s.isConnected()).isTrue();
    assertThat(s.lastError()).isNull();
    assertThat(s.connectedSince()).isNotNull();
    s.error("lost");
    assertThat(s.retryDelay()).isEqualTo(100);
    assertThat(s.connection()).isEqualTo(ConnectionState.RECONNECTING);
    assertThat(s.connectedSince()).isNull();
    assertThat(s.reconnects()).isEqualTo(3);
    s.stopped();
    assertThat(s.connection()).isEqualTo(ConnectionState.STOPPED);
  }
}
