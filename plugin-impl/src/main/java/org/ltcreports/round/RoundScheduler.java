package org.ltcreports.round;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link MonthlyRound#tick} on a daemon thread every {@code round.check-minutes}: no cron, no
 * extra service. Survives restarts because all state is in the plugin database; nodes sharing it do
 * each step once through {@link RoundClaims}.
 */
public final class RoundScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RoundScheduler.class);
  private final MonthlyRound round;
  private final RoundSettings settings;
  private ScheduledExecutorService executor;

  public RoundScheduler(MonthlyRound round, RoundSettings settings) {
    this.round = round;
    this.settings = settings;
  }

  /** Starts ticking when {@code round.enabled}; does nothing otherwise. */
  public synchronized void start() {
    if (!settings.enabled() || executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ltc-monthly-round");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::tickSafely, 1, settings.checkMinutes() * 60L, TimeUnit.SECONDS);
    LOG.info("monthly round: checking every {} minutes", settings.checkMinutes());
  }

  private void tickSafely() {
    try {
      round.tick();
    } catch (RuntimeException e) {
      // the next tick tries again; claims left unfinished are taken over after their lease
      LOG.error("monthly round: tick failed", e);
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
