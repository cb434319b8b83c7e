package dev.nce.subscription.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import dev.nce.contracts.TermDates;

/**
 * What falls due for one subscription in [from, to] (API.md "Renewals and deadlines", settled dueAt per kind):
 * WINDOW_CLOSING at each open batch's window end with its refundable seats (R-C5); NOTICE_DEADLINE at 00:00Z of the day
 * after the D7 deadline; SCHEDULED_CHANGE_LOCK 24 h before the renewal instant and RENEWAL at it (a renewal ahead);
 * EST_START at the renewal instant when the term ends in an extended service term (D17); TRIAL_ENDING at trialEndsAt.
 */
public final class Deadlines {

    /** Scheduled changes lock this long before the renewal instant (renewals run from 00:00Z, up to 24 h). */
    public static final Duration SCHEDULED_CHANGE_LOCK_LEAD = Duration.ofHours(24);

    public enum Kind { WINDOW_CLOSING, NOTICE_DEADLINE, SCHEDULED_CHANGE_LOCK, TRIAL_ENDING, RENEWAL, EST_START }

    public record Deadline(Kind kind, Instant dueAt, String subscriptionId, String customerId, String batchId,
                           Integer refundableQuantity) {}

    /**
     * One subscription's facts: {@code outlook} null when no term end lies ahead (trial, EST month, ended);
     * {@code noticeDeadline} null where D7 does not apply; {@code refundable} the open windows at now.
     */
    public record Facts(String subscriptionId, String customerId, Instant trialEndsAt, LocalDate noticeDeadline,
                        RenewalOutlook outlook, List<SeatBatches.Refundable> refundable) {}

    public static final Comparator<Deadline> ORDER = Comparator.comparing(Deadline::dueAt)
            .thenComparing(Deadline::kind).thenComparing(Deadline::subscriptionId)
            .thenComparing(d -> d.batchId() == null ? "" : d.batchId());

    private Deadlines() {}

    /** The deadlines of {@code f} with dueAt in [from, to], by dueAt. */
    public static List<Deadline> between(Facts f, Instant from, Instant to) {
        List<Deadline> all = new ArrayList<>();
        for (SeatBatches.Refundable r : f.refundable()) {
            if (r.quantity() > 0) {
                all.add(new Deadline(Kind.WINDOW_CLOSING, r.allowedUntil(), f.subscriptionId(), f.customerId(),
                        r.batchId(), r.quantity()));
            }
        }
        if (f.noticeDeadline() != null) {
            all.add(plain(Kind.NOTICE_DEADLINE, TermDates.startOfDay(f.noticeDeadline().plusDays(1)), f));
        }
        if (f.trialEndsAt() != null) {
            all.add(plain(Kind.TRIAL_ENDING, f.trialEndsAt(), f));
        }
        RenewalOutlook outlook = f.outlook();
        if (outlook != null && outlook.outcome() == TermEndOutcome.RENEW) {
            all.add(plain(Kind.SCHEDULED_CHANGE_LOCK, outlook.renewalAt().minus(SCHEDULED_CHANGE_LOCK_LEAD), f));
            all.add(plain(Kind.RENEWAL, outlook.renewalAt(), f));
        } else if (outlook != null && outlook.extendedServiceTerm()) {
            all.add(plain(Kind.EST_START, outlook.renewalAt(), f));
        }
        return all.stream().filter(d -> !d.dueAt().isBefore(from) && !d.dueAt().isAfter(to)).sorted(ORDER).toList();
    }

    private static Deadline plain(Kind kind, Instant dueAt, Facts f) {
        return new Deadline(kind, dueAt, f.subscriptionId(), f.customerId(), null, null);
    }
}
