package dev.nce.notification.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * DESIGN.md section 7: reminders due and sent. Counters (notifications_sent_total, notification_deliveries_total) are
 * incremented where it happens; these gauges show the backlog: notifications waiting for their instant and
 * deliveries waiting to be sent or retried.
 */
@ApplicationScoped
public class NotificationMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager em;

    void register(@Observes StartupEvent event) {
        Gauge.builder("notifications_scheduled", this, m -> m.count(
                "SELECT count(*) FROM notification WHERE status = 'SCHEDULED'")).register(registry);
        Gauge.builder("notification_deliveries_pending", this, m -> m.count(
                "SELECT count(*) FROM delivery WHERE status = 'SCHEDULED'")).register(registry);
        Gauge.builder("notification_deliveries_failed", this, m -> m.count(
                "SELECT count(*) FROM delivery WHERE status = 'FAILED'")).register(registry);
    }

    private double count(String sql) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                    .doubleValue());
        } catch (RuntimeException e) {
            return Double.NaN; // the database is down: readiness says so
        }
    }
}
