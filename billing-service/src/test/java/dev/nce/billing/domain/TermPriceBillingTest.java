package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SubscriptionEvent.QuantityChanged;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * D22: an imported plan keeps its term price; a line for a whole term bills it exactly, a prorated line uses the
 * monthly price derived at scale 6 with the D1 rounding. Hand-typed prices (every seed figure) are unchanged.
 */
class TermPriceBillingTest {

    static final String OFFER = "CFQ7TTC0LF8Q:0001";
    /** O365 E1 P1Y/ANNUAL as Microsoft lists it: 65.18 per seat per year (65.18 / 12 = 5.431667, shown 5.43). */
    static final TermPrice E1_ANNUAL = new TermPrice(new BigDecimal("65.18"), new BigDecimal("52.14"), 12);

    static InMemoryLedger bought(TermPrice termPrice, Term term, BillingFrequency billing, String price, int qty) {
        Snapshots s = Snapshots.of(term, billing).quantity(qty).price(price).start("2025-12-05");
        InMemoryLedger ledger = new InMemoryLedger();
        if (termPrice != null) {
            ledger.withTermPrice(OFFER, termPrice);
        }
        return ledger.apply(new SubscriptionCreated(s.build(), Snapshots.batch("b1", qty, "2025-12-05T09:00:00Z"),
                "PURCHASE", null), Snapshots.at("2025-12-05"));
    }

    @Test
    void d22WholeTermUpFrontBillsTheTermPriceExactly() {
        InvoiceLine line = bought(E1_ANNUAL, Term.P1Y, BillingFrequency.ANNUAL, "5.43", 1).invoice("2025-12")
                .lines().get(0);
        assertThat(line.chargeType()).isEqualTo(ChargeType.NEW);
        assertThat(line.amount().toPlainString()).isEqualTo("65.18"); // not 65.19 (5.431667 x 12 = 65.180004, UP)
        assertThat(line.unitPrice().toPlainString()).isEqualTo("5.431667"); // the monthly price at scale 6

        assertThat(bought(E1_ANNUAL, Term.P1Y, BillingFrequency.ANNUAL, "5.43", 3).invoice("2025-12").total()
                .toPlainString()).isEqualTo("195.54"); // 65.18 x 3
    }

    @Test
    void d22WithoutTheTermPriceTheDerivedMonthlyPriceWouldRoundUpTo6519() {
        BigDecimal monthly = E1_ANNUAL.monthlyUnitPrice();
        assertThat(LineFormula.amount(monthly, 12, AppliedFx.NONE, 1, 365, 365, 1, "USD", RoundingPolicy.DEFAULT)
                .toPlainString()).isEqualTo("65.19");
        assertThat(LineFormula.amount(monthly, E1_ANNUAL.periodPrice(12).orElseThrow(), 12, AppliedFx.NONE, 1, 365,
                365, 1, "USD", RoundingPolicy.DEFAULT).toPlainString()).isEqualTo("65.18");
    }

    @Test
    void d22AddedSeatsArProratedFromTheScale6MonthlyPriceWithD1() {
        // +1 seat on 2026-06-13: 5.431667 x 12 x 175 / 365 = 31.2508 -> UP 31.26
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(1).price("5.43").start("2025-12-05");
        InMemoryLedger ledger = new InMemoryLedger().withTermPrice(OFFER, E1_ANNUAL)
                .apply(new SubscriptionCreated(s.build(), Snapshots.batch("b1", 1, "2025-12-05T09:00:00Z"),
                        "PURCHASE", null), Snapshots.at("2025-12-05"))
                .apply(new QuantityChanged(s.quantity(2).build(), 1, 2, List.of(new BatchChange("b2", 1, null)),
                        List.of()), Snapshots.at("2026-06-13"));
        InvoiceLine add = ledger.invoice("2026-06").lines().get(0);
        assertThat(add.chargeType()).isEqualTo(ChargeType.ADD_QUANTITY);
        assertThat(add.daysActive()).isEqualTo(175);
        assertThat(add.amount().toPlainString()).isEqualTo("31.26");
    }

    @Test
    void d22ThreeYearTermPricesBillTheTermOrOneThirdOfIt() {
        TermPrice device = new TermPrice(new BigDecimal("1620"), new BigDecimal("1134"), 36);
        assertThat(bought(device, Term.P3Y, BillingFrequency.TRIENNIAL, "45.00", 2).invoice("2025-12").total()
                .toPlainString()).isEqualTo("3240.00");
        assertThat(bought(device, Term.P3Y, BillingFrequency.ANNUAL, "45.00", 2).invoice("2025-12").total()
                .toPlainString()).isEqualTo("1080.00"); // year 1 of 3: 1620 / 3 x 2
    }

    @Test
    void d22APriceThatIsNotThePlansShownPriceIgnoresTheTermPrice() {
        // locked at 5.40 (another price, e.g. before the import): the classic formula 5.40 x 12
        assertThat(bought(E1_ANNUAL, Term.P1Y, BillingFrequency.ANNUAL, "5.40", 1).invoice("2025-12").total()
                .toPlainString()).isEqualTo("64.80");
        // no imported price at all: unchanged (the S004 and seed figures)
        assertThat(bought(null, Term.P1Y, BillingFrequency.ANNUAL, "5.43", 1).invoice("2025-12").total()
                .toPlainString()).isEqualTo("65.16");
    }
}
