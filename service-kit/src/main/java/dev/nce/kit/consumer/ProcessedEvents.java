package dev.nce.kit.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Idempotent consumer support (DESIGN.md section 6): claim an eventId in the transaction of the effect; a redelivered
 * event finds its row and is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** True when this is the first time the event is seen (the effect must run); false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(UUID eventId, String topic) {
        int inserted = em.createNativeQuery(
                        "INSERT INTO processed_event (event_id, topic) VALUES (?1, ?2) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, eventId).setParameter(2, topic).executeUpdate();
        return inserted == 1;
    }
}
