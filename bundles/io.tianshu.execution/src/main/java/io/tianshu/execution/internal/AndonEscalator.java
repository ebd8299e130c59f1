package io.tianshu.execution.internal;

import io.tianshu.core.CallerContext;
import io.tianshu.execution.AndonNotification;
import io.tianshu.execution.AndonService;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Andon escalation every {@link Config#intervalSeconds()} seconds on one scheduled thread, as
 * the system. The service records each due level once and publishes its {@code
 * io/tianshu/execution/AndonCall/ESCALATED} event after the commit, so that an escalation run from
 * here or from {@code POST /andon-escalations} notifies alike. Configured by the PID {@value #PID}
 * ({@code etc/io.tianshu.execution.andon.escalator.cfg}); a change restarts the schedule.
 */
@Component(
    name = AndonEscalator.PID,
    service = {},
    immediate = true)
@Designate(ocd = AndonEscalator.Config.class)
public class AndonEscalator {
  static final String PID = "io.tianshu.execution.andon.escalator";
  private static final Logger LOG = LoggerFactory.getLogger(AndonEscalator.class);
  private static final long STOP_WAIT_SECONDS = 30;

  /** The escalator's settings. */
  @ObjectClassDefinition(
      name = "Tianshu Andon escalator / 安灯升级",
      description = "Notifies the escalation levels of open Andon calls as they fall due")
  public @interface Config {
    /**
     * Seconds between runs.
     *
     * @return the interval; 0 turns the escalator off
     */
    @AttributeDefinition(
        name = "Interval (s) / 间隔（秒）",
        description = "Seconds between escalation runs; 0 turns escalation off / 0 表示停用",
        min = "0")
    long intervalSeconds() default 30;
  }

  private final AndonService andon;
  private ScheduledExecutorService executor;

  @Activate
  public AndonEscalator(@Reference AndonService andon, Config config) {
    this.andon = andon;
    start(config.intervalSeconds(), TimeUnit.SECONDS);
  }

  /** Not started; for tests, which call {@link #start} with their own interval. */
  AndonEscalator(AndonService andon) {
    this.andon = andon;
  }

  /** Starts the schedule; an interval of 0 or less starts nothing. */
  synchronized void start(long interval, TimeUnit unit) {
    if (interval <= 0) {
      LOG.info("Andon escalation is off (intervalSeconds = {})", interval);
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tianshu-andon-escalator");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(this::runOnce, interval, interval, unit);
  }

  /** One run; never throws, so that the schedule goes on after a failure. */
  void runOnce() {
    try {
      List<AndonNotification> sent = andon.escalate(CallerContext.system(), null, Instant.now());
      if (!sent.isEmpty()) {
        LOG.info("Andon escalation: {} level(s) notified", sent.size());
      }
    } catch (RuntimeException e) {
      LOG.warn("Andon escalation run failed; trying again next run: {}", e.toString(), e);
    }
  }

  /** Lets a running escalation finish (it is short), then stops the thread. */
  @Deactivate
  synchronized void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("Andon escalation did not finish in {} s; interrupting it", STOP_WAIT_SECONDS);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  /** True while a schedule runs; for tests. */
  synchronized boolean running() {
    return executor != null && !executor.isShutdown();
  }
}
