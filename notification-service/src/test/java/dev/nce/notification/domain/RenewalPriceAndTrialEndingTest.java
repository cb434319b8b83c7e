package dev.nce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 (API.md, 2026-12-07): NOTICE_* reminders state the next term's unit price and the monthly delta, and
 * TRIAL_ENDING goes out at 09:00Z seven days before trialEndsAt, once per trial.
 */
class RenewalPriceAndTrialEndingTest {

    static MessageFacts.Subscription sub(boolean trial, boolean autoRenew) {
        return new MessageFacts.Subscription("sub-1", "CFQ7TTC0LF8Q:0001", "Microsoft 365 E3", trial ? 25 : 10,
                trial ? Term.P1M : Term.P1Y, BillingFrequency.MONTHLY, SubscriptionStatus.ACTIVE, autoRenew,
                EndOfTermAction.RENEW, new BigDecimal(trial ? "0.00" : "36.00"), "USD", LocalDate.of(2024, 6, 10),
                LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 10), trial ? null : LocalDate.of(2025, 5, 11), null, null);
    }

    @Test
    void notice_reminders_state_the_renewal_price_and_the_monthly_delta() {
        MessageFacts facts = new MessageFacts(NotificationKind.NOTICE_UPCOMING, "cust-1", "Contoso Ltd", sub(false, true),
                null, null, null).withRenewalPrice(new MessageFacts.RenewalPrice(LocalDate.of(2025, 6, 10),
                new BigDecimal("36.00"), new BigDecimal("37.80"), new BigDecimal("18.00"), "USD"));
        assertThat(facts.renewalUnitPrice()).isEqualByComparingTo("37.80");
        assertThat(facts.monthlyDelta()).isEqualByComparingTo("18.00");
        assertThat(facts.renewalDate()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(MessageRenderer.render(facts).body()).contains(
                "The next term is priced at 37.80 USD per seat per month, now 36.00 USD (+18.00 USD per month).");
        MessageFacts deadline = new MessageFacts(NotificationKind.NOTICE_DEADLINE, "cust-1", "Contoso Ltd",
                sub(false, true), null, null, null).withRenewalPrice(new MessageFacts.RenewalPrice(
                LocalDate.of(2025, 6, 10), new BigDecimal("36.00"), new BigDecimal("36.00"), new BigDecimal("0.00"), "USD"));
        assertThat(MessageRenderer.render(deadline).body()).contains("now 36.00 USD (no change per month).");
        // without an answer from subscription-service the reminder still goes, without the sentence
        assertThat(MessageRenderer.render(new MessageFacts(NotificationKind.NOTICE_DEADLINE, "cust-1", "Contoso Ltd",
                sub(false, true), null, null, null)).body()).doesNotContain("next term is priced");
    }

    @Test
    void trial_ending_at_09_00z_seven_days_before_the_trial_ends_once_per_trial() {
        TermFacts trial = new TermFacts("sub-1", Term.P1M, SubscriptionStatus.ACTIVE, true, false, EndOfTermAction.RENEW,
                LocalDate.of(2028, 10, 2), null, Instant.parse("2028-11-01T06:00:00Z"));
        List<PlannedNotification> plan = ReminderPolicy.D8.plan(trial, List.of());
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).key()).isEqualTo(NotificationKey.forTerm(NotificationKind.TRIAL_ENDING, "sub-1",
                LocalDate.of(2028, 10, 2)));
        assertThat(plan.get(0).dueAt()).isEqualTo(Instant.parse("2028-10-25T09:00:00Z"));
        assertThat(plan.get(0).sendUntil()).isEqualTo(Instant.parse("2028-11-01T06:00:00Z"));
        // not a trial, or no longer ACTIVE: none
        assertThat(ReminderPolicy.D8.trialEnding(new TermFacts("sub-1", Term.P1M, SubscriptionStatus.EXPIRED, true,
                false, EndOfTermAction.EXPIRE, LocalDate.of(2028, 10, 2), null, Instant.parse("2028-11-01T06:00:00Z"))))
                .isEmpty();
        assertThat(ReminderPolicy.D8.trialEnding(new TermFacts("sub-2", Term.P1Y, SubscriptionStatus.ACTIVE, false,
                false, EndOfTermAction.RENEW, LocalDate.of(2028, 10, 2), LocalDate.of(2029, 9, 1)))).isEmpty();
        RenderedMessage m = MessageRenderer.render(new MessageFacts(NotificationKind.TRIAL_ENDING, "cust-1",
                "Contoso Ltd", sub(true, false), null, null, null));
        assertThat(m.subject()).isEqualTo("The trial of Microsoft 365 E3 ends on 2025-06-09");
        assertThat(m.body()).contains("Auto-renew is off: it then expires");
        assertThat(m.outcome()).isEqualTo(EndOfTermOutcome.EXPIRES);
    }
}
