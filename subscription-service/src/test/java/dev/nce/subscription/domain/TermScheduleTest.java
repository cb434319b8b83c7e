package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermScheduleTest {

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
            "2024-02-29, P1Y, 2025-02-27, 2025-02-28, 365",
    })
    void r_b2_d3_term_end_date_table(LocalDate start, Term term, LocalDate end, LocalDate renewal, long days) {
        TermSchedule schedule = TermSchedule.starting(start, term);
        assertThat(schedule.endDate()).isEqualTo(end);
        assertThat(schedule.renewalDate()).isEqualTo(renewal);
        assertThat(schedule.days()).isEqualTo(days);
        assertThat(schedule.renewalInstant()).isEqualTo(Instant.parse(renewal + "T00:00:00Z"));
    }

    @ParameterizedTest(name = "R-B2 drift: P1M from {0} renews as {1}..{2}")
    @CsvSource({
            "2022-01-31, 2022-02-28, 2022-03-27",
            "2022-02-28, 2022-03-28, 2022-04-27",
            "2022-03-28, 2022-04-28, 2022-05-27",
    })
    void r_b2_month_end_anchor_drifts_with_each_renewal(LocalDate start, LocalDate nextStart, LocalDate nextEnd) {
        TermSchedule next = TermSchedule.starting(TermSchedule.starting(start, Term.P1M).renewalDate(), Term.P1M);
        assertThat(next.startDate()).isEqualTo(nextStart);
        assertThat(next.endDate()).isEqualTo(nextEnd);
    }

    @ParameterizedTest(name = "R-N2 {0} {1}: deadline {4}")
    @CsvSource({
            "2022-01-14, P1Y, 2023-01-13, 2023-01-14, 2022-12-15",
            "2022-01-14, P1M, 2022-02-13, 2022-02-14, 2022-02-07",
            "2022-01-14, P3Y, 2025-01-13, 2025-01-14, 2024-12-15",
    })
    void r_n2_d7_notice_deadline_table(LocalDate start, Term term, LocalDate end, LocalDate renewal, LocalDate deadline) {
        TermSchedule schedule = TermSchedule.starting(start, term);
        assertThat(schedule.endDate()).isEqualTo(end);
        assertThat(schedule.renewalDate()).isEqualTo(renewal);
        assertThat(schedule.noticeDeadline()).isEqualTo(deadline);
    }

    @Test
    void bl_6_p3y_annual_term_years_start_on_each_anniversary() {
        TermSchedule schedule = TermSchedule.starting(LocalDate.of(2024, 2, 29), Term.P3Y);
        assertThat(schedule.termYearStarts(BillingFrequency.ANNUAL))
                .containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2025, 2, 28), LocalDate.of(2026, 2, 28));
        assertThat(schedule.termYearStarts(BillingFrequency.TRIENNIAL)).isEmpty();
        assertThat(TermSchedule.starting(LocalDate.of(2024, 1, 1), Term.P1Y).termYearStarts(BillingFrequency.ANNUAL)).isEmpty();
    }

    @Test
    void d17_an_est_month_is_a_p1m_length_period() {
        TermSchedule month = TermSchedule.extendedServiceMonth(LocalDate.of(2026, 5, 31));
        assertThat(month.endDate()).isEqualTo(LocalDate.of(2026, 6, 29));
        assertThat(month.renewalDate()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void r_b5_a_co_termed_term_keeps_its_full_length_end_as_charge_period_end() {
        TermSchedule schedule = TermSchedule.startingUntil(LocalDate.of(2022, 1, 14), Term.P1Y, LocalDate.of(2022, 12, 31));
        assertThat(schedule.fullLengthEndDate()).isEqualTo(LocalDate.of(2023, 1, 13));
        assertThat(schedule.renewalDate()).isEqualTo(LocalDate.of(2023, 1, 1));
    }
}
