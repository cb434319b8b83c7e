package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.FxRate;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SubscriptionEvent.QuantityChanged;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The S004 invoices end to end through the ledger planner and the invoice builder (BL-1..BL-3, D1, D13, D18). */
class S004InvoiceTest {

    static final FxTable RATES = new FxTable(List.of(
            new FxRate("MYR", new BigDecimal("4.40"), LocalDate.of(2022, 2, 1)),
            new FxRate("MYR", new BigDecimal("4.45"), LocalDate.of(2022, 3, 1)),
            new FxRate("MYR", new BigDecimal("9.99"), LocalDate.of(2022, 3, 2)),
            new FxRate("SGD", new BigDecimal("1.32"), LocalDate.of(2022, 2, 15))));

    @ParameterizedTest(name = "S004 {0}: {1} {2} from {3}, qty 1 then 2 on {4} -> {5} + {6} = {7}")
    @CsvSource({
            "ex2 native AUD, 10.00, AUD, AUD, 2022-03-17, 5.17, 9.68, 14.85",
            "ex4 USD x 1.32, 20.00, USD, SGD, 2022-03-17, 13.63, 25.55, 39.18",
    })
    void s004_increase_on_the_17th_gives_two_cycle_lines(String example, String price, String pricing,
                                                         String billing, String increaseDay, String line1,
                                                         String line2, String total) {
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).price(price).currency(pricing)
                .start("2022-03-01");
        InMemoryLedger ledger = new InMemoryLedger()
                .apply(new SubscriptionCreated(s.build(), Snapshots.batch("b1", 1, "2022-03-01T00:00:00Z"), "PURCHASE",
                        null), Snapshots.at("2022-03-01"))
                .apply(new QuantityChanged(s.quantity(2).build(), 1, 2,
                        List.of(new BatchChange("b2", 1, null)), List.of()), Snapshots.at(increaseDay));

        InvoiceDraft march = ledger.invoice("2022-03", billing, RATES);

        assertThat(march.lines()).extracting(InvoiceLine::amount).map(BigDecimal::toPlainString)
                .containsExactly(line1, line2);
        assertThat(march.lines()).extracting(InvoiceLine::quantity).containsExactly(1, 2); // D18: the whole quantity
        assertThat(march.lines()).extracting(InvoiceLine::daysActive).containsExactly(16, 15);
        assertThat(march.lines()).extracting(InvoiceLine::daysInPeriod).containsExactly(31, 31);
        assertThat(march.lines()).extracting(InvoiceLine::chargeType).containsOnly(ChargeType.CYCLE);
        assertThat(march.lines().get(0).chargeEndDate()).isEqualTo(LocalDate.of(2022, 3, 16));
        assertThat(march.lines().get(1).chargeStartDate()).isEqualTo(LocalDate.of(2022, 3, 17));
        assertThat(march.total().toPlainString()).isEqualTo(total);
        assertThat(march.currency()).isEqualTo(billing);
    }

    @Test
    void s004_ex3_fx_rate_in_force_on_the_first_is_recorded_with_its_date_d13() {
        Snapshots s = Snapshots.of(Term.P1M, BillingFrequency.MONTHLY).price("7.00").currency("USD").start("2022-03-01");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", 1, "2022-03-01T00:00:00Z"), "PURCHASE", null), Snapshots.at("2022-03-01"));

        InvoiceDraft march = ledger.invoice("2022-03", "MYR", RATES);

        InvoiceLine line = march.lines().get(0);
        assertThat(line.amount().toPlainString()).isEqualTo("31.15");
        assertThat(line.fxRate()).isEqualByComparingTo("4.45"); // not 4.40 (older) nor 9.99 (from the 2nd)
        assertThat(line.fxRateDate()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(line.pricingCurrency()).isEqualTo("USD");
        assertThat(line.unitPrice()).isEqualByComparingTo("7.00");
    }

    @Test
    void s004_ex1_native_currency_needs_no_rate_d13() {
        Snapshots s = Snapshots.of(Term.P1M, BillingFrequency.MONTHLY).price("5.00").currency("AUD").start("2022-03-01");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", 1, "2022-03-01T00:00:00Z"), "PURCHASE", null), Snapshots.at("2022-03-01"));

        InvoiceDraft march = ledger.invoice("2022-03", "AUD", FxTable.empty());

        assertThat(march.total().toPlainString()).isEqualTo("5.00");
        assertThat(march.lines().get(0).fxRate()).isEqualByComparingTo("1");
        assertThat(march.lines().get(0).fxRateDate()).isNull();
    }

    @Test
    void d13_a_customer_without_a_rate_on_the_first_gets_no_invoice() {
        Snapshots s = Snapshots.of(Term.P1M, BillingFrequency.MONTHLY).price("7.00").currency("USD").start("2022-03-01");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", 1, "2022-03-01T00:00:00Z"), "PURCHASE", null), Snapshots.at("2022-03-01"));
        // SGD's only rate starts on 2022-02-15: none in force on 2022-02-01, so February cannot be invoiced in SGD
        FxTable sgdLate = new FxTable(List.of(new FxRate("SGD", new BigDecimal("1.32"), LocalDate.of(2022, 3, 2))));

        InvoiceBuilder.Result result = new InvoiceBuilder(RoundingPolicy.DEFAULT).build("cust-1",
                BillingPeriod.of(2022, 3), "SGD", ledger.charges, sgdLate);

        assertThat(result).isEqualTo(new InvoiceBuilder.MissingFxRate("SGD", LocalDate.of(2022, 3, 1)));
    }
}
