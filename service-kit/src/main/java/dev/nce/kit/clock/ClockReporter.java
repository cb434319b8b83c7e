package dev.nce.kit.clock;

import java.time.Instant;

/**
 * What GET /admin/clock reports, when a service's progress differs from its PlatformClock (billing: the instant up to
 * which it has created runs and dispatched tasks). Without such a bean the PlatformClock is reported.
 */
public interface ClockReporter {
    Instant reportedNow();
}
