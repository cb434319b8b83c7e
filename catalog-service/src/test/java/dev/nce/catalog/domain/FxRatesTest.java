package dev.nce.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.FxRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** D13: the rate in force at a date; never guessed before the first one. */
class FxRatesTest {

    static final List<FxRate> RATES = List.of(
            new FxRate("EUR", new BigDecimal("0.92"), LocalDate.parse("2022-01-01")),
            new FxRate("EUR", new BigDecimal("0.95"), LocalDate.parse("2022-03-01")),
            new FxRate("GBP", new BigDecimal("0.79"), LocalDate.parse("2022-01-01")));

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "EUR, 2022-01-01, 0.92",
            "EUR, 2022-02-28, 0.92",
            "EUR, 2022-03-01, 0.95",
            "EUR, 2030-01-01, 0.95",
            "GBP, 2022-03-01, 0.79",
            "EUR, 2021-12-31, ''",
            "CAD, 2022-03-01, ''",
    })
    void d13_rate_in_force(String currency, String date, String rate) {
        var found = FxRates.inForce(RATES, currency, LocalDate.parse(date));
        if (rate.isEmpty()) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).get().extracting(FxRate::rate).isEqualTo(new BigDecimal(rate));
        }
    }

    @ParameterizedTest(name = "currency {0} refused")
    @CsvSource({"USD", "EURO", "eur", "XYZ"})
    void a_rate_is_for_a_billing_currency_other_than_usd(String currency) {
        assertThatThrownBy(() -> FxRates.requireBillingCurrency(currency, "currency"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.details()).containsEntry("field", "currency"));
    }

    @ParameterizedTest(name = "rate {0} refused")
    @CsvSource({"0", "-0.5", "0.12345678901"})
    void a_rate_is_positive_with_at_most_ten_decimals(String rate) {
        assertThatThrownBy(() -> FxRates.requireRate(new BigDecimal(rate), "rate"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.details()).containsEntry("field", "rate"));
    }
}
