package dev.nce.subscription.domain;

import java.util.List;

/** D26: the seats needed in each of the 12 months of one commitment year, month 1 first. */
public record SeatDemand(List<Integer> seats) {

    public static final int MONTHS = 12;

    public SeatDemand {
        if (seats == null || seats.size() != MONTHS) {
            throw new IllegalArgumentException("a demand has exactly " + MONTHS + " months");
        }
        if (seats.stream().anyMatch(s -> s == null || s < 0)) {
            throw new IllegalArgumentException("seats are never negative");
        }
        seats = List.copyOf(seats);
    }

    public static SeatDemand of(int... seats) {
        return new SeatDemand(java.util.Arrays.stream(seats).boxed().toList());
    }

    public int peak() {
        return seats.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Seat-months above {@code base}: what a P1M top-up over {@code base} committed seats pays for. */
    public long seatMonthsAbove(int base) {
        return seats.stream().mapToLong(s -> Math.max(s - base, 0)).sum();
    }

    /** The largest monthly need above {@code base}: the P1M seats held at the busiest month. */
    public int peakAbove(int base) {
        return Math.max(peak() - base, 0);
    }

    /**
     * Seat-months bought by P1Y seats that are only ever increased mid-term: each month pays for the highest need so
     * far, because seats added mid-term stay until the term ends (R-C5 window aside, a reduction waits for renewal).
     */
    public long runningPeakSeatMonths() {
        long sum = 0;
        int high = 0;
        for (int s : seats) {
            high = Math.max(high, s);
            sum += high;
        }
        return sum;
    }
}
