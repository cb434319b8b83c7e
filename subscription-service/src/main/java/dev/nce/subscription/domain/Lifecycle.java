package dev.nce.subscription.domain;

import dev.nce.contracts.ExtendedServiceTermScope;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** R-H2 transitions and the D10 / D15 / D17 / D20 timings. */
public final class Lifecycle {

    /** D10: EXPIRED -> DISABLED after 30 d for P1Y and P3Y. */
    public static final Duration GRACE_LONG_TERM = Duration.ofDays(30);
    /** D10 [S003]: EXPIRED -> DISABLED after 7 d for P1M (and trials, D15). */
    public static final Duration GRACE_MONTHLY = Duration.ofDays(7);
    /** D10: DISABLED -> DELETED after 90 d. */
    public static final Duration RETENTION = Duration.ofDays(90);

    private Lifecycle() {}

    /**
     * What happens at the renewal instant of a term {@code [termStart, termEnd]}: a SUSPENDED subscription expires
     * (D20); RENEW renews unless the offer is not renewable (then CANCEL in EST scope, EXPIRE outside, D17);
     * EXTENDED_SERVICE_TERM enters EST in scope and expires outside it; CANCEL disables; EXPIRE expires.
     */
    public static TermEndOutcome atTermEnd(SubscriptionStatus status, EndOfTermAction action, boolean renewable,
                                           LocalDate termStart, LocalDate termEnd) {
        if (status == SubscriptionStatus.SUSPENDED) {
            return TermEndOutcome.EXPIRE;
        }
        if (status != SubscriptionStatus.ACTIVE) {
            throw new IllegalStateException("no term end for a " + status + " subscription");
        }
        boolean inScope = ExtendedServiceTermScope.covers(termStart, termEnd);
        EndOfTermAction effective = action;
        if (!renewable && (action == EndOfTermAction.RENEW || action == EndOfTermAction.EXTENDED_SERVICE_TERM)) {
            effective = inScope ? EndOfTermAction.CANCEL : EndOfTermAction.EXPIRE;
        }
        switch (effective) {
            case RENEW:
                return TermEndOutcome.RENEW;
            case EXTENDED_SERVICE_TERM:
                return inScope ? TermEndOutcome.EXTENDED_SERVICE_TERM : TermEndOutcome.EXPIRE;
            case CANCEL:
                return TermEndOutcome.DISABLE;
            default:
                return TermEndOutcome.EXPIRE;
        }
    }

    /** D10 / D15: the grace of an EXPIRED subscription: 7 d for P1M and trials, 30 d for P1Y and P3Y. */
    public static Duration grace(Term term, boolean trial) {
        return trial || term == Term.P1M ? GRACE_MONTHLY : GRACE_LONG_TERM;
    }

    public static Instant disableAt(Instant expiredAt, Term term, boolean trial) {
        return expiredAt.plus(grace(term, trial));
    }

    public static Instant deleteAt(Instant disabledAt) {
        return disabledAt.plus(RETENTION);
    }
}
