package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.catalog.FxRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BL-3: amount = UnitPrice x FX x Quantity x daysActive / daysInMonth, rounded per line (D1), the S004 examples. */
class CycleProrationTest {

    @ParameterizedTest(name = "S004 {0}: {1} x {2} x {3} over {4}..{5} = {6}")
    @CsvSource({
            "ex1 full March AUD,        5.00,  1,    1, 2022-03-01, 2022-03-31, AUD, 5.00",
            "ex2 line 1 (16/31),        10.00, 1,    1, 2022-03-01, 2022-03-16, AUD, 5.17",
            "ex2 line 2 (15/31),        10.00, 1,    2, 2022-03-17, 2022-03-31, AUD, 9.68",
            "ex3 7.00 USD x 4.45,       7.00,  4.45, 1, 2022-03-01, 2022-03-31, MYR, 31.15",
            "ex4 line 1 20 x 1.32,      20.00, 1.32, 1, 2022-03-01, 2022-03-16, SGD, 13.63",
            "ex4 line 2 20 x 1.32 x 2,  20.00, 1.32, 2, 2022-03-17, 2022-03-31, SGD, 25.55",
            "JPY has 0 decimals (D13),  10.00, 150.5, 1, 2022-03-01, 2022-03-16, JPY, 777",
            "KRW has 0 decimals (D13),  10.00, 1300, 3, 2022-03-01, 2022-03-31, KRW, 39000",
    })
    void bl3_s004_examples_round_up_per_line(String example, String price, String fx, int quantity, String from,
                                             String to, String currency, String expected) {
        BigDecimal amount = cycleAmount(price, fx, quantity, from, to, currency, RoundingPolicy.DEFAULT);
        assertThat(amount).isEqualByComparingTo(expected);
        assertThat(amount.toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "D1 {0}: 5.17 example gives {1}, 9.68 example gives {2}, 13.63 gives {3}, 25.55 gives {4}")
    @CsvSource({
            "UP,        5.17, 9.68, 13.63, 25.55",
            "HALF_UP,   5.16, 9.68, 13.63, 25.55",
            "HALF_EVEN, 5.16, 9.68, 13.63, 25.55",
            "DOWN,      5.16, 9.67, 13.62, 25.54",
    })
    void d1_rounding_strategy_is_configurable(String mode, String ex2a, String ex2b, String ex4a, String ex4b) {
        RoundingPolicy rounding = RoundingPolicy.parse(mode);
        assertThat(cycleAmount("10.00", "1", 1, "2022-03-01", "2022-03-16", "AUD", rounding)).isEqualByComparingTo(ex2a);
        assertThat(cycleAmount("10.00", "1", 2, "2022-03-17", "2022-03-31", "AUD", rounding)).isEqualByComparingTo(ex2b);
        assertThat(cycleAmount("20.00", "1.32", 1, "2022-03-01", "2022-03-16", "SGD", rounding)).isEqualByComparingTo(ex4a);
        assertThat(cycleAmount("20.00", "1.32", 2, "2022-03-17", "2022-03-31", "SGD", rounding)).isEqualByComparingTo(ex4b);
    }

    @ParameterizedTest(name = "D1 credits round their absolute value: {0} -> {1}")
    @CsvSource({"UP, -5.17", "HALF_UP, -5.16", "DOWN, -5.16"})
    void d1_credit_rounds_absolute_value(String mode, String expected) {
        BigDecimal credit = LineFormula.amount(new BigDecimal("10.00"), 1, AppliedFx.NONE, 1, 16, 31, -1, "AUD",
                RoundingPolicy.parse(mode));
        assertThat(credit).isEqualByComparingTo(expected);
    }

    static BigDecimal cycleAmount(String price, String fx, int quantity, String from, String to, String currency,
                                  RoundingPolicy rounding) {
        Charge segment = Charge.segment("sub-1", "offer-1", "Offer", ChargeType.CYCLE, LocalDate.parse(from),
                LocalDate.parse(to), quantity, new BigDecimal(price), "1".equals(fx) ? currency : "USD");
        FxTable table = new FxTable(List.of(new FxRate(currency, new BigDecimal(fx), LocalDate.of(2022, 1, 1))));
        InvoiceBuilder.Result result = new InvoiceBuilder(rounding).build("cust-1",
                BillingPeriod.containing(LocalDate.parse(from)), currency, List.of(segment), table);
        InvoiceDraft draft = ((InvoiceBuilder.Built) result).draft();
        assertThat(draft.lines()).hasSize(1);
        return draft.lines().get(0).amount();
    }
}
