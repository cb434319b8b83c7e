package dev.nce.subscription.scheduling;

import dev.nce.kit.clock.ClockInstants;
import dev.nce.kit.clock.ClockStore;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.subscription.service.ClockEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * DESIGN.md section 6: in SIMULATED mode the clock survives a restart. At start: restore it; on an empty database set
 * it from nce.clock.start (today 00:00Z without one); a later nce.clock.start advances to it (due work included); an
 * earlier one refuses to start with one line. Then Watermark(now).
 */
@ApplicationScoped
public class ClockStartup {

    private static final Logger LOG = Logger.getLogger(ClockStartup.class);

    @Inject
    PlatformClock clock;
    @Inject
    ClockStore store;
    @Inject
    ClockEngine engine;

    @ConfigProperty(name = "nce.clock.start")
    Optional<String> configuredStart;

    void onStart(@Observes StartupEvent event) {
        if (!clock.isSimulated()) {
            return;
        }
        Optional<Instant> stored = QuarkusTransaction.requiringNew().call(() -> store.load());
        Optional<Instant> configured = configuredStart.filter(s -> !s.isBlank()).map(ClockInstants::parse);
        if (stored.isEmpty()) {
            Instant start = configured.orElse(LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
            clock.restore(start);
            engine.publish(start);
            LOG.infof("platform clock starts at %s", start);
            return;
        }
        clock.restore(stored.get());
        if (configured.isPresent() && configured.get().isBefore(stored.get())) {
            LOG.errorf("clock is already at %s; refusing --clock %s (use --fresh)", stored.get(), configured.get());
            Quarkus.asyncExit(1);
            return;
        }
        if (configured.isPresent() && configured.get().isAfter(stored.get())) {
            LOG.infof("platform clock restored at %s, advancing to %s", stored.get(), configured.get());
            engine.advanceTo(configured.get());
            return;
        }
        engine.publish(stored.get());
        LOG.infof("platform clock restored at %s", stored.get());
    }
}
