package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoterminosityTest {

    @ParameterizedTest(name = "R-B5 calendar month: {1} bought {0} ends {2}")
    @CsvSource({
            "2022-01-14, P1M, 2022-01-31",   // R-B5 example: default end 2022-02-13
            "2022-01-14, P1Y, 2022-12-31",   // R-B5 example: default end 2023-01-13
            "2022-01-01, P1Y, 2022-12-31",   // the default end is already a month end
            "2022-01-31, P1M, 2022-01-31",   // default end 2022-02-27: the start's own month end
            "2022-03-10, P3Y, 2025-02-28",
    })
    void r_b5_calendar_month_aligned_end(LocalDate start, Term term, LocalDate expected) {
        assertThat(Coterminosity.calendarMonthEnd(start, term)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "R-B5 aligned: {1} bought {0} to a {2} ending {3} -> {4}")
    @CsvSource({
            "2022-01-14, P1Y, P1Y, 2022-09-30, 2022-09-30",
            "2022-01-14, P3Y, P1Y, 2022-09-30, 2022-09-30",
            "2022-01-14, P1Y, P3Y, 2023-01-13, 2023-01-13",   // = the default end: allowed
            "2022-01-14, P1M, P1Y, 2022-09-20, 2022-01-20",   // P1M on the target's day of month
            "2022-01-14, P1M, P1Y, 2022-09-30, 2022-01-31",   // target ends on a month end
            "2022-01-14, P1M, P1M, 2022-02-05, 2022-02-05",
            "2022-01-25, P1M, P1Y, 2022-09-30, 2022-01-31",   // default end 2022-02-24: the latest month end before it
            "2022-01-25, P1M, P1Y, 2022-12-30, 2022-01-30",   // February has no 30th: January's
    })
    void r_b5_subscription_aligned_end(LocalDate start, Term term, Term targetTerm, LocalDate targetEnd, LocalDate expected) {
        Coterminosity.Target target = new Coterminosity.Target("c1", targetTerm, targetEnd, true, false, false);
        assertThat(Coterminosity.subscriptionAligned(start, term, "c1", target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "R-B5 refused: {0}")
    @CsvSource({
            "another customer,      c2, P1Y, P1Y, 2022-09-30, true,  false, false",
            "target not active,     c1, P1Y, P1Y, 2022-09-30, false, false, false",
            "target in EST,         c1, P1Y, P1Y, 2022-09-30, true,  true,  false",
            "target a trial,        c1, P1Y, P1M, 2022-02-10, true,  false, true",
            "P1Y aligned to a P1M,  c1, P1Y, P1M, 2022-02-10, true,  false, false",
            "P3Y aligned to a P1M,  c1, P3Y, P1M, 2022-02-10, true,  false, false",
            "end after default end, c1, P1Y, P3Y, 2024-06-30, true,  false, false",
            "end before the start,  c1, P1Y, P1Y, 2022-01-13, true,  false, false",
    })
    void r_b5_refusals_are_coterm_not_allowed(String why, String targetCustomer, Term term, Term targetTerm,
                                              LocalDate targetEnd, boolean active, boolean est, boolean trial) {
        Coterminosity.Target target = new Coterminosity.Target(targetCustomer, targetTerm, targetEnd, active, est, trial);
        assertThatThrownBy(() -> Coterminosity.subscriptionAligned(LocalDate.parse("2022-01-14"), term, "c1", target))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo("coterm-not-allowed");
                    assertThat(v.rule()).isEqualTo("R-B5");
                    assertThat(v.details()).containsEntry("field", "coterm.subscriptionId");
                });
    }
}
