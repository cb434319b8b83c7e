package dev.nce.subscription.service;

import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Every event goes out through the outbox in the state transaction (key = customerId) and into this service's own
 * history (GET /v1/subscriptions/{id}/events), in the same transaction.
 */
@ApplicationScoped
public class EventLog {

    @Inject
    OutboxWriter outbox;
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(SubscriptionEvent event, String customerId, String subjectId, Instant effectiveAt,
                                String actor) {
        EventEnvelope envelope = outbox.append(Topics.SUBSCRIPTION_EVENTS, customerId, event, customerId, subjectId,
                effectiveAt, actor);
        history(envelope, subjectId);
        return envelope;
    }

    /** Records an envelope under one more subject (an event about two subscriptions, e.g. an upgrade). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void history(EventEnvelope envelope, String subjectId) {
        em.createNativeQuery("INSERT INTO event_history (event_id, subject_id, customer_id, type, effective_at, envelope) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, envelope.eventId())
                .setParameter(2, subjectId)
                .setParameter(3, envelope.customerId())
                .setParameter(4, envelope.type())
                .setParameter(5, Timestamp.from(envelope.effectiveAt()))
                .setParameter(6, EventJson.write(envelope))
                .executeUpdate();
    }
}
