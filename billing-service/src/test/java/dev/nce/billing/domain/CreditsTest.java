package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.FxRate;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SubscriptionEvent.QuantityChanged;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCancelled;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BL-7 credits (R-C6: the change day belongs to the new state) on upfront plans; none on monthly billing. */
class CreditsTest {

    @ParameterizedTest(name = "BL-7 10 seats P1Y/ANNUAL at 36 bought 2022-04-01, cancelled {0}: credit {1}, kept {2}")
    @CsvSource({
            "2022-04-05T15:00:00Z, -4272.66, 47.34",  // the BL-7 example: 4 days used of 365
            "2022-04-01T18:00:00Z, -4320.00, 0.00",   // same-day cancel: full refund (R-C6, D6)
            "2022-04-07T23:59:59Z, -4248.99, 71.01",  // 6 days used: 4320 x 359/365 = 4248.9863 -> UP
    })
    void bl7_cancel_credit_is_the_unused_days_of_the_charge(String cancelledAt, String credit, String kept) {
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(10).price("36.00").start("2022-04-01");
        InMemoryLedger ledger = new InMemoryLedger()
                .apply(new SubscriptionCreated(s.build(), Snapshots.batch("b1", 10, "2022-04-01T09:00:00Z"),
                        "PURCHASE", null), Snapshots.at("2022-04-01"))
                .apply(new SubscriptionCancelled(s.status(SubscriptionStatus.DELETED).build(),
                        Instant.parse(cancelledAt), List.of(new BatchChange("b1", 10, null))), Instant.parse(cancelledAt));

        InvoiceDraft april = ledger.invoice("2022-04");

        assertThat(april.lines()).extracting(InvoiceLine::chargeType)
                .containsExactly(ChargeType.NEW, ChargeType.CANCEL_CREDIT);
        InvoiceLine creditLine = april.lines().get(1);
        assertThat(creditLine.amount().toPlainString()).isEqualTo(credit);
        assertThat(creditLine.quantity()).isEqualTo(10);
        assertThat(creditLine.billingMonths()).isEqualTo(12);
        assertThat(creditLine.daysInPeriod()).isEqualTo(365);
        assertThat(april.total().toPlainString()).isEqualTo(kept);
    }

    @Test
    void bl7_reduction_credits_the_removed_seats_of_the_batch_at_the_rate_of_the_line_that_charged_them() {
        // bought 2022-03-30 (March invoice, rate 1.30), reduced on 2022-04-02 (April invoice, rate 1.50)
        FxTable rates = new FxTable(List.of(new FxRate("SGD", new BigDecimal("1.30"), LocalDate.of(2022, 3, 1)),
                new FxRate("SGD", new BigDecimal("1.50"), LocalDate.of(2022, 4, 1))));
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(10).price("36.00").start("2022-03-30");
        InMemoryLedger ledger = new InMemoryLedger()
                .apply(new SubscriptionCreated(s.build(), Snapshots.batch("b1", 10, "2022-03-30T09:00:00Z"),
                        "PURCHASE", null), Snapshots.at("2022-03-30"))
                .apply(new QuantityChanged(s.quantity(7).build(), 10, 7, List.of(),
                        List.of(new BatchChange("b1", 3, null))), Instant.parse("2022-04-02T08:00:00Z"));

        InvoiceLine charged = ledger.invoice("2022-03", "SGD", rates).lines().get(0);
        InvoiceLine credit = ledger.invoice("2022-04", "SGD", rates).lines().get(0);

        assertThat(charged.amount().toPlainString()).isEqualTo("5616.00"); // 432 x 10 x 1.30
        assertThat(credit.chargeType()).isEqualTo(ChargeType.REDUCE_CREDIT);
        assertThat(credit.fxRate()).isEqualByComparingTo("1.30");
        assertThat(credit.fxRateDate()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(credit.daysActive()).isEqualTo(362); // used 3 days (30, 31 Mar, 1 Apr)
        // 432 x 3 x 1.30 x 362/365 = 1670.9523 -> UP 1670.96
        assertThat(credit.amount().toPlainString()).isEqualTo("-1670.96");
    }

    @Test
    void bl7_refunds_never_exceed_payments_for_any_add_day_and_cancel_day() {
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(1).price("33.33").start("2022-01-14");
        LocalDate start = LocalDate.of(2022, 1, 14);
        for (int addOffset = 0; addOffset < 365; addOffset += 7) {
            for (int cancelAfter = 0; cancelAfter < 8; cancelAfter++) {
                LocalDate added = start.plusDays(addOffset);
                LocalDate removed = added.plusDays(cancelAfter);
                InMemoryLedger ledger = new InMemoryLedger()
                        .apply(new SubscriptionCreated(s.quantity(1).build(), Snapshots.batch("b1", 1,
                                "2022-01-14T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-01-14"))
                        .apply(new QuantityChanged(s.quantity(5).build(), 1, 5,
                                List.of(new BatchChange("b2", 4, null)), List.of()), Snapshots.at(added.toString()))
                        .apply(new QuantityChanged(s.quantity(1).build(), 5, 1, List.of(),
                                List.of(new BatchChange("b2", 4, null))), Snapshots.at(removed.toString()));
                BigDecimal paid = sum(ledger, ChargeType.ADD_QUANTITY);
                BigDecimal refunded = sum(ledger, ChargeType.REDUCE_CREDIT).negate();
                assertThat(refunded).as("add %s remove %s", added, removed).isLessThanOrEqualTo(paid);
                if (cancelAfter == 0) {
                    assertThat(refunded).as("same-day removal is a full refund").isEqualByComparingTo(paid);
                }
            }
        }
    }

    @Test
    void bl7_monthly_billing_has_no_credit_the_segment_just_ends_d6() {
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).quantity(4).price("10.00").start("2022-03-10");
        InMemoryLedger ledger = new InMemoryLedger()
                .apply(new SubscriptionCreated(s.build(), Snapshots.batch("b1", 4, "2022-03-10T09:00:00Z"),
                        "PURCHASE", null), Snapshots.at("2022-03-10"))
                .apply(new SubscriptionCancelled(s.status(SubscriptionStatus.DELETED).build(),
                        Instant.parse("2022-03-14T12:00:00Z"), List.of(new BatchChange("b1", 4, null))),
                        Instant.parse("2022-03-14T12:00:00Z"));

        InvoiceDraft march = ledger.invoice("2022-03");

        assertThat(march.lines()).singleElement().satisfies(l -> {
            assertThat(l.chargeType()).isEqualTo(ChargeType.CYCLE);
            assertThat(l.chargeEndDate()).isEqualTo(LocalDate.of(2022, 3, 13)); // c - 1
            assertThat(l.daysActive()).isEqualTo(4);
            assertThat(l.amount().toPlainString()).isEqualTo("5.17"); // 10 x 4 x 4/31 = 5.1612 -> UP
        });
        assertThat(ledger.invoice("2022-04").lines()).isEmpty();
    }

    private static BigDecimal sum(InMemoryLedger ledger, ChargeType type) {
        BigDecimal total = BigDecimal.ZERO;
        BillingPeriod p = BillingPeriod.of(2022, 1);
        for (int i = 0; i < 14; i++, p = p.next()) {
            for (InvoiceLine line : ledger.invoice(p.toString()).lines()) {
                if (line.chargeType() == type) {
                    total = total.add(line.amount());
                }
            }
        }
        return total;
    }
}
