package dev.nce.catalog.domain;

import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.FxRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * FX rates (R-A7, D13): units of a billing currency per 1 USD, effective-dated. The rate in force at a date is the one
 * with the latest effectiveFrom on or before it; there is no rate before the first one (a rate is never guessed).
 */
public final class FxRates {

    private FxRates() {}

    public static Optional<FxRate> inForce(List<FxRate> rates, String currency, LocalDate date) {
        return rates.stream()
                .filter(r -> r.currency().equals(currency) && !r.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(FxRate::effectiveFrom));
    }

    /** An ISO 4217 code other than USD (the pricing currency has no rate: it is 1). */
    public static String requireBillingCurrency(String currency, String field) {
        Currencies.requireCode(currency, field);
        if (PriceLists.PRICING_CURRENCY.equals(currency)) {
            throw RuleViolation.invalidField(field, "USD is the pricing currency; its rate is always 1");
        }
        return currency;
    }

    /** A rate is positive with at most 10 decimals. */
    public static BigDecimal requireRate(BigDecimal rate, String field) {
        Amounts.requireAmount(rate, field, Amounts.MAX_RATE_DECIMALS);
        if (rate.signum() == 0) {
            throw RuleViolation.invalidField(field, field + " must be positive");
        }
        return rate;
    }
}
