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

    /**
     * {@link #amount} for a charge that may carry a D22 period price: a line for its whole period
     * ({@code daysActive == daysInPeriod}) bills {@code periodPrice x FX x quantity}, exactly the term price
     * (65.18 x 1 = 65.18, where 65.18 / 12 = 5.431667 x 12 would round up to 65.19); otherwise the monthly formula.
     */
    public static BigDecimal amount(BigDecimal unitPrice, BigDecimal periodPrice, int billingMonths, AppliedFx fx,
                                    int quantity, long daysActive, long daysInPeriod, int sign, String currency,
                                    RoundingPolicy rounding) {
        if (periodPrice == null || daysActive != daysInPeriod) {
            return amount(unitPrice, billingMonths, fx, quantity, daysActive, daysInPeriod, sign, currency, rounding);
        }
        BigDecimal numerator = periodPrice.multiply(fx.numerator()).multiply(BigDecimal.valueOf(quantity));
        BigDecimal magnitude = rounding.divide(numerator, fx.denominator(), currency);
        return sign < 0 ? magnitude.negate() : magnitude;
    }

    /**
     * BL-7 a later credit of a line that was already partly credited ({@code priorSeatDays} seat-days): the rounded
     * total of all its credits minus the rounded earlier ones, so the credits of one line add up to the rounding of
     * their exact sum and never exceed the (rounded) charge. Negative.
     */
    public static BigDecimal laterCredit(BigDecimal unitPrice, int billingMonths, AppliedFx fx, long priorSeatDays,
                                         long seatDays, long daysInPeriod, String currency, RoundingPolicy rounding) {
        BigDecimal before = amount(unitPrice, billingMonths, fx, 1, priorSeatDays, daysInPeriod, 1, currency, rounding);
        BigDecimal after = amount(unitPrice, billingMonths, fx, 1, priorSeatDays + seatDays, daysInPeriod, 1, currency,
                rounding);
        return after.subtract(before).negate();
    }
}
