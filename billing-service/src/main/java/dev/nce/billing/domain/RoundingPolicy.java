package dev.nce.billing.domain;

import dev.nce.contracts.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * D1: how an invoice line is rounded to the currency's minor unit. The default is UP (away from zero), which reproduces
 * every S004 figure; HALF_UP, HALF_EVEN and DOWN are the other settings ({@code billing.rounding}). Credits round their
 * absolute value the same way, so a credit and the charge it reverses round symmetrically.
 */
public record RoundingPolicy(RoundingMode mode) {

    /** D1 settled value. */
    public static final RoundingPolicy DEFAULT = new RoundingPolicy(RoundingMode.UP);

    public RoundingPolicy {
        if (mode != RoundingMode.UP && mode != RoundingMode.HALF_UP && mode != RoundingMode.HALF_EVEN
                && mode != RoundingMode.DOWN) {
            throw new IllegalArgumentException("billing.rounding must be UP, HALF_UP, HALF_EVEN or DOWN, not " + mode);
        }
    }

    /** Reads the {@code billing.rounding} setting. */
    public static RoundingPolicy parse(String setting) {
        try {
            return new RoundingPolicy(RoundingMode.valueOf(setting.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("billing.rounding must be UP, HALF_UP, HALF_EVEN or DOWN, not " + setting, e);
        }
    }

    /**
     * The exact quotient {@code numerator / denominator} rounded once to the currency's minor unit; a negative value
     * is rounded on its absolute value and negated (D1 credits).
     */
    public BigDecimal divide(BigDecimal numerator, BigDecimal denominator, String currency) {
        int scale = Money.minorUnits(currency);
        BigDecimal magnitude = numerator.abs().divide(denominator.abs(), scale, mode);
        return numerator.signum() * denominator.signum() < 0 ? magnitude.negate() : magnitude;
    }
}
