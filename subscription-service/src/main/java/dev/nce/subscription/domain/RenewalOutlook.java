package dev.nce.subscription.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.Plan;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the next renewal of a term will be (API.md "Renewals and deadlines"): the outcome at the renewal instant
 * (R-F2, D17, D20 via {@link Lifecycle#atTermEnd}), and for a renewal the next term's offer, plan and quantity with the
 * scheduled changes applied (R-F3 via {@link RenewalPlanner}). The renewal price is quoted for {@link #priceItem()} at
 * {@link #renewalAt()}; {@link #monthlyDelta} is the settled (renewal - current) x next term's quantity.
 */
public record RenewalOutlook(LocalDate renewalDate, Instant renewalAt, TermEndOutcome outcome, String nextOfferId,
                             Plan nextPlan, int nextQuantity) {

    /** The term's facts the outlook needs. */
    public record TermFacts(SubscriptionStatus status, EndOfTermAction endOfTermAction, boolean renewable, String offerId,
                        Term term, BillingFrequency billing, int quantity, LocalDate startDate, LocalDate endDate,
                        ScheduledChanges scheduled) {}

    public static RenewalOutlook of(TermFacts t) {
        LocalDate renewalDate = TermDates.renewalDate(t.endDate());
        TermEndOutcome outcome = Lifecycle.atTermEnd(t.status(), t.endOfTermAction(), t.renewable(), t.startDate(),
                t.endDate());
        if (outcome == TermEndOutcome.RENEW) {
            RenewalPlanner.RenewalPlan plan = RenewalPlanner.plan(t.offerId(), t.term(), t.billing(), t.quantity(),
                    t.endDate(), t.scheduled());
            return new RenewalOutlook(renewalDate, plan.startAt(), outcome, plan.offerId(), plan.plan(), plan.quantity());
        }
        // EST keeps offer and quantity, month to month (D17); expiry and disable have no next term
        return new RenewalOutlook(renewalDate, TermDates.startOfDay(renewalDate), outcome, t.offerId(), null,
                t.quantity());
    }

    /** True when a price applies after the renewal instant: a new term or an EST month. */
    public boolean priced() {
        return outcome == TermEndOutcome.RENEW || outcome == TermEndOutcome.EXTENDED_SERVICE_TERM;
    }

    public boolean extendedServiceTerm() {
        return outcome == TermEndOutcome.EXTENDED_SERVICE_TERM;
    }

    /** API.md settled: (renewal - current) x the next term's quantity; null when there is no renewal price. */
    public static BigDecimal monthlyDelta(BigDecimal currentUnitPrice, BigDecimal renewalUnitPrice, int nextQuantity) {
        if (currentUnitPrice == null || renewalUnitPrice == null) {
            return null;
        }
        return renewalUnitPrice.subtract(currentUnitPrice).multiply(BigDecimal.valueOf(nextQuantity));
    }
}
