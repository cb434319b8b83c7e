package dev.nce.notification.domain;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.time.Instant;
import java.time.LocalDate;

/** The facts of a subscription's current term that decide its reminders (D8; TRIAL_ENDING from trialEndsAt). */
public record TermFacts(String subscriptionId, Term term, SubscriptionStatus status, boolean trial,
                        boolean inExtendedServiceTerm, EndOfTermAction endOfTermAction, LocalDate startDate,
                        LocalDate noticeDeadline, Instant trialEndsAt) {

    /** Without a trial end (every subscription that is not a trial). */
    public TermFacts(String subscriptionId, Term term, SubscriptionStatus status, boolean trial,
                     boolean inExtendedServiceTerm, EndOfTermAction endOfTermAction, LocalDate startDate,
                     LocalDate noticeDeadline) {
        this(subscriptionId, term, status, trial, inExtendedServiceTerm, endOfTermAction, startDate, noticeDeadline, null);
    }
}
