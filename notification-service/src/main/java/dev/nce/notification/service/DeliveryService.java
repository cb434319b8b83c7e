package dev.nce.notification.service;

import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.DeliveryStatus;
import dev.nce.notification.domain.RetryPolicy;
import dev.nce.notification.persistence.DeliveryEntity;
import dev.nce.notification.persistence.NotificationEntity;
import dev.nce.notification.persistence.WebhookEndpointEntity;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Claims ready deliveries for one attempt (a lease on the wall clock, so a crash between send and commit resends at most
 * once, with the same message id) and records each outcome: SENT, a retry with backoff, or FAILED.
 */
@ApplicationScoped
public class DeliveryService {

    @Inject
    EntityManager em;
    @Inject
    NotificationSettings settings;
    @Inject
    MeterRegistry metrics;

    @Transactional
    public List<ClaimedDelivery> claimReady(int max, Instant wallNow) {
        if (max <= 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT delivery_id FROM delivery WHERE status = 'SCHEDULED' "
                        + "AND next_attempt_at <= ?1 ORDER BY next_attempt_at, delivery_id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, wallNow).setParameter(2, max).getResultList();
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (Number id : ids) {
            DeliveryEntity d = em.find(DeliveryEntity.class, id.longValue());
            NotificationEntity n = em.find(NotificationEntity.class, d.notificationId);
            String secret = null;
            if (d.channel == Channel.WEBHOOK) {
                WebhookEndpointEntity endpoint = em.find(WebhookEndpointEntity.class, d.endpointId);
                if (endpoint == null || endpoint.deletedAt != null) {
                    d.status = DeliveryStatus.CANCELLED;
                    continue;
                }
                secret = endpoint.secret;
            }
            d.attempts += 1;
            if (d.firstAttemptAt == null) {
                d.firstAttemptAt = wallNow;
            }
            d.nextAttemptAt = wallNow.plus(settings.lease());
            claimed.add(new ClaimedDelivery(d.deliveryId, d.attempts, d.channel, n.notificationId, n.kind, d.messageId,
                    d.recipient, secret, n.subject, n.body, n.payload));
        }
        return claimed;
    }

    /** Records an attempt's outcome; a stale attempt (the row moved on meanwhile) changes nothing. */
    @Transactional
    public void recordOutcome(ClaimedDelivery attempt, Optional<String> error, Instant wallNow) {
        DeliveryEntity d = em.find(DeliveryEntity.class, attempt.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.status != DeliveryStatus.SCHEDULED || d.attempts != attempt.attempt()) {
            return;
        }
        if (error.isEmpty()) {
            d.status = DeliveryStatus.SENT;
            d.deliveredAt = wallNow;
            d.nextAttemptAt = null;
            d.lastError = null;
            metrics.counter("notification_deliveries_total", "channel", d.channel.name(), "outcome", "sent").increment();
            return;
        }
        d.lastError = truncate(error.get());
        RetryPolicy policy = d.channel == Channel.EMAIL ? settings.emailRetry() : settings.webhookRetry();
        Optional<Instant> next = policy.nextAttempt(d.attempts, d.firstAttemptAt, wallNow);
        if (next.isPresent()) {
            d.nextAttemptAt = next.get();
            metrics.counter("notification_deliveries_total", "channel", d.channel.name(), "outcome", "retry").increment();
        } else {
            d.status = DeliveryStatus.FAILED;
            d.nextAttemptAt = null;
            metrics.counter("notification_deliveries_total", "channel", d.channel.name(), "outcome", "failed").increment();
        }
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
