package dev.nce.catalog.domain;

import dev.nce.contracts.Money;
import dev.nce.contracts.RuleViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Input checks and display scale of money amounts, rates and percents (API.md: strings at the currency's minor unit). */
public final class Amounts {

    /** API.md catalog-service: "Input prices have at most 4 decimals". */
    public static final int MAX_PRICE_DECIMALS = 4;
    /** FX rates carry more precision than prices (units of billing currency per USD). */
    public static final int MAX_RATE_DECIMALS = 10;
    /** Sanity bound for any price or rate: NUMERIC(19,4) holds 15 integer digits. */
    static final BigDecimal MAX_VALUE = new BigDecimal("1000000000");

    private Amounts() {}

    /** Required, not negative, at most {@code maxDecimals} decimals, below the sanity bound; 400 naming {@code field}. */
    public static BigDecimal requireAmount(BigDecimal value, String field, int maxDecimals) {
        if (value == null) {
            throw RuleViolation.invalidField(field, field + " is required");
        }
        return checkAmount(value, field, maxDecimals);
    }

    /** Like {@link #requireAmount} but null passes. */
    public static BigDecimal optionalAmount(BigDecimal value, String field, int maxDecimals) {
        return value == null ? null : checkAmount(value, field, maxDecimals);
    }

    private static BigDecimal checkAmount(BigDecimal value, String field, int maxDecimals) {
        if (value.signum() < 0) {
            throw RuleViolation.invalidField(field, field + " must not be negative");
        }
        if (decimals(value) > maxDecimals) {
            throw RuleViolation.invalidField(field, field + " has more than " + maxDecimals + " decimals");
        }
        if (value.compareTo(MAX_VALUE) >= 0) {
            throw RuleViolation.invalidField(field, field + " is too large");
        }
        return value;
    }

    /** Significant decimals: 12.5000 has 1. */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** D2: a published unit price, rounded to the currency's minor unit with the publication rounding mode. */
    public static BigDecimal publish(BigDecimal amount, String currency, RoundingMode rounding) {
        return Money.roundTo(amount, currency, rounding);
    }

    /** An input amount as shown: at least the currency's minor unit, more only when the input had more (36 -> 36.00). */
    public static BigDecimal display(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        return amount.setScale(Math.max(Money.minorUnits(currency), decimals(amount)), RoundingMode.UNNECESSARY);
    }

    /** A percent or rate as shown: no trailing zeros, never in exponent form (20, 5, 2.5, 0.92). */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return value.setScale(decimals(value), RoundingMode.UNNECESSARY);
    }
}
