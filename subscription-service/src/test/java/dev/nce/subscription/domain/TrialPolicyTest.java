package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialPolicyTest {

    @ParameterizedTest(name = "D15 trial started {0} ends {1} ({2})")
    @CsvSource({
            "2028-10-02T06:00:00Z, 2028-11-01T06:00:00Z, 2028-11-01",
            "2028-02-10T23:30:00Z, 2028-03-11T23:30:00Z, 2028-03-11",   // leap February: 30 x 24 h
            "2028-12-15T00:00:00Z, 2029-01-14T00:00:00Z, 2029-01-14",
    })
    void d15_thirty_times_24_hours(Instant start, Instant endsAt, LocalDate endDate) {
        assertThat(TrialPolicy.endsAt(start)).isEqualTo(endsAt);
        assertThat(TrialPolicy.endDate(start)).isEqualTo(endDate);
    }

    @ParameterizedTest(name = "R-J2/R-J4 scheduled {0} {1} {2} -> {3} {4} {5}")
    @CsvSource({
            ",    ,        ,   P1Y, MONTHLY, 25",   // the default conversion
            "P1M, MONTHLY, 10, P1M, MONTHLY, 10",   // a scheduled conversion may go below 25
            "P3Y, ANNUAL,  ,   P3Y, ANNUAL,  25",
            ",    ,        40, P1Y, MONTHLY, 40",
    })
    void r_j2_r_j4_conversion_at_the_end(Term term, BillingFrequency billing, Integer quantity, Term expectedTerm,
                                         BillingFrequency expectedBilling, int expectedQuantity) {
        ScheduledChanges scheduled = term == null && billing == null && quantity == null ? null
                : new ScheduledChanges(quantity, term, billing, null, null);
        assertThat(TrialPolicy.conversionPlan(scheduled)).isEqualTo(Plan.of(expectedTerm, expectedBilling));
        assertThat(TrialPolicy.conversionQuantity(scheduled)).isEqualTo(expectedQuantity);
    }

    @ParameterizedTest(name = "R-J3 mid-term conversion to {0} seats allowed {1}")
    @CsvSource({"24, false", "25, true", "100, true", "1, false"})
    void r_j3_at_least_25_seats(int quantity, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> TrialPolicy.requireConversionQuantity(quantity)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> TrialPolicy.requireConversionQuantity(quantity))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.details()).containsEntry("field", "quantity"));
        }
    }

    @ParameterizedTest(name = "R-J3 target ending {0}, trial ending {1}: allowed {2}")
    @CsvSource({
            "2029-10-01, 2028-11-01T06:00:00Z, true",
            "2028-11-01, 2028-11-01T06:00:00Z, true",
            "2028-10-31, 2028-11-01T06:00:00Z, false",
    })
    void r_j3_target_must_not_end_before_the_trial(LocalDate targetEnd, Instant trialEndsAt, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> TrialPolicy.requireTargetEnd(targetEnd, trialEndsAt)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> TrialPolicy.requireTargetEnd(targetEnd, trialEndsAt))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("R-J3"));
        }
    }
}
