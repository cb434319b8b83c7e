package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionUpgraded;
import dev.nce.contracts.events.SubscriptionEvent.TermLengthened;
import dev.nce.contracts.events.TermPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-I6 upgrade billing and R-G1 lengthening (D18 UPGRADE_CREDIT / UPGRADE_CHARGE; monthly plans split segments). */
class UpgradeBillingTest {

    @ParameterizedTest(name = "R-I6 AppXite: cycle 18 Jun-17 Jul, upgrade {0}: {1} days credited at {2}, charged at {3}")
    @CsvSource({
            "2024-06-25, 23, -15.34, 27.60", // the AppXite example: source keeps 18-24 Jun
            "2024-06-18, 30, -20.00, 36.00", // upgrade on the first day: the whole cycle moves
            "2024-07-17,  1, -0.67,   1.20", // last day
    })
    void r_i6_upgrade_credits_and_charges_the_same_remaining_days(String upgradeDay, int days, String credit,
                                                                 String charge) {
        ChargePeriod cycle = new ChargePeriod(LocalDate.of(2024, 6, 18), LocalDate.of(2024, 7, 17),
                LocalDate.of(2024, 7, 17), 1);
        PricedItem source = new PricedItem("sub-1", "E3", "Office 365 E3", new BigDecimal("20.00"), "USD");
        PricedItem target = new PricedItem("sub-1", "E5", "Office 365 E5", new BigDecimal("36.00"), "USD");

        List<Charge> lines = UpfrontCharges.upgrade(source, cycle, target, cycle, 1, LocalDate.parse(upgradeDay));

        assertThat(lines).extracting(Charge::type).containsExactly(ChargeType.UPGRADE_CREDIT, ChargeType.UPGRADE_CHARGE);
        assertThat(lines).extracting(Charge::daysActive).containsExactly(days, days);
        assertThat(lines).extracting(Charge::daysInPeriod).containsExactly(30, 30);
        assertThat(lines).extracting(Charge::startDate).containsOnly(LocalDate.parse(upgradeDay)); // u belongs to target
        assertThat(lines).extracting(Charge::endDate).containsOnly(LocalDate.of(2024, 7, 17));
        InvoiceDraft invoice = ((InvoiceBuilder.Built) new InvoiceBuilder(RoundingPolicy.DEFAULT).build("c",
                BillingPeriod.containing(LocalDate.parse(upgradeDay)), "USD", lines, FxTable.empty())).draft();
        assertThat(invoice.lines()).extracting(l -> l.amount().toPlainString()).containsExactlyInAnyOrder(credit, charge);
    }

    @Test
    void r_i6_full_upgrade_of_an_annual_plan_credits_source_and_charges_target_for_the_rest_of_the_term() {
        Snapshots e3 = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(10).price("20.00").start("2022-01-14")
                .offer("E3", "Office 365 E3");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(e3.build(),
                Snapshots.batch("b1", 10, "2022-01-14T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-01-14"));
        Snapshots e5 = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(10).price("36.00").start("2022-01-14")
                .offer("E5", "Office 365 E5");

        ledger.apply(new SubscriptionUpgraded(e5.build(), e5.build(), 10, LocalDate.of(2022, 7, 1), true, false,
                "E3", new BigDecimal("20.00"), List.<SeatBatchInfo>of(), List.of()), Snapshots.at("2022-07-01"));

        InvoiceDraft july = ledger.invoice("2022-07");
        assertThat(july.lines()).extracting(InvoiceLine::chargeType)
                .containsExactlyInAnyOrder(ChargeType.UPGRADE_CREDIT, ChargeType.UPGRADE_CHARGE);
        InvoiceLine credit = july.lines().stream().filter(l -> l.chargeType() == ChargeType.UPGRADE_CREDIT).findFirst().orElseThrow();
        InvoiceLine charge = july.lines().stream().filter(l -> l.chargeType() == ChargeType.UPGRADE_CHARGE).findFirst().orElseThrow();
        assertThat(credit.offerId()).isEqualTo("E3");
        assertThat(charge.offerId()).isEqualTo("E5");
        assertThat(credit.daysActive()).isEqualTo(197);
        assertThat(credit.amount().toPlainString()).isEqualTo("-1295.35"); // 240 x 10 x 197/365 = 1295.342
        assertThat(charge.amount().toPlainString()).isEqualTo("2331.62"); // 432 x 10 x 197/365 = 2331.616
    }

    @Test
    void d18_monthly_upgrade_ends_the_old_cycle_segment_on_u_minus_1_and_starts_the_target_on_u() {
        Snapshots source = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).id("src").quantity(5).price("20.00")
                .start("2022-03-01").offer("E3", "Office 365 E3");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(source.build(),
                Snapshots.batch("b1", 5, "2022-03-01T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-03-01"));
        Snapshots child = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).id("child").quantity(2).price("36.00")
                .start("2022-03-17").end("2023-02-28").offer("E5", "Office 365 E5");

        ledger.apply(new SubscriptionCreated(child.build(), Snapshots.batch("b2", 2, "2022-03-17T10:00:00Z"),
                "PARTIAL_UPGRADE", null), Snapshots.at("2022-03-17"));
        ledger.apply(new SubscriptionUpgraded(source.quantity(3).build(), child.build(), 2, LocalDate.of(2022, 3, 17),
                false, true, "E3", new BigDecimal("20.00"), List.of(), List.of()), Snapshots.at("2022-03-17"));

        InvoiceDraft march = ledger.invoice("2022-03");
        assertThat(march.lines()).extracting(l -> l.subscriptionId() + " " + l.chargeStartDate() + ".."
                        + l.chargeEndDate() + " x" + l.quantity() + " " + l.amount())
                .containsExactly(
                        "child 2022-03-17..2022-03-31 x2 34.84",  // 36 x 2 x 15/31 = 34.838
                        "src 2022-03-01..2022-03-16 x5 51.62",    // 20 x 5 x 16/31 = 51.612
                        "src 2022-03-17..2022-03-31 x3 29.04");   // 20 x 3 x 15/31 = 29.032
        assertThat(march.lines()).extracting(InvoiceLine::chargeType).containsOnly(ChargeType.CYCLE);
    }

    @Test
    void r_g1_lengthening_a_monthly_plan_splits_the_segment_at_the_new_price() {
        Snapshots p1m = Snapshots.of(Term.P1M, BillingFrequency.MONTHLY).quantity(2).price("43.20").start("2022-03-05");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(p1m.build(),
                Snapshots.batch("b1", 2, "2022-03-05T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-03-05"));
        Snapshots p1y = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).quantity(2).price("37.80").start("2022-03-20");

        ledger.apply(new TermLengthened(p1y.build(), new TermPeriod(LocalDate.of(2022, 3, 5), LocalDate.of(2022, 4, 4)),
                Term.P1M, BillingFrequency.MONTHLY, new BigDecimal("43.20"), LocalDate.of(2022, 3, 20),
                Snapshots.batch("b2", 2, "2022-03-20T00:00:00Z")), Snapshots.at("2022-03-20"));

        assertThat(ledger.invoice("2022-03").lines()).extracting(l -> l.chargeStartDate() + " " + l.unitPrice())
                .containsExactly("2022-03-05 43.20", "2022-03-20 37.80");
        assertThat(ledger.invoice("2022-04").lines()).singleElement()
                .satisfies(l -> assertThat(l.unitPrice()).isEqualByComparingTo("37.80"));
    }

    @Test
    void r_g1_lengthening_an_annual_plan_credits_the_unused_old_charge_and_charges_the_new_term() {
        Snapshots p1y = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(1).price("36.00").start("2022-01-14");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(p1y.build(),
                Snapshots.batch("b1", 1, "2022-01-14T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-01-14"));
        Snapshots p3y = Snapshots.of(Term.P3Y, BillingFrequency.ANNUAL).quantity(1).price("34.00").start("2022-07-01")
                .yearStarts("2022-07-01", "2023-07-01", "2024-07-01");

        ledger.apply(new TermLengthened(p3y.build(), new TermPeriod(LocalDate.of(2022, 1, 14),
                LocalDate.of(2023, 1, 13)), Term.P1Y, BillingFrequency.ANNUAL, new BigDecimal("36.00"),
                LocalDate.of(2022, 7, 1), Snapshots.batch("b2", 1, "2022-07-01T00:00:00Z")), Snapshots.at("2022-07-01"));

        assertThat(ledger.invoice("2022-07").lines()).extracting(l -> l.chargeType() + " " + l.amount())
                .containsExactlyInAnyOrder("UPGRADE_CREDIT -233.17", "UPGRADE_CHARGE 408.00"); // 432 x 197/365 = 233.16
        assertThat(ledger.invoice("2023-07").lines()).extracting(l -> l.chargeType() + " " + l.amount())
                .containsExactly("RENEW 408.00");
    }
}
