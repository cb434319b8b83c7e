package dev.nce.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency. Amounts are BigDecimal; rounding happens only at the named points (D1 invoice lines,
 * D2 published prices) through {@link #roundTo(BigDecimal, String, RoundingMode)}.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** D13: minor units come from java.util.Currency (JPY and KRW have 0 decimals). */
    public static int minorUnits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    /** Rounds to the currency's minor unit with the given mode. */
    public static BigDecimal roundTo(BigDecimal amount, String currency, RoundingMode mode) {
        return amount.setScale(minorUnits(currency), mode);
    }

    /** True when the code is an ISO 4217 currency known to the JDK. */
    public static boolean isCurrency(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Money rounded(RoundingMode mode) { return new Money(roundTo(amount, currency, mode), currency); }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch " + currency + " vs " + other.currency);
        }
        return new Money(amount.add(other.amount), currency);
    }

    @Override
    public String toString() { return amount.toPlainString() + " " + currency; }
}
