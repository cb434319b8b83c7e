package dev.nce.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

    @ParameterizedTest(name = "{0} {1} shows as {2}")
    @CsvSource({"36, USD, 36.00", "36.0000, USD, 36.00", "12.3456, USD, 12.3456", "4350.0000, JPY, 4350", "12.5, KRW, 12.5"})
    void input_amounts_show_at_least_the_minor_unit(String amount, String currency, String shown) {
        assertThat(Amounts.display(new BigDecimal(amount), currency).toPlainString()).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} shows as {1}")
    @CsvSource({"20, 20", "20.00, 20", "2.50, 2.5", "0, 0", "0.000, 0", "100, 100"})
    void percents_and_rates_show_without_exponent(String value, String shown) {
        assertThat(Amounts.plain(new BigDecimal(value)).toString()).isEqualTo(shown);
    }
}
