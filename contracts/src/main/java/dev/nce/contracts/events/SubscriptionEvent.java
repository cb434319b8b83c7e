package dev.nce.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Events of nce.subscription.events.v1 (key customerId), DESIGN.md section 5. Payloads carry after-state and dates. */
public sealed interface SubscriptionEvent {

    /** {@code details}: the invoicing master data (null in events written before it existed). */
    record CustomerCreated(String customerId, String name, String billingCurrency, String contactEmail,
                           Map<String, Integer> externalSeats, CustomerDetails details) implements SubscriptionEvent {

        public CustomerCreated(String customerId, String name, String billingCurrency, String contactEmail,
                               Map<String, Integer> externalSeats) {
            this(customerId, name, billingCurrency, contactEmail, externalSeats, null);
        }
    }

    /** {@code details}: the invoicing master data after the change (null in events written before it existed). */
    record CustomerUpdated(String customerId, String name, String billingCurrency, String contactEmail,
                           Map<String, Integer> externalSeats, CustomerDetails details) implements SubscriptionEvent {

        public CustomerUpdated(String customerId, String name, String billingCurrency, String contactEmail,
                               Map<String, Integer> externalSeats) {
            this(customerId, name, billingCurrency, contactEmail, externalSeats, null);
        }
    }

    /** A purchase (also a partial-upgrade child, a migration or a trial start): the first term and its batch. */
    record SubscriptionCreated(SubscriptionSnapshot subscription, SeatBatchInfo batch, String origin,
                               String migratedFrom) implements SubscriptionEvent {}

    record QuantityChanged(SubscriptionSnapshot subscription, int previousQuantity, int newQuantity,
                           List<BatchChange> batchesAdded, List<BatchChange> batchesReduced) implements SubscriptionEvent {}

    record SubscriptionSuspended(SubscriptionSnapshot subscription) implements SubscriptionEvent {}

    record SubscriptionResumed(SubscriptionSnapshot subscription) implements SubscriptionEvent {}

    /** autoRenew / endOfTermAction changed; estUnitPrice is the EST price quoted at that moment (EXPIRY_UPCOMING). */
    record EndOfTermActionChanged(SubscriptionSnapshot subscription, boolean autoRenew,
                                  dev.nce.contracts.EndOfTermAction endOfTermAction, BigDecimal estUnitPrice,
                                  String estCurrency) implements SubscriptionEvent {}

    record ScheduledChangesSet(SubscriptionSnapshot subscription, ScheduledChangesInfo changes) implements SubscriptionEvent {}

    record ScheduledChangesCleared(SubscriptionSnapshot subscription, String reason) implements SubscriptionEvent {}

    record SubscriptionRenewed(SubscriptionSnapshot subscription, TermPeriod previousTerm, SeatBatchInfo batch,
                               ScheduledChangesInfo appliedChanges) implements SubscriptionEvent {}

    /** R-G1 mid-term lengthening: the new term starts on changeDate; the old term's charge ends the day before. */
    record TermLengthened(SubscriptionSnapshot subscription, TermPeriod previousTerm,
                          dev.nce.contracts.Term previousTermLength, dev.nce.contracts.BillingFrequency previousBilling,
                          BigDecimal previousUnitPrice, LocalDate changeDate, SeatBatchInfo batch) implements SubscriptionEvent {}

    /**
     * R-I3/R-I4/R-I6: source and target after the upgrade, seats moved on upgradeDate (which belongs to the target).
     * {@code sourceBatchesReduced} names the source batches the moved seats left (empty for an in-place full upgrade,
     * null in events written before it existed), so consumers know which windows no longer hold refundable seats.
     */
    record SubscriptionUpgraded(SubscriptionSnapshot source, SubscriptionSnapshot target, int movedQuantity,
                                LocalDate upgradeDate, boolean fullUpgrade, boolean targetCreated,
                                String sourceOfferId, BigDecimal sourceUnitPrice,
                                List<SeatBatchInfo> targetBatches, List<BatchChange> sourceBatchesReduced)
            implements SubscriptionEvent {}

    /** R-C4/R-C6: cancelled inside the window (or in EST); removed seats by batch for BL-7 credits. */
    record SubscriptionCancelled(SubscriptionSnapshot subscription, Instant cancelledAt,
                                 List<BatchChange> batchesRemoved) implements SubscriptionEvent {}

    record SubscriptionExpired(SubscriptionSnapshot subscription, TermPeriod endedTerm) implements SubscriptionEvent {}

    record SubscriptionDisabled(SubscriptionSnapshot subscription, TermPeriod endedTerm) implements SubscriptionEvent {}

    record SubscriptionDeleted(SubscriptionSnapshot subscription) implements SubscriptionEvent {}

    /** D17: the term ended into EST; the first EST month and its price. */
    record ExtendedTermStarted(SubscriptionSnapshot subscription, TermPeriod endedTerm, LocalDate monthStart,
                               LocalDate monthEnd, BigDecimal unitPrice) implements SubscriptionEvent {}

    record ExtendedTermMonthStarted(SubscriptionSnapshot subscription, LocalDate monthStart, LocalDate monthEnd,
                                    BigDecimal unitPrice) implements SubscriptionEvent {}

    /** /renew from EST or EXPIRED (D10, D17): a new term from that instant. */
    record SubscriptionReactivated(SubscriptionSnapshot subscription, TermPeriod previousTerm,
                                   SeatBatchInfo batch) implements SubscriptionEvent {}

    /** R-J: a trial converted (into itself as a paid subscription, or into an existing target). */
    record TrialConverted(SubscriptionSnapshot source, SubscriptionSnapshot target, int quantity,
                          Instant convertedAt, SeatBatchInfo batch) implements SubscriptionEvent {}

    /** DESIGN.md section 3: every event of this partition with effectiveAt < upTo precedes this record. */
    record Watermark(Instant upTo, int partition) implements SubscriptionEvent {}

    /** D25: the partner linked (or unlinked: null) the Partner Center subscription this one resells. */
    record SubscriptionLinked(SubscriptionSnapshot subscription, String previousMicrosoftSubscriptionId)
            implements SubscriptionEvent {}

    record UnknownSubscriptionEvent(String type, JsonNode payload) implements SubscriptionEvent {}

    EventFamily<SubscriptionEvent> FAMILY = new EventFamily<>(List.of(
            CustomerCreated.class, CustomerUpdated.class, SubscriptionCreated.class, QuantityChanged.class,
            SubscriptionSuspended.class, SubscriptionResumed.class, EndOfTermActionChanged.class,
            ScheduledChangesSet.class, ScheduledChangesCleared.class, SubscriptionRenewed.class, TermLengthened.class,
            SubscriptionUpgraded.class, SubscriptionCancelled.class, SubscriptionExpired.class,
            SubscriptionDisabled.class, SubscriptionDeleted.class, ExtendedTermStarted.class,
            ExtendedTermMonthStarted.class, SubscriptionReactivated.class, TrialConverted.class, Watermark.class,
            SubscriptionLinked.class),
            UnknownSubscriptionEvent::new);

    static SubscriptionEvent decode(EventEnvelope envelope) { return FAMILY.decode(envelope); }
}
