package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalPlannerTest {

    @Test
    void r_f2_renews_same_offer_plan_and_quantity_from_the_renewal_date() {
        RenewalPlanner.RenewalPlan plan = RenewalPlanner.plan("O:1", Term.P1Y, BillingFrequency.MONTHLY, 10,
                LocalDate.of(2025, 6, 9), null);
        assertThat(plan.offerId()).isEqualTo("O:1");
        assertThat(plan.plan()).isEqualTo(Plan.of(Term.P1Y, BillingFrequency.MONTHLY));
        assertThat(plan.quantity()).isEqualTo(10);
        assertThat(plan.startAt()).isEqualTo(Instant.parse("2025-06-10T00:00:00Z"));
        assertThat(plan.schedule().startDate()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(plan.schedule().endDate()).isEqualTo(LocalDate.of(2026, 6, 9));
        assertThat(plan.applied()).isNull();
    }

    @ParameterizedTest(name = "R-F3 scheduled qty={0} term={1} billing={2} offer={3}")
    @CsvSource(nullValues = "-", value = {
            "5, -, -, -, O:1, P1Y, MONTHLY, 5, 2026-06-09",
            "-, P1M, -, -, O:1, P1M, MONTHLY, 10, 2025-07-09",
            "-, -, ANNUAL, -, O:1, P1Y, ANNUAL, 10, 2026-06-09",
            "20, P3Y, TRIENNIAL, O:2, O:2, P3Y, TRIENNIAL, 20, 2028-06-09",
    })
    void r_f3_scheduled_changes_apply_exactly_at_renewal(Integer qty, Term term, BillingFrequency billing, String offer,
                                                         String expOffer, Term expTerm, BillingFrequency expBilling,
                                                         int expQty, LocalDate expEnd) {
        ScheduledChanges changes = new ScheduledChanges(qty, term, billing, offer, null);
        RenewalPlanner.RenewalPlan plan = RenewalPlanner.plan("O:1", Term.P1Y, BillingFrequency.MONTHLY, 10,
                LocalDate.of(2025, 6, 9), changes);
        assertThat(plan.offerId()).isEqualTo(expOffer);
        assertThat(plan.plan()).isEqualTo(Plan.of(expTerm, expBilling));
        assertThat(plan.quantity()).isEqualTo(expQty);
        assertThat(plan.schedule().endDate()).isEqualTo(expEnd);
        assertThat(plan.applied()).isEqualTo(changes);
    }

    @Test
    void r_f3_custom_term_end_date_shortens_the_next_term_only_within_it() {
        RenewalPlanner.RenewalPlan plan = RenewalPlanner.plan("O:1", Term.P1Y, BillingFrequency.MONTHLY, 10,
                LocalDate.of(2025, 6, 9), new ScheduledChanges(null, null, null, null, LocalDate.of(2026, 5, 31)));
        assertThat(plan.schedule().endDate()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(plan.schedule().fullLengthEndDate()).isEqualTo(LocalDate.of(2026, 6, 9));
        RenewalPlanner.RenewalPlan outside = RenewalPlanner.plan("O:1", Term.P1Y, BillingFrequency.MONTHLY, 10,
                LocalDate.of(2025, 6, 9), new ScheduledChanges(null, null, null, null, LocalDate.of(2027, 1, 1)));
        assertThat(outside.schedule().endDate()).isEqualTo(LocalDate.of(2026, 6, 9));
    }
}
