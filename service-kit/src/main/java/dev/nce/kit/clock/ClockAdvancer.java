package dev.nce.kit.clock;

import java.time.Instant;

/** Implemented by the service that owns the platform clock (subscription-service): POST /admin/clock/advance. */
public interface ClockAdvancer {
    /** Does every due transition up to {@code to} in order, publishes the watermarks and answers the new now. */
    Instant advanceTo(Instant to);
}
