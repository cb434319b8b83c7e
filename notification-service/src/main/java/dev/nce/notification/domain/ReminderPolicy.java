package dev.nce.notification.domain;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * D8 reminder times, one named strategy (its constants are configuration with these defaults):
 * with end-of-term action RENEW, NOTICE_UPCOMING at {@code noticeDeadline - 7 d} (P1Y, P3Y) or {@code - 3 d} (P1M)
 * and NOTICE_DEADLINE on the deadline date, both at 09:00 UTC; with any other action one EXPIRY_UPCOMING at the
 * NOTICE_UPCOMING instant. A past instant may still be sent until the deadline has passed
 * ({@code noticeDeadline + 1 day at 00:00Z}). WINDOW_CLOSING 24 h before a batch's window closes, while the batch has
 * seats and the subscription is ACTIVE.
 */
public record ReminderPolicy(LocalTime sendTime, int upcomingLeadDays, int upcomingLeadDaysMonthly,
                             Duration windowAlertLead) {

    public static final ReminderPolicy D8 = new ReminderPolicy(LocalTime.of(9, 0), 7, 3, Duration.ofHours(24));

    /** D8: the NOTICE_UPCOMING (and EXPIRY_UPCOMING) instant. */
    public Instant upcomingAt(Term term, LocalDate noticeDeadline) {
        int lead = term == Term.P1M ? upcomingLeadDaysMonthly : upcomingLeadDays;
        return at(noticeDeadline.minusDays(lead));
    }

    /** D8: the NOTICE_DEADLINE instant, on the deadline date. */
    public Instant deadlineAt(LocalDate noticeDeadline) {
        return at(noticeDeadline);
    }

    /** D8: a reminder whose instant is past is still sent while now is before this (the deadline has not passed). */
    public static Instant sendUntil(LocalDate noticeDeadline) {
        return TermDates.startOfDay(noticeDeadline.plusDays(1));
    }

    /**
     * The term reminders the current term wants. None without a notice deadline (trials, EST months: D15, D17), in
     * EST, for trials, or when the subscription has ended (R-N3: nothing for deleted, disabled, expired).
     */
    public List<PlannedNotification> termReminders(TermFacts t) {
        if (t.noticeDeadline() == null || t.trial() || t.inExtendedServiceTerm() || t.startDate() == null
                || !(t.status() == SubscriptionStatus.ACTIVE || t.status() == SubscriptionStatus.SUSPENDED)) {
            return List.of();
        }
        Instant until = sendUntil(t.noticeDeadline());
        Instant upcoming = upcomingAt(t.term(), t.noticeDeadline());
        if (t.endOfTermAction() == EndOfTermAction.RENEW) {
            return List.of(
                    new PlannedNotification(NotificationKey.forTerm(NotificationKind.NOTICE_UPCOMING, t.subscriptionId(),
                            t.startDate()), upcoming, until),
                    new PlannedNotification(NotificationKey.forTerm(NotificationKind.NOTICE_DEADLINE, t.subscriptionId(),
                            t.startDate()), deadlineAt(t.noticeDeadline()), until));
        }
        return List.of(new PlannedNotification(NotificationKey.forTerm(NotificationKind.EXPIRY_UPCOMING,
                t.subscriptionId(), t.startDate()), upcoming, until));
    }

    /** D8 WINDOW_CLOSING of one batch: 24 h before its window closes, while it has seats and the subscription is ACTIVE. */
    public Optional<PlannedNotification> windowClosing(BatchFacts batch, SubscriptionStatus status, boolean trial) {
        return windowClosing(batch, status, trial, null);
    }

    /** As above, the row carrying {@code termStartDate}, the start of the term the batch was bought in (API.md). */
    public Optional<PlannedNotification> windowClosing(BatchFacts batch, SubscriptionStatus status, boolean trial,
                                                       LocalDate termStartDate) {
        if (trial || status != SubscriptionStatus.ACTIVE || batch.remainingQuantity() <= 0 || batch.windowEnd() == null) {
            return Optional.empty();
        }
        Instant due = windowAlertAt(batch.windowEnd());
        // sendUntil = dueAt: an alert whose instant is already past is skipped, never sent late (D8)
        return Optional.of(new PlannedNotification(NotificationKey.forBatch(batch.subscriptionId(), batch.batchId(),
                termStartDate), due, due));
    }

    public Instant windowAlertAt(Instant windowEnd) {
        return windowEnd.minus(windowAlertLead);
    }

    /** The days before trialEndsAt on whose date TRIAL_ENDING goes out at the send time (API.md, 2026-12-07). */
    public static final int TRIAL_ENDING_LEAD_DAYS = 7;

    /**
     * TRIAL_ENDING: 09:00Z on the date seven days before trialEndsAt, once per trial (keyed by the trial's start date),
     * while the trial is ACTIVE; a past instant is still sent until the trial has ended.
     */
    public Optional<PlannedNotification> trialEnding(TermFacts t) {
        if (!t.trial() || t.trialEndsAt() == null || t.startDate() == null || t.status() != SubscriptionStatus.ACTIVE) {
            return Optional.empty();
        }
        Instant due = at(LocalDate.ofInstant(t.trialEndsAt(), ZoneOffset.UTC).minusDays(TRIAL_ENDING_LEAD_DAYS));
        return Optional.of(new PlannedNotification(NotificationKey.forTerm(NotificationKind.TRIAL_ENDING,
                t.subscriptionId(), t.startDate()), due, t.trialEndsAt()));
    }

    /** Everything the subscription's current state wants: its term reminders and one WINDOW_CLOSING per batch. */
    public List<PlannedNotification> plan(TermFacts term, List<BatchFacts> batches) {
        List<PlannedNotification> all = new java.util.ArrayList<>(termReminders(term));
        trialEnding(term).ifPresent(all::add);
        for (BatchFacts batch : batches) {
            // a row is written when its batch first appears, in the term the batch was bought in (issue 15 item 16)
            windowClosing(batch, term.status(), term.trial(), term.startDate()).ifPresent(all::add);
        }
        return all;
    }

    private Instant at(LocalDate date) {
        return date.atTime(sendTime).toInstant(ZoneOffset.UTC);
    }
}
