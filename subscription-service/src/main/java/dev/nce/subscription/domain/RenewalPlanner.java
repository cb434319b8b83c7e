package dev.nce.subscription.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import java.time.Instant;
import java.time.LocalDate;

/**
 * R-F2 / R-F3: at the renewal instant a new term starts with the same offer, plan and quantity unless scheduled changes
 * say otherwise; the price is re-quoted for the new plan at the renewal date (R-A6) and a new window opens for the whole
 * quantity (R-C3). A scheduled customTermEndDate (coterm at renewal) shortens the new term when it lies within it.
 */
public final class RenewalPlanner {

    private RenewalPlanner() {}

    /** The next term: what it is and when. {@code applied} is the scheduled changes consumed (null when none). */
    public record RenewalPlan(String offerId, Plan plan, int quantity, Instant startAt, TermSchedule schedule,
                              ScheduledChanges applied) {}

    public static RenewalPlan plan(String offerId, Term term, BillingFrequency billing, int quantity,
                                   LocalDate currentEndDate, ScheduledChanges scheduled) {
        LocalDate start = TermDates.renewalDate(currentEndDate);
        ScheduledChanges applied = scheduled == null || scheduled.isEmpty() ? null : scheduled;
        String nextOffer = applied != null && applied.offerId() != null ? applied.offerId() : offerId;
        Term nextTerm = applied != null && applied.term() != null ? applied.term() : term;
        BillingFrequency nextBilling = applied != null && applied.billing() != null ? applied.billing() : billing;
        int nextQuantity = applied != null && applied.quantity() != null ? applied.quantity() : quantity;
        TermSchedule schedule = TermSchedule.starting(start, nextTerm);
        if (applied != null && applied.customTermEndDate() != null) {
            LocalDate custom = applied.customTermEndDate();
            if (!custom.isBefore(start) && !custom.isAfter(schedule.endDate())) {
                schedule = TermSchedule.startingUntil(start, nextTerm, custom);
            }
        }
        return new RenewalPlan(nextOffer, Plan.of(nextTerm, nextBilling), nextQuantity, TermDates.startOfDay(start),
                schedule, applied);
    }
}
