package dev.nce.subscription.scheduling;

import dev.nce.kit.clock.PlatformClock;
import dev.nce.subscription.service.ClockEngine;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** SYSTEM mode: every minute, the due work up to the wall clock and the watermark (DESIGN.md section 3). */
@ApplicationScoped
public class SystemClockJob {

    private static final Logger LOG = Logger.getLogger(SystemClockJob.class);

    @Inject
    PlatformClock clock;
    @Inject
    ClockEngine engine;

    @Scheduled(every = "${nce.due-work.interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (clock.isSimulated()) {
            return;
        }
        try {
            engine.catchUpToWallClock();
        } catch (RuntimeException e) {
            LOG.warnf("due work stopped (%s); it catches up on the next run", e.getMessage());
        }
    }
}
