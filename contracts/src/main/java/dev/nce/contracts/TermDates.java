package dev.nce.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Term date arithmetic, decision D3 / rule R-B2: {@code endDate = addMonths(startDate, n) - 1 day}, where addMonths
 * clamps the day of month (like .NET AddMonths), end inclusive; {@code renewalDate = endDate + 1}; the renewal instant
 * is renewalDate 00:00Z. Month-end anchors drift because each term computes from its own start.
 */
public final class TermDates {

    private TermDates() {}

    /** addMonths with the day of month clamped to the target month's length (java.time already clamps). */
    public static LocalDate addMonths(LocalDate date, long months) {
        return date.plusMonths(months);
    }

    /** D3: the inclusive last day of a term of {@code months} months starting on {@code start}. */
    public static LocalDate endDate(LocalDate start, int months) {
        return addMonths(start, months).minusDays(1);
    }

    public static LocalDate endDate(LocalDate start, Term term) {
        return endDate(start, term.months());
    }

    /** D3: the first day of the next term. */
    public static LocalDate renewalDate(LocalDate endDate) {
        return endDate.plusDays(1);
    }

    /** D3 / R-B3: the renewal instant is the renewal date at 00:00Z. */
    public static Instant renewalInstant(LocalDate endDate) {
        return startOfDay(renewalDate(endDate));
    }

    /** Inclusive number of days from {@code from} to {@code to} (NCE-RULES section 0: days(a..b) = b - a + 1). */
    public static long daysInclusive(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** D16: a date is a UTC calendar date. */
    public static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
