package dev.nce.billing.domain;

import dev.nce.contracts.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** A calendar month that is invoiced (BL-1, D12), written {@code YYYY-MM}. */
public record BillingPeriod(YearMonth month) implements Comparable<BillingPeriod> {

    /** No platform billing month lies before this year. */
    public static final int FIRST_YEAR = 1970;
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    public static BillingPeriod of(int year, int month) { return new BillingPeriod(YearMonth.of(year, month)); }

    public static BillingPeriod containing(LocalDate date) { return new BillingPeriod(YearMonth.from(date)); }

    /** Parses a request value; anything but a valid {@code YYYY-MM} is 400 validation-failed naming {@code field}. */
    public static BillingPeriod parse(String text, String field) {
        if (text == null || !FORMAT.matcher(text.trim()).matches()) {
            throw RuleViolation.invalidField(field, field + " must be a month written YYYY-MM");
        }
        if (Integer.parseInt(text.trim().substring(0, 4)) < FIRST_YEAR) {
            // issue 15 item 15: 0000-01 is no billing month of this platform
            throw RuleViolation.invalidField(field, field + " must be a month from " + FIRST_YEAR + "-01 on");
        }
        try {
            return new BillingPeriod(YearMonth.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalidField(field, field + " must be a month written YYYY-MM");
        }
    }

    public LocalDate firstDay() { return month.atDay(1); }

    public LocalDate lastDay() { return month.atEndOfMonth(); }

    public int days() { return month.lengthOfMonth(); }

    public DateRange range() { return new DateRange(firstDay(), lastDay()); }

    /** The first instant of the month (00:00Z of the 1st). */
    public Instant startInstant() { return firstDay().atStartOfDay(ZoneOffset.UTC).toInstant(); }

    /** The end of the month: the first instant of the next month (exclusive). */
    public Instant endInstant() { return next().startInstant(); }

    public BillingPeriod next() { return new BillingPeriod(month.plusMonths(1)); }

    public BillingPeriod previous() { return new BillingPeriod(month.minusMonths(1)); }

    public boolean contains(LocalDate date) { return YearMonth.from(date).equals(month); }

    public boolean isBefore(BillingPeriod other) { return month.isBefore(other.month); }

    public boolean isAfter(BillingPeriod other) { return month.isAfter(other.month); }

    @Override
    public int compareTo(BillingPeriod other) { return month.compareTo(other.month); }

    @Override
    public String toString() { return month.toString(); }
}
