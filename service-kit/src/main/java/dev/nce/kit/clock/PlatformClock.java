package dev.nce.kit.clock;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of business time of a service. In SYSTEM mode it is the UTC wall clock; in SIMULATED mode it is frozen
 * at the last instant it was moved to (subscription-service: the advance; consumers: the watermarks they have read).
 */
@ApplicationScoped
public class PlatformClock {

    private final ClockMode mode;
    private volatile Instant simulatedNow;

    public PlatformClock(@ConfigProperty(name = "nce.clock.mode", defaultValue = "system") String mode,
                         @ConfigProperty(name = "nce.clock.start") Optional<String> start) {
        this.mode = ClockMode.valueOf(mode.trim().toUpperCase());
        this.simulatedNow = start.map(ClockInstants::parse).orElse(Instant.EPOCH);
    }

    public ClockMode mode() { return mode; }

    public boolean isSimulated() { return mode == ClockMode.SIMULATED; }

    public Instant now() {
        return mode == ClockMode.SYSTEM ? Instant.now() : simulatedNow;
    }

    /** Moves the simulated clock forward; never backwards (a lower instant is ignored). */
    public synchronized void moveTo(Instant instant) {
        if (mode == ClockMode.SIMULATED && instant.isAfter(simulatedNow)) {
            simulatedNow = instant;
        }
    }

    /** Sets the simulated clock at start-up from persisted state (may be earlier than the configured start). */
    public synchronized void restore(Instant instant) {
        if (mode == ClockMode.SIMULATED) {
            simulatedNow = instant;
        }
    }

    /** A java.time view for code that takes a Clock (domain code takes Instants or a Clock, never reads the system). */
    public Clock asClock() {
        PlatformClock self = this;
        return new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException("UTC only (D16)"); }
            @Override public Instant instant() { return self.now(); }
        };
    }
}
