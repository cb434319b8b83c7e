package dev.nce.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.UpliftTier;
import dev.nce.contracts.catalog.UpliftTier.Basis;
import dev.nce.contracts.catalog.UpliftTier.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpliftTierRulesTest {

    static UpliftTier tier(String kind, String term, String billing, String basis, String percent, String from) {
        return new UpliftTier(Kind.valueOf(kind), term.isEmpty() ? null : Term.valueOf(term),
                billing.isEmpty() ? null : BillingFrequency.valueOf(billing), Basis.valueOf(basis),
                new BigDecimal(percent), LocalDate.parse(from));
    }

    @Test
    void the_shipped_defaults_are_valid() {
        ShippedUpliftTiers.DEFAULTS.forEach(t -> assertThatCode(() -> UpliftTierRules.validate(t)).doesNotThrowAnyException());
    }

    @Test
    void r_f4_the_two_est_tiers_differ_by_basis_only_and_have_distinct_keys() {
        assertThat(UpliftTierRules.key(ShippedUpliftTiers.DEFAULTS.get(3)))
                .isNotEqualTo(UpliftTierRules.key(ShippedUpliftTiers.DEFAULTS.get(4)));
    }

    @ParameterizedTest(name = "{0} {1}/{2} {3} {4}% -> {5} {6}")
    @CsvSource({
            "STANDARD,              P1M, ANNUAL,  BASE,     20,    plan-not-available, term",
            "STANDARD,              '',  MONTHLY, BASE,     20,    validation-failed,  term",
            "STANDARD,              P1M, '',      BASE,     20,    validation-failed,  billing",
            "STANDARD,              P1M, MONTHLY, P1M_RATE, 20,    validation-failed,  basis",
            "STANDARD,              P1M, MONTHLY, BASE,     -1,    validation-failed,  percent",
            "STANDARD,              P1M, MONTHLY, BASE,     1.00001, validation-failed, percent",
            "STANDARD,              P1M, MONTHLY, BASE,     1001,  validation-failed,  percent",
            "EXTENDED_SERVICE_TERM, P1M, '',      P1M_RATE, 3,     validation-failed,  term",
            "EXTENDED_SERVICE_TERM, '',  MONTHLY, P1M_RATE, 3,     validation-failed,  billing",
    })
    void tier_content_is_validated(String kind, String term, String billing, String basis, String percent,
                                   String code, String field) {
        UpliftTier t = tier(kind, term, billing, basis, percent, "2030-01-01");
        assertThatThrownBy(() -> UpliftTierRules.validate(t)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.details()).containsEntry("field", field);
        });
    }

    @Test
    void a_tier_in_effect_cannot_be_added_or_changed_but_repeating_it_is_fine() {
        Instant now = Instant.parse("2025-04-01T00:00:00Z");
        UpliftTier existing = tier("STANDARD", "P1Y", "MONTHLY", "BASE", "5", "2025-04-01");
        assertThatCode(() -> UpliftTierRules.checkChange(existing, tier("STANDARD", "P1Y", "MONTHLY", "BASE", "5.00", "2025-04-01"), now))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> UpliftTierRules.checkChange(existing, tier("STANDARD", "P1Y", "MONTHLY", "BASE", "6", "2025-04-01"), now))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-state"));
        assertThatThrownBy(() -> UpliftTierRules.checkChange(null, tier("STANDARD", "P1Y", "ANNUAL", "BASE", "1", "2025-03-01"), now))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-state"));
        assertThatCode(() -> UpliftTierRules.checkChange(null, tier("STANDARD", "P1Y", "ANNUAL", "BASE", "1", "2025-04-02"), now))
                .doesNotThrowAnyException();
    }
}
