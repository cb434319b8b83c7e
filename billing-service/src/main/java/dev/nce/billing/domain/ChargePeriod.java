package dev.nce.billing.domain;

import java.time.LocalDate;

/**
 * The period one upfront charge pays for (BL-6): the term (P1Y/ANNUAL, P3Y/TRIENNIAL) or one term year (P3Y/ANNUAL).
 * {@code fullEnd} is its full-length end, {@code actualEnd} where the term really ends (earlier for a co-termed first
 * term, R-B5). {@code daysInPeriod} counts the full length, so a shortened first term pays its share.
 */
public record ChargePeriod(LocalDate start, LocalDate fullEnd, LocalDate actualEnd, int billingMonths) {

    public int daysInPeriod() { return (int) DateRange.days(start, fullEnd); }

    /** Days charged from {@code from} (inclusive) to the actual end; 0 when nothing is left. */
    public int daysFrom(LocalDate from) {
        LocalDate begin = from.isBefore(start) ? start : from;
        return actualEnd.isBefore(begin) ? 0 : (int) DateRange.days(begin, actualEnd);
    }

    public boolean contains(LocalDate date) { return !date.isBefore(start) && !date.isAfter(fullEnd); }
}
