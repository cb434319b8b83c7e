package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DESIGN.md section 6: the SIMULATED clock at start-up. */
class ClockStartPlanTest {

    static final Instant TODAY = Instant.parse("2026-12-02T00:00:00Z");

    @ParameterizedTest(name = "stored={0} configured={1} -> {2} {3}")
    @CsvSource(nullValues = "-", value = {
            // empty database: the configured start, else today
            "-, 2022-01-01T00:00:00Z, START_AT, 2022-01-01T00:00:00Z",
            "-, -, START_AT, 2026-12-02T00:00:00Z",
            // restart: the stored clock wins; a later --clock advances to it
            "2023-05-01T00:00:00Z, -, RESTORE, 2023-05-01T00:00:00Z",
            "2023-05-01T00:00:00Z, 2023-05-01T00:00:00Z, RESTORE, 2023-05-01T00:00:00Z",
            "2023-05-01T00:00:00Z, 2024-01-01T00:00:00Z, RESTORE_AND_ADVANCE, 2024-01-01T00:00:00Z",
            // an earlier --clock refuses to start
            "2023-05-01T00:00:00Z, 2022-01-01T00:00:00Z, REFUSE, 2023-05-01T00:00:00Z",
    })
    void design_6_clock_survives_a_restart(Instant stored, Instant configured, ClockStartPlan.Action action, Instant instant) {
        ClockStartPlan plan = ClockStartPlan.decide(Optional.ofNullable(stored), Optional.ofNullable(configured), TODAY);
        assertThat(plan.action()).isEqualTo(action);
        assertThat(plan.instant()).isEqualTo(instant);
        if (action == ClockStartPlan.Action.REFUSE) {
            assertThat(plan.message()).isEqualTo(
                    "clock is already at 2023-05-01T00:00:00Z; refusing --clock 2022-01-01T00:00:00Z (use --fresh)");
        }
    }
}
