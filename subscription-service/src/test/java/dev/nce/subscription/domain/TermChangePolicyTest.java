package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermChangePolicyTest {

    @ParameterizedTest(name = "R-G1 {0}/{1} -> {2}/{3}: {4}")
    @CsvSource({
            "P1M, MONTHLY,   P1Y, MONTHLY,   ok",
            "P1M, MONTHLY,   P3Y, MONTHLY,   ok",
            "P1Y, MONTHLY,   P3Y, MONTHLY,   ok",
            "P1Y, ANNUAL,    P3Y, ANNUAL,    ok",
            "P1Y, MONTHLY,   P1M, MONTHLY,   term-shortening-not-allowed",
            "P3Y, ANNUAL,    P1Y, ANNUAL,    term-shortening-not-allowed",
            "P3Y, MONTHLY,   P1M, MONTHLY,   term-shortening-not-allowed",
            "P3Y, TRIENNIAL, P1Y, ANNUAL,    term-shortening-not-allowed",
            "P1Y, MONTHLY,   P1Y, ANNUAL,    term-change-not-allowed",   // billing only
            "P3Y, ANNUAL,    P3Y, MONTHLY,   term-change-not-allowed",   // R-A9: no mid-term billing change on P3Y
            "P3Y, MONTHLY,   P3Y, ANNUAL,    term-change-not-allowed",
            "P1M, MONTHLY,   P1Y, ANNUAL,    term-change-not-allowed",   // MONTHLY to upfront
            "P1Y, MONTHLY,   P3Y, ANNUAL,    term-change-not-allowed",
            "P1Y, MONTHLY,   P3Y, TRIENNIAL, term-change-not-allowed",   // any move to TRIENNIAL
            "P1Y, ANNUAL,    P3Y, TRIENNIAL, term-change-not-allowed",
            "P1Y, ANNUAL,    P1Y, ANNUAL,    term-change-not-allowed",   // the same plan
    })
    void r_g1_only_listed_lengthenings(Term fromTerm, BillingFrequency fromBilling, Term toTerm, BillingFrequency toBilling,
                                       String outcome) {
        Plan from = Plan.of(fromTerm, fromBilling);
        Plan to = Plan.of(toTerm, toBilling);
        if (outcome.equals("ok")) {
            assertThatCode(() -> TermChangePolicy.require(from, to)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> TermChangePolicy.require(from, to)).isInstanceOfSatisfying(RuleViolation.class, v -> {
                org.assertj.core.api.Assertions.assertThat(v.code()).isEqualTo(outcome);
                org.assertj.core.api.Assertions.assertThat(v.rule()).isEqualTo("R-G1");
            });
        }
    }
}
