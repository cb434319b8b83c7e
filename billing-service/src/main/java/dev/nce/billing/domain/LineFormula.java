package dev.nce.billing.domain;

import java.math.BigDecimal;

/**
 * The one amount formula of every line:
 * {@code amount = round(unitPrice x billingMonths x FX x quantity x daysActive / daysInPeriod)}.
 * BL-3 is the case billingMonths = 1 and daysInPeriod = days in the calendar month; BL-6/BL-7/R-I6 use the charge
 * period. The product is exact and divided once, at the D1 rounding point; credits (sign -1) round their absolute value.
 */
public final class LineFormula {

    private LineFormula() {}

    public static BigDecimal amount(BigDecimal unitPrice, int billingMonths, AppliedFx fx, int quantity,
                                    long daysActive, long daysInPeriod, int sign, String currency,
                                    RoundingPolicy rounding) {
        BigDecimal numerator = unitPrice
                .multiply(BigDecimal.valueOf(billingMonths))
                .multiply(fx.numerator())
                .multiply(BigDecimal.valueOf(quantity))
                .multiply(BigDecimal.valueOf(daysActive));
        BigDecimal denominator = fx.denominator().multiply(BigDecimal.valueOf(daysInPeriod));
        BigDecimal magnitude = rounding.divide(numerator, denominator, currency);
        return sign < 0 ? magnitude.negate() : magnitude;
    }
}
