package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SubscriptionEvent.QuantityChanged;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionRenewed;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BL-6 upfront plans (R-A5 amounts, D11 placement, D18 NEW/RENEW/ADD_QUANTITY lines with billingMonths). */
class UpfrontChargesTest {

    @ParameterizedTest(name = "BL-6 {0}/{1} {2} seats at {3} from {4}: {5} on {6} ({7}/{8} days)")
    @CsvSource({
            "P1Y, ANNUAL,    10, 36.00, 2022-04-01, 4320.00,  2022-04, 365,  365",  // NEW 10 x 36 x 12
            "P3Y, TRIENNIAL,  2, 30.00, 2022-01-14, 2160.00,  2022-01, 1096, 1096", // 36 x B3 x qty
            "P3Y, ANNUAL,     2, 30.00, 2022-01-14, 720.00,   2022-01, 365,  365",  // year 0 of 3: 12 x B3 x qty
            "P1Y, ANNUAL,     1, 12.50, 2024-02-29, 150.00,   2024-02, 365,  365",
    })
    void bl6_new_line_is_billing_months_times_price_times_quantity(Term term, BillingFrequency billing, int qty,
                                                                   String price, String start, String amount,
                                                                   String period, int days, int daysInPeriod) {
        Snapshots s = Snapshots.of(term, billing).quantity(qty).price(price).start(start);
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", qty, start + "T09:00:00Z"), "PURCHASE", null), Snapshots.at(start));

        InvoiceDraft invoice = ledger.invoice(period);

        assertThat(invoice.lines()).hasSize(1);
        InvoiceLine line = invoice.lines().get(0);
        assertThat(line.chargeType()).isEqualTo(ChargeType.NEW);
        assertThat(line.amount().toPlainString()).isEqualTo(amount);
        assertThat(line.billingMonths()).isEqualTo(billing == BillingFrequency.TRIENNIAL ? 36 : 12);
        assertThat(line.unitPrice()).isEqualByComparingTo(price); // always the per-seat monthly price
        assertThat(line.daysActive()).isEqualTo(days);
        assertThat(line.daysInPeriod()).isEqualTo(daysInPeriod);
        assertThat(line.chargeStartDate()).isEqualTo(LocalDate.parse(start));
        // D11: nothing on the next month's invoice
        assertThat(ledger.invoice(BillingPeriod.parse(period, "p").next().toString()).lines()).isEmpty();
    }

    @Test
    void bl6_added_seats_are_prorated_over_the_term_1165_81() {
        // B = 36, term 2022-01-14..2023-01-13, +5 seats on 2022-07-01 -> 432 x 5 x 197/365
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(10).price("36.00").start("2022-01-14");
        InMemoryLedger ledger = new InMemoryLedger()
                .apply(new SubscriptionCreated(s.build(), Snapshots.batch("b1", 10, "2022-01-14T10:00:00Z"),
                        "PURCHASE", null), Snapshots.at("2022-01-14"))
                .apply(new QuantityChanged(s.quantity(15).build(), 10, 15,
                        List.of(new BatchChange("b2", 5, null)), List.of()), Snapshots.at("2022-07-01"));

        InvoiceLine add = ledger.invoice("2022-07").lines().get(0);

        assertThat(add.chargeType()).isEqualTo(ChargeType.ADD_QUANTITY);
        assertThat(add.amount().toPlainString()).isEqualTo("1165.81");
        assertThat(add.quantity()).isEqualTo(5);
        assertThat(add.daysActive()).isEqualTo(197);
        assertThat(add.daysInPeriod()).isEqualTo(365);
        assertThat(add.billingMonths()).isEqualTo(12);
        assertThat(add.chargeStartDate()).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(add.chargeEndDate()).isEqualTo(LocalDate.of(2023, 1, 13));
        assertThat(ledger.invoice("2022-01").total().toPlainString()).isEqualTo("4320.00");
    }

    @Test
    void r_b5_cotermed_first_term_pays_its_share_of_the_full_term() {
        // P1Y/ANNUAL bought 2022-01-14, aligned to 2022-12-31: 432 x 10 x 352/365 = 4166.136 -> UP 4166.14
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(10).price("36.00").start("2022-01-14")
                .end("2022-12-31").chargePeriodEnd("2023-01-13");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", 10, "2022-01-14T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-01-14"));

        InvoiceLine line = ledger.invoice("2022-01").lines().get(0);

        assertThat(line.amount().toPlainString()).isEqualTo("4166.14");
        assertThat(line.daysActive()).isEqualTo(352);
        assertThat(line.daysInPeriod()).isEqualTo(365);
        assertThat(line.chargeEndDate()).isEqualTo(LocalDate.of(2022, 12, 31));
    }

    @Test
    void bl6_p3y_annual_charges_each_term_year_at_its_start_as_renew() {
        Snapshots s = Snapshots.of(Term.P3Y, BillingFrequency.ANNUAL).quantity(2).price("30.00").start("2022-01-14")
                .yearStarts("2022-01-14", "2023-01-14", "2024-01-14");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", 2, "2022-01-14T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-01-14"));

        assertThat(ledger.invoice("2022-01").lines()).extracting(InvoiceLine::chargeType).containsExactly(ChargeType.NEW);
        InvoiceLine year2 = ledger.invoice("2023-01").lines().get(0);
        assertThat(year2.chargeType()).isEqualTo(ChargeType.RENEW);
        assertThat(year2.amount().toPlainString()).isEqualTo("720.00");
        assertThat(year2.chargeStartDate()).isEqualTo(LocalDate.of(2023, 1, 14));
        assertThat(year2.chargeEndDate()).isEqualTo(LocalDate.of(2024, 1, 13));
        InvoiceLine year3 = ledger.invoice("2024-01").lines().get(0);
        assertThat(year3.daysInPeriod()).isEqualTo(366); // 2024-01-14..2025-01-13 spans 29 Feb
        assertThat(year3.amount().toPlainString()).isEqualTo("720.00");
        assertThat(ledger.invoice("2023-02").lines()).isEmpty();
    }

    @Test
    void bl6_p3y_annual_increase_updates_the_later_term_years() {
        Snapshots s = Snapshots.of(Term.P3Y, BillingFrequency.ANNUAL).quantity(2).price("30.00").start("2022-01-14")
                .yearStarts("2022-01-14", "2023-01-14", "2024-01-14");
        InMemoryLedger ledger = new InMemoryLedger()
                .apply(new SubscriptionCreated(s.build(), Snapshots.batch("b1", 2, "2022-01-14T10:00:00Z"),
                        "PURCHASE", null), Snapshots.at("2022-01-14"))
                .apply(new QuantityChanged(s.quantity(3).build(), 2, 3, List.of(new BatchChange("b2", 1, null)),
                        List.of()), Snapshots.at("2022-07-01"));

        assertThat(ledger.invoice("2023-01").lines()).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(3))
                .satisfies(l -> assertThat(l.amount().toPlainString()).isEqualTo("1080.00"));
        // the increase itself is prorated over year 0 only: 360 x 197/365 = 194.3013 -> UP 194.31
        assertThat(ledger.invoice("2022-07").lines()).singleElement()
                .satisfies(l -> assertThat(l.amount().toPlainString()).isEqualTo("194.31"));
    }

    @Test
    void d18_renewal_of_an_annual_plan_is_a_renew_line_at_the_new_price() {
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(3).price("36.00").start("2022-01-14");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", 3, "2022-01-14T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-01-14"));
        Snapshots renewed = s.start("2023-01-14").price("37.80");

        ledger.apply(new SubscriptionRenewed(renewed.build(), null, Snapshots.batch("b9", 3, "2023-01-14T00:00:00Z"),
                null), Snapshots.at("2023-01-14"));

        InvoiceLine line = ledger.invoice("2023-01").lines().get(0);
        assertThat(line.chargeType()).isEqualTo(ChargeType.RENEW);
        assertThat(line.amount().toPlainString()).isEqualTo("1360.80"); // 37.80 x 12 x 3
    }
}
