package dev.nce.kit.deadletter;

import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.kit.clock.ClockInstantsSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The dead_letter table (kit migration V1_20) and the {@code <topic>.dlq} copies written through the outbox. */
@ApplicationScoped
public class DeadLetterStore {

    public static final String HEADER_ERROR = "dlq.error";
    public static final String HEADER_TOPIC = "dlq.original.topic";
    public static final String HEADER_PARTITION = "dlq.original.partition";
    public static final String HEADER_OFFSET = "dlq.original.offset";
    public static final String HEADER_CONSUMER = "dlq.consumer";

    private static final String COLUMNS = "id, source, consumer, topic, record_partition, record_offset, msg_key, "
            + "customer_id, event_id, event_type, error, status, octet_length(payload), created_at, closed_at, closed_by";

    /** A failed consumed record (its raw value, which may not even be JSON). */
    public record FailedRecord(String consumer, String topic, int partition, long offset, String key, String value) {}

    /** A stored dead letter with its payload, for a replay. */
    public record Stored(DeadLetter letter, String payload) {}

    @Inject
    EntityManager em;

    /**
     * Files a consumed record that failed permanently and queues its copy for {@code <topic>.dlq} (same key and
     * partition, headers with the error and the origin), both in the caller's transaction. Answers the new id, or
     * empty when this record was already filed (a redelivery after a crash, a replayed topic).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> fileConsumerFailure(FailedRecord record, String error) {
        UUID id = UUID.randomUUID();
        String payload = record.value() == null ? "" : record.value();
        EventEnvelope envelope = envelopeOrNull(payload);
        String customerId = envelope != null && envelope.customerId() != null ? envelope.customerId()
                : keyIsCustomer(record.topic()) ? record.key() : null;
        int inserted = em.createNativeQuery("INSERT INTO dead_letter (id, source, consumer, topic, record_partition, "
                        + "record_offset, msg_key, customer_id, event_id, event_type, payload, error) VALUES (?1, 'CONSUMER', "
                        + "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (consumer, topic, record_partition, "
                        + "record_offset) WHERE source = 'CONSUMER' DO NOTHING")
                .setParameter(1, id).setParameter(2, record.consumer()).setParameter(3, record.topic())
                .setParameter(4, record.partition()).setParameter(5, record.offset()).setParameter(6, record.key())
                .setParameter(7, customerId).setParameter(8, envelope == null ? null : envelope.eventId())
                .setParameter(9, envelope == null ? null : envelope.type()).setParameter(10, payload)
                .setParameter(11, error).executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_ERROR, error);
        headers.put(HEADER_TOPIC, record.topic());
        headers.put(HEADER_PARTITION, Integer.toString(record.partition()));
        headers.put(HEADER_OFFSET, Long.toString(record.offset()));
        headers.put(HEADER_CONSUMER, record.consumer());
        em.createNativeQuery("INSERT INTO outbox (event_id, topic, msg_key, partition, payload, headers) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, id).setParameter(2, Topics.deadLetterOf(record.topic()))
                .setParameter(3, record.key() == null ? "" : record.key()).setParameter(4, record.partition())
                .setParameter(5, payload).setParameter(6, EventJson.write(headers)).executeUpdate();
        return Optional.of(id);
    }

    /** Moves an outbox row the broker refused out of the outbox (issue 15 item 1), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> moveOutboxRow(long outboxId, String error) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT event_id, topic, partition, msg_key, payload FROM outbox "
                + "WHERE id = ?1").setParameter(1, outboxId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        UUID id = UUID.randomUUID();
        String payload = (String) row[4];
        EventEnvelope envelope = envelopeOrNull(payload);
        em.createNativeQuery("INSERT INTO dead_letter (id, source, topic, record_partition, msg_key, customer_id, "
                        + "event_id, event_type, payload, error) VALUES (?1, 'OUTBOX', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, id).setParameter(2, row[1]).setParameter(3, row[2]).setParameter(4, row[3])
                .setParameter(5, envelope == null ? null : envelope.customerId()).setParameter(6, row[0])
                .setParameter(7, envelope == null ? null : envelope.type()).setParameter(8, payload)
                .setParameter(9, error).executeUpdate();
        em.createNativeQuery("DELETE FROM outbox WHERE id = ?1").setParameter(1, outboxId).executeUpdate();
        return Optional.of(id);
    }

    @Transactional
    public List<DeadLetter> list(DeadLetter.Status status, String topic, int limit, int offset) {
        var query = em.createNativeQuery("SELECT " + COLUMNS + " FROM dead_letter" + where(status, topic)
                + " ORDER BY created_at, id LIMIT " + limit + " OFFSET " + offset);
        bind(query, status, topic);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(DeadLetterStore::row).toList();
    }

    @Transactional
    public long count(DeadLetter.Status status, String topic) {
        var query = em.createNativeQuery("SELECT count(*) FROM dead_letter" + where(status, topic));
        bind(query, status, topic);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Open dead letters per topic (the gauge). */
    @Transactional
    public Map<String, Long> openByTopic() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT topic, count(*) FROM dead_letter WHERE status = 'OPEN' "
                + "GROUP BY topic").getResultList();
        Map<String, Long> result = new LinkedHashMap<>();
        rows.forEach(r -> result.put((String) r[0], ((Number) r[1]).longValue()));
        return result;
    }

    /** Customers with an open dead letter of {@code topic} (billing holds their invoices). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> openCustomers(String topic) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT DISTINCT customer_id FROM dead_letter WHERE status = 'OPEN' "
                + "AND topic = ?1 AND customer_id IS NOT NULL ORDER BY customer_id").setParameter(1, topic).getResultList();
        return ids;
    }

    /** The row locked for an operator action, with its payload. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> lock(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + ", payload FROM dead_letter WHERE id = ?1 "
                + "FOR UPDATE").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Stored(row(r), (String) r[16]));
    }

    @Transactional
    public Optional<DeadLetter> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(DeadLetterStore::row);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void close(UUID id, DeadLetter.Status status, String by) {
        em.createNativeQuery("UPDATE dead_letter SET status = ?2, closed_at = now(), closed_by = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, by).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updateError(UUID id, String error) {
        em.createNativeQuery("UPDATE dead_letter SET error = ?2 WHERE id = ?1").setParameter(1, id)
                .setParameter(2, error).executeUpdate();
    }

    /** Puts an outbox dead letter back in the outbox (same eventId), for the relay to try again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requeueOutbox(UUID id) {
        em.createNativeQuery("INSERT INTO outbox (event_id, topic, msg_key, partition, payload) SELECT event_id, topic, "
                + "msg_key, record_partition, payload FROM dead_letter WHERE id = ?1 ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, id).executeUpdate();
    }

    static boolean keyIsCustomer(String topic) {
        return Topics.SUBSCRIPTION_EVENTS.equals(topic) || Topics.INVOICES.equals(topic);
    }

    static EventEnvelope envelopeOrNull(String payload) {
        try {
            return EventJson.readEnvelope(payload);
        } catch (RuntimeException notAnEnvelope) {
            return null;
        }
    }

    private static String where(DeadLetter.Status status, String topic) {
        if (status == null && topic == null) {
            return "";
        }
        if (status != null && topic != null) {
            return " WHERE status = :status AND topic = :topic";
        }
        return status != null ? " WHERE status = :status" : " WHERE topic = :topic";
    }

    private static void bind(jakarta.persistence.Query query, DeadLetter.Status status, String topic) {
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (topic != null) {
            query.setParameter("topic", topic);
        }
    }

    private static DeadLetter row(Object[] r) {
        return new DeadLetter((UUID) r[0], DeadLetter.Source.valueOf((String) r[1]), (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).longValue(),
                (String) r[6], (String) r[7], (UUID) r[8], (String) r[9], (String) r[10],
                DeadLetter.Status.valueOf((String) r[11]), r[12] == null ? 0 : ((Number) r[12]).longValue(),
                ClockInstantsSql.toInstant(r[13]), ClockInstantsSql.toInstant(r[14]), (String) r[15]);
    }
}
