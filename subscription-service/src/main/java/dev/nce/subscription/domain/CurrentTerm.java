package dev.nce.subscription.domain;

import dev.nce.contracts.TermDates;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The term a subscription is in: the instant it started (purchase, renewal or EST month start) and its inclusive dates
 * (D3). Its batches' windows end at the latest when the term ends ({@link #endExclusive()}, R-C5).
 */
public record CurrentTerm(Instant startAt, LocalDate startDate, LocalDate endDate) {

    /** The first instant after the term: renewalDate 00:00Z (D3). */
    public Instant endExclusive() {
        return TermDates.renewalInstant(endDate);
    }

    public LocalDate renewalDate() {
        return TermDates.renewalDate(endDate);
    }
}
