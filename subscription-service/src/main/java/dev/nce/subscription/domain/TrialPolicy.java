package dev.nce.subscription.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * R-J / D15 trials: 25 seats, 30 x 24 h, free, fixed quantity. At the end with auto-renew on the trial converts to
 * P1Y/MONTHLY (or its scheduled conversion); a mid-term conversion to itself needs at least 25 seats; into an
 * existing subscription that ends no earlier than the trial.
 */
public final class TrialPolicy {

    private TrialPolicy() {}

    public static final int SEATS = 25;
    public static final Duration LENGTH = Duration.ofHours(30 * 24);
    public static final Plan DEFAULT_CONVERSION = Plan.of(Term.P1Y, BillingFrequency.MONTHLY);

    public static Instant endsAt(Instant start) {
        return start.plus(LENGTH);
    }

    /** The trial's displayed end date: the UTC date of trialEndsAt (API.md). */
    public static LocalDate endDate(Instant start) {
        return TermDates.utcDate(endsAt(start));
    }

    /** R-J3: a mid-term conversion to a new paid term keeps at least the 25 trial seats. */
    public static void requireConversionQuantity(int quantity) {
        if (quantity < SEATS) {
            throw RuleViolation.invalidField("quantity", "a trial converts to at least " + SEATS + " seats (R-J3)");
        }
    }

    /** R-J3: the existing subscription must end no earlier than the trial. */
    public static void requireTargetEnd(LocalDate targetEnd, Instant trialEndsAt) {
        if (targetEnd.isBefore(TermDates.utcDate(trialEndsAt))) {
            throw RuleViolation.invalidState("R-J3", "the target subscription ends " + targetEnd
                    + ", before the trial's end " + TermDates.utcDate(trialEndsAt));
        }
    }

    /** R-J2 / R-J4: the paid plan at the trial's end. */
    public static Plan conversionPlan(ScheduledChanges scheduled) {
        if (scheduled == null) {
            return DEFAULT_CONVERSION;
        }
        return Plan.of(scheduled.term() == null ? DEFAULT_CONVERSION.term() : scheduled.term(),
                scheduled.billing() == null ? DEFAULT_CONVERSION.billing() : scheduled.billing());
    }

    /** R-J4: a scheduled conversion may go below 25 seats. */
    public static int conversionQuantity(ScheduledChanges scheduled) {
        return scheduled == null || scheduled.quantity() == null ? SEATS : scheduled.quantity();
    }
}
