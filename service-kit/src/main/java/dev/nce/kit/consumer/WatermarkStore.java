package dev.nce.kit.consumer;

import dev.nce.kit.clock.ClockInstantsSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-partition watermarks read by this consumer, stored in its own database in the transaction that processes the
 * Watermark record (DESIGN.md sections 3 and 6). Watermarks only move forward.
 */
@ApplicationScoped
public class WatermarkStore {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String topic, int partition, Instant upTo) {
        em.createNativeQuery("INSERT INTO consumer_watermark (topic, partition, up_to) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (topic, partition) DO UPDATE SET up_to = GREATEST(consumer_watermark.up_to, EXCLUDED.up_to)")
                .setParameter(1, topic).setParameter(2, partition).setParameter(3, Timestamp.from(upTo))
                .executeUpdate();
    }

    @Transactional
    public Map<Integer, Instant> all(String topic) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT partition, up_to FROM consumer_watermark WHERE topic = ?1")
                .setParameter(1, topic).getResultList();
        Map<Integer, Instant> result = new HashMap<>();
        for (Object[] row : rows) {
            result.put(((Number) row[0]).intValue(), ClockInstantsSql.toInstant(row[1]));
        }
        return result;
    }

    /** The watermark of one partition, if one was read. */
    @Transactional
    public Optional<Instant> of(String topic, int partition) {
        return Optional.ofNullable(all(topic).get(partition));
    }

    /** The lowest watermark over all {@code partitions} partitions; empty while any partition has none. */
    @Transactional
    public Optional<Instant> min(String topic, int partitions) {
        Map<Integer, Instant> all = all(topic);
        Instant min = null;
        for (int p = 0; p < partitions; p++) {
            Instant w = all.get(p);
            if (w == null) {
                return Optional.empty();
            }
            if (min == null || w.isBefore(min)) {
                min = w;
            }
        }
        return Optional.ofNullable(min);
    }
}
