package io.tianshu.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tianshu.core.CallerContext;
import io.tianshu.execution.AndonService;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AndonEscalatorTest {

  /** A service whose escalate counts its calls and fails the first time. */
  private static final class Fake {
    final AtomicInteger runs = new AtomicInteger();
    final List<Object[]> args = new CopyOnWriteArrayList<>();
    final CountDownLatch three = new CountDownLatch(3);

    AndonService service() {
      return (AndonService)
          Proxy.newProxyInstance(
              AndonService.class.getClassLoader(),
              new Class<?>[] {AndonService.class},
              (proxy, method, a) -> {
                if (!method.getName().equals("escalate")) {
                  throw new UnsupportedOperationException(method.getName());
                }
                args.add(a);
                int n = runs.incrementAndGet();
                three.countDown();
                if (n == 1) {
                  throw new IllegalStateException("database away");
                }
                return List.of();
              });
    }
  }

  @Test
  void runsRepeatedlyAsTheSystemOverAllPlantsAndSurvivesAFailure() throws Exception {
    Fake fake = new Fake();
    AndonEscalator e = new AndonEscalator(fake.service());
    Instant before = Instant.now();
    e.start(20, TimeUnit.MILLISECONDS);
    try {
      assertThat(e.running()).isTrue();
      // the first run throws; the schedule goes on
      assertThat(fake.three.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      e.stop();
    }
    Object[] first = fake.args.get(0);
    CallerContext caller = (CallerContext) first[0];
    assertThat(caller.isGroupAdmin()).isTrue();
    assertThat(caller.username()).isEqualTo("system");
    assertThat(first[1]).isNull();
    assertThat((Instant) first[2]).isAfterOrEqualTo(before);
  }

  @Test
  void stopsCleanly() throws Exception {
    Fake fake = new Fake();
    AndonEscalator e = new AndonEscalator(fake.service());
    e.start(10, TimeUnit.MILLISECONDS);
    fake.three.await(10, TimeUnit.SECONDS);
    e.stop();
    assertThat(e.running()).isFalse();
    int after = fake.runs.get();
    Thread.sleep(100);
    assertThat(fake.runs.get()).isEqualTo(after);
    e.stop(); // twice is harmless
  }

  @Test
  void anIntervalOfZeroTurnsItOff() throws Exception {
    Fake fake = new Fake();
    AndonEscalator e = new AndonEscalator(fake.service());
    e.start(0, TimeUnit.SECONDS);
    assertThat(e.running()).isFalse();
    Thread.sleep(50);
    assertThat(fake.runs.get()).isZero();
    e.stop();
  }
}
