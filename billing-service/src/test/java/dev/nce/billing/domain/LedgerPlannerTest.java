package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SubscriptionEvent.EndOfTermActionChanged;
import dev.nce.contracts.events.SubscriptionEvent.ExtendedTermMonthStarted;
import dev.nce.contracts.events.SubscriptionEvent.ExtendedTermStarted;
import dev.nce.contracts.events.SubscriptionEvent.QuantityChanged;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCancelled;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionExpired;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionReactivated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionRenewed;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionSuspended;
import dev.nce.contracts.events.SubscriptionEvent.TrialConverted;
import dev.nce.contracts.events.TermPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How subscription events become ledger lines: D6, D10, D15, D17/R-F4, D18, BL-2, BL-8. */
class LedgerPlannerTest {

    private final Snapshots monthly = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).quantity(3).price("10.00")
            .start("2022-03-10");

    private InMemoryLedger purchased() {
        return new InMemoryLedger().apply(new SubscriptionCreated(monthly.build(),
                Snapshots.batch("b1", 3, "2022-03-10T09:00:00Z"), "PURCHASE", null), Instant.parse("2022-03-10T09:00:00Z"));
    }

    @ParameterizedTest(name = "D6 cancel at {0}: March line {1}..{2} ({3} days)")
    @CsvSource({
            "2022-03-12T08:00:00Z, 2022-03-10, 2022-03-11, 2",
            "2022-03-16T23:59:59Z, 2022-03-10, 2022-03-15, 6",
    })
    void d6_cancellation_ends_the_segment_the_day_before(String cancelledAt, String from, String to, int days) {
        InMemoryLedger ledger = purchased().apply(new SubscriptionCancelled(
                monthly.status(SubscriptionStatus.DELETED).build(), Instant.parse(cancelledAt),
                List.of(new BatchChange("b1", 3, null))), Instant.parse(cancelledAt));

        assertThat(ledger.invoice("2022-03").lines()).singleElement().satisfies(l -> {
            assertThat(l.chargeStartDate()).isEqualTo(from);
            assertThat(l.chargeEndDate()).isEqualTo(to);
            assertThat(l.daysActive()).isEqualTo(days);
        });
        assertThat(ledger.invoice("2022-04").lines()).isEmpty();
    }

    @Test
    void d6_same_day_cancel_charges_nothing_and_the_customer_gets_no_invoice() {
        InMemoryLedger ledger = purchased().apply(new SubscriptionCancelled(
                monthly.status(SubscriptionStatus.DELETED).build(), Instant.parse("2022-03-10T17:00:00Z"),
                List.of(new BatchChange("b1", 3, null))), Instant.parse("2022-03-10T17:00:00Z"));

        assertThat(ledger.invoice("2022-03").isEmpty()).isTrue();
    }

    @Test
    void d6_a_reduction_ends_the_old_segment_the_day_before_and_the_new_quantity_starts_that_day() {
        InMemoryLedger ledger = purchased().apply(new QuantityChanged(monthly.quantity(1).build(), 3, 1, List.of(),
                List.of(new BatchChange("b1", 2, null))), Instant.parse("2022-03-15T10:00:00Z"));

        assertThat(ledger.invoice("2022-03").lines()).extracting(l -> l.chargeStartDate() + ".." + l.chargeEndDate()
                + " x" + l.quantity()).containsExactly("2022-03-10..2022-03-14 x3", "2022-03-15..2022-03-31 x1");
    }

    @Test
    void bl8_suspension_and_auto_renew_off_do_not_change_billing() {
        InMemoryLedger ledger = purchased();
        InvoiceDraft before = ledger.invoice("2022-04");
        ledger.apply(new SubscriptionSuspended(monthly.status(SubscriptionStatus.SUSPENDED).build()),
                Snapshots.at("2022-04-05"));
        ledger.apply(new EndOfTermActionChanged(monthly.build(), false, EndOfTermAction.EXPIRE, null, null),
                Snapshots.at("2022-04-05"));

        assertThat(ledger.invoice("2022-04")).isEqualTo(before);
        assertThat(before.total().toPlainString()).isEqualTo("30.00");
    }

    @Test
    void bl2_renewal_splits_the_segment_at_the_term_boundary_with_the_new_price() {
        Snapshots p1m = Snapshots.of(Term.P1M, BillingFrequency.MONTHLY).quantity(2).price("12.00").start("2022-03-10");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(p1m.build(),
                Snapshots.batch("b1", 2, "2022-03-10T09:00:00Z"), "PURCHASE", null), Snapshots.at("2022-03-10"));
        ledger.apply(new SubscriptionRenewed(p1m.start("2022-04-10").price("13.00").build(),
                new TermPeriod(LocalDate.of(2022, 3, 10), LocalDate.of(2022, 4, 9)),
                Snapshots.batch("b2", 2, "2022-04-10T00:00:00Z"), null), Snapshots.at("2022-04-10"));

        assertThat(ledger.invoice("2022-04").lines()).extracting(l -> l.chargeStartDate() + ".." + l.chargeEndDate()
                + " " + l.unitPrice() + " " + l.amount())
                .containsExactly("2022-04-01..2022-04-09 12.00 7.20", "2022-04-10..2022-04-30 13.00 18.20");
    }

    @Test
    void d15_trials_are_free_and_a_conversion_into_itself_starts_the_paid_term() {
        Snapshots trial = Snapshots.of(Term.P1M, BillingFrequency.MONTHLY).quantity(25).price("0.00").start("2022-03-01")
                .trial();
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(trial.build(),
                Snapshots.batch("b1", 25, "2022-03-01T09:00:00Z"), "TRIAL", null), Snapshots.at("2022-03-01"));
        assertThat(ledger.invoice("2022-03").isEmpty()).isTrue();

        Snapshots paid = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).quantity(25).price("36.00").start("2022-03-31");
        ledger.apply(new TrialConverted(trial.build(), paid.build(), 25, Instant.parse("2022-03-31T09:00:00Z"),
                Snapshots.batch("b2", 25, "2022-03-31T09:00:00Z")), Instant.parse("2022-03-31T09:00:00Z"));

        assertThat(ledger.invoice("2022-03").lines()).singleElement()
                .satisfies(l -> assertThat(l.amount().toPlainString()).isEqualTo("29.04")); // 36 x 25 / 31
    }

    @Test
    void d17_est_months_are_extended_term_lines_and_cancel_in_est_ends_the_month_the_day_before() {
        Snapshots p1m = Snapshots.of(Term.P1M, BillingFrequency.MONTHLY).quantity(2).price("43.20").start("2026-04-20");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(p1m.build(),
                Snapshots.batch("b1", 2, "2026-04-20T09:00:00Z"), "PURCHASE", null), Snapshots.at("2026-04-20"));
        Snapshots est = p1m.start("2026-05-20").price("44.50").est();
        ledger.apply(new ExtendedTermStarted(est.build(), new TermPeriod(LocalDate.of(2026, 4, 20),
                LocalDate.of(2026, 5, 19)), LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 19),
                new BigDecimal("44.50")), Snapshots.at("2026-05-20"));
        ledger.apply(new ExtendedTermMonthStarted(est.start("2026-06-20").build(), LocalDate.of(2026, 6, 20),
                LocalDate.of(2026, 7, 19), new BigDecimal("44.60")), Snapshots.at("2026-06-20"));
        ledger.apply(new SubscriptionCancelled(est.status(SubscriptionStatus.DELETED).build(),
                Instant.parse("2026-07-05T12:00:00Z"), List.of(new BatchChange("b1", 2, null))),
                Instant.parse("2026-07-05T12:00:00Z"));

        assertThat(ledger.invoice("2026-05").lines()).extracting(l -> l.chargeType() + " " + l.chargeStartDate()
                + ".." + l.chargeEndDate()).containsExactly("CYCLE 2026-05-01..2026-05-19",
                "EXTENDED_TERM 2026-05-20..2026-05-31");
        assertThat(ledger.invoice("2026-06").lines()).extracting(l -> l.chargeType() + " " + l.unitPrice())
                .containsExactly("EXTENDED_TERM 44.50", "EXTENDED_TERM 44.60");
        assertThat(ledger.invoice("2026-07").lines()).singleElement().satisfies(l -> {
            assertThat(l.chargeEndDate()).isEqualTo(LocalDate.of(2026, 7, 4));
            assertThat(l.amount().toPlainString()).isEqualTo("11.51"); // 44.60 x 2 x 4/31 = 11.5097
        });
    }

    @Test
    void d17_renew_from_est_ends_the_est_month_and_starts_a_new_term() {
        Snapshots est = Snapshots.of(Term.P1M, BillingFrequency.MONTHLY).quantity(1).price("44.50").start("2026-05-20").est();
        InMemoryLedger ledger = new InMemoryLedger().apply(new ExtendedTermStarted(est.build(), null,
                LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 19), new BigDecimal("44.50")), Snapshots.at("2026-05-20"));
        Snapshots renewed = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).quantity(1).price("37.80").start("2026-06-01");
        ledger.apply(new SubscriptionReactivated(renewed.build(), null, Snapshots.batch("b2", 1, "2026-06-01T10:00:00Z")),
                Instant.parse("2026-06-01T10:00:00Z"));

        assertThat(ledger.invoice("2026-06").lines()).extracting(l -> l.chargeType() + " " + l.chargeStartDate())
                .containsExactly("CYCLE 2026-06-01");
        assertThat(ledger.invoice("2026-05").lines()).extracting(InvoiceLine::chargeType)
                .containsExactly(ChargeType.EXTENDED_TERM);
    }

    @Test
    void d10_nothing_accrues_after_the_term_when_the_subscription_expires() {
        Snapshots p1m = Snapshots.of(Term.P1M, BillingFrequency.MONTHLY).quantity(1).price("10.00").start("2022-03-10");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(p1m.build(),
                Snapshots.batch("b1", 1, "2022-03-10T09:00:00Z"), "PURCHASE", null), Snapshots.at("2022-03-10"));
        ledger.apply(new SubscriptionExpired(p1m.status(SubscriptionStatus.EXPIRED).build(),
                new TermPeriod(LocalDate.of(2022, 3, 10), LocalDate.of(2022, 4, 9))), Snapshots.at("2022-04-10"));

        assertThat(ledger.invoice("2022-04").lines()).singleElement()
                .satisfies(l -> assertThat(l.chargeEndDate()).isEqualTo(LocalDate.of(2022, 4, 9)));
        assertThat(ledger.invoice("2022-05").isEmpty()).isTrue();
    }
}
