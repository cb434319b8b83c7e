package dev.nce.kit.outbox;

import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

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

    /** One event of a bulk append: its key, payload record, customer and subject. */
    public record Entry(String key, Object event, String customerId, String subjectId) {}

    /**
     * Appends many events of one topic with one statement, in list order (bulk work such as an invoice run issuing
     * thousands of invoices); each gets its own envelope exactly as {@link #append(String, String, Object, String,
     * String, Instant, String)} would build it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> appendAll(String topic, List<Entry> entries, Instant effectiveAt, String actor) {
        List<EventEnvelope> envelopes = new ArrayList<>(entries.size());
        if (entries.isEmpty()) {
            return envelopes;
        }
        Instant occurredAt = Instant.now();
        String[] ids = new String[entries.size()];
        String[] keys = new String[entries.size()];
        String[] payloads = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            EventEnvelope envelope = EventEnvelope.wrap(entry.event(), occurredAt, effectiveAt, entry.customerId(),
                    entry.subjectId(), actor);
            envelopes.add(envelope);
            ids[i] = envelope.eventId().toString();
            keys[i] = entry.key();
            payloads[i] = EventJson.write(envelope);
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO outbox (event_id, topic, msg_key, "
                    + "payload) SELECT e::uuid, ?, k, p FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY "
                    + "AS x(e, k, p, n) ORDER BY n")) {
                ps.setString(1, topic);
                ps.setArray(2, connection.createArrayOf("text", ids));
                ps.setArray(3, connection.createArrayOf("text", keys));
                ps.setArray(4, connection.createArrayOf("text", payloads));
                ps.executeUpdate();
            }
        });
        return envelopes;
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
