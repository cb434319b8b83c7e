package dev.nce.subscription.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * D4 / R-C1 / R-C2: the cancellation window opened by an event at instant {@code p} is {@code [p, p + W(p))}, end
 * exclusive, where W is effective-dated: 72 h for events before 2022-03-12T00:00Z, 168 h from then on. Modelled as a
 * list of effective-dated periods (not an if-statement) so a further policy change is one more entry.
 */
public final class CancellationWindowPolicy {

    /** One window length in force from {@code effectiveFrom} (inclusive) until the next period starts. */
    public record Period(Instant effectiveFrom, Duration length) {}

    /** R-C1: orders from this instant on got 168 h (retroactively; the change itself took effect 2022-03-19). */
    public static final Instant SEVEN_DAY_WINDOW_FROM = Instant.parse("2022-03-12T00:00:00Z");

    /** The NCE policy: 72 h since launch, 168 h for events from 2022-03-12T00:00Z. */
    public static final CancellationWindowPolicy NCE = new CancellationWindowPolicy(List.of(
            new Period(Instant.MIN, Duration.ofHours(72)),
            new Period(SEVEN_DAY_WINDOW_FROM, Duration.ofHours(168))));

    private final List<Period> periods;

    public CancellationWindowPolicy(List<Period> periods) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a window policy needs at least one period");
        }
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Period::effectiveFrom));
        this.periods = List.copyOf(sorted);
    }

    /** W(p): the window length for an event at {@code p}. */
    public Duration lengthAt(Instant p) {
        Period inForce = periods.get(0);
        for (Period period : periods) {
            if (!period.effectiveFrom().isAfter(p)) {
                inForce = period;
            }
        }
        return inForce.length();
    }

    /** The exclusive end {@code p + W(p)} of the window opened at {@code p}. */
    public Instant windowEnd(Instant p) {
        return p.plus(lengthAt(p));
    }

    /** R-C2: {@code t} is inside {@code [openedAt, end)}. */
    public static boolean isInside(Instant openedAt, Instant end, Instant t) {
        return !t.isBefore(openedAt) && t.isBefore(end);
    }
}
