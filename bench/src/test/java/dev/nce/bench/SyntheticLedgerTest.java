package dev.nce.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticLedgerTest {

    private final SyntheticLedger ledger = new SyntheticLedger("t", YearMonth.of(2022, 3), 1000, 100, 7);

    @Test
    void every_customer_gets_subscriptions_inside_the_month_and_generation_is_deterministic() {
        Set<String> customers = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            SyntheticLedger.Subscription s = ledger.subscription(i);
            customers.add(s.customerId());
            assertThat(s.start()).isBetween(YearMonth.of(2022, 3).atDay(1), YearMonth.of(2022, 3).atEndOfMonth());
            assertThat(s.end()).isAfterOrEqualTo(s.start()).isBeforeOrEqualTo(YearMonth.of(2022, 3).atEndOfMonth());
            assertThat(s).isEqualTo(ledger.subscription(i));
        }
        assertThat(customers).hasSize(100);
    }

    @Test
    void expected_amount_is_bl3_rounded_up_per_line() {
        var s = new SyntheticLedger.Subscription("c", "s", "o", YearMonth.of(2022, 3).atDay(1),
                YearMonth.of(2022, 3).atDay(16), 1, new BigDecimal("10.00"));
        assertThat(ledger.expectedAmount(s)).isEqualByComparingTo("5.17"); // S004 10 x 16/31
        var full = new SyntheticLedger.Subscription("c", "s", "o", YearMonth.of(2022, 3).atDay(1),
                YearMonth.of(2022, 3).atDay(31), 3, new BigDecimal("12.50"));
        assertThat(ledger.expectedAmount(full)).isEqualByComparingTo("37.50");
    }
}
