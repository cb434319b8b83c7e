package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.Plan;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 21: the renewal outlook (R-F2, R-F3, D17, D20) and the settled dueAt of each deadline kind (API.md). */
class RenewalOutlookAndDeadlinesTest {

    static RenewalOutlook outlook(SubscriptionStatus status, EndOfTermAction action, ScheduledChanges scheduled) {
        return RenewalOutlook.of(new RenewalOutlook.TermFacts(status, action, true, "O:1", Term.P1Y,
                BillingFrequency.ANNUAL, 10, LocalDate.of(2026, 1, 10), LocalDate.of(2027, 1, 9), scheduled));
    }

    @Test
    void r_f3_a_renewal_applies_the_scheduled_plan_and_quantity() {
        RenewalOutlook o = outlook(SubscriptionStatus.ACTIVE, EndOfTermAction.RENEW,
                new ScheduledChanges(12, null, BillingFrequency.MONTHLY, null, null));
        assertThat(o.outcome()).isEqualTo(TermEndOutcome.RENEW);
        assertThat(o.renewalDate()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(o.renewalAt()).isEqualTo(Instant.parse("2027-01-10T00:00:00Z"));
        assertThat(o.nextPlan()).isEqualTo(Plan.of(Term.P1Y, BillingFrequency.MONTHLY));
        assertThat(o.nextQuantity()).isEqualTo(12);
        assertThat(o.priced()).isTrue();
    }

    @Test
    void d17_d20_est_is_priced_suspended_and_cancel_are_not() {
        RenewalOutlook est = outlook(SubscriptionStatus.ACTIVE, EndOfTermAction.EXTENDED_SERVICE_TERM, null);
        assertThat(est.extendedServiceTerm()).isTrue();
        assertThat(est.priced()).isTrue();
        assertThat(est.nextQuantity()).isEqualTo(10);
        assertThat(outlook(SubscriptionStatus.SUSPENDED, EndOfTermAction.RENEW, null).priced()).isFalse();
        assertThat(outlook(SubscriptionStatus.ACTIVE, EndOfTermAction.CANCEL, null).outcome())
                .isEqualTo(TermEndOutcome.DISABLE);
    }

    @Test
    void monthly_delta_is_the_price_difference_times_the_next_quantity() {
        assertThat(RenewalOutlook.monthlyDelta(new BigDecimal("10.00"), new BigDecimal("10.50"), 12))
                .isEqualByComparingTo("6.00");
        assertThat(RenewalOutlook.monthlyDelta(new BigDecimal("12.00"), new BigDecimal("11.40"), 3))
                .isEqualByComparingTo("-1.80");
        assertThat(RenewalOutlook.monthlyDelta(new BigDecimal("12.00"), null, 3)).isNull();
    }

    @Test
    void every_kind_at_its_settled_instant_and_only_inside_the_range() {
        RenewalOutlook renew = outlook(SubscriptionStatus.ACTIVE, EndOfTermAction.RENEW, null);
        Deadlines.Facts facts = new Deadlines.Facts("S1", "C1", null, LocalDate.of(2026, 12, 10), renew,
                List.of(new SeatBatches.Refundable("B1", 1, 4, Instant.parse("2027-01-03T08:00:00Z")),
                        new SeatBatches.Refundable("B2", 2, 0, Instant.parse("2027-01-04T08:00:00Z"))));
        List<Deadlines.Deadline> all = Deadlines.between(facts, Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2027-01-31T00:00:00Z"));
        assertThat(all).extracting(d -> d.kind() + " " + d.dueAt() + " " + d.refundableQuantity()).containsExactly(
                "NOTICE_DEADLINE 2026-12-11T00:00:00Z null",
                "WINDOW_CLOSING 2027-01-03T08:00:00Z 4",
                "SCHEDULED_CHANGE_LOCK 2027-01-09T00:00:00Z null",
                "RENEWAL 2027-01-10T00:00:00Z null");
        // the range is inclusive at both ends
        assertThat(Deadlines.between(facts, Instant.parse("2027-01-03T08:00:00Z"),
                Instant.parse("2027-01-09T00:00:00Z"))).extracting(Deadlines.Deadline::kind)
                .containsExactly(Deadlines.Kind.WINDOW_CLOSING, Deadlines.Kind.SCHEDULED_CHANGE_LOCK);

        Deadlines.Facts trialAndEst = new Deadlines.Facts("S2", "C1", Instant.parse("2027-01-05T06:00:00Z"), null,
                outlook(SubscriptionStatus.ACTIVE, EndOfTermAction.EXTENDED_SERVICE_TERM, null), List.of());
        assertThat(Deadlines.between(trialAndEst, Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2027-01-31T00:00:00Z"))).extracting(d -> d.kind() + " " + d.dueAt())
                .containsExactly("TRIAL_ENDING 2027-01-05T06:00:00Z", "EST_START 2027-01-10T00:00:00Z");
    }
}
