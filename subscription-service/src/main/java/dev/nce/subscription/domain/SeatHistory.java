package dev.nce.subscription.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * D26 demand from history: the seats a customer held of one offer in each of 12 calendar months (UTC), read from its
 * subscriptions' after-states in event order. A month's demand is the most seats held at any instant of it, because a
 * seat needed for part of a month is paid for that month on P1M too.
 */
public final class SeatHistory {

    /** One after-state: from {@code at}, subscription {@code subscriptionId} holds {@code seats} of the offer (0: none). */
    public record SeatState(Instant at, String subscriptionId, int seats) {}

    private SeatHistory() {}

    /**
     * The monthly peaks of the 12 months starting with {@code firstMonth}, counting states up to {@code now}
     * (a later month, or the rest of the current one, counts only what is known at {@code now}).
     */
    public static List<Integer> monthlyPeaks(List<SeatState> statesInOrder, YearMonth firstMonth, Instant now) {
        Map<String, Integer> held = new HashMap<>();
        List<Integer> peaks = new ArrayList<>();
        int next = 0;
        for (int m = 0; m < SeatDemand.MONTHS; m++) {
            YearMonth month = firstMonth.plusMonths(m);
            Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            // everything before the month's first instant sets the state it starts with
            while (next < statesInOrder.size() && !statesInOrder.get(next).at().isAfter(start)
                    && statesInOrder.get(next).at().isBefore(end)) {
                apply(held, statesInOrder.get(next++));
            }
            int peak = start.isBefore(now) || start.equals(now) ? total(held) : 0;
            while (next < statesInOrder.size() && statesInOrder.get(next).at().isBefore(end)) {
                SeatState state = statesInOrder.get(next++);
                if (state.at().isAfter(now)) {
                    continue;
                }
                apply(held, state);
                peak = Math.max(peak, total(held));
            }
            peaks.add(peak);
        }
        return peaks;
    }

    private static void apply(Map<String, Integer> held, SeatState state) {
        if (state.seats() > 0) {
            held.put(state.subscriptionId(), state.seats());
        } else {
            held.remove(state.subscriptionId());
        }
    }

    private static int total(Map<String, Integer> held) {
        return held.values().stream().mapToInt(Integer::intValue).sum();
    }
}
