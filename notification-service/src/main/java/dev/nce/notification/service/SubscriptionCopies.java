package dev.nce.notification.service;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.notification.domain.BatchFacts;
import dev.nce.notification.domain.TermFacts;
import dev.nce.notification.persistence.SeatBatchEntity;
import dev.nce.notification.persistence.SubscriptionCopyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The local copy of subscriptions and their seat batches, upserted from event after-states. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubscriptionCopies {

    public SubscriptionCopyEntity find(String subscriptionId) {
        return SubscriptionCopyEntity.findById(subscriptionId);
    }

    /** Stores the after-state; the EST price quoted earlier is kept while the action stays EXTENDED_SERVICE_TERM. */
    public SubscriptionCopyEntity upsert(SubscriptionSnapshot s, Instant at) {
        SubscriptionCopyEntity c = find(s.subscriptionId());
        boolean created = c == null;
        if (created) {
            c = new SubscriptionCopyEntity();
            c.subscriptionId = s.subscriptionId();
        }
        c.customerId = s.customerId();
        c.offerId = s.offerId();
        c.offerName = s.offerName();
        c.term = s.term();
        c.billing = s.billing();
        c.quantity = s.quantity();
        c.status = s.status();
        c.autoRenew = s.autoRenew();
        c.endOfTermAction = s.endOfTermAction();
        c.inExtendedServiceTerm = s.inExtendedServiceTerm();
        c.trial = s.trial();
        c.trialEndsAt = s.trialEndsAt();
        c.unitPrice = s.unitPrice();
        c.currency = s.currency();
        c.startDate = s.startDate();
        c.endDate = s.endDate();
        c.renewalDate = s.renewalDate();
        c.noticeDeadline = s.noticeDeadline();
        c.snapshotVersion = s.version();
        c.updatedAt = at;
        if (c.endOfTermAction != EndOfTermAction.EXTENDED_SERVICE_TERM) {
            c.estUnitPrice = null;
            c.estCurrency = null;
        }
        if (created) {
            c.persist();
        }
        return c;
    }

    public void quoteEstPrice(SubscriptionCopyEntity c, BigDecimal price, String currency) {
        c.estUnitPrice = price;
        c.estCurrency = price == null ? null : (currency == null ? c.currency : currency);
    }

    public void addBatch(String subscriptionId, SeatBatchInfo b) {
        if (b == null || b.batchId() == null) {
            return;
        }
        upsertBatch(subscriptionId, b.batchId(), b.sequence(), b.quantity(), b.openedAt(), b.windowEnd());
    }

    public void addBatch(String subscriptionId, BatchChange b, Instant openedAt) {
        if (b == null || b.batchId() == null) {
            return;
        }
        upsertBatch(subscriptionId, b.batchId(), null, b.quantity(), openedAt, b.windowEnd());
    }

    /** Seats removed from batches by a reduction or a cancellation (R-C5): fewer refundable seats. */
    public void removeSeats(String subscriptionId, List<BatchChange> changes) {
        if (changes == null) {
            return;
        }
        for (BatchChange change : changes) {
            SeatBatchEntity batch = SeatBatchEntity.of(subscriptionId, change.batchId());
            if (batch != null) {
                batch.remainingQuantity = Math.max(0, batch.remainingQuantity - change.quantity());
            }
        }
    }

    public TermFacts termFacts(SubscriptionCopyEntity c) {
        return new TermFacts(c.subscriptionId, c.term, c.status, c.trial, c.inExtendedServiceTerm, c.endOfTermAction,
                c.startDate, c.noticeDeadline, c.trial ? c.trialEndsAt : null);
    }

    public List<BatchFacts> batchFacts(String subscriptionId) {
        return SeatBatchEntity.ofSubscription(subscriptionId).stream()
                .map(b -> new BatchFacts(subscriptionId, b.batchId, b.remainingQuantity, b.windowEnd)).toList();
    }

    private void upsertBatch(String subscriptionId, String batchId, Integer sequence, int quantity, Instant openedAt,
                             Instant windowEnd) {
        SeatBatchEntity batch = SeatBatchEntity.of(subscriptionId, batchId);
        if (batch != null) {
            return; // a replayed batch keeps the seats already removed from it
        }
        batch = new SeatBatchEntity();
        batch.batchKey = SeatBatchEntity.key(subscriptionId, batchId);
        batch.subscriptionId = subscriptionId;
        batch.batchId = batchId;
        batch.sequence = sequence;
        batch.quantity = quantity;
        batch.remainingQuantity = quantity;
        batch.openedAt = openedAt;
        batch.windowEnd = windowEnd;
        batch.persist();
    }
}
