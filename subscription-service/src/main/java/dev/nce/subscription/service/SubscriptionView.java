package dev.nce.subscription.service;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.subscription.domain.NoticePolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription as the API answers it (API.md "Subscription"), plus additive fields: offerName, termStartAt,
 * chargePeriodEndDate, termYearStarts and, on a D7 {@code warn} answer, warnings.
 */
public record SubscriptionView(String subscriptionId, String customerId, String offerId, String offerName, Term term,
                               BillingFrequency billing, int quantity, SubscriptionStatus status, boolean autoRenew,
                               EndOfTermAction endOfTermAction, boolean inExtendedServiceTerm, BigDecimal unitPrice,
                               String currency, LocalDate startDate, LocalDate endDate, LocalDate originalStartDate,
                               LocalDate renewalDate, LocalDate noticeDeadline, Instant cancellationAllowedUntil,
                               int refundableQuantity, ScheduledChangesView scheduledChanges,
                               String parentSubscriptionId, boolean trial, Instant trialEndsAt, String promotionId,
                               BigDecimal listUnitPrice, String migratedFrom, Instant createdAt, long version,
                               Instant termStartAt, LocalDate chargePeriodEndDate, List<LocalDate> termYearStarts,
                               List<NoticePolicy.Warning> warnings, String microsoftSubscriptionId) {

    public record ScheduledChangesView(Integer quantity, Term term, BillingFrequency billing, String offerId,
                                       LocalDate customTermEndDate) {}

    public SubscriptionView withWarnings(List<NoticePolicy.Warning> list) {
        return new SubscriptionView(subscriptionId, customerId, offerId, offerName, term, billing, quantity, status,
                autoRenew, endOfTermAction, inExtendedServiceTerm, unitPrice, currency, startDate, endDate,
                originalStartDate, renewalDate, noticeDeadline, cancellationAllowedUntil, refundableQuantity,
                scheduledChanges, parentSubscriptionId, trial, trialEndsAt, promotionId, listUnitPrice, migratedFrom,
                createdAt, version, termStartAt, chargePeriodEndDate, termYearStarts,
                list == null || list.isEmpty() ? null : List.copyOf(list), microsoftSubscriptionId);
    }
}
