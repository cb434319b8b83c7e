package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.subscription.domain.SeatHistory.SeatState;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatHistoryTest {

    static final YearMonth JAN = YearMonth.of(2027, 1);
    static final Instant NOW = Instant.parse("2027-12-20T00:00:00Z");

    @Test
    void d26_aMonthsDemandIsTheMostSeatsHeldAtAnyInstantOfIt() {
        List<SeatState> states = List.of(
                new SeatState(Instant.parse("2026-11-03T10:00:00Z"), "a", 10),   // before the window: sets the start
                new SeatState(Instant.parse("2027-02-10T00:00:00Z"), "a", 15),
                new SeatState(Instant.parse("2027-02-20T00:00:00Z"), "a", 12),   // February's peak stays 15
                new SeatState(Instant.parse("2027-04-01T00:00:00Z"), "b", 5),    // at April's first instant
                new SeatState(Instant.parse("2027-06-15T00:00:00Z"), "a", 0),    // cancelled, upgraded away, expired
                new SeatState(Instant.parse("2027-12-25T00:00:00Z"), "b", 40));  // after now: not known yet
        assertThat(SeatHistory.monthlyPeaks(states, JAN, NOW))
                .containsExactly(10, 15, 12, 17, 17, 17, 5, 5, 5, 5, 5, 5);
    }

    @Test
    void d26_noHistory_isTwelveZeroMonths() {
        assertThat(SeatHistory.monthlyPeaks(List.of(), JAN, NOW)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
