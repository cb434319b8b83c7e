package dev.nce.kit.outbox;

import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Appends events to the outbox in the caller's transaction (DESIGN.md section 6: state and events commit together).
 * Nothing is published here; {@link OutboxRelay} does that after commit.
 */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    EntityManager em;

    /** Wraps {@code event} in an envelope (occurredAt = wall clock) and appends it, keyed by {@code key}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String key, Object event, String customerId, String subjectId,
                                Instant effectiveAt, String actor) {
        EventEnvelope envelope = EventEnvelope.wrap(event, Instant.now(), effectiveAt, customerId, subjectId, actor);
        append(topic, key, null, envelope);
        return envelope;
    }

    /** Appends a ready envelope; {@code partition} is explicit only for per-partition records (watermarks). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, Integer partition, EventEnvelope envelope) {
        em.createNativeQuery("INSERT INTO outbox (event_id, topic, msg_key, partition, payload) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, envelope.eventId())
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, partition)
                .setParameter(5, EventJson.write(envelope))
                .executeUpdate();
    }
}
