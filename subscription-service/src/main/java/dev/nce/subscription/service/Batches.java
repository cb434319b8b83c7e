package dev.nce.subscription.service;

import dev.nce.subscription.domain.CancellationWindowPolicy;
import dev.nce.subscription.persistence.SeatBatchEntity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Opens seat batches (R-C3) with their D4 window, cut at the end of the term they belong to (R-C5). */
@ApplicationScoped
public class Batches {

    @Inject
    EntityManager em;

    CancellationWindowPolicy policy = CancellationWindowPolicy.NCE;

    public SeatBatchEntity open(SubscriptionEntity s, SeatBatchEntity.Kind kind, int quantity, Instant openedAt) {
        SeatBatchEntity b = prepare(s, kind, quantity, openedAt);
        em.persist(b);
        return b;
    }

    /** A batch not yet persisted (a new subscription is persisted after its first batch is numbered). */
    public SeatBatchEntity prepare(SubscriptionEntity s, SeatBatchEntity.Kind kind, int quantity, Instant openedAt) {
        SeatBatchEntity b = new SeatBatchEntity();
        b.id = Ids.next();
        b.subscriptionId = s.id;
        b.sequence = ++s.batchSequence;
        b.kind = kind.name();
        b.originalQuantity = quantity;
        b.quantity = quantity;
        b.openedAt = openedAt;
        Instant windowEnd = policy.windowEnd(openedAt);
        Instant termEnd = s.currentTerm().endExclusive();
        b.windowEnd = windowEnd.isBefore(termEnd) ? windowEnd : termEnd;
        b.termStartAt = s.termStartAt;
        return b;
    }
}
