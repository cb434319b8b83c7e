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
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims ready deliveries for one attempt (a lease on the wall clock, so a crash between send and commit resends at most
 * once, with the same message id) and records each outcome: SENT, a retry with backoff, or FAILED.
 */
@ApplicationScoped
public class DeliveryService {

    @Inject
    WebhookSecrets webhookSecrets;

    @Inject
    EntityManager em;
    @Inject
    NotificationSettings settings;
    @Inject
    MeterRegistry metrics;

    @Transactional
    public List<ClaimedDelivery> claimReady(int max, Instant wallNow) {
        return claimReady(max, wallNow, Map.of(), Integer.MAX_VALUE);
    }

    /**
     * Claims up to {@code max} ready deliveries, at most {@code maxPerEndpoint} in flight per webhook endpoint (counting
     * {@code endpointInFlight}), so one slow or dead endpoint cannot take every slot from other customers.
     */
    @Transactional
    public List<ClaimedDelivery> claimReady(int max, Instant wallNow, Map<UUID, Integer> endpointInFlight,
                                            int maxPerEndpoint) {
        return claimReady(null, max, wallNow, endpointInFlight, maxPerEndpoint);
    }

    /**
     * As above for one channel only ({@code null}: both), so e-mail and webhooks each have their own in-flight budget
     * and slow webhook receivers cannot starve e-mail (issue 15 item 3).
     */
    @Transactional
    public List<ClaimedDelivery> claimReady(Channel channel, int max, Instant wallNow, Map<UUID, Integer> endpointInFlight,
                                            int maxPerEndpoint) {
        if (max <= 0) {
            return List.of();
        }
        List<UUID> saturated = endpointInFlight.entrySet().stream().filter(e -> e.getValue() >= maxPerEndpoint)
                .map(Map.Entry::getKey).toList();
        Query query = em.createNativeQuery("SELECT delivery_id, endpoint_id FROM delivery WHERE status = 'SCHEDULED' "
                + "AND next_attempt_at <= :now" + (channel == null ? "" : " AND channel = :channel") + (saturated.isEmpty() ? "" : " AND (endpoint_id IS NULL OR endpoint_id NOT IN (:saturated))")
                + " ORDER BY next_attempt_at, delivery_id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("now", wallNow).setParameter("limit", max * 4);
        if (!saturated.isEmpty()) {
            query.setParameter("saturated", saturated);
        }
        if (channel != null) {
            query.setParameter("channel", channel.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, Integer> perEndpoint = new HashMap<>(endpointInFlight);
        List<Long> ids = new ArrayList<>();
        for (Object[] row : rows) {
            if (ids.size() >= max) {
                break;
            }
            UUID endpoint = row[1] == null ? null : (row[1] instanceof UUID u ? u : UUID.fromString(row[1].toString()));
            if (endpoint != null) {
                int taken = perEndpoint.getOrDefault(endpoint, 0);
                if (taken >= maxPerEndpoint) {
                    continue; // left ready for a later tick
                }
                perEndpoint.put(endpoint, taken + 1);
            }
            ids.add(((Number) row[0]).longValue());
        }
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (Long id : ids) {
            DeliveryEntity d = em.find(DeliveryEntity.class, id);
            NotificationEntity n = em.find(NotificationEntity.class, d.notificationId);
            String secret = null;
            if (d.channel == Channel.WEBHOOK) {
                WebhookEndpointEntity endpoint = em.find(WebhookEndpointEntity.class, d.endpointId);
                if (endpoint == null || endpoint.deletedAt != null) {
                    d.status = DeliveryStatus.CANCELLED;
                    continue;
                }
                secret = webhookSecrets.reveal(endpoint.secret);
            }
            d.attempts += 1;
            if (d.firstAttemptAt == null) {
                d.firstAttemptAt = wallNow;
            }
            d.nextAttemptAt = wallNow.plus(settings.lease());
            ClaimedDelivery.Attachment attachment = d.channel == Channel.EMAIL
                    ? InvoiceRecipients.attachment(em, n.notificationId) : null;
            claimed.add(new ClaimedDelivery(d.deliveryId, d.attempts, d.channel, n.notificationId, n.kind, d.messageId,
                    d.recipient, secret, n.subject, n.body, n.payload, d.endpointId, attachment));
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
