package dev.nce.kit.outbox;

import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGConnection;

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
     * Appends many events of one topic with one COPY, in list order (bulk work such as an invoice run issuing
     * thousands of invoices). Each row carries the same envelope JSON that {@link #append(String, String, Object,
     * String, String, Instant, String)} writes; answers the event ids in list order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(String topic, List<Entry> entries, Instant effectiveAt, String actor) {
        List<UUID> ids = new ArrayList<>(entries.size());
        if (entries.isEmpty()) {
            return ids;
        }
        Instant occurredAt = Instant.now();
        StringBuilder csv = new StringBuilder(entries.size() * 512);
        for (Entry entry : entries) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String json = EventJson.write(new BulkEnvelope(id, EventEnvelope.typeName(entry.event()),
                    EventEnvelope.CURRENT_VERSION, occurredAt, effectiveAt, entry.customerId(), entry.subjectId(),
                    actor, entry.event()));
            csv.append(id).append(',');
            quoted(csv, topic).append(',');
            quoted(csv, entry.key()).append(',');
            quoted(csv, json).append('\n');
        }
        em.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY outbox (event_id, topic, msg_key, payload) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY outbox failed", e);
            }
        });
        return ids;
    }

    /** The JSON shape of {@link EventEnvelope} with the payload serialized directly (no intermediate tree). */
    record BulkEnvelope(UUID eventId, String type, int version, Instant occurredAt, Instant effectiveAt,
                        String customerId, String subjectId, String actor, Object payload) {}

    private static StringBuilder quoted(StringBuilder out, String value) {
        return out.append('"').append(value.replace("\"", "\"\"")).append('"');
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
