package dev.nce.contracts.events;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription's after-state as carried by subscription events, with every computed date (DESIGN.md section 1:
 * consumers never recompute them). {@code unitPrice} is the locked per-seat monthly price in {@code currency} (the
 * pricing currency); {@code termStartAt} is the instant the current term (or EST month) started;
 * {@code termYearStarts} are the P3Y/ANNUAL year starts (BL-6), empty otherwise; {@code chargePeriodEndDate} is the
 * default (full-length) end of the current term, which differs from endDate only for a co-termed first term (R-B5).
 * With a promotion (R-K): {@code unitPrice} is the discounted price, {@code listUnitPrice} the regular one; seats above
 * {@code promotionMaxSeats} (R-K3) and every seat after {@code discountUntil} (R-K7) pay {@code listUnitPrice}.
 * {@code microsoftSubscriptionId} is the Partner Center subscription this one resells (D25 reconciliation), null
 * until the partner links it.
 */
public record SubscriptionSnapshot(
        String subscriptionId,
        String customerId,
        String offerId,
        String offerName,
        String capGroup,
        Term term,
        BillingFrequency billing,
        int quantity,
        SubscriptionStatus status,
        boolean autoRenew,
        EndOfTermAction endOfTermAction,
        boolean inExtendedServiceTerm,
        BigDecimal unitPrice,
        String currency,
        BigDecimal listUnitPrice,
        String promotionId,
        LocalDate discountUntil,
        Integer promotionMaxSeats,
        Instant termStartAt,
        LocalDate startDate,
        LocalDate endDate,
        LocalDate chargePeriodEndDate,
        LocalDate originalStartDate,
        LocalDate renewalDate,
        LocalDate noticeDeadline,
        List<LocalDate> termYearStarts,
        boolean trial,
        Instant trialEndsAt,
        String parentSubscriptionId,
        long version,
        String microsoftSubscriptionId) {

    /** A snapshot not linked to a Microsoft subscription. */
    public SubscriptionSnapshot(String subscriptionId, String customerId, String offerId, String offerName,
                                String capGroup, Term term, BillingFrequency billing, int quantity,
                                SubscriptionStatus status, boolean autoRenew, EndOfTermAction endOfTermAction,
                                boolean inExtendedServiceTerm, BigDecimal unitPrice, String currency,
                                BigDecimal listUnitPrice, String promotionId, LocalDate discountUntil,
                                Integer promotionMaxSeats, Instant termStartAt, LocalDate startDate, LocalDate endDate,
                                LocalDate chargePeriodEndDate, LocalDate originalStartDate, LocalDate renewalDate,
                                LocalDate noticeDeadline, List<LocalDate> termYearStarts, boolean trial,
                                Instant trialEndsAt, String parentSubscriptionId, long version) {
        this(subscriptionId, customerId, offerId, offerName, capGroup, term, billing, quantity, status, autoRenew,
                endOfTermAction, inExtendedServiceTerm, unitPrice, currency, listUnitPrice, promotionId, discountUntil,
                promotionMaxSeats, termStartAt, startDate, endDate, chargePeriodEndDate, originalStartDate,
                renewalDate, noticeDeadline, termYearStarts, trial, trialEndsAt, parentSubscriptionId, version, null);
    }
}
