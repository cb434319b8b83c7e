package dev.nce.subscription.scheduling;

import dev.nce.kit.clock.ClockInstants;
import dev.nce.kit.clock.ClockStore;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.subscription.domain.ClockStartPlan;
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
 * DESIGN.md section 6: in SIMULATED mode the clock survives a restart ({@link ClockStartPlan}); then Watermark(now).
 * Without nce.clock.start an empty database starts today at 00:00Z.
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
        Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        ClockStartPlan plan = ClockStartPlan.decide(stored, configured, today);
        switch (plan.action()) {
            case REFUSE:
                LOG.error(plan.message());
                Quarkus.asyncExit(1);
                return;
            case START_AT:
                clock.restore(plan.instant());
                engine.publish(plan.instant());
                LOG.infof("platform clock starts at %s", plan.instant());
                return;
            case RESTORE_AND_ADVANCE:
                clock.restore(stored.get());
                LOG.infof("platform clock restored at %s, advancing to %s", stored.get(), plan.instant());
                engine.advanceTo(plan.instant());
                return;
            default:
                clock.restore(plan.instant());
                engine.publish(plan.instant());
                LOG.infof("platform clock restored at %s", plan.instant());
        }
    }
}
