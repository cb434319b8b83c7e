package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.subscription.domain.MigrationPolicy.LegacyBilling;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationPolicyTest {

    @ParameterizedTest(name = "R-M4: legacy {0}, offer sells P1M/MONTHLY {1} -> {2}/{3}")
    @CsvSource({
            "MONTHLY, true,  P1M, MONTHLY",   // monthly stays monthly where the NCE monthly term exists
            "MONTHLY, false, P1Y, ANNUAL",    // no monthly term: annual, billed in full for one year
            "ANNUAL,  true,  P1Y, ANNUAL",
            "ANNUAL,  false, P1Y, ANNUAL",
    })
    void rM4_s003_conversion_policy(LegacyBilling legacy, boolean sellsMonthlyTerm, Term term, BillingFrequency billing) {
        assertThat(MigrationPolicy.conversionPlan(legacy, sellsMonthlyTerm)).isEqualTo(Plan.of(term, billing));
    }

    @ParameterizedTest(name = "R-M2 keep the legacy end: {1} migrated {0}, legacy end {2}")
    @CsvSource({
            "2031-03-15, P1Y, 2031-09-30",   // default end 2032-03-14
            "2031-03-15, P1Y, 2032-03-14",   // = the default end: the full term, allowed
            "2031-03-15, P1Y, 2031-03-16",   // the day after the migration: a two-day first term
            "2031-03-15, P3Y, 2033-12-31",   // default end 2034-03-14
            "2031-03-15, P1M, 2031-04-14",   // P1M default end
            "2031-01-31, P1M, 2031-02-27",   // month-end anchor drifts (D3): default end 2031-02-27
    })
    void rM2_purchase_full_term_false_ends_on_the_legacy_end_date(LocalDate migrationDate, Term term, LocalDate legacyEnd) {
        assertThat(MigrationPolicy.keptLegacyEnd(migrationDate, term, legacyEnd)).isEqualTo(legacyEnd);
    }

    @ParameterizedTest(name = "R-M2 refused: {1} migrated {0}, legacy end {2}")
    @CsvSource({
            "2031-03-15, P1Y, 2031-03-15",   // not after the migration date
            "2031-03-15, P1Y, 2031-03-01",   // already ended
            "2031-03-15, P1Y, 2032-03-15",   // one day after the default end 2032-03-14
            "2031-03-15, P1M, 2031-04-15",   // after the P1M default end 2031-04-14
            "2031-01-31, P1M, 2031-02-28",   // after the drifted default end 2031-02-27
    })
    void rM2_legacy_end_outside_the_first_term_is_coterm_not_allowed(LocalDate migrationDate, Term term, LocalDate legacyEnd) {
        assertThatThrownBy(() -> MigrationPolicy.keptLegacyEnd(migrationDate, term, legacyEnd))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo("coterm-not-allowed");
                    assertThat(v.rule()).isEqualTo("R-M2");
                    assertThat(v.details()).containsEntry("field", "legacyEndDate");
                });
    }

    @Test
    void rM1_nothing_is_migrated_before_nce_ga_2022_01_10() {
        assertThatThrownBy(() -> MigrationPolicy.requireNceAvailable(Instant.parse("2022-01-09T23:59:59Z")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo("invalid-state");
                    assertThat(v.rule()).isEqualTo("R-M1");
                });
        MigrationPolicy.requireNceAvailable(Instant.parse("2022-01-10T00:00:00Z"));
        MigrationPolicy.requireNceAvailable(Instant.parse("2031-03-15T10:00:00Z"));
    }

    @Test
    void rM3_a_repeated_migration_is_invalid_state() {
        RuleViolation v = MigrationPolicy.alreadyMigrated("LEGACY-1");
        assertThat(v.code()).isEqualTo("invalid-state");
        assertThat(v.rule()).isEqualTo("R-M3");
        assertThat(v.details()).containsEntry("legacySubscriptionId", "LEGACY-1");
    }
}
