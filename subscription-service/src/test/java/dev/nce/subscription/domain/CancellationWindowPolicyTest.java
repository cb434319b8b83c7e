package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CancellationWindowPolicyTest {

    private final CancellationWindowPolicy policy = CancellationWindowPolicy.NCE;

    @ParameterizedTest(name = "R-C1 p={0}: W={1}h, end {2}")
    @CsvSource({
            // the boundary pair of R-C1
            "2022-03-11T23:59:59Z, 72, 2022-03-14T23:59:59Z",
            "2022-03-12T00:00:00Z, 168, 2022-03-19T00:00:00Z",
            // NCE GA and just after the cutoff
            "2022-01-10T00:00:00Z, 72, 2022-01-13T00:00:00Z",
            "2022-03-12T00:00:01Z, 168, 2022-03-19T00:00:01Z",
            // S003: purchased 11:00 on 15 Mar 2022 -> until the same time on 22 Mar
            "2022-03-15T11:00:00Z, 168, 2022-03-22T11:00:00Z",
            // S003: bought 1 PM on 4 Mar 2022: before the cutoff, so Microsoft's 72 h wins (section 4 #5)
            "2022-03-04T13:00:00Z, 72, 2022-03-07T13:00:00Z",
            // S003: renewal at midnight on 15 May -> until 11:59 PM on 21 May, i.e. [15 May 00:00, 22 May 00:00)
            "2022-05-15T00:00:00Z, 168, 2022-05-22T00:00:00Z",
    })
    void r_c1_d4_window_length_is_effective_dated(Instant p, long hours, Instant end) {
        assertThat(policy.lengthAt(p)).isEqualTo(Duration.ofHours(hours));
        assertThat(policy.windowEnd(p)).isEqualTo(end);
    }

    @ParameterizedTest(name = "R-C2 window from {0}: t={1} inside={2}")
    @CsvSource({
            "2022-03-15T11:00:00Z, 2022-03-15T11:00:00Z, true",
            "2022-03-15T11:00:00Z, 2022-03-15T10:59:59Z, false",
            "2022-03-15T11:00:00Z, 2022-03-22T10:59:59Z, true",
            "2022-03-15T11:00:00Z, 2022-03-22T11:00:00Z, false",
            "2022-05-15T00:00:00Z, 2022-05-21T23:59:59Z, true",
            "2022-05-15T00:00:00Z, 2022-05-22T00:00:00Z, false",
            "2022-03-11T23:59:59Z, 2022-03-14T23:59:58Z, true",
            "2022-03-11T23:59:59Z, 2022-03-14T23:59:59Z, false",
    })
    void r_c2_window_end_is_exclusive(Instant p, Instant t, boolean inside) {
        assertThat(CancellationWindowPolicy.isInside(p, policy.windowEnd(p), t)).isEqualTo(inside);
    }

    @Test
    void d4_a_further_policy_period_is_one_more_entry() {
        CancellationWindowPolicy extended = new CancellationWindowPolicy(List.of(
                new CancellationWindowPolicy.Period(Instant.MIN, Duration.ofHours(72)),
                new CancellationWindowPolicy.Period(Instant.parse("2030-01-01T00:00:00Z"), Duration.ofHours(240)),
                new CancellationWindowPolicy.Period(CancellationWindowPolicy.SEVEN_DAY_WINDOW_FROM, Duration.ofHours(168))));
        assertThat(extended.lengthAt(Instant.parse("2029-12-31T23:59:59Z"))).isEqualTo(Duration.ofHours(168));
        assertThat(extended.lengthAt(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(Duration.ofHours(240));
    }
}
