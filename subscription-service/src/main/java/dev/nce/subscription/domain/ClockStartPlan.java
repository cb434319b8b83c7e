package dev.nce.subscription.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * DESIGN.md section 6, what the SIMULATED clock does at start-up: restore the stored clock; on an empty database start at
 * the configured instant (or the fallback); a later configured instant advances to it (due work included); an earlier
 * one refuses to start with one line.
 */
public record ClockStartPlan(Action action, Instant instant, String message) {

    public enum Action { START_AT, RESTORE, RESTORE_AND_ADVANCE, REFUSE }

    public static ClockStartPlan decide(Optional<Instant> stored, Optional<Instant> configured, Instant fallback) {
        if (stored.isEmpty()) {
            return new ClockStartPlan(Action.START_AT, configured.orElse(fallback), null);
        }
        Instant at = stored.get();
        if (configured.isPresent() && configured.get().isBefore(at)) {
            return new ClockStartPlan(Action.REFUSE, at,
                    "clock is already at " + at + "; refusing --clock " + configured.get() + " (use --fresh)");
        }
        if (configured.isPresent() && configured.get().isAfter(at)) {
            return new ClockStartPlan(Action.RESTORE_AND_ADVANCE, configured.get(), null);
        }
        return new ClockStartPlan(Action.RESTORE, at, null);
    }
}
