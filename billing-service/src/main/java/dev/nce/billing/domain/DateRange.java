package dev.nce.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** An inclusive range of UTC dates (NCE-RULES section 0: days(a..b) = b - a + 1). */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("empty range " + from + ".." + to);
        }
    }

    /** The range, or empty when {@code to} is before {@code from} (e.g. a same-day cancel, D6). */
    public static Optional<DateRange> between(LocalDate from, LocalDate to) {
        return to.isBefore(from) ? Optional.empty() : Optional.of(new DateRange(from, to));
    }

    public static long days(LocalDate from, LocalDate to) { return ChronoUnit.DAYS.between(from, to) + 1; }

    public long days() { return days(from, to); }

    public boolean contains(LocalDate date) { return !date.isBefore(from) && !date.isAfter(to); }

    public Optional<DateRange> intersect(DateRange other) {
        LocalDate start = from.isAfter(other.from) ? from : other.from;
        LocalDate end = to.isBefore(other.to) ? to : other.to;
        return between(start, end);
    }

    @Override
    public String toString() { return from + ".." + to; }
}
