package dev.nce.subscription.service;

import dev.nce.contracts.events.CustomerDetails;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.subscription.domain.CurrentTerm;
import dev.nce.subscription.domain.SeatBatch;
import dev.nce.subscription.domain.SeatBatches;
import dev.nce.subscription.persistence.CustomerEntity;
import dev.nce.subscription.persistence.SeatBatchEntity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds API answers inside a transaction (refundable quantity and window need the batches and now). */
@ApplicationScoped
public class Views {

    @Inject
    SubscriptionRepository repo;

    public SubscriptionView subscription(SubscriptionEntity s, Instant now) {
        List<SeatBatchEntity> batches = repo.batches(s.id);
        SeatBatches.RefundableQuantity refundable = refundable(s, batches, now);
        Instant cancelUntil = windowsApply(s)
                ? SeatBatches.cancellationAllowedUntil(termStartBatch(s, batches), s.currentTerm(), now) : null;
        SubscriptionSnapshot snap = Snapshots.of(s);
        SubscriptionView.ScheduledChangesView scheduled = s.hasScheduledChanges
                ? new SubscriptionView.ScheduledChangesView(s.schedQuantity, s.schedTerm, s.schedBilling, s.schedOfferId,
                s.schedCustomTermEndDate) : null;
        return new SubscriptionView(s.id, s.customerId, s.offerId, s.offerName, s.term, s.billing, s.quantity, s.status,
                s.autoRenew, s.endOfTermAction, s.inExtendedServiceTerm, s.unitPrice, s.currency, s.startDate,
                s.endDate, s.originalStartDate, snap.renewalDate(), snap.noticeDeadline(), cancelUntil,
                refundable.totalQuantity(), scheduled, s.parentSubscriptionId, s.trial, s.trialEndsAt, s.promotionId,
                s.listUnitPrice, s.migratedFrom, s.createdAt, s.version, s.termStartAt, s.chargePeriodEndDate,
                snap.termYearStarts(), null, s.microsoftSubscriptionId);
    }

    /** R-C5 at {@code now}; nothing is refundable outside ACTIVE/SUSPENDED, in EST or for a trial. */
    public SeatBatches.RefundableQuantity refundable(SubscriptionEntity s, List<SeatBatchEntity> batches, Instant now) {
        if (!windowsApply(s)) {
            return new SeatBatches.RefundableQuantity(0, List.of());
        }
        List<SeatBatch> domain = batches.stream().map(SeatBatchEntity::toDomain).toList();
        return SeatBatches.refundable(domain, s.currentTerm(), s.quantity, now);
    }

    /** The batch whose window allows cancelling the whole current term (R-C4): the one opened at the term start. */
    public static SeatBatch termStartBatch(SubscriptionEntity s, List<SeatBatchEntity> batches) {
        CurrentTerm term = s.currentTerm();
        return batches.stream()
                .filter(b -> b.termStartAt.equals(term.startAt()) && b.openedAt.equals(term.startAt()))
                .map(SeatBatchEntity::toDomain).findFirst().orElse(null);
    }

    static boolean windowsApply(SubscriptionEntity s) {
        return !s.trial && !s.inExtendedServiceTerm
                && (s.status == SubscriptionStatus.ACTIVE || s.status == SubscriptionStatus.SUSPENDED);
    }

    public static CustomerView customer(CustomerEntity c) {
        CustomerDetails d = CustomerDetailsColumns.read(c);
        return new CustomerView(c.id, c.name, c.billingCurrency, c.contactEmail, externalSeats(c), c.createdAt, c.version,
                d.legalName(), d.address(), d.taxIds(), d.taxExempt(), d.paymentTermsDays(), d.microsoftTenantId(),
                d.billingContactEmails());
    }

    public static Map<String, Integer> externalSeats(CustomerEntity c) {
        if (c.externalSeats == null || c.externalSeats.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return EventJson.mapper().readValue(c.externalSeats, new TypeReference<LinkedHashMap<String, Integer>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("unreadable external seats of customer " + c.id, e);
        }
    }
}
