package dev.nce.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermDatesTest {

    /** R-B2 / D3 date table of NCE-RULES.md, row by row (month-end clamp, drift, leap years). */
    @ParameterizedTest(name = "R-B2 {0} {1} ends {2}, renews {3}, {4} days")
    @CsvSource({
            "2022-01-14, P1M, 2022-02-13, 2022-02-14, 31",
            "2022-03-14, P1M, 2022-04-13, 2022-04-14, 31",
            "2022-01-14, P1Y, 2023-01-13, 2023-01-14, 365",
            "2022-03-14, P1Y, 2023-03-13, 2023-03-14, 365",
            "2022-01-14, P3Y, 2025-01-13, 2025-01-14, 1096",
            "2022-02-01, P1M, 2022-02-28, 2022-03-01, 28",
            "2023-01-01, P1Y, 2023-12-31, 2024-01-01, 365",
            "2022-01-31, P1M, 2022-02-27, 2022-02-28, 28",
            "2022-01-30, P1M, 2022-02-27, 2022-02-28, 29",
            "2022-01-29, P1M, 2022-02-27, 2022-02-28, 30",
            "2022-01-28, P1M, 2022-02-27, 2022-02-28, 31",
            "2024-01-31, P1M, 2024-02-28, 2024-02-29, 29",
            "2022-03-31, P1M, 2022-04-29, 2022-04-30, 30",
            "2024-02-29, P1Y, 2025-02-27, 2025-02-28, 365"
    })
    void r_b2_term_end_dates(LocalDate start, Term term, LocalDate end, LocalDate renewal, long days) {
        LocalDate computedEnd = TermDates.endDate(start, term);
        assertThat(computedEnd).isEqualTo(end);
        assertThat(TermDates.renewalDate(computedEnd)).isEqualTo(renewal);
        assertThat(TermDates.daysInclusive(start, computedEnd)).isEqualTo(days);
        assertThat(TermDates.renewalInstant(computedEnd)).isEqualTo(Instant.parse(renewal + "T00:00:00Z"));
    }

    /** R-B2: month-end anchors drift: 31 Jan -> 27 Feb, then 28 Feb -> 27 Mar, 28 Mar -> 27 Apr. */
    @org.junit.jupiter.api.Test
    void r_b2_month_end_anchor_drifts_across_renewals() {
        LocalDate start = LocalDate.parse("2022-01-31");
        LocalDate end1 = TermDates.endDate(start, Term.P1M);
        LocalDate end2 = TermDates.endDate(TermDates.renewalDate(end1), Term.P1M);
        LocalDate end3 = TermDates.endDate(TermDates.renewalDate(end2), Term.P1M);
        assertThat(end1).isEqualTo("2022-02-27");
        assertThat(end2).isEqualTo("2022-03-27");
        assertThat(end3).isEqualTo("2022-04-27");
    }
}
